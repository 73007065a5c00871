import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printSortedSchema } from '../packages/server/src/schema';

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
      for (const name of ['generated.ts', 'error-classes.ts']) {
        const generated = files.find((f: { filename: string }) => f.filename.endsWith(name));
        expect(generated, `codegen produced src/${name}`).toBeDefined();
        expect(readFileSync(root(`packages/sdk/src/${name}`), 'utf8'), name).toBe(generated.content);
      }
    } finally {
      process.chdir(prev);
    }
  });

  it('every public type, field, argument and enum value has a description', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      const t = type as any;
      if (typeof t.getFields === 'function') {
        for (const f of Object.values<any>(t.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          for (const a of f.args ?? []) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (typeof t.getValues === 'function') for (const v of t.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing, missing.join(", ")).toEqual([]);
  });
});
