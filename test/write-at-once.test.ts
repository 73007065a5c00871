import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';
import { writeAtOnce } from '../packages/server/src/core/write';
import { Ticket } from '../packages/server/src/service-desk/ticket.entity';
import { TicketComment } from '../packages/server/src/service-desk/ticket-comment.entity';
import { fromGlobalId } from '../packages/server/src/core/ids';

const server = await startTestServer();
const { open } = desk(server);
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };

/** A ticket read in a fresh fork, given one more public comment and a new title, as a change would. */
async function decided(id: string) {
  const em = server.orm.em.fork();
  const t = await em.findOneOrFail(Ticket, { id });
  t.title = `${t.title} (modifié)`;
  t.commentCount += 1;
  t.publicCommentCount += 1;
  t.version += 1;
  em.create(TicketComment, { ticket: t, author: null, authorApplication: null, body: 'écrit en une fois', internal: false, createdAt: new Date(), updatedAt: new Date() });
  return { em, t };
}

const rowOf = async (id: string) =>
  (await sql(server.databaseUrl, `select title, version, comment_count, (select count(*)::int from ticket_comment c where c.ticket_id = t.id) as comments from ticket t where id = $1`, [id])).rows[0];

describe('writeAtOnce: a decided change in one statement', () => {
  it('writes every row of the change, once: a later flush of the same EntityManager finds nothing to write', async () => {
    const id = fromGlobalId((await open(cca)).ticket.id).id;
    const before = await rowOf(id);
    const { em, t } = await decided(id);
    expect(await writeAtOnce(em, { entity: t, props: ['version'] })).toBe(true);
    await em.flush();
    const after = await rowOf(id);
    expect(after).toEqual({ title: t.title, version: before.version + 1, comment_count: before.comment_count + 1, comments: before.comments + 1 });
  });

  it('writes nothing, not even its new rows, when the version or a counter it adds to moved since the read', async () => {
    const id = fromGlobalId((await open(cca)).ticket.id).id;
    for (const move of [`update ticket set version = version + 1 where id = $1`, `update ticket set comment_count = comment_count + 1 where id = $1`]) {
      const { em, t } = await decided(id);
      await sql(server.databaseUrl, move, [id]);
      const before = await rowOf(id);
      expect(await writeAtOnce(em, { entity: t, props: ['version'] })).toBe(false);
      expect(await rowOf(id)).toEqual(before);
    }
  });

  it('a column it sets without adding to it (the title) does not hold it back: the last decision wins there', async () => {
    const id = fromGlobalId((await open(cca)).ticket.id).id;
    const { em, t } = await decided(id);
    await sql(server.databaseUrl, `update ticket set title = 'changé ailleurs' where id = $1`, [id]);
    expect(await writeAtOnce(em, { entity: t, props: ['version'] })).toBe(true);
    expect((await rowOf(id)).title).toBe(t.title);
  });
});
