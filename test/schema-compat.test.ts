import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without declarations
import { compareSchemas } from '../packages/sdk/scripts/schema-compat.mjs';

const at = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

const RELEASED = `
type Query { ticket(reference: String!): Ticket, legacy: String @deprecated(reason: "use ticket") }
type Ticket { reference: String!, title: String!, oldCode: String @deprecated(reason: "gone in 2.0") }
enum Status { NEW CLOSED }`;

describe('schema versioning against the last released schema', () => {
  it('refuses to remove a released field that was not deprecated first', async () => {
    const r = await compareSchemas(RELEASED, RELEASED.replace('title: String!, ', ''));
    expect(r.bump).toBe('major');
    expect(r.refused.map((c: any) => c.path)).toEqual(['Ticket.title']);
  });

  it('allows removing fields that were deprecated in the release (a major bump)', async () => {
    const r = await compareSchemas(RELEASED, RELEASED.replace(', oldCode: String @deprecated(reason: "gone in 2.0")', '').replace(', legacy: String @deprecated(reason: "use ticket")', ''));
    expect(r.breaking.length).toBe(2);
    expect(r.refused).toEqual([]);
    expect(r.bump).toBe('major');
  });

  it('calls an added field safe (minor) and a new enum value dangerous', async () => {
    const added = await compareSchemas(RELEASED, RELEASED.replace('title: String!,', 'title: String!, priority: Int,'));
    expect(added).toMatchObject({ bump: 'minor', refused: [], breaking: [] });
    const enumValue = await compareSchemas(RELEASED, RELEASED.replace('NEW CLOSED', 'NEW REOPENED CLOSED'));
    expect(enumValue.dangerous.length).toBe(1);
  });

  it('the current schema breaks nothing that was released', async () => {
    const r = await compareSchemas(readFileSync(at('packages/schema/released/schema.graphql'), 'utf8'), readFileSync(at('packages/schema/schema.graphql'), 'utf8'));
    expect(r.refused.map((c: any) => c.message)).toEqual([]);
  });
});
