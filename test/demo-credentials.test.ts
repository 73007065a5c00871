import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../packages/server/src/seed/demo';
import { startTestServer } from './support/server';

const server = await startTestServer();

describe('demo credentials printed at start', () => {
  it('the END_USER token is a plain user: no other role, no correspondent assignment (not a CCA)', async () => {
    const { tokens } = await demoCredentials(server.orm.em.fork(), server.config);
    const endUser = tokens.find((t) => t.role === 'END_USER');
    expect(endUser).toBeDefined();
    const res = await server.gql(`{ viewer { roles } }`, {}, { token: endUser!.token });
    expect(res.body.data.viewer.roles).toEqual(['END_USER']);
  });
});
