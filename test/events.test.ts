import { describe, expect, it } from 'vitest';
import { collect, subscriptionsRunning, untilSubscribed, wsClient } from './support/ws';
import { startTestServer } from './support/server';

const a = await startTestServer();
const b = await startTestServer({ databaseUrl: a.databaseUrl });

describe('events across server instances (PostgreSQL LISTEN/NOTIFY)', () => {
  it('delivers a change made on instance B to a subscriber on instance A, over a real WebSocket', async () => {
    const analyst = await a.tokenForRole('ANALYST');
    const client = wsClient(a.url, { token: analyst });
    const before = await subscriptionsRunning(a.url);
    const sub = collect(client, `subscription { directoryChanged { kind nodeId at } }`);
    await untilSubscribed(a.url, before + 1);

    const admin = await b.tokenForRole('ADMINISTRATOR');
    const { body } = await b.gql(`{ structures(first: 1, filter: { search: "CSP-LYON" }) { nodes { id } } }`, {}, { token: admin });
    const id = body.data.structures.nodes[0].id;
    const changed = await b.gql(`mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { userErrors { code } } }`, { input: { id, name: 'Plate-forme Chorus de Lyon (renamed)' } }, { token: admin });
    expect(changed.body.data.updateStructure.userErrors).toEqual([]);

    const [event] = await sub.next(1);
    expect(event).toMatchObject({ data: { directoryChanged: { kind: 'STRUCTURE', nodeId: id, at: expect.any(String) } } });
    sub.dispose();
    await client.dispose();
  });

  it('applies the same authorisation to subscriptions: anonymous refused, wrong role FORBIDDEN', async () => {
    const anonymous = wsClient(a.url, {});
    const denied = collect(anonymous, `subscription { directoryChanged { kind } }`);
    await denied.next(1, 3000).catch(() => undefined);
    expect(denied.errors.length).toBe(1);
    expect(String((denied.errors[0] as { code?: number; reason?: string }).code)).toBe('4403');
    await anonymous.dispose();

    const user = wsClient(a.url, { token: await a.tokenForRole('END_USER') });
    const forbidden = collect(user, `subscription { directoryChanged { kind } }`);
    await forbidden.next(1, 3000).catch(() => undefined);
    expect(JSON.stringify(forbidden.errors[0] ?? forbidden.results[0])).toMatch(/FORBIDDEN/);
    await user.dispose();
  });
});
