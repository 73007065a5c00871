import { describe, expect, it } from 'vitest';
import { BadInputError, createClient, ForbiddenError, NetworkError, StructureKind, TroubleDomain, UnauthenticatedError, ViewerKind } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { startTestServer } from './support/server';

const server = await startTestServer();

describe('the SDK against the real server', () => {
  it('reads the viewer, pages people and asks whom to ask, typed', async () => {
    const cca = createClient({ url: server.url, token: await server.tokenForRole('CCA', 'CSP-LYON') });
    const { viewer } = await cca.Viewer();
    expect(viewer.kind).toBe(ViewerKind.PERSON);
    expect(viewer.roles).toContain('CCA');
    expect(viewer.structure?.code).toBe('CSP-LYON');

    const first = await cca.People({ first: 5, filter: { structureId: viewer.structure!.id } });
    expect(first.people.edges.length).toBeGreaterThan(0);
    expect(first.people.edges.every((e) => e.node.structure.code === 'CSP-LYON')).toBe(true);

    const answer = await cca.WhomToAsk({ domain: TroubleDomain.ACCESS_RIGHTS });
    expect(answer.whomToAsk.kind).toBe('CCH');
    expect(answer.whomToAsk.correspondents[0].roles).toContain('CCH');
  });

  it('returns userErrors as data and runs a whole create → update cycle', async () => {
    const admin = createClient({ url: server.url, token: await server.tokenForRole('ADMINISTRATOR') });
    const { ministries } = await admin.Ministries();
    const created = await admin.CreateStructure({ input: { code: 'CSP-NANTES', name: 'Plate-forme Chorus de Nantes', kind: StructureKind.SHARED_SERVICE_CENTRE, ministryId: ministries[0].id } });
    expect(created.createStructure.userErrors).toEqual([]);
    const again = await admin.CreateStructure({ input: { code: 'csp-nantes', name: 'Doublon', kind: StructureKind.SHARED_SERVICE_CENTRE, ministryId: ministries[0].id } });
    expect(again.createStructure.userErrors[0].code).toBe('STRUCTURE_CODE_TAKEN');
    const renamed = await admin.UpdateStructure({ input: { id: created.createStructure.structure!.id, name: 'CSP de Nantes' } });
    expect(renamed.updateStructure.structure?.name).toBe('CSP de Nantes');
  });

  it('throws typed errors carrying the code and the request id', async () => {
    const anonymous = createClient({ url: server.url });
    await expect(anonymous.Viewer()).rejects.toBeInstanceOf(UnauthenticatedError);

    const app = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const forbidden = await app.People({ first: 1 }).catch((e) => e);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const analyst = createClient({ url: server.url, token: await server.tokenForRole('ANALYST') });
    await expect(analyst.People({ first: 500 })).rejects.toBeInstanceOf(BadInputError);

    const nowhere = createClient({ url: 'http://127.0.0.1:9/graphql' });
    await expect(nowhere.Ministries()).rejects.toBeInstanceOf(NetworkError);
  });

  it('lets an application see what it is', async () => {
    const app = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const { viewer } = await app.Viewer();
    expect(viewer).toMatchObject({ kind: ViewerKind.APPLICATION, roles: ['APPLICATION'], person: null });
  });
});
