import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../packages/server/src/core/database';
import { pgArray, sqlList, sqlLiteral } from '../packages/server/src/core/sql';
import { createTestDatabase } from './support/db';

const db = await createTestDatabase({ empty: true });
const orm = await openDatabase(db.url);
afterAll(async () => {
  await orm.close(true);
  await db.drop();
});

/** Strings that break a hand-joined `{a,b}` literal, a JSON detour or the `?` placeholders. */
const AWKWARD = ['a,b', 'say "hi"', "it's", 'back\\slash', '\\"', '{brace}', '}', 'NULL', 'null', '', ' padded ', 'tab\there', 'line\nbreak', '?', '??', '$1', "'); drop table ministry; --", 'Évry — 北京 🙂'];

describe('a list bound into raw SQL (core/sql.ts)', () => {
  it('pgArray carries every string through `?::text[]` unchanged, in order', async () => {
    const rows: { v: string }[] = await orm.em.fork().execute('select v from unnest(?::text[]) with ordinality as x(v, n) order by n', [pgArray(AWKWARD)]);
    expect(rows.map((r) => r.v)).toEqual(AWKWARD);
  });

  it('pgArray matches with `= any(?::text[])`, and a placeholder inside a value stays a value', async () => {
    const em = orm.em.fork();
    for (const v of AWKWARD) {
      const [row]: { hit: boolean; again: string }[] = await em.execute('select ? = any(?::text[]) as hit, ? as again', [v, pgArray(AWKWARD), v]);
      expect(row).toEqual({ hit: true, again: v });
    }
    const [miss]: { hit: boolean }[] = await em.execute('select ? = any(?::text[]) as hit', ['a', pgArray(['a,b', '{a}'])]);
    expect(miss.hit).toBe(false);
  });

  it('an empty list is an empty array, for uuids too', async () => {
    const [row]: { n: number; m: number }[] = await orm.em.fork().execute('select cardinality(?::uuid[])::int as n, cardinality(?::text[])::int as m', [pgArray([]), pgArray([])]);
    expect(row).toEqual({ n: 0, m: 0 });
  });

  it('the code’s constants are written as literals: sqlLiteral and sqlList', async () => {
    const [row]: { lit: string; hit: boolean }[] = await orm.em.fork().execute(`select ${sqlLiteral("it's")} as lit, ${sqlLiteral("it's")} in ${sqlList(['A', "it's"])} as hit`);
    expect(row).toEqual({ lit: "it's", hit: true });
    expect(() => sqlList([])).toThrow(/empty/);
  });
});

describe('raw SQL inside a transaction', () => {
  const me = `select pg_backend_pid() as pid, txid_current_if_assigned()::text as tx`;

  it('tx.execute runs in the transaction; getConnection().execute without its context runs outside it', async () => {
    await orm.em.fork().transactional(async (tx) => {
      await tx.execute(`select txid_current()`);
      const [inside]: { pid: number; tx: string | null }[] = await tx.execute(me);
      const [passed]: { pid: number; tx: string | null }[] = await tx.getConnection().execute(me, [], 'all', tx.getTransactionContext());
      const [outside]: { pid: number; tx: string | null }[] = await tx.getConnection().execute(me);
      expect(inside.tx).not.toBeNull();
      expect(passed).toEqual(inside);
      expect(outside.tx).toBeNull();
      expect(outside.pid).not.toBe(inside.pid);
    });
  });

  it('a lock taken with tx.execute lasts until the commit', async () => {
    const key = 727_014;
    let seenFromOutside: boolean | null = null;
    await orm.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [key]);
      const [other]: { got: boolean }[] = await orm.em.fork().execute('select pg_try_advisory_xact_lock(?) as got', [key]);
      seenFromOutside = other.got;
    });
    expect(seenFromOutside).toBe(false);
    const [after]: { got: boolean }[] = await orm.em.fork().execute('select pg_try_advisory_xact_lock(?) as got', [key]);
    expect(after.got).toBe(true);
  });
});
