/**
 * How raw SQL takes values. MikroORM's `em.execute(sql, params)` does not send parameters
 * to PostgreSQL: it writes each `?` as an escaped literal into the statement text
 * (Platform.formatQuery), and it writes a JS array as a comma-separated list of literals,
 * so `any(?)` fails and `in (?)` fails on an empty list. Hence two rules:
 *
 * - a list known only at run time (ids, codes from a filter, a file's lines) travels as one
 *   parameter, a PostgreSQL array literal cast where it is used: `id = any(?::uuid[])`
 *   with `[pgArray(ids)]`; `unnest(?::text[])` to read it as rows;
 * - a list of the code's own constants (the statuses that make a registration seated, a
 *   ticket open…) is written from the constant: `status in ${sqlList(SEATED)}`, so the SQL
 *   names the constant and a status added to it reaches every query.
 *
 * Raw SQL goes through `em.execute`: it runs in the entity manager's transaction when
 * there is one (`tx.execute` inside `em.transactional`), on any pooled connection otherwise.
 * The one exception is the read path (core/read.ts): its statements recur on every page, so
 * its `send` binds their values as parameters and names them, in the same transaction.
 */

/**
 * A PostgreSQL array literal of `values`, for one `?::type[]` parameter. Every element is
 * double-quoted with `"` and `\` escaped, so commas, braces, quotes, spaces and the word
 * NULL stay plain text; the statement escapes the literal as a whole.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** One of the code's constants as an SQL string literal: `s.status = ${sqlLiteral(SessionStatus.HELD)}`. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A list of the code's constants as `('A', 'B')`, for `status in ${sqlList(SEATED)}`; never empty (`in ()` is not SQL). */
export function sqlList(values: readonly string[]): string {
  if (!values.length) throw new Error('sqlList: an empty list has no SQL spelling');
  return `(${values.map(sqlLiteral).join(', ')})`;
}
