/**
 * The audit of administrative changes (issue #31, item 4): one entry per change, written in
 * the change's transaction, with who, when, what, the target and the changed fields before
 * and after; readable and exportable by administrators and analysts only; append-only in
 * PostgreSQL itself; and every administrative mutation of the schema is audited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuditAction, createClient, ForbiddenError } from '@chorus-support/sdk';
import { ADMIN_MUTATION_AUDIT, administrativeMutations } from '../packages/server/src/audit/audit.registry';
import { buildAppSchema } from '../packages/server/src/schema';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const admin = await server.tokenForRole('ADMINISTRATOR');
const analyst = await server.tokenForRole('ANALYST');

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const one = async (text: string, params: unknown[] = []) => (await sql(server.databaseUrl, text, params)).rows[0];

const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id lastName } userErrors { code field } } }`;
const ENTRIES = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id createdAt action actorKind actorPerson { email } actorApplication { name } targetType targetId before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CSV = `query($filter: AuditFilter) { auditEntriesCsv(filter: $filter) }`;

const adminRow = await one(
  `select p.id, p.email from person p where 'ADMINISTRATOR' = any(p.held_roles) and p.active order by p.created_at, p.email limit 1`,
);
const someone = await one(`select p.id, p.last_name, p.email from person p where p.active and not ('ADMINISTRATOR' = any(p.held_roles)) order by p.email limit 1`);

describe('an administrative change', () => {
  it('is recorded with who, what, the target, and only the changed fields before and after', async () => {
    const res = await server.gql(UPDATE_PERSON, { input: { id: gid('Person', someone.id), lastName: 'Nouveau-Nom' } }, { token: admin });
    expect(res.body.data.updatePerson.userErrors).toEqual([]);
    const list = await server.gql(ENTRIES, { filter: { targetId: gid('Person', someone.id) } }, { token: admin });
    const entries = list.body.data.auditEntries.edges.map((e: any) => e.node);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'PERSON_UPDATED',
      actorKind: 'PERSON',
      actorPerson: { email: adminRow.email },
      actorApplication: null,
      targetType: 'Person',
      targetId: gid('Person', someone.id),
      before: { lastName: someone.last_name },
      after: { lastName: 'Nouveau-Nom' },
    });
    // the entry is in the database, in the change's own row
    const stored = await one(`select actor_person_id, action, target_id from audit_entry where target_id = $1`, [someone.id]);
    expect(stored).toEqual({ actor_person_id: adminRow.id, action: 'PERSON_UPDATED', target_id: someone.id });
  });

  it('that changes nothing, or is refused, records nothing', async () => {
    const count = async () => Number((await one(`select count(*) n from audit_entry`)).n);
    const before = await count();
    // a no-op
    await server.gql(UPDATE_PERSON, { input: { id: gid('Person', someone.id), lastName: 'Nouveau-Nom' } }, { token: admin });
    // refused by a rule (an email in use): userErrors, nothing written
    const taken = await server.gql(UPDATE_PERSON, { input: { id: gid('Person', someone.id), email: adminRow.email } }, { token: admin });
    expect(taken.body.data.updatePerson.userErrors[0].code).toBe('EMAIL_TAKEN');
    // refused to a role that may not
    const sn1 = await server.tokenForRole('SN1_AGENT');
    const forbidden = await server.gql(UPDATE_PERSON, { input: { id: gid('Person', someone.id), lastName: 'Pirate' } }, { token: sn1 });
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    expect((await one(`select last_name from person where id = $1`, [someone.id])).last_name).toBe('Nouveau-Nom');
  });

  it('of API keys (issued, rotated, revoked) names each key, never the secret', async () => {
    const app = await one(`select id from application_client order by name limit 1`);
    const ISSUE = `mutation($id: ID!) { issueApiKey(input: { applicationId: $id, label: "audit" }) { issued { apiKey { id prefix } key } userErrors { code } } }`;
    const issued = (await server.gql(ISSUE, { id: gid('ApplicationClient', app.id) }, { token: admin })).body.data.issueApiKey.issued;
    const keyId = issued.apiKey.id;
    const ROTATE = `mutation($id: ID!) { rotateApiKey(input: { id: $id, graceMinutes: 5 }) { issued { apiKey { id } } userErrors { code } } }`;
    const rotated = (await server.gql(ROTATE, { id: keyId }, { token: admin })).body.data.rotateApiKey.issued.apiKey.id;
    const REVOKE = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { usable } userErrors { code } } }`;
    expect((await server.gql(REVOKE, { id: rotated }, { token: admin })).body.data.revokeApiKey.userErrors).toEqual([]);
    const list = await server.gql(ENTRIES, { filter: { targetType: 'ApiKey' } }, { token: analyst });
    const actions = list.body.data.auditEntries.edges.map((e: any) => e.node);
    expect(actions.map((a: any) => [a.action, a.targetId])).toEqual([
      ['API_KEY_REVOKED', rotated],
      ['API_KEY_ROTATED', keyId],
      ['API_KEY_ISSUED', keyId],
    ]);
    expect(actions[2].after).toMatchObject({ application: app.id, prefix: issued.apiKey.prefix, label: 'audit', revokedAt: null });
    expect(actions[1].after).toMatchObject({ replacedBy: expect.any(String), expiresAt: expect.stringMatching(/^\d{4}-/) });
    expect(actions[0].before).toEqual({ revokedAt: null });
    expect(actions[0].after.revokedAt).toMatch(/^\d{4}-/);
    // the actor kind filters: people made every change so far, no application
    expect((await server.gql(ENTRIES, { filter: { actorKind: 'APPLICATION' } }, { token: analyst })).body.data.auditEntries.totalCount).toBe(0);
    expect((await server.gql(ENTRIES, { filter: { actorKind: 'PERSON', targetType: 'ApiKey' } }, { token: analyst })).body.data.auditEntries.totalCount).toBe(3);
    // never the key itself nor its hash
    expect(JSON.stringify(actions)).not.toContain(issued.key);
    // never the key's hash
    expect(JSON.stringify(actions)).not.toMatch(/hash/i);
  });
});

describe('across the modules', () => {
  const audited = async (action: string) => (await sql(server.databaseUrl, `select actor_person_id, target_type, target_id, before, after from audit_entry where action = $1 order by created_at`, [action])).rows;

  it('an import is recorded once applied, with its counts; a dry run records nothing', async () => {
    const IMPORT = `mutation($input: ImportDirectoryInput!) { importDirectory(input: $input) { report { applied } userErrors { code } } }`;
    const ministry = (await one(`select code from ministry order by code limit 1`)).code;
    const input = { format: 'CSV', structures: `code,name,kind,ministry,parent\nAUD-RECT,Rectorat audité,RECTORAT,${ministry},\n`, people: `email,firstName,lastName,structure,roles\naudit.one@import.example,Une,Personne,AUD-RECT,\n` };
    const dry = await server.gql(IMPORT, { input }, { token: admin });
    expect(dry.body.data.importDirectory.report.applied).toBe(false);
    expect(await audited('DIRECTORY_IMPORTED')).toEqual([]);
    const applied = await server.gql(IMPORT, { input: { ...input, dryRun: false } }, { token: admin });
    expect(applied.body.data.importDirectory.report.applied).toBe(true);
    expect(await audited('DIRECTORY_IMPORTED')).toEqual([
      { actor_person_id: adminRow.id, target_type: 'DirectoryImport', target_id: null, before: null, after: { STRUCTURES: { CREATE: 1 }, PEOPLE: { CREATE: 1 } } },
    ]);
    // a refused import (a bad line): nothing written, nothing recorded
    const refused = await server.gql(IMPORT, { input: { format: 'CSV', people: `email,firstName,lastName,structure,roles\nnot-an-email,A,B,AUD-RECT,\n`, dryRun: false } }, { token: admin });
    expect(refused.body.data.importDirectory.report.applied).toBe(false);
    expect(await audited('DIRECTORY_IMPORTED')).toHaveLength(1);
  });

  it('service levels, routing, training and knowledge record their changes, each with its own actor', async () => {
    const calendar = await one(`select id from business_calendar order by code limit 1`);
    const TARGET = `mutation($input: SetServiceLevelTargetInput!) { setServiceLevelTarget(input: $input) { target { id } userErrors { code } } }`;
    const set = await server.gql(TARGET, { input: { priority: 4, metric: 'RESOLUTION', targetSeconds: 3600, calendarId: gid('BusinessCalendar', calendar.id) } }, { token: admin });
    const target = set.body.data.setServiceLevelTarget.target;
    const REMOVE = `mutation($id: ID!) { removeServiceLevelTarget(input: { id: $id }) { userErrors { code } } }`;
    expect((await server.gql(REMOVE, { id: target.id }, { token: admin })).body.data.removeServiceLevelTarget.userErrors).toEqual([]);
    const [removed] = await audited('SERVICE_LEVEL_TARGET_REMOVED');
    expect(removed).toMatchObject({ target_type: 'ServiceLevelTarget', after: null, before: { priority: 4, metric: 'RESOLUTION', targetSeconds: 3600, calendar: calendar.id } });

    const RULE = `mutation($input: SaveIncidentRoutingRuleInput!) { saveIncidentRoutingRule(input: $input) { rule { id } userErrors { code } } }`;
    const rule = await server.gql(RULE, { input: { position: 99, label: 'Flux GAIA', pattern: 'GAIA.*rejet', nature: 'TECHNICAL' } }, { token: admin });
    expect(rule.body.data.saveIncidentRoutingRule.userErrors).toEqual([]);
    expect((await audited('ROUTING_RULE_SAVED')).at(-1)).toMatchObject({ before: null, after: { label: 'Flux GAIA', pattern: 'GAIA.*rejet', nature: 'TECHNICAL', position: 99 } });
    // a refused pattern: nothing
    const bad = await server.gql(RULE, { input: { position: 98, label: 'Cassée', pattern: '(', nature: 'TECHNICAL' } }, { token: admin });
    expect(bad.body.data.saveIncidentRoutingRule.userErrors[0].code).toBe('INVALID_ROUTING_PATTERN');
    expect(await audited('ROUTING_RULE_SAVED')).toHaveLength(1);

    // the training referent's catalogue change names the referent
    const referent = await one(`select id from person where 'TRAINING_REFERENT' = any(held_roles) and active order by created_at, email limit 1`);
    const DOMAIN = `mutation($input: CreateTrainingDomainInput!) { createTrainingDomain(input: $input) { domain { id } userErrors { code } } }`;
    const created = await server.gql(DOMAIN, { input: { code: 'AUDIT', label: 'Audit' } }, { token: await server.tokenForRole('TRAINING_REFERENT') });
    expect(created.body.data.createTrainingDomain.userErrors).toEqual([]);
    expect(await audited('TRAINING_DOMAIN_CREATED')).toEqual([
      { actor_person_id: referent.id, target_type: 'TrainingDomain', target_id: expect.any(String), before: null, after: { code: 'AUDIT', label: 'Audit', position: 0 } },
    ]);

    // a knowledge editor's abbreviation
    const ABBR = `mutation($input: SetAbbreviationInput!) { setAbbreviation(input: $input) { abbreviation { id } userErrors { code } } }`;
    const abbr = await server.gql(ABBR, { input: { shortForm: 'audt', expansion: 'audit' } }, { token: await server.tokenForRole('KNOWLEDGE_EDITOR') });
    expect(abbr.body.data.setAbbreviation.userErrors).toEqual([]);
    expect((await audited('ABBREVIATION_SET')).at(-1)).toMatchObject({ target_type: 'KnowledgeAbbreviation', after: { shortForm: 'audt', expansion: 'audit', onlyWithDot: false } });
  });
});

describe('reading the audit', () => {
  it('is for administrators and analysts; every other role is FORBIDDEN', async () => {
    expect((await server.gql(ENTRIES, { first: 1 }, { token: analyst })).body.data.auditEntries.edges).toHaveLength(1);
    for (const role of ['SN1_AGENT', 'SN2_AGENT', 'CCA', 'END_USER', 'KNOWLEDGE_EDITOR', 'TRAINING_REFERENT', 'PLATFORM_HEAD']) {
      const token = await server.tokenForRole(role);
      const res = await server.gql(ENTRIES, { first: 1 }, { token });
      expect(res.body.errors[0].extensions.code, role).toBe('FORBIDDEN');
      // who may, in words
      expect(res.body.errors[0].message, role).toMatch(/administrateur.*analyste|analyste.*administrateur/);
      expect(res.body.data).toBeNull();
      const csv = await server.gql(CSV, {}, { token });
      expect(csv.body.errors[0].extensions.code, role).toBe('FORBIDDEN');
    }
    expect((await server.gql(ENTRIES, { first: 1 })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // an application neither
    const { DEMO_API_KEY } = await import('../packages/server/src/integration/integration.demo');
    expect((await server.gql(ENTRIES, { first: 1 }, { apiKey: DEMO_API_KEY })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    // nor through node(id:)
    const entry = await one(`select id from audit_entry limit 1`);
    const NODE = `query($id: ID!) { node(id: $id) { id ... on AuditEntry { action } } }`;
    expect((await server.gql(NODE, { id: gid('AuditEntry', entry.id) }, { token: analyst })).body.data.node).toMatchObject({ action: expect.any(String) });
    const cca = await server.gql(NODE, { id: gid('AuditEntry', entry.id) }, { token: await server.tokenForRole('CCA') });
    expect(cca.body.data?.node ?? null).toBeNull();
  });

  it('filters by actor, action, target type and period, and pages newest first', async () => {
    // a few more changes to filter among
    const structure = await one(`select id, name from structure where code = 'RECT-LYON'`);
    const UPDATE_STRUCTURE = `mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { userErrors { code } } }`;
    for (const name of ['Rectorat de Lyon (1)', 'Rectorat de Lyon (2)', structure.name]) {
      expect((await server.gql(UPDATE_STRUCTURE, { input: { id: gid('Structure', structure.id), name } }, { token: admin })).body.data.updateStructure.userErrors).toEqual([]);
    }
    const byType = await server.gql(ENTRIES, { filter: { targetType: 'Structure' } }, { token: analyst });
    const names = byType.body.data.auditEntries.edges.map((e: any) => e.node.after.name);
    expect(names).toEqual([structure.name, 'Rectorat de Lyon (2)', 'Rectorat de Lyon (1)']);
    expect(byType.body.data.auditEntries.totalCount).toBe(3);

    const byAction = await server.gql(ENTRIES, { filter: { actions: ['STRUCTURE_UPDATED', 'PERSON_UPDATED'] } }, { token: analyst });
    expect(new Set(byAction.body.data.auditEntries.edges.map((e: any) => e.node.action))).toEqual(new Set(['STRUCTURE_UPDATED', 'PERSON_UPDATED']));

    const byActor = await server.gql(ENTRIES, { filter: { actorPersonId: gid('Person', adminRow.id) } }, { token: analyst });
    const total = Number((await one(`select count(*) n from audit_entry where actor_person_id = $1`, [adminRow.id])).n);
    expect(byActor.body.data.auditEntries.totalCount).toBe(total);
    const nobody = await server.gql(ENTRIES, { filter: { actorPersonId: gid('Person', someone.id) } }, { token: analyst });
    expect(nobody.body.data.auditEntries.totalCount).toBe(0);

    // the period: only what the database dates inside it (moved by SQL into the past: the test is about dates)
    const oldest = await one(`select id from audit_entry where target_type = 'Structure' order by created_at limit 1`);
    await sql(server.databaseUrl, `alter table audit_entry disable trigger audit_entry_append_only`);
    await sql(server.databaseUrl, `update audit_entry set created_at = '2025-03-10T10:00:00Z' where id = $1`, [oldest.id]);
    await sql(server.databaseUrl, `alter table audit_entry enable trigger audit_entry_append_only`);
    const march = await server.gql(ENTRIES, { filter: { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' } }, { token: analyst });
    expect(march.body.data.auditEntries.edges.map((e: any) => e.node.id)).toEqual([gid('AuditEntry', oldest.id)]);
    const badPeriod = await server.gql(ENTRIES, { filter: { from: '2025-04-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } }, { token: analyst });
    expect(badPeriod.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // pages
    const first = await server.gql(ENTRIES, { filter: { targetType: 'Structure' }, first: 2 }, { token: analyst });
    expect(first.body.data.auditEntries.pageInfo.hasNextPage).toBe(true);
    const next = await server.gql(ENTRIES, { filter: { targetType: 'Structure' }, first: 2, after: first.body.data.auditEntries.pageInfo.endCursor }, { token: analyst });
    expect(next.body.data.auditEntries.edges).toHaveLength(1);

    // an id of the wrong kind is a coded refusal
    const wrong = await server.gql(ENTRIES, { filter: { actorPersonId: gid('Structure', structure.id) } }, { token: analyst });
    expect(wrong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('exports the filtered entries as CSV: BOM, semicolons, French headers, one line per entry', async () => {
    const res = await server.gql(CSV, { filter: { targetType: 'Structure' } }, { token: admin });
    const csv: string = res.body.data.auditEntriesCsv;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('date (Paris);auteur;type d’auteur;action;libellé;type d’objet;objet;avant;après');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`;${adminRow.email};PERSON;STRUCTURE_UPDATED;Structure modifiée;Structure;`);
    expect(lines[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/);
    // the JSON of the changed fields, quoted (its quotes doubled)
    const lyon = (await one(`select name from structure where code = 'RECT-LYON'`)).name;
    expect(lines[1].endsWith(`;"{""name"":""Rectorat de Lyon (2)""}";"{""name"":""${lyon}""}"`)).toBe(true);
  });
});

describe('through the SDK', () => {
  it('reads, filters and exports the audit (analysts), and refuses it to others with ForbiddenError', async () => {
    const sdk = createClient({ url: server.url, token: analyst });
    const page = await sdk.AuditEntries({ filter: { actions: [AuditAction.PERSON_UPDATED] }, first: 5 });
    expect(page.auditEntries.nodes[0]).toMatchObject({ action: AuditAction.PERSON_UPDATED, targetType: 'Person', actorPerson: { email: adminRow.email } });
    const csv = await sdk.AuditEntriesCsv({ filter: { actions: [AuditAction.PERSON_UPDATED] } });
    expect(csv.auditEntriesCsv.startsWith('\uFEFFdate (Paris);')).toBe(true);
    const cca = createClient({ url: server.url, token: await server.tokenForRole('CCA') });
    await expect(cca.AuditEntries({ first: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the audit table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in PostgreSQL itself, whoever connects', async () => {
    const entry = await one(`select id from audit_entry limit 1`);
    await expect(sql(server.databaseUrl, `update audit_entry set action = 'PERSON_CREATED' where id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, `update audit_entry set after = '{}' where id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, `delete from audit_entry where id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(sql(server.databaseUrl, `truncate audit_entry`)).rejects.toThrow(/append-only/);
    expect(await one(`select id from audit_entry where id = $1`, [entry.id])).toEqual(entry);
  });
});

describe('every administrative mutation', () => {
  it('is listed with the actions it records, and each action is recorded by a service', async () => {
    await buildAppSchema();
    const admin = administrativeMutations();
    expect(admin.length).toBeGreaterThan(30);
    const unlisted = admin.filter((name) => !ADMIN_MUTATION_AUDIT[name]);
    expect(unlisted, `administrative mutations not audited (add them to audit/audit.registry.ts and record in their service): ${unlisted.join(', ')}`).toEqual([]);
    const gone = Object.keys(ADMIN_MUTATION_AUDIT).filter((name) => !admin.includes(name));
    expect(gone, 'listed mutations that are not administrative mutations of the schema').toEqual([]);

    // every listed action is recorded somewhere outside the audit module (a recordAudit or an import's auditImport)
    const src = fileURLToPath(new URL('../packages/server/src', import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith('audit') && !f.startsWith('migrations'));
    const text = files.map((f) => readFileSync(join(src, f), 'utf8')).join('\n');
    for (const action of new Set(Object.values(ADMIN_MUTATION_AUDIT).flat())) {
      expect(new RegExp(`(recordAudit|auditImport)\\([^;]*AuditAction\\.${action}\\b`, 's').test(text), `${action} is recorded by no service`).toBe(true);
    }
  });
});
