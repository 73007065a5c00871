import { describe, expect, it } from 'vitest';
import { demoCredentials, demoCredentialsText } from '../packages/server/src/seed/demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { desk } from './service-desk.helpers';

const server = await startTestServer();

describe('demo credentials printed at start', () => {
  it('the END_USER token is a plain user: no other role, no correspondent assignment (not a CCA)', async () => {
    const { tokens } = await demoCredentials(server.orm.em.fork(), server.config);
    const endUser = tokens.find((t) => t.role === 'END_USER');
    expect(endUser).toBeDefined();
    const res = await server.gql(`{ viewer { roles } }`, {}, { token: endUser!.token });
    expect(res.body.data.viewer.roles).toEqual(['END_USER']);
    // in the directory: no assignment at all, running or ended, and no other held role
    const { rows } = await sql(server.databaseUrl, `select p.held_roles, (select count(*)::int from correspondent_assignment a where a.person_id = p.id) assignments from person p where p.email = $1`, [endUser!.email]);
    expect(rows).toEqual([{ held_roles: ['END_USER'], assignments: 0 }]);
    // and the desk treats them as one: a plain user opens no ticket (a CCA would)
    const { open } = desk(server);
    expect((await open({ token: endUser!.token })).userErrors[0].code).toBe('ONLY_CCA_OR_APPLICATION_OPENS');
    const cca = tokens.find((t) => t.role === 'CCA');
    expect(cca?.email).not.toBe(endUser!.email);
  });

  it('prints a line for the plain END_USER beside the other roles, with a token that works', async () => {
    const credentials = await demoCredentials(server.orm.em.fork(), server.config);
    const text = demoCredentialsText(credentials, 'http://localhost:4000/graphql');
    const endUser = credentials.tokens.find((t) => t.role === 'END_USER')!;
    const line = text.split('\n').find((l) => l.trimStart().startsWith('END_USER '));
    expect(line).toBeDefined();
    expect(line).toContain(endUser.email);
    const printed = line!.trim().split(/\s+/).at(-1)!;
    expect(printed).toBe(endUser.token);
    expect((await server.gql(`{ viewer { person { email } roles } }`, {}, { token: printed })).body.data.viewer).toEqual({ person: { email: endUser.email }, roles: ['END_USER'] });
    for (const role of ['CCA', 'SN1_AGENT', 'SN2_AGENT', 'TRAINING_REFERENT']) expect(text).toMatch(new RegExp(`^  ${role} `, 'm'));
  });
});
