import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { collect, wsClient } from './support/ws';

const server = await startTestServer();
const base = server.url.replace(/\/graphql$/, '');

describe('operations endpoints', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('/readyz turns 503 when the database stops answering, and back', async () => {
    const { rows } = await sql(server.databaseUrl, `select current_database() as db`);
    // forbid new connections and end the server's: the pool cannot reach the database
    await sql(server.databaseUrl.replace(/\/[^/]+$/, '/postgres'), `alter database ${rows[0].db} with allow_connections false`);
    await sql(server.databaseUrl.replace(/\/[^/]+$/, '/postgres'), `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [rows[0].db]);
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await sql(server.databaseUrl.replace(/\/[^/]+$/, '/postgres'), `alter database ${rows[0].db} with allow_connections true`);
    let up = 0;
    for (let i = 0; i < 20 && up !== 200; i++) {
      up = (await fetch(`${base}/readyz`)).status;
      if (up !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(up).toBe(200);

    // the LISTEN connection came back too: a change still reaches a subscriber
    const analyst = await server.tokenForRole('ANALYST');
    const client = wsClient(server.url, { token: analyst });
    const sub = collect(client, `subscription { directoryChanged { kind } }`);
    let delivered = false;
    const admin = await server.tokenForRole('ADMINISTRATOR');
    const { body } = await server.gql(`{ structures(first: 1) { nodes { id } } }`, {}, { token: admin });
    for (let i = 0; i < 30 && !delivered; i++) {
      await server.gql(`mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { userErrors { code } } }`, { input: { id: body.data.structures.nodes[0].id, name: `Renamed ${i}` } }, { token: admin });
      delivered = (await sub.next(1, 300).catch(() => [])).length > 0;
    }
    expect(delivered).toBe(true);
    sub.dispose();
    await client.dispose();
  });
});
