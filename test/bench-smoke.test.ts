import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The benchmarks (bench/reads.ts, bench/live.ts) in their smoke mode: a tiny dataset and a
 * few requests per run, so the scripts cannot rot. Their figures mean nothing here; what is
 * checked is that they ran end to end: the three targets answered alike, every run was
 * measured, the CPU profile was summarised and the live-updates figures were printed.
 *
 * The server is built once here (`tsc -b`, a no-op when the typecheck already built it), so
 * each bench skips its own build. A bench that does not end in time is killed — it used to
 * hang for ever when production refused its demo accounts and the refused subscribers kept
 * it alive — and its output is shown.
 */
const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROOT = resolve(__dirname, '..');
beforeAll(() => {
  execFileSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-b', 'packages/server'], { cwd: ROOT, stdio: 'inherit' });
}, 300_000);

function runBench(script: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
      cwd: resolve(ROOT, 'bench'),
      env: { ...process.env, BENCH_BUILD: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      out += `\n(killed after ${timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', () => clearTimeout(timer));
    let out = '';
    child.stdout.on('data', (d) => (out += d, process.env.BENCH_SMOKE_ECHO && process.stderr.write(d)));
    child.stderr.on('data', (d) => (out += d, process.env.BENCH_SMOKE_ECHO && process.stderr.write(d)));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, out }));
  });
}

describe('bench:reads, smoke mode', () => {
  it('checks the answers of the three targets and prints every figure', { timeout: 200_000 }, async () => {
    const json = join(dir, 'figures.json');
    const { code, out } = await runBench('reads.ts', { BENCH_SMOKE: '1', BENCH_JSON: json, DATABASE_URL: inject('pgAdminUrl'), BENCH_TEMPLATE: inject('templates').demo }, 180_000);
    expect(code, out).toBe(0);

    expect(out).toMatch(/answers checked: the 6 queries give the same 50 items with the same values from the three targets/);
    expect(out).toMatch(/\| query .*\| ours req\/s .*\| PostGraphile req\/s .*\| floor req\/s .*\| ours\/PGL req\/s .*\| ours\/floor req\/s/);
    expect(out).toMatch(/CPU profile of our server on the hot list/);
    expect(out).toMatch(/top frames by self time/);
    expect(out).toMatch(/live updates: 20 ticketEvents subscribers over 2 instances/);
    expect(out).toMatch(/delivery latency .*p99 \d+ ms/);

    const figures = JSON.parse(readFileSync(json, 'utf8'));
    expect(figures.answersChecked).toBe(true);
    expect(figures.bad).toBe(0);
    // every query × target was measured (the smoke mode runs at 4 connections only)
    expect(figures.runs).toHaveLength(6 * 3);
    for (const r of figures.runs) {
      expect(r.requests, `${r.query} ${r.target} ${r.connections}`).toBeGreaterThan(0);
      expect(r.rps).toBeGreaterThan(0);
      expect(r.p99).toBeGreaterThanOrEqual(r.p50);
      expect(r.rssMb, `${r.target} RSS`).toBeGreaterThan(10);
    }
    expect(new Set(figures.runs.map((r: any) => r.target))).toEqual(new Set(['ours', 'postgraphile', 'floor']));
    // the profile saw our server's own code at work
    expect(figures.profile.frames.length).toBeGreaterThan(5);
    expect(figures.profile.packages.some((p: any) => p.pkg === '@chorus-support/server')).toBe(true);
    // live updates: everything delivered, nothing outside a perimeter
    expect(figures.live.expected).toBeGreaterThan(0);
    expect(figures.live.delivered).toBe(figures.live.expected);
    expect(figures.live.lost).toBe(0);
    expect(figures.live.outside).toBe(0);
    expect(Number.isFinite(figures.live.p99)).toBe(true);
  });
});

describe('bench:live, smoke mode', () => {
  it('delivers the burst to subscribers of every kind over two production instances, none lost, none outside', { timeout: 120_000 }, async () => {
    const json = join(dir, 'live.json');
    const { code, out } = await runBench('live.ts', { BENCH_SMOKE: '1', BENCH_JSON: json, DATABASE_URL: inject('pgAdminUrl'), BENCH_TEMPLATE: inject('templates').demo }, 100_000);
    expect(code, out).toBe(0);
    expect(out).toMatch(/live updates: 20 ticketEvents subscribers over 2 instances \(\d+ SN1 agents, \d+ SN2 agents, 1 application connections, \d+ CCAs of \d+ structures\)/);
    expect(out).toMatch(/delivery latency .*p99 \d+ ms/);
    const { live } = JSON.parse(readFileSync(json, 'utf8'));
    expect(live.expected).toBeGreaterThan(0);
    expect(live).toMatchObject({ delivered: live.expected, lost: 0, outside: 0, duplicates: 0, errors: 0 });
  });
});
