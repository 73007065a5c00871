/**
 * Mints a bearer token for a person of the directory:
 *   npx -y pnpm@12.4.2 mint-token camille.martin@education.example [ttl, e.g. 12h]
 * Uses DATABASE_URL, or the embedded database of `pnpm start` (stop the server first or
 * set EMBEDDED_PG_PORT to the port it prints) — and JWT_SECRET, or the demo secret.
 */
import 'reflect-metadata';
import pg from 'pg';
import { mintToken } from '../src/access/credentials';
import { loadConfig } from '../src/core/config';
import { startEmbeddedPostgres } from '../src/core/embedded-postgres';

async function run() {
  const [email, ttl = '12h'] = process.argv.slice(2);
  if (!email) throw new Error('usage: token <email> [ttl]');
  process.chdir(join(__dirname, '../../..'));
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.embeddedPgDir });
  const url = config.databaseUrl ?? embedded!.url.replace(/\/postgres$/, '/chorus_support');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query('select id from person where email = lower($1) and active', [email]);
    if (!rows.length) throw new Error(`No active person has the email ${email}.`);
    console.log(await mintToken(config.jwt, rows[0].id, ttl));
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}
import { join } from 'node:path';
run().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
