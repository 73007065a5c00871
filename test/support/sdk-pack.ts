/**
 * The SDK packed as it would be published, without touching packages/sdk/dist (other test
 * files read it meanwhile, and two packs at once would build over each other): the package
 * is built into a staging folder with its package.json (lifecycle scripts removed: the build
 * is done), README and examples, then `pnpm pack`ed from there.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const sdkDir = fileURLToPath(new URL('../../packages/sdk', import.meta.url));

/** Packs the SDK into `destination`; returns the tarball's file name. */
export async function packSdk(destination: string): Promise<string> {
  const stage = mkdtempSync(join(tmpdir(), 'chorus-sdk-stage-'));
  try {
    await run(process.execPath, [join(sdkDir, 'scripts/build.mjs'), '--out-dir', join(stage, 'dist')], { cwd: sdkDir, timeout: 300_000 });
    const manifest = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
    delete manifest.scripts;
    writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
    cpSync(join(sdkDir, 'README.md'), join(stage, 'README.md'));
    cpSync(join(sdkDir, 'examples'), join(stage, 'examples'), { recursive: true });
    await run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', destination], { cwd: stage, timeout: 120_000 });
    return readdirSync(destination).find((f) => f.endsWith('.tgz'))!;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
