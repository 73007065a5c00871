/**
 * The SDK is versioned like a public API: its version follows the schema's changes since the
 * released baseline, every released version has a CHANGELOG entry, and main may only add to
 * the released schema between releases (a breaking change needs `pnpm release:schema`, a major).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM scripts without declarations
import { compareSchemas } from '../packages/sdk/scripts/schema-compat.mjs';
// @ts-expect-error plain ESM scripts without declarations
import { baselineHeader, baselineSchema, changelogEntry, nextVersion, PATHS, withEntry } from '../packages/sdk/scripts/release-schema.mjs';

const read = (p: string) => readFileSync(p, 'utf8');
const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const sdkVersion: string = JSON.parse(read(at('packages/sdk/package.json'))).version;

describe('the released schema and the SDK version', () => {
  it('the SDK, the schema package and the baseline name the same version, which CHANGELOG.md describes', () => {
    expect(JSON.parse(read(at('packages/schema/package.json'))).version).toBe(sdkVersion);
    expect(read(PATHS.released).split('\n')[0]).toBe(baselineHeader(sdkVersion));
    const changelog = read(at('packages/sdk/CHANGELOG.md'));
    expect(changelog).toContain(`\n## ${sdkVersion} — `);
    // the newest entry is the current version's
    expect(/\n## (\d+\.\d+\.\d+) — /.exec(changelog)?.[1]).toBe(sdkVersion);
  });

  it('since the release, the schema only grew: no breaking change is unreleased', async () => {
    const report = await compareSchemas(baselineSchema(read(PATHS.released)), read(PATHS.current));
    const unreleased = [...report.breaking, ...report.dangerous, ...report.safe].map((c: { message: string }) => c.message);
    // run `npx -y pnpm@12.4.2 release:schema` to release a breaking change (a major version)
    expect(report.breaking.map((c: { message: string }) => c.message), `unreleased changes:\n${unreleased.join('\n')}`).toEqual([]);
  });
});

describe('the release script’s rules', () => {
  const RELEASED = `type Query { ticket(reference: String!): Ticket }
type Ticket { reference: String!, title: String!, status: Status! }
"""Statuses. New values may be added: handle unknown values."""
enum Status { NEW CLOSED }`;

  it('breaking → major, dangerous or added → minor, other changes → patch', async () => {
    const cases: [string, string][] = [
      [RELEASED.replace('title: String!, ', ''), '2.0.0'],
      [RELEASED.replace('NEW CLOSED', 'NEW REOPENED CLOSED'), '1.1.0'],
      [RELEASED.replace('title: String!,', 'title: String!, priority: Int,'), '1.1.0'],
      [RELEASED.replace('type Ticket {', '"""A ticket."""\ntype Ticket {'), '1.0.1'],
      [RELEASED, '1.0.0'],
    ];
    for (const [current, expected] of cases) expect(nextVersion('1.0.0', (await compareSchemas(RELEASED, current)).bump)).toBe(expected);
  });

  it('writes an entry from the diff, dangerous changes with their warning, newest first', async () => {
    const report = await compareSchemas(RELEASED, RELEASED.replace('NEW CLOSED', 'NEW REOPENED CLOSED').replace('title: String!,', 'title: String!, priority: Int,'));
    const entry: string = changelogEntry('1.1.0', '2026-12-08', report);
    expect(entry).toMatch(/^## 1\.1\.0 — 2026-12-08\n/);
    expect(entry).toContain('### Dangerous changes\n\nNothing stops working');
    expect(entry).toMatch(/- Enum value 'REOPENED' was added to enum 'Status'/);
    expect(entry).toMatch(/### Additions and other safe changes\n\n- Field 'priority' was added to object type 'Ticket'/);
    const log: string = withEntry(withEntry('', changelogEntry('1.0.0', '2026-12-01', await compareSchemas(RELEASED, RELEASED))), entry);
    expect(log.indexOf('## 1.1.0')).toBeLessThan(log.indexOf('## 1.0.0'));
    expect(log).toMatch(/^# Changelog of @chorus-support\/sdk\n/);
  });
});
