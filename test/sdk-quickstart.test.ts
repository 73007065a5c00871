import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { startTestServer } from './support/server';

const sdkDir = fileURLToPath(new URL('../packages/sdk', import.meta.url));
const server = await startTestServer();

describe('the SDK README quick start', () => {
  it('works pasted into a new project that installs the built package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chorus-sdk-quickstart-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // the package exactly as it would be published (built dist, files list, dependencies)
    execFileSync('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', dir], { cwd: sdkDir, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'saxo-quickstart', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, 'ws@8'], { cwd: dir, stdio: 'pipe', timeout: 120_000 });

    const readme = readFileSync(join(sdkDir, 'README.md'), 'utf8');
    const code = /## Quick start[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code, 'the README has a js quick start').toBeTruthy();
    writeFileSync(join(dir, 'quick-start.mjs'), code!);
    // not spawnSync: the server under test runs in this process and must keep answering
    const child = spawn(process.execPath, ['quick-start.mjs'], { cwd: dir, env: { ...process.env, CHORUS_URL: server.url, CHORUS_API_KEY: DEMO_API_KEY } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^FSD-\d{4}-\d{6} is at SN1, status SUBMITTED$/m);
  }, 150_000);
});
