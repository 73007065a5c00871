/**
 * Schema-driven bad input: every root field of Query and Mutation, read from the live
 * server's schema (a new field is covered without editing this file), called with every
 * argument as a variable whose value is built from the argument's type — NUL bytes,
 * over-long strings, malformed ids, wrong enum values — under every role, as an
 * application and anonymously. Whatever the field does with it, the answer is a typed
 * refusal (or a plain answer), never INTERNAL_SERVER_ERROR and never HTTP 500.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../packages/server/src/access/credentials';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();

type Variant = 'nul' | 'long' | 'badId' | 'badEnum';
const VARIANTS: Variant[] = ['nul', 'long', 'badId', 'badEnum'];
// over every field's own limit; letters that do not compress, so an index or a column sees the full size
let seed = 42;
const LONG = Array.from({ length: 100_000 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 26))).join('');

/** A value of `type` carrying the variant's defect wherever the type allows it; `hit` records whether it could. */
function valueFor(type: GraphQLInputType, variant: Variant, hit: { on: boolean }, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, variant, hit, depth);
  if (isListType(type)) return [valueFor(type.ofType, variant, hit, depth)];
  if (isEnumType(type)) {
    if (variant === 'badEnum') {
      hit.on = true;
      return 'NOT_A_VALUE';
    }
    return type.getValues()[0].value;
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    // a self-referencing input stops at optional fields once deep enough
    for (const f of Object.values(type.getFields())) if (depth < 4 || isNonNullType(f.type)) out[f.name] = valueFor(f.type, variant, hit, depth + 1);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
      case 'ID': {
        const id = type.name === 'ID';
        if (variant === 'nul') return (hit.on = true), id ? 'not\u0000an-id' : 'text with a \u0000 inside';
        if (variant === 'long') return (hit.on = true), LONG;
        if (variant === 'badId' && id) return (hit.on = true), 'not-an-id';
        return id ? 'not-an-id' : 'plain text';
      }
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return '2026-01-15T10:00:00.000Z';
      case 'JSONObject':
        return variant === 'nul' ? ((hit.on = true), { note: 'a \u0000 here' }) : variant === 'long' ? ((hit.on = true), { note: LONG }) : { note: 'x' };
      default:
        // an unknown custom scalar: a string is the likeliest serialisation; still carries the defect
        if (variant === 'nul') return (hit.on = true), 'a \u0000 b';
        if (variant === 'long') return (hit.on = true), LONG;
        return 'x';
    }
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, variant: Variant) {
  const hit = { on: false };
  const variables: Record<string, unknown> = {};
  for (const a of field.args) variables[a.name] = valueFor(a.type, variant, hit);
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  const query = `${kind} Probe${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { query, variables, applies: hit.on };
}

/** Runs `tasks` with at most `limit` in flight. */
async function bounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

describe('schema-driven bad input, every root field, every role', () => {
  it('NUL, over-long strings, malformed ids and wrong enums never give INTERNAL_SERVER_ERROR nor HTTP 500', { timeout: 600_000 }, async () => {
    const admin = await server.tokenForRole('ADMINISTRATOR');
    const intro = await server.gql<IntrospectionQuery>(getIntrospectionQuery(), undefined, { token: admin });
    expect(intro.status).toBe(200);
    const schema = buildClientSchema(intro.body.data);

    // one caller per value of the Role enum; a role nobody holds in the demo data gets a person
    const callers: { label: string; auth: { token?: string; apiKey?: string } }[] = [];
    const roles = schema.getType('Role');
    if (!isEnumType(roles)) throw new Error('no Role enum in the schema');
    for (const { value: role } of roles.getValues()) {
      if (role === 'APPLICATION') continue;
      let token: string;
      try {
        token = await server.tokenForRole(role);
      } catch {
        const correspondent = ['CCA', 'CCH', 'CCP', 'CCTFG', 'CCFP'].includes(role);
        const { rows } = await sql(
          server.databaseUrl,
          `insert into person (id, first_name, last_name, email, structure_id, held_roles)
           select gen_random_uuid(), 'Probe', $2, $1, (select id from structure order by code limit 1), $3::text[] returning id, structure_id`,
          [`probe.${role.toLowerCase()}@example.test`, role, correspondent ? [] : [role]],
        );
        if (correspondent)
          await sql(server.databaseUrl, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) values (gen_random_uuid(), $1, $2, $3, now())`, [rows[0].id, rows[0].structure_id, role]);
        console.log(`bad-input-schema: no demo person holds ${role}; created one`);
        token = await mintToken(server.config.jwt, rows[0].id, '1h');
      }
      callers.push({ label: role, auth: { token } });
    }
    // the application's per-minute budget (raised to the API's maximum) would turn most of its calls into THROTTLED before they reach a resolver
    await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 10000000`);
    callers.push({ label: 'APPLICATION', auth: { apiKey: DEMO_API_KEY } }, { label: 'anonymous', auth: {} });

    const roots: ['query' | 'mutation', GraphQLObjectType][] = [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]];
    const ops: { name: string; variant: Variant; query: string; variables: Record<string, unknown> }[] = [];
    for (const [kind, type] of roots) {
      for (const field of Object.values(type.getFields())) {
        for (const variant of VARIANTS) {
          const op = operationFor(kind, field, variant);
          // a field without any place for this defect would only repeat a plain call
          if (op.applies) ops.push({ name: `${kind}.${field.name}`, variant, query: op.query, variables: op.variables });
        }
      }
    }
    expect(ops.length).toBeGreaterThan(100);

    const failures: string[] = [];
    const codes = new Map<string, number>();
    const tasks = callers.flatMap((caller) =>
      ops.map((op) => async () => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caller.auth.token) headers.authorization = `Bearer ${caller.auth.token}`;
        if (caller.auth.apiKey) headers['x-api-key'] = caller.auth.apiKey;
        const res = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query: op.query, variables: op.variables }), signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        let body: { errors?: { message: string; extensions?: { code?: string } }[] } = {};
        try {
          body = JSON.parse(text);
        } catch {
          failures.push(`${caller.label} ${op.name} [${op.variant}]: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
          return;
        }
        for (const e of body.errors ?? []) codes.set(e.extensions?.code ?? '(none)', (codes.get(e.extensions?.code ?? '(none)') ?? 0) + 1);
        const internal = (body.errors ?? []).filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        // a NUL or an unknown enum value is refused before any resolver runs, whoever calls
        if ((op.variant === 'nul' || op.variant === 'badEnum') && !(body.errors ?? []).some((e) => e.extensions?.code === 'BAD_USER_INPUT'))
          failures.push(`${caller.label} ${op.name} [${op.variant}]: not refused with BAD_USER_INPUT: HTTP ${res.status} ${text.slice(0, 300)}`);
        if (res.status >= 500 || internal.length) failures.push(`${caller.label} ${op.name} [${op.variant}]: HTTP ${res.status} ${JSON.stringify(body.errors?.[0] ?? null).slice(0, 300)}`);
        // a stack trace or SQL never reaches a client
        expect(text).not.toMatch(/\bat \S+ \(|node_modules|stacktrace/);
      }),
    );
    const started = Date.now();
    await bounded(tasks, 8);
    console.log(
      `bad-input-schema: ${tasks.length} requests (${ops.length} operations over ${Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length} root fields × ${callers.length} callers) in ${((Date.now() - started) / 1000).toFixed(1)} s; error codes: ${JSON.stringify(Object.fromEntries(codes))}; operations per variant: ${JSON.stringify(Object.fromEntries(VARIANTS.map((v) => [v, ops.filter((o) => o.variant === v).length])))}`,
    );
    expect(failures, failures.slice(0, 40).join('\n')).toEqual([]);
  });
});
