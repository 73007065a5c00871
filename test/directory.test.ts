import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');

const WHOM = `query($domain: TroubleDomain!, $structureId: ID) { whomToAsk(domain: $domain, structureId: $structureId) { kind fallback correspondents { email roles } } }`;
const ASSIGN = `mutation($input: AssignCorrespondentInput!) { assignCorrespondent(input: $input) { assignment { id kind active } userErrors { field code message } } }`;
const END = `mutation($input: EndCorrespondentAssignmentInput!) { endCorrespondentAssignment(input: $input) { assignment { active endReason } userErrors { code } } }`;

async function gid(type: string, table: string, where: string, params: unknown[]) {
  const { rows } = await sql(server.databaseUrl, `select id from ${table} where ${where}`, params);
  return Buffer.from(`${type}:${rows[0].id}`).toString('base64url');
}

describe('whomToAsk', () => {
  it.each([
    ['ACCESS_RIGHTS', 'CCH'],
    ['CONFIGURATION', 'CCP'],
    ['YEAR_END_WORKS', 'CCTFG'],
    ['OTHER', 'CCA'],
  ])('sends %s trouble at CSP-LYON to the %s', async (domain, kind) => {
    const token = await server.tokenFor('ambre.francois@ac-lyon.example').catch(() => server.tokenForRole('END_USER', 'CSP-LYON'));
    const res = await server.gql(WHOM, { domain }, { token });
    expect(res.body.data.whomToAsk.kind).toBe(kind);
    expect(res.body.data.whomToAsk.fallback).toBe(false);
    // exactly the people running that assignment at CSP-LYON now, from the table itself
    const { rows } = await sql(
      server.databaseUrl,
      `select p.email from correspondent_assignment a join person p on p.id = a.person_id join structure s on s.id = a.structure_id
        where s.code = 'CSP-LYON' and a.kind = $1 and a.since <= now() and (a.until is null or a.until > now()) and p.active order by p.email`,
      [kind],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(res.body.data.whomToAsk.correspondents.map((c: any) => c.email).sort()).toEqual(rows.map((r) => r.email));
    for (const c of res.body.data.whomToAsk.correspondents) expect(c.roles).toContain(kind);
  });

  it('falls back to the CCA when nobody holds the role (forms at the Lille rectorat)', async () => {
    const token = await server.tokenForRole('END_USER', 'RECT-LILLE');
    const res = await server.gql(WHOM, { domain: 'FORMS' }, { token });
    expect(res.body.data.whomToAsk).toMatchObject({ kind: 'CCA', fallback: true });
    expect(res.body.data.whomToAsk.correspondents.map((c: any) => c.roles)).toEqual([expect.arrayContaining(['CCA'])]);
    const lyon = await server.gql(WHOM, { domain: 'FORMS' }, { token: await server.tokenForRole('END_USER', 'RECT-LYON') });
    expect(lyon.body.data.whomToAsk).toMatchObject({ kind: 'CCFP', fallback: false });
  });

  it('forgets an ended assignment at once', async () => {
    const token = await server.tokenForRole('END_USER', 'RECT-BORDEAUX');
    const before = await server.gql(WHOM, { domain: 'FORMS' }, { token });
    expect(before.body.data.whomToAsk.kind).toBe('CCFP');
    const { rows } = await sql(server.databaseUrl, `select a.id from correspondent_assignment a join structure s on s.id = a.structure_id where s.code = 'RECT-BORDEAUX' and a.kind = 'CCFP'`);
    const ended = await server.gql(END, { input: { id: Buffer.from(`CorrespondentAssignment:${rows[0].id}`).toString('base64url'), reason: 'départ' } }, { token: admin });
    expect(ended.body.data.endCorrespondentAssignment).toEqual({ assignment: { active: false, endReason: 'départ' }, userErrors: [] });
    const after = await server.gql(WHOM, { domain: 'FORMS' }, { token });
    expect(after.body.data.whomToAsk).toMatchObject({ kind: 'CCA', fallback: true });
    const twice = await server.gql(END, { input: { id: Buffer.from(`CorrespondentAssignment:${rows[0].id}`).toString('base64url') } }, { token: admin });
    expect(twice.body.data.endCorrespondentAssignment.userErrors[0].code).toBe('ASSIGNMENT_ALREADY_ENDED');
  });

  it("lets only support levels ask about another structure's correspondents", async () => {
    const other = await gid('Structure', 'structure', 'code = $1', ['CSP-LILLE']);
    const user = await server.gql(WHOM, { domain: 'OTHER', structureId: other }, { token: await server.tokenForRole('END_USER', 'CSP-LYON') });
    expect(user.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const sn1 = await server.gql(WHOM, { domain: 'OTHER', structureId: other }, { token: await server.tokenForRole('SN1_AGENT') });
    expect(sn1.body.data.whomToAsk.correspondents[0].email).toMatch(/@ac-lille\.example$/);
  });

  it('walks up to the parent structure, then to the Chorus platform, when a structure has no correspondent', async () => {
    const LEVELS = `query($domain: TroubleDomain!, $structureId: ID) { whomToAsk(domain: $domain, structureId: $structureId) { kind fallback source answeredBy { code } correspondents { email } } }`;
    const sn1 = await server.tokenForRole('SN1_AGENT');
    const holders = async (code: string, kind: string) =>
      (await sql(server.databaseUrl, `select p.email from correspondent_assignment a join structure s on s.id = a.structure_id join person p on p.id = a.person_id where s.code = $1 and a.kind = $2 and a.until is null and p.active order by p.email`, [code, kind])).rows.map((r) => r.email);
    // an académie has no correspondent of its own: its Chorus platform answers
    const academy = await gid('Structure', 'structure', 'code = $1', ['AC-LYON']);
    const fromAcademy = (await server.gql(LEVELS, { domain: 'ACCESS_RIGHTS', structureId: academy }, { token: sn1 })).body.data.whomToAsk;
    expect(fromAcademy).toMatchObject({ kind: 'CCH', fallback: true, source: 'CHORUS_PLATFORM', answeredBy: { code: 'CSP-LYON' } });
    expect(fromAcademy.correspondents.map((c: any) => c.email).sort()).toEqual(await holders('CSP-LYON', 'CCH'));
    // a new EPLE under the Lyon rectorat: the rectorat answers (its CCFp for forms, its CCA otherwise)
    const rectorat = await gid('Structure', 'structure', 'code = $1', ['RECT-LYON']);
    const ministry = await gid('Ministry', 'ministry', 'code = $1', ['MIN06']);
    const created = await server.gql(`mutation($input: CreateStructureInput!) { createStructure(input: $input) { structure { id } userErrors { code } } }`, { input: { code: 'EPLE-LYON-01', name: 'Lycée de test', kind: 'RECTORAT', ministryId: ministry, parentId: rectorat } }, { token: admin });
    expect(created.body.data.createStructure.userErrors).toEqual([]);
    const eple = created.body.data.createStructure.structure.id;
    const forms = (await server.gql(LEVELS, { domain: 'FORMS', structureId: eple }, { token: sn1 })).body.data.whomToAsk;
    expect(forms).toMatchObject({ kind: 'CCFP', fallback: true, source: 'PARENT_STRUCTURE', answeredBy: { code: 'RECT-LYON' } });
    expect(forms.correspondents.map((c: any) => c.email)).toEqual(await holders('RECT-LYON', 'CCFP'));
    // configuration: nobody holds the CCP at the rectorat, whose CCA is the nearest answer
    const config = (await server.gql(LEVELS, { domain: 'CONFIGURATION', structureId: eple }, { token: sn1 })).body.data.whomToAsk;
    expect(config).toMatchObject({ kind: 'CCA', source: 'PARENT_STRUCTURE', answeredBy: { code: 'RECT-LYON' } });
    // the structure's own correspondents answer as before
    const own = (await server.gql(LEVELS, { domain: 'OTHER' }, { token: await server.tokenForRole('END_USER', 'CSP-LYON') })).body.data.whomToAsk;
    expect(own).toMatchObject({ kind: 'CCA', fallback: false, source: 'OWN_STRUCTURE', answeredBy: { code: 'CSP-LYON' } });
  });
});

describe('correspondent assignments', () => {
  it('lets a platform head designate a CCH of their own structure only, and nothing else', async () => {
    const head = await server.tokenForRole('PLATFORM_HEAD', 'CSP-LYON');
    const lyon = await gid('Structure', 'structure', 'code = $1', ['CSP-LYON']);
    const lille = await gid('Structure', 'structure', 'code = $1', ['CSP-LILLE']);
    const user = await gid('Person', 'person p', `p.email = (select p2.email from person p2 join structure s on s.id = p2.structure_id where s.code = 'CSP-LYON' and p2.held_roles = '{END_USER}' and not exists (select 1 from correspondent_assignment a where a.person_id = p2.id) order by p2.email limit 1)`, []);
    const ok = await server.gql(ASSIGN, { input: { personId: user, structureId: lyon, kind: 'CCH' } }, { token: head });
    expect(ok.body.data.assignCorrespondent.userErrors).toEqual([]);
    expect(ok.body.data.assignCorrespondent.assignment).toMatchObject({ kind: 'CCH', active: true });

    const dup = await server.gql(ASSIGN, { input: { personId: user, structureId: lyon, kind: 'CCH' } }, { token: head });
    expect(dup.body.data.assignCorrespondent.userErrors).toEqual([{ field: ['input', 'kind'], code: 'DUPLICATE_ASSIGNMENT', message: expect.any(String) }]);

    const elsewhere = await server.gql(ASSIGN, { input: { personId: user, structureId: lille, kind: 'CCH' } }, { token: head });
    expect(elsewhere.body.data.assignCorrespondent.userErrors[0].code).toBe('NOT_YOUR_STRUCTURE');
    const cca = await server.gql(ASSIGN, { input: { personId: user, structureId: lyon, kind: 'CCA' } }, { token: head });
    expect(cca.body.data.assignCorrespondent.userErrors[0].code).toBe('ROLE_NOT_ASSIGNABLE');
    const personId = Buffer.from(user, 'base64url').toString().split(':')[1];
    const { rows } = await sql(server.databaseUrl, `select kind from correspondent_assignment where person_id = $1`, [personId]);
    expect(rows).toEqual([{ kind: 'CCH' }]);
  });

  it('validates people: email format and uniqueness, known structure, assignable roles', async () => {
    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { email } userErrors { field code } } }`;
    const lyon = await gid('Structure', 'structure', 'code = $1', ['CSP-LYON']);
    const ghost = Buffer.from('Structure:00000000-0000-4000-8000-000000000000').toString('base64url');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'pas-un-email' }, 'input.email', 'INVALID_FORMAT'],
      [{ email: 'camille.martin@education.example' }, 'input.email', 'EMAIL_TAKEN'],
      [{ structureId: ghost }, 'input.structureId', 'UNKNOWN_STRUCTURE'],
      [{ roles: ['CCA'] }, 'input.roles', 'VALIDATION_FAILED'],
      [{ roles: ['APPLICATION'] }, 'input.roles', 'VALIDATION_FAILED'],
    ];
    for (const [patch, field, code] of cases) {
      const input = { firstName: 'Jeanne', lastName: 'Essai', email: 'jeanne.essai@ac-lyon.example', structureId: lyon, ...patch };
      const res = await server.gql(CREATE, { input }, { token: admin });
      expect(res.body.data.createPerson, JSON.stringify(patch)).toEqual({ person: null, userErrors: [{ field: field.split('.'), code }] });
    }
    const { rows } = await sql(server.databaseUrl, `select count(*)::int n from person where last_name = 'Essai'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses to make a structure its own ancestor', async () => {
    const academy = await gid('Structure', 'structure', 'code = $1', ['AC-LYON']);
    const csp = await gid('Structure', 'structure', 'code = $1', ['CSP-LYON']);
    const res = await server.gql(`mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { userErrors { code } } }`, { input: { id: academy, parentId: csp } }, { token: admin });
    expect(res.body.data.updateStructure.userErrors).toEqual([{ code: 'PARENT_CYCLE' }]);
  });

  it('searches people by name or email, accent- and case-insensitively, and filters by role', async () => {
    const analyst = await server.tokenForRole('ANALYST');
    const q = `query($filter: PeopleFilter) { people(first: 50, filter: $filter) { totalCount nodes { email roles } } }`;
    const byName = await server.gql(q, { filter: { search: 'INES dubois' } }, { token: analyst });
    expect(byName.body.data.people.nodes.map((p: any) => p.email)).toEqual(['ines.dubois@education.example']);
    const percent = await server.gql(q, { filter: { search: '%' } }, { token: analyst });
    expect(percent.body.data.people.totalCount).toBe(0);
    const cch = await server.gql(q, { filter: { role: 'CCH' } }, { token: analyst });
    const { rows } = await sql(server.databaseUrl, `select count(distinct person_id)::int n from correspondent_assignment where kind = 'CCH' and until is null`);
    expect(rows[0].n).toBeGreaterThanOrEqual(3);
    expect(cch.body.data.people.totalCount).toBe(rows[0].n);
    expect(cch.body.data.people.nodes.every((p: any) => p.roles.includes('CCH'))).toBe(true);
  });
});
