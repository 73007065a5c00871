/**
 * Writes a migration for the difference between the entities and the migrated schema:
 *   npx -y pnpm@12.4.2 migration:create [name]
 * Runs against a throw-away embedded PostgreSQL (or DATABASE_URL), then lists the new file
 * in src/migrations/index.ts.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../src/core/config';
import { migrate, openDatabase } from '../src/core/database';
import { startEmbeddedPostgres } from '../src/core/embedded-postgres';

async function run() {
  const { databaseUrl } = loadConfig();
  const embedded = databaseUrl ? null : await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'chorus-migration-')), persistent: false });
  const orm = await openDatabase(databaseUrl ?? embedded!.url);
  try {
    await migrate(orm);
    const result = await orm.getMigrator().createMigration(undefined, false, false, process.argv[2]);
    if (!result.fileName) {
      console.log('No changes: the migrations already match the entities.');
      return;
    }
    const name = basename(result.fileName, '.ts');
    const indexPath = join(__dirname, '../src/migrations/index.ts');
    const cls = /export class (\w+)/.exec(result.code)![1];
    let index = readFileSync(indexPath, 'utf8');
    // newest migration last, in the imports as in the list
    index = index.replace(/\n\n\/\*\*/, `\nimport { ${cls} } from './${name}';\n\n/**`);
    index = index.replace(/\n\];/, `\n  { name: '${name}', class: ${cls} },\n];`);
    writeFileSync(indexPath, index);
    console.log(`Wrote src/migrations/${result.fileName} and listed it in src/migrations/index.ts`);
  } finally {
    await orm.close();
    await embedded?.stop();
  }
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});
