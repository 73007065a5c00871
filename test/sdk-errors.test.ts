/** The SDK's error classes: one per value of the schema's ApiErrorCode enum, met for real. */
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadInputError, ChorusApiError, createClient, ERROR_CLASSES, QueryTooComplexError, ThrottledError, UnauthenticatedError } from '@chorus-support/sdk';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const root = (p: string) => new URL(`../${p}`, import.meta.url);

describe('error classes', () => {
  it('exist for every value of the checked-in schema’s ApiErrorCode enum, each documented with its description', () => {
    const schema = buildSchema(readFileSync(root('packages/schema/schema.graphql'), 'utf8'));
    const values = (schema.getType('ApiErrorCode') as GraphQLEnumType).getValues();
    expect(values.length).toBeGreaterThan(10);
    const generated = readFileSync(root('packages/sdk/src/error-classes.ts'), 'utf8');
    expect(Object.keys(ERROR_CLASSES).sort()).toEqual(values.map((v) => v.name).sort());
    for (const v of values) {
      const Cls = ERROR_CLASSES[v.name as keyof typeof ERROR_CLASSES] as typeof ChorusApiError & { code: string };
      expect(Cls.code).toBe(v.name);
      expect(Cls.prototype).toBeInstanceOf(ChorusApiError);
      expect(generated).toContain(` * ${v.description!.split('\n')[0]}`);
    }
  });

  it('THROTTLED becomes a ThrottledError with its retry-after; QUERY_TOO_COMPLEX a QueryTooComplexError with the cost', async () => {
    const admin = await server.tokenForRole('ADMINISTRATOR');
    const { rows } = await sql(server.databaseUrl, `select id from ministry where code = 'MIN06'`);
    const ministryId = Buffer.from(`Ministry:${rows[0].id}`).toString('base64url');
    const res = await server.gql(
      `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { issued { key } userErrors { code } } }`,
      { input: { name: 'SDK-ERRORS', ministryId, structureIds: [], contactEmail: 'sdk@education.example', costBudgetPerMinute: 30 } },
      { token: admin },
    );
    const chorus = createClient({ url: server.url, apiKey: res.body.data.registerApplication.issued.key, retries: 0 });
    let thrown: unknown;
    for (let i = 0; i < 30 && !thrown; i++) await chorus.CurrentApplication().catch((e) => (thrown = e));
    expect(thrown).toBeInstanceOf(ThrottledError);
    const throttled = thrown as ThrottledError;
    expect(throttled.code).toBe('THROTTLED');
    expect(throttled.status).toBe(429);
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.name).toBe('ThrottledError');

    // a server with a low cost limit, on the same database
    const strict = await startTestServer({ databaseUrl: server.databaseUrl, env: { MAX_QUERY_COST: '10' } });
    const analyst = createClient({ url: strict.url, token: await strict.tokenForRole('ANALYST'), retries: 0 });
    const complex = await analyst.Tickets({ first: 100 }).then(() => null, (e: unknown) => e);
    await strict.close();
    expect(complex).toBeInstanceOf(QueryTooComplexError);
    expect(complex).toBeInstanceOf(BadInputError);
    expect((complex as QueryTooComplexError).cost).toBeGreaterThan((complex as QueryTooComplexError).maxCost!);

    await expect(createClient({ url: server.url, token: 'nope', retries: 0 }).Viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
