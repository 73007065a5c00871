/**
 * The SDK as a business app's developer meets it: the package packed as it would be
 * published, installed in a fresh project; its type declarations checked by
 * @arethetypeswrong/cli (ESM and CommonJS); every code block of its README and every
 * `@example` of its documentation comments extracted (never a second copy), compiled with tsc
 * (`strict`, `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`) against the installed
 * package, and run against the real server; the examples/ scripts compiled (checkJs) too.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { packSdk } from './support/sdk-pack';
import { startTestServer } from './support/server';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const sdkDir = join(repo, 'packages/sdk');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const attw = join(repo, 'test/node_modules/.bin/attw');
const server = await startTestServer();

interface Snippet {
  file: string;
  from: string;
  code: string;
}

/** ```ts blocks of the README, and the ```ts blocks inside `@example` tags of the SDK's sources. */
function snippets(): Snippet[] {
  const out: Snippet[] = [];
  const readme = readFileSync(join(sdkDir, 'README.md'), 'utf8');
  const fences = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  // every fence is TypeScript, except the shell lines the test itself runs (npm install)
  for (const [, lang] of fences) expect(['ts', 'sh'], `README fence \`\`\`${lang}`).toContain(lang);
  fences.filter(([, lang]) => lang === 'ts').forEach(([, , code], i) => out.push({ file: `readme-${i + 1}.ts`, from: `README.md block ${i + 1}`, code }));
  for (const name of readdirSync(join(sdkDir, 'src')).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(sdkDir, 'src', name), 'utf8');
    let n = 0;
    for (const [, body] of source.matchAll(/@example\s*\n((?:\s*\*.*\n)+?)\s*\*\s*(?:@|\/)/g)) {
      const text = body.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
      const code = /```ts\n([\s\S]*?)```/.exec(text)?.[1];
      expect(code, `${name}: an @example without a \`\`\`ts block`).toBeTruthy();
      out.push({ file: `example-${name.replace(/\.ts$/, '')}-${++n}.ts`, from: `src/${name} @example ${n}`, code: code! });
    }
  }
  return out;
}

let dir = '';
let tarball = '';
const found = snippets();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-sdk-docs-'));
  // the package exactly as it would be published (built dist, files list, dependencies)
  tarball = await packSdk(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'saxo-integration', private: true, type: 'module' }));
  // the README's install lines, as a developer runs them
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, 'ws@8'], { cwd: dir, timeout: 180_000 });
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-dev', '@types/node@20', '@types/ws@8'], { cwd: dir, timeout: 180_000 });
}, 400_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the packed SDK in a fresh project', () => {
  it('finds the README blocks and the @example blocks', () => {
    expect(found.filter((s) => s.file.startsWith('readme')).length).toBeGreaterThanOrEqual(2);
    expect(found.filter((s) => s.file.startsWith('example')).length).toBeGreaterThanOrEqual(4);
  });

  it('has type declarations that resolve for ESM and CommonJS, in Node.js and bundlers (arethetypeswrong)', async () => {
    const res = await run(attw, [join(dir, tarball), '--format', 'ascii', '--no-color'], { cwd: dir }).catch((e) => e);
    expect(res.code ?? 0, `${res.stdout}\n${res.stderr}`).toBe(0);
    // each entry point: JavaScript and types for require (CJS) and import (ESM), and bundlers
    for (const entry of ['@chorus-support/sdk', '@chorus-support/sdk/documents', '@chorus-support/sdk/request']) {
      const section = res.stdout.split(`"${entry}"`)[1]?.split('****')[0] ?? '';
      expect(section, entry).toMatch(/node16 \(from CJS\): 🟢 \(CJS\)/);
      expect(section, entry).toMatch(/node16 \(from ESM\): 🟢 \(ESM\)/);
      expect(section, entry).toMatch(/bundler: 🟢/);
    }
  }, 60_000);

  it('compiles every README block, @example and example script with tsc strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes', async () => {
    const src = join(dir, 'src');
    mkdirSync(src, { recursive: true });
    for (const s of found) writeFileSync(join(src, s.file), s.code);
    const scripts = readdirSync(join(sdkDir, 'examples')).filter((f) => f.endsWith('.mjs'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) writeFileSync(join(src, f), readFileSync(join(sdkDir, 'examples', f), 'utf8').replace(/^#!.*\n/, ''));
    const compilerOptions = {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      allowJs: true,
      checkJs: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      types: ['node'],
      outDir: 'out',
      rootDir: 'src',
      skipLibCheck: true,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
    const res = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch((e) => e);
    expect(`${res.stdout ?? ''}${res.stderr ?? ''}`, 'tsc output').toBe('');
  }, 120_000);

  it.each(found.map((s) => [s.from, s] as const))('runs %s against the server', async (_from, s) => {
    const token = await server.tokenForRole('ANALYST');
    // not spawnSync: the server under test runs in this process and must keep answering
    const child = spawn(process.execPath, [join('out', s.file.replace(/\.ts$/, '.js'))], { cwd: dir, env: { ...process.env, CHORUS_URL: server.url, CHORUS_API_KEY: DEMO_API_KEY, CHORUS_TOKEN: token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(stderr, `${s.from} wrote to stderr`).toBe('');
    expect(status, s.from).toBe(0);
    expect(stdout.length, `${s.from} printed nothing`).toBeGreaterThan(0);
    if (s.from === 'README.md block 1') expect(stdout).toMatch(/^FSD-\d{4}-\d{6} is at SN1, status SUBMITTED$/m);
  }, 60_000);
});
