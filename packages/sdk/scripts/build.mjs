#!/usr/bin/env node
// Builds the package as published: ESM (dist/esm) and CommonJS (dist/cjs, marked as such by
// its own package.json), each with its type declarations. `npm pack` / `pnpm pack` run it
// (prepack). It builds aside, then swaps the new dist in, so that whatever reads dist
// meanwhile (a test running an example) never sees it half written.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const next = `node_modules/.build-next-${process.pid}`;
const old = `node_modules/.build-old-${process.pid}`;
const at = (p) => `${dir}${p}`;
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', `${next}/esm`, '--tsBuildInfoFile', `${next}/esm/.tsbuildinfo`], { cwd: dir, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json', '--outDir', `${next}/cjs`], { cwd: dir, stdio: 'inherit' });
  writeFileSync(at(`${next}/cjs/package.json`), `${JSON.stringify({ type: 'commonjs' })}\n`);
  if (existsSync(at('dist'))) renameSync(at('dist'), at(old));
  renameSync(at(next), at('dist'));
} finally {
  rmSync(at(next), { recursive: true, force: true });
  rmSync(at(old), { recursive: true, force: true });
}
