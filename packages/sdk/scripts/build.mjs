#!/usr/bin/env node
// Builds the package as published: ESM (dist/esm) and CommonJS (dist/cjs, marked as such by
// its own package.json), each with its type declarations. `npm pack` / `pnpm pack` run it
// (prepack). It builds aside, then swaps the new dist in, so that whatever reads dist
// meanwhile (a test running an example) never sees it half written.
//
//   node scripts/build.mjs                   # into packages/sdk/dist
//   node scripts/build.mjs --out-dir <dir>   # into <dir>/esm and <dir>/cjs (tests build there)
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const at = (p) => resolve(dir, p);

function buildInto(out) {
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', `${out}/esm`, '--tsBuildInfoFile', `${out}/esm/.tsbuildinfo`], { cwd: dir, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json', '--outDir', `${out}/cjs`], { cwd: dir, stdio: 'inherit' });
  writeFileSync(`${out}/cjs/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
}

const i = process.argv.indexOf('--out-dir');
if (i > 0) {
  buildInto(resolve(process.argv[i + 1]));
} else {
  const next = at(`node_modules/.build-next-${process.pid}`);
  const old = at(`node_modules/.build-old-${process.pid}`);
  try {
    buildInto(next);
    // another build may swap its own in meanwhile: move whatever is there aside, until ours is in
    for (;;) {
      try {
        renameSync(at('dist'), old);
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
      }
      try {
        renameSync(next, at('dist'));
        break;
      } catch (e) {
        if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
      }
      rmSync(old, { recursive: true, force: true });
    }
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
