/**
 * Bulk directory import over GraphQL: dry run line by line, all-or-nothing apply, the
 * re-import a no-op, people matched by email and structures by code, absentees
 * deactivated only when asked, and 5 000 people written in a fixed handful of statements.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');
const IMPORT = `mutation($input: ImportDirectoryInput!) { importDirectory(input: $input) {
  report { applied refusedCount changeCount lines { section line key action changes message } } userErrors { field code message } } }`;

async function run(input: Record<string, unknown>, token = admin) {
  const r = await server.gql(IMPORT, { input: { format: 'CSV', ...input } }, { token });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.importDirectory;
}
const count = async (q: string, params: unknown[] = []) => (await sql(server.databaseUrl, q, params)).rows[0].n as number;
const ministry = (await sql(server.databaseUrl, `select code from ministry order by code limit 1`)).rows[0].code as string;

const STRUCTURES = `code,name,kind,ministry,parent
IMP-ACAD,Académie d'import,ACADEMIE,${ministry},
IMP-RECT,Rectorat d'import,RECTORAT,${ministry},IMP-ACAD
`;
const PEOPLE = `email,firstName,lastName,structure,roles
Alice.Durand@import.example,Alice,Durand,IMP-RECT,
bruno.petit@import.example,Bruno,Petit,IMP-RECT,END_USER|DAF_MANAGER
`;
const ASSIGNMENTS = `email,structure,kind,since
alice.durand@import.example,IMP-RECT,CCA,2026-01-05
`;

describe('directory import', () => {
  it('dry run reports line by line and writes nothing; apply writes all; the same file again changes nothing', async () => {
    const dry = await run({ structures: STRUCTURES, people: PEOPLE, assignments: ASSIGNMENTS });
    expect(dry.userErrors).toEqual([]);
    expect(dry.report).toMatchObject({ applied: false, refusedCount: 0, changeCount: 5 });
    expect(dry.report.lines.map((l: any) => [l.section, l.line, l.key, l.action])).toEqual([
      ['STRUCTURES', 2, 'IMP-ACAD', 'CREATE'],
      ['STRUCTURES', 3, 'IMP-RECT', 'CREATE'],
      ['PEOPLE', 2, 'alice.durand@import.example', 'CREATE'],
      ['PEOPLE', 3, 'bruno.petit@import.example', 'CREATE'],
      ['ASSIGNMENTS', 2, 'alice.durand@import.example CCA IMP-RECT', 'CREATE'],
    ]);
    expect(await count(`select count(*)::int n from structure where code like 'IMP-%'`)).toBe(0);

    const applied = await run({ structures: STRUCTURES, people: PEOPLE, assignments: ASSIGNMENTS, dryRun: false });
    expect(applied.report).toMatchObject({ applied: true, refusedCount: 0, changeCount: 5 });
    const rect = (await sql(server.databaseUrl, `select r.code, a.code as parent from structure r join structure a on a.id = r.parent_id where r.code = 'IMP-RECT'`)).rows[0];
    expect(rect).toEqual({ code: 'IMP-RECT', parent: 'IMP-ACAD' });
    expect((await sql(server.databaseUrl, `select held_roles from person where email = 'bruno.petit@import.example'`)).rows[0].held_roles.sort()).toEqual(['DAF_MANAGER', 'END_USER']);
    // Alice is a CCA now: she signs in with that role
    const alice = await server.tokenFor('alice.durand@import.example');
    const viewer = await server.gql(`{ viewer { roles structure { code } } }`, {}, { token: alice });
    expect(viewer.body.data.viewer).toMatchObject({ structure: { code: 'IMP-RECT' } });
    expect(viewer.body.data.viewer.roles).toContain('CCA');

    const before = (await sql(server.databaseUrl, `select max(updated_at) m from person where email like '%@import.example'`)).rows[0].m;
    const again = await run({ structures: STRUCTURES, people: PEOPLE, assignments: ASSIGNMENTS, dryRun: false });
    expect(again.report).toMatchObject({ applied: true, changeCount: 0 });
    // the same five lines, each UNCHANGED (`every` alone would pass an empty report)
    expect(again.report.lines.map((l: any) => [l.section, l.line, l.action])).toEqual(dry.report.lines.map((l: any) => [l.section, l.line, 'UNCHANGED']));
    expect((await sql(server.databaseUrl, `select max(updated_at) m from person where email like '%@import.example'`)).rows[0].m).toEqual(before);
    expect(await count(`select count(*)::int n from correspondent_assignment a join person p on p.id = a.person_id where p.email = 'alice.durand@import.example'`)).toBe(1);

    // a change is reported field by field; JSON works the same way
    const json = JSON.stringify({ people: [{ email: 'BRUNO.PETIT@import.example', firstName: 'Bruno', lastName: 'Petit-Martin', structure: 'IMP-ACAD', roles: ['END_USER', 'DAF_MANAGER'] }] });
    const changed = await run({ format: 'JSON', json, dryRun: false });
    expect(changed.report.lines).toEqual([
      { section: 'PEOPLE', line: 1, key: 'bruno.petit@import.example', action: 'CHANGE', changes: ['lastName: Petit → Petit-Martin', 'structure: IMP-RECT → IMP-ACAD'], message: null },
    ]);
  });

  it('bad lines are reported with their line numbers, and nothing is written', async () => {
    const people = `email,firstName,lastName,structure,roles
good.one@bad-import.example,Good,One,IMP-RECT,
not-an-email,Bad,Email,IMP-RECT,
good.two@bad-import.example,Good,Two,NOWHERE,
good.three@bad-import.example,Good,Three,IMP-RECT,CCA
good.one@bad-import.example,Good,Again,IMP-RECT,
`;
    const r = await run({ people, dryRun: false });
    expect(r.report.applied).toBe(false);
    expect(r.report.lines.filter((l: any) => l.action === 'REFUSE').map((l: any) => [l.line, l.message])).toEqual([
      [3, 'email : ce n’est pas une adresse électronique.'],
      [4, 'Aucune structure n’a le code « NOWHERE », ni dans l’annuaire ni dans le fichier.'],
      [5, expect.stringContaining('Le rôle CCA n’est pas de ceux qu’une personne tient en propre')],
      [6, 'L’adresse good.one@bad-import.example figure deux fois dans le fichier.'],
    ]);
    expect(await count(`select count(*)::int n from person where email like '%@bad-import.example'`)).toBe(0);
    const broken = await run({ people: 'email,firstName\n"unclosed,quote\n' });
    expect(broken.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_FORMAT', field: ['input', 'people'] })]);
  });

  it('checks the header line before reading any row, naming the missing and unknown columns', async () => {
    const misnamed = await run({ people: `mail,prenom,nom,structure,roles\nalice@header.example,Alice,Durand,IMP-RECT,\n`, dryRun: false });
    expect(misnamed.report).toBeNull();
    expect(misnamed.userErrors).toEqual([{ code: 'INVALID_FORMAT', field: ['input', 'people'], message: expect.stringMatching(/manquantes : email, firstName, lastName ; colonnes inconnues : mail, prenom, nom/) }]);
    const short = await run({ assignments: `email;kind\nalice.durand@import.example;CCA\n` });
    expect(short.userErrors).toEqual([{ code: 'INVALID_FORMAT', field: ['input', 'assignments'], message: expect.stringMatching(/manquantes : structure\)/) }]);
    const json = await run({ format: 'JSON', json: JSON.stringify({ structures: [{ code: 'HDR-X', nom: 'X', kind: 'ACADEMIE', ministry }] }) });
    expect(json.userErrors).toEqual([{ code: 'INVALID_FORMAT', field: ['input', 'json'], message: expect.stringMatching(/manquantes : name ; colonnes inconnues : nom/) }]);
    // optional columns may be left out
    const noOptional = await run({ structures: `code,name,kind,ministry\nHDR-OPT,Optionnelle,ACADEMIE,${ministry}\n` });
    expect(noOptional.userErrors).toEqual([]);
    expect(await count(`select count(*)::int n from person where email like '%@header.example'`)).toBe(0);
  });

  it('deactivates absentees and ends their assignments only when asked', async () => {
    const people = `email,firstName,lastName,structure,roles\nalice.durand@import.example,Alice,Durand,IMP-RECT,\n`;
    const plain = await run({ people, dryRun: false });
    expect(plain.report.lines.map((l: any) => l.action)).toEqual(['UNCHANGED']);
    const full = await run({ people, deactivateAbsent: true });
    expect(full.report.lines.filter((l: any) => l.action !== 'UNCHANGED').map((l: any) => [l.action, l.key])).toEqual([['END', 'alice.durand@import.example CCA IMP-RECT']]);
    const withAssignments = await run({ people, assignments: ASSIGNMENTS, deactivateAbsent: true, dryRun: false });
    expect(withAssignments.report.changeCount).toBe(0);
    // Bruno moved to IMP-ACAD: a full import of IMP-ACAD without him deactivates him
    const acad = `email,firstName,lastName,structure,roles\nnew.person@import.example,New,Person,IMP-ACAD,\n`;
    const r = await run({ people: acad, deactivateAbsent: true, dryRun: false });
    expect(r.report.lines.map((l: any) => [l.action, l.key])).toEqual([['CREATE', 'new.person@import.example'], ['DEACTIVATE', 'bruno.petit@import.example']]);
    expect((await sql(server.databaseUrl, `select active from person where email = 'bruno.petit@import.example'`)).rows[0].active).toBe(false);
    expect((await sql(server.databaseUrl, `select active from person where email = 'alice.durand@import.example'`)).rows[0].active).toBe(true);
  });

  it('5 000 people are written in one batch of statements, not one per row', async () => {
    const lines = ['email,firstName,lastName,structure,roles'];
    for (let i = 0; i < 5000; i++) lines.push(`agent.${i}@masse.example,Agent,Numéro ${i},IMP-RECT,`);
    const assignments = ['email,structure,kind'];
    for (let i = 0; i < 500; i++) assignments.push(`agent.${i}@masse.example,IMP-RECT,CCH`);
    const knex = server.orm.em.getConnection().getKnex();
    let statements = 0;
    const onQuery = (q: { sql: string }) => void (/webhook_delivery/.test(q.sql) || statements++);
    knex.on('query', onQuery);
    const started = Date.now();
    const r = await run({ people: lines.join('\n'), assignments: assignments.join('\n'), dryRun: false });
    knex.off('query', onQuery);
    expect(r.report).toMatchObject({ applied: true, refusedCount: 0, changeCount: 5500 });
    expect(await count(`select count(*)::int n from person where email like '%@masse.example'`)).toBe(5000);
    // reads (ministries, structures, people, assignments) + one insert per kind + begin/commit + the viewer's own lookups
    console.log(`5 000 people and 500 assignments imported in ${Date.now() - started} ms with ${statements} SQL statements`);
    expect(statements).toBeLessThan(15);
    const again = await run({ people: lines.join('\n'), assignments: assignments.join('\n'), dryRun: false });
    expect(again.report.changeCount).toBe(0);
  }, 120_000);

  it('is for administrators only', async () => {
    const cca = await server.tokenForRole('CCA', 'CSP-LYON');
    const r = await server.gql(IMPORT, { input: { format: 'CSV', people: PEOPLE } }, { token: cca });
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
