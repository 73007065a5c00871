import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printSortedSchema } from '../packages/server/src/schema';
import { persistedDocumentsManifest } from '../packages/sdk/scripts/persisted-documents.mjs';
import { emptyDescriptionReason, emptyDescriptions } from './support/descriptions';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const FIX = 'run `npx -y pnpm@12.4.2 gen` and commit the result';

describe('schema and SDK drift', () => {
  it(`the checked-in schema.graphql is what the server builds (${FIX})`, async () => {
    const built = printSortedSchema(await buildAppSchema());
    expect(readFileSync(root('packages/schema/schema.graphql'), 'utf8')).toBe(built);
  });

  it(`the generated SDK is what codegen makes of the schema and operations (${FIX})`, async () => {
    const { default: config } = await import('../packages/sdk/codegen');
    const sdkDir = root('packages/sdk');
    const prev = process.cwd();
    process.chdir(sdkDir);
    try {
      const files = await generate({ ...config, cwd: sdkDir, silent: true, verbose: false }, false);
      for (const name of ['documents.ts', 'generated.ts', 'error-classes.ts']) {
        const generated = files.find((f: { filename: string }) => f.filename.endsWith(name));
        expect(generated, `codegen produced src/${name}`).toBeDefined();
        expect(readFileSync(root(`packages/sdk/src/${name}`), 'utf8'), name).toBe(generated.content);
      }
    } finally {
      process.chdir(prev);
    }
  });

  it(`the persisted-documents manifest is the SDK's documents, by the id the SDK sends (${FIX})`, () => {
    const made = persistedDocumentsManifest(readFileSync(root('packages/sdk/src/documents.ts'), 'utf8'));
    expect(readFileSync(root('packages/schema/persisted-documents.json'), 'utf8')).toBe(made);
    // every operation of packages/schema/operations is in it
    const operations = [...readFileSync(root('packages/sdk/src/documents.ts'), 'utf8').matchAll(/^export const (\w+)Document = /gm)].map((m) => m[1]);
    const names = Object.values(JSON.parse(made) as Record<string, string>).map((d) => /^(?:query|mutation|subscription) (\w+)/.exec(d)?.[1]);
    expect(names.sort()).toEqual(operations.sort());
  });

  it('every public type, field, argument, input field and enum value has a description that says more than its name', async () => {
    const offenders = emptyDescriptions(await buildAppSchema());
    expect(offenders, `${offenders.length} descriptions say nothing:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('the description check refuses what says nothing and lets through what says something', () => {
    // the rule itself, on descriptions of each kind it must refuse and on real ones it must accept
    expect(emptyDescriptionReason('ticketId', 'The ticket.')).toMatch(/restates/);
    expect(emptyDescriptionReason('bot', 'The bot.', ['Conversation', 'Bot'])).toMatch(/restates/);
    expect(emptyDescriptionReason('openedAt', 'When it was opened.')).toBeNull();
    expect(emptyDescriptionReason('WAITING_FOR_INFO', 'Waiting for info.', ['TicketStatus'])).toMatch(/restates/);
    expect(emptyDescriptionReason('openTickets', 'The open tickets.')).toMatch(/restates/);
    expect(emptyDescriptionReason('input', 'What to do.', ['openTicket', 'OpenTicketInput'])).toMatch(/filler/);
    expect(emptyDescriptionReason('input', 'The change to make.')).toMatch(/filler/);
    expect(emptyDescriptionReason('title', '')).toBe('no description');
    expect(emptyDescriptionReason('ticketId', 'Id of a ticket the caller may see (NOT_FOUND otherwise).')).toBeNull();
    expect(emptyDescriptionReason('body', 'The text (1 to 20000 characters).')).toBeNull();
  });
});
