import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { fromGlobalId } from '../packages/server/src/core/ids';
import { readChange } from '../packages/server/src/service-desk/ticket.live';
import type { TicketChangedMessage } from '../packages/server/src/service-desk/ticket.types';

/**
 * TICKET_CHANGED carries the change's rows, written by the database at commit, and instances
 * deliver from them without reading: they must be the transaction's last word, and make the
 * very objects a read would.
 */
const server = await startTestServer();
const { open, ok } = desk(server);
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const sn1 = { token: await server.tokenForRole('SN1_AGENT') };

const listener = new pg.Client({ connectionString: server.databaseUrl });
await listener.connect();
await listener.query('LISTEN chorus_support_events');
const heard: TicketChangedMessage[] = [];
listener.on('notification', (n) => {
  const { type, detail } = JSON.parse(n.payload!);
  if (type === 'TICKET_CHANGED') heard.push(detail);
});
afterAll(() => listener.end());

/** The next notification about `ticketId` matching `pick`. */
async function heardOf(ticketId: string, pick: (m: TicketChangedMessage) => boolean = () => true): Promise<TicketChangedMessage> {
  for (let i = 0; i < 100; i++) {
    const m = heard.find((x) => x.ticketId === ticketId && pick(x));
    if (m) {
      heard.splice(heard.indexOf(m), 1);
      return m;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no TICKET_CHANGED for ${ticketId}`);
}

/** Forgets what was heard of `ticketId` so far (opening a ticket records more than one event). */
async function quiet(ticketId: string): Promise<void> {
  await heardOf(ticketId);
  await new Promise((r) => setTimeout(r, 300));
  for (let i = heard.length - 1; i >= 0; i--) if (heard[i].ticketId === ticketId) heard.splice(i, 1);
}

/** A read object as plain data: its own properties, relations by key (what resolvers see). */
const plain = (o: unknown) => JSON.parse(JSON.stringify(o));

describe('TICKET_CHANGED carries the change', () => {
  it('the rows carried make the same ticket, event and actor a read makes, as of the commit', async () => {
    const opened = (await open(cca)).ticket;
    const id = fromGlobalId(opened.id).id;
    await quiet(id);
    const taken = await ok('TAKE', sn1, opened);
    const m = await heardOf(id, (x) => x.eventId !== null);
    expect(m.rows?.ticket).toMatchObject({ id, status: 'IN_PROGRESS', version: taken.version });
    const fromRows = readChange(server.orm.em, m);
    expect(fromRows).not.toBeInstanceOf(Promise); // delivered at once
    const read = await readChange(server.orm.em, { ...m, rows: undefined });
    const carried = await fromRows;
    expect(plain(carried.ticket)).toEqual(plain(read.ticket));
    expect(plain(carried.event)).toEqual(plain(read.event));
    expect(carried.event!.transition).toBe('TAKE');
    expect(plain(await carried.event!.actor!.load())).toEqual(plain(await read.event!.actor!.load()));
    expect(Object.keys(plain(carried.ticket)).length).toBeGreaterThan(30);
  });

  it('a unit of work that inserts its event before it updates the ticket: the ticket carried is the one after', async () => {
    const opened = (await open(cca)).ticket;
    const id = fromGlobalId(opened.id).id;
    await quiet(id);
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into ticket_event (id, ticket_id, seq, kind, to_status, to_level, created_at, updated_at)
         select gen_random_uuid(), id, event_count + 1, 'FIELD_CHANGED', status, level, now(), now() from ticket where id = $1`,
        [id],
      );
      await client.query(`update ticket set title = 'changé après l''événement', event_count = event_count + 1, version = version + 1 where id = $1`, [id]);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const m = await heardOf(id, (x) => x.eventId !== null);
    expect(m.rows?.ticket).toMatchObject({ title: 'changé après l\'événement' });
    expect((readChange(server.orm.em, m) as { ticket: { title: string } }).ticket.title).toBe('changé après l\'événement');
  });

  it('a change too large for a notification carries ids only, and is read', async () => {
    const opened = (await open(cca)).ticket;
    const id = fromGlobalId(opened.id).id;
    await quiet(id);
    await sql(server.databaseUrl, `update ticket set description = repeat('long ', 2000) where id = $1`, [id]);
    await ok('TAKE', sn1, { ...opened, version: opened.version });
    const m = await heardOf(id, (x) => x.eventId !== null);
    expect(m.rows).toBeUndefined();
    const change = readChange(server.orm.em, m);
    expect(change).toBeInstanceOf(Promise);
    const read = await change;
    expect(read.ticket!.description).toHaveLength(10_000);
    expect(read.event!.transition).toBe('TAKE');
  });
});
