/**
 * The SDK as published, for both module systems: built (dist/esm and dist/cjs) and packed,
 * the tarball installed with its dependencies into a fresh CommonJS project
 * (`require`) and a fresh ESM TypeScript project (`import`, tsc with strict,
 * noUncheckedIndexedAccess, exactOptionalPropertyTypes, module nodenext), each compiled and
 * run against the real server, making a real call, on each Node.js an application may run:
 * 20, 22 and 24 (fetched from the npm registry, as CI does). Then the size of a one-call
 * browser bundle (esbuild, minified) of the tree-shakable entry.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { packSdk, sdkDir } from './support/sdk-pack';
import { startTestServer } from './support/server';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const server = await startTestServer();

/** The Node.js majors applications run the SDK on; their builds come from the npm registry (linux x64, as on CI). */
const MAJORS = [20, 22, 24] as const;
const nodes = new Map<number, string>();

/** Runs a script of the project on a Node.js (asynchronously: the server under test answers from this process). */
async function node(cwd: string, file: string, execPath = process.execPath): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(execPath, [file], { cwd, env: { ...process.env, CHORUS_URL: server.url, CHORUS_API_KEY: DEMO_API_KEY } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const status = await new Promise<number | null>((ok) => child.on('exit', ok));
  return { status, stdout, stderr };
}

const CJS_APP = `'use strict';
const { createClient, ForbiddenError, ViewerKind } = require('@chorus-support/sdk');
const { ViewerDocument } = require('@chorus-support/sdk/documents');
const { createRequest, ChorusApiError } = require('@chorus-support/sdk/request');

(async () => {
  const chorus = createClient({ url: process.env.CHORUS_URL, apiKey: process.env.CHORUS_API_KEY });
  const { currentApplication } = await chorus.CurrentApplication();
  const request = createRequest({ url: process.env.CHORUS_URL, apiKey: process.env.CHORUS_API_KEY });
  const { viewer } = await request(ViewerDocument);
  console.log(JSON.stringify({ application: currentApplication.name, kind: viewer.kind, isApplication: viewer.kind === ViewerKind.APPLICATION, typed: ForbiddenError.prototype instanceof ChorusApiError }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
`;

const ESM_APP = `import WebSocket from 'ws';
import type { ExecutionResult } from 'graphql';
import { createClient, ForbiddenError, TicketUpdatedDocument, ViewerKind, type TicketUpdatedSubscription } from '@chorus-support/sdk';
import { IncidentTicketDocument } from '@chorus-support/sdk/documents';
import { createRequest } from '@chorus-support/sdk/request';

const url = process.env.CHORUS_URL;
const apiKey = process.env.CHORUS_API_KEY;
if (!url || !apiKey) throw new Error('Set CHORUS_URL and CHORUS_API_KEY.');
const chorus = createClient({ url, apiKey, webSocketImpl: WebSocket, retries: 0 });

const { currentApplication } = await chorus.CurrentApplication();
const structure = currentApplication.structures[0];
if (!structure) throw new Error('no structure');

// node() narrows by __typename
const request = createRequest({ url, apiKey });
const { node } = await request(IncidentTicketDocument, { id: structure.id });
const found: string = node?.__typename === 'Ticket' ? node.reference : \`a \${node?.__typename ?? 'nothing'}\`;

// subscriptions are typed by their document (compiled, not run)
export function typedSubscriptions() {
  const updates: AsyncIterableIterator<ExecutionResult<TicketUpdatedSubscription>> = chorus.subscribe(TicketUpdatedDocument, { id: 'x' });
  // @ts-expect-error a variable the subscription does not have
  chorus.subscribe(TicketUpdatedDocument, { ticket: 'x' });
  // @ts-expect-error the variables it needs
  chorus.subscribe(TicketUpdatedDocument);
  return updates;
}

const kind: ViewerKind = (await chorus.Viewer()).viewer.kind;
console.log(JSON.stringify({ application: currentApplication.name, kind, found, typed: new ForbiddenError('x', { code: 'FORBIDDEN' }).code }));
await chorus.close();
`;

let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chorus-sdk-package-'));
  // the package exactly as it would be published (built dist, files list, dependencies)
  const tarball = await packSdk(dir);
  // one install (its node_modules serve both projects below), from npm's cache when it has them
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'sdk-consumers', private: true }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, 'ws@8', '@types/node@20', '@types/ws@8'], { cwd: dir, timeout: 240_000 });
  for (const major of MAJORS) {
    if (Number(process.versions.node.split('.')[0]) === major) {
      nodes.set(major, process.execPath);
      continue;
    }
    const prefix = join(dir, 'nodes', String(major));
    await run('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `node-${process.platform}-${process.arch}@${major}`], { timeout: 240_000 });
    nodes.set(major, join(prefix, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node'));
  }
}, 900_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the packed SDK', () => {
  it.each(MAJORS)('is required from a CommonJS project on Node.js %i and calls the server', async (major) => {
    const project = join(dir, `cjs-app-${major}`);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cjs-app', private: true, type: 'commonjs' }));
    writeFileSync(join(project, 'app.js'), CJS_APP);
    const execPath = nodes.get(major)!;
    expect((await run(execPath, ['--version'])).stdout).toMatch(new RegExp(`^v${major}\\.`));
    const { status, stdout, stderr } = await node(project, 'app.js', execPath);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ application: 'SAXO', kind: 'APPLICATION', isApplication: true, typed: true });
  }, 60_000);

  it('is imported by a strict ESM TypeScript project (nodenext), compiles, and calls the server on Node.js 20, 22 and 24', async () => {
    const project = join(dir, 'esm-app');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'esm-app', private: true, type: 'module' }));
    writeFileSync(join(project, 'src/app.ts'), ESM_APP);
    const compilerOptions = { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], outDir: 'out', rootDir: 'src' };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
    // without skipLibCheck: the package's declarations themselves compile under these options
    const compiled = await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch((e) => e);
    expect(`${compiled.stdout ?? ''}${compiled.stderr ?? ''}`, 'tsc output').toBe('');
    // the same compiled app imported and run on each Node.js
    for (const major of MAJORS) {
      const { status, stdout, stderr } = await node(project, 'out/app.js', nodes.get(major)!);
      expect({ major, stderr, status }).toEqual({ major, stderr: '', status: 0 });
      expect(JSON.parse(stdout)).toEqual({ application: 'SAXO', kind: 'APPLICATION', found: 'a Structure', typed: 'FORBIDDEN' });
    }
  }, 180_000);

  it('bundles a one-call browser app of createRequest + one document small (esbuild, minified)', async () => {
    // the installed package's ESM build, its dependencies resolved from the project
    const { stdout } = await run(process.execPath, [join(sdkDir, 'scripts/bundle-size.mjs'), '--json', '--dist', join(dir, 'node_modules/@chorus-support/sdk/dist/esm')], { cwd: dir });
    const sizes = JSON.parse(stdout) as Record<string, { minified: number; gzipped: number }>;
    console.log(Object.entries(sizes).map(([app, s]) => `${app}: ${(s.minified / 1024).toFixed(1)} KB minified`).join('; '));
    expect(sizes['createRequest + ViewerDocument']!.minified).toBeLessThan(150 * 1024);
    // and it is the entry that makes the difference
    expect(sizes['createRequest + ViewerDocument']!.minified).toBeLessThan(sizes['createClient (whole SDK)']!.minified / 4);
  }, 60_000);
});
