/**
 * Bulk import of the directory: structures (with their ministry and parent), people and
 * correspondent assignments, from CSV (csv-parse) or JSON. Structures are matched by code,
 * people by email (case-insensitive), assignments by (email, structure, role). A dry run
 * reports line by line what would be created, changed, ended, deactivated or refused;
 * applying writes everything or nothing (any refused line: nothing), in a fixed number of
 * set-based statements whatever the file's size (no round trip per row). Importing the
 * same file again changes nothing. People absent from the file are deactivated only when
 * asked (`deactivateAbsent`), never by default.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ImportAction, ImportFormat, ImportSection, readImportRows, runImport, type ImportReportData } from '../core/bulk-import';
import type { Viewer } from '../core/context';
import { assertImportColumns } from '../core/import-columns';
import { Role } from '../core/roles';
import { pgArray } from '../core/sql';
import { CorrespondentKind, StructureKind } from './directory.enums';
import { AuditAction } from '../audit/audit.enums';
import { auditImport } from '../audit/audit.service';
import { assertMayManageDirectory } from './directory.service';
import { DIRECTORY_IMPORT_MESSAGES as I } from './directory.messages';

export interface DirectoryImportInput {
  format: ImportFormat | 'CSV' | 'JSON';
  structures?: string | null;
  people?: string | null;
  assignments?: string | null;
  /** JSON only: `{ "structures": [...], "people": [...], "assignments": [...] }`. */
  json?: string | null;
  dryRun: boolean;
  deactivateAbsent: boolean;
}

type DirectorySection = ImportSection.STRUCTURES | ImportSection.PEOPLE | ImportSection.ASSIGNMENTS;

const CORRESPONDENT = new Set<string>(Object.values(CorrespondentKind));
const HELD = new Set<string>(Object.values(Role).filter((r) => !CORRESPONDENT.has(r) && r !== Role.APPLICATION));
const KINDS = new Set<string>(Object.values(StructureKind));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const columnsOf = (input: DirectoryImportInput) =>
  assertImportColumns(
    input.format,
    [
      { field: 'structures', csv: input.structures, jsonKey: 'structures', required: ['code', 'name', 'kind', 'ministry'], optional: ['parent'] },
      { field: 'people', csv: input.people, jsonKey: 'people', required: ['email', 'firstName', 'lastName', 'structure'], optional: ['roles'] },
      { field: 'assignments', csv: input.assignments, jsonKey: 'assignments', required: ['email', 'structure', 'kind'], optional: ['since'] },
    ],
    input.json,
  );

const rowsOf = (input: DirectoryImportInput) =>
  readImportRows<DirectorySection>(
    input.format,
    [
      { section: ImportSection.STRUCTURES, field: 'structures', csv: input.structures, jsonKey: 'structures' },
      { section: ImportSection.PEOPLE, field: 'people', csv: input.people, jsonKey: 'people' },
      { section: ImportSection.ASSIGNMENTS, field: 'assignments', csv: input.assignments, jsonKey: 'assignments' },
    ],
    input.json,
  );

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const exec = (em: EntityManager, sql: string, params: unknown[] = []): Promise<any[]> => em.execute(sql, params);

/** Plans the import against the database (4 reads), then writes it unless it is a dry run or a line is refused. */
export async function importDirectory(em: EntityManager, viewer: Viewer, input: DirectoryImportInput): Promise<ImportReportData> {
  assertMayManageDirectory(viewer);
  const rows = await rowsOf(input);
  columnsOf(input);
  return runImport(em, input.dryRun, async (tx, log) => {
    const refuse = log.refuse.bind(log);
    const record = log.record.bind(log);

    const structureCodes = [...new Set([...rows.STRUCTURES.map((r) => r.data.code), ...rows.STRUCTURES.map((r) => r.data.parent), ...rows.PEOPLE.map((r) => r.data.structure), ...rows.ASSIGNMENTS.map((r) => r.data.structure)].filter(Boolean))];
    const emails = [...new Set([...rows.PEOPLE.map((r) => r.data.email), ...rows.ASSIGNMENTS.map((r) => r.data.email)].filter(Boolean).map((e) => e.toLowerCase()))];
    // the four reads
    const ministries = new Map<string, string>((await exec(tx, 'select code, id from ministry')).map((m: { code: string; id: string }) => [m.code, m.id]));
    type S = { id: string; code: string; name: string; kind: string; ministry_id: string; parent_id: string | null };
    const structures = new Map<string, S>((await exec(tx, 'select id, code, name, kind, ministry_id, parent_id from structure where code = any(?::text[])', [pgArray(structureCodes)])).map((s: S) => [s.code, s]));
    type P = { id: string; email: string; first_name: string; last_name: string; structure_id: string; held_roles: string[]; active: boolean; structure_code?: string };
    const people = new Map<string, P>((await exec(tx, 'select p.id, p.email, p.first_name, p.last_name, p.structure_id, p.held_roles, p.active, s.code as structure_code from person p join structure s on s.id = p.structure_id where p.email = any(?::text[])', [pgArray(emails)])).map((p: P) => [p.email, p]));
    const codeOfStructure = new Map<string, string>([...structures.values()].map((s) => [s.id, s.code]));

    /* structures */
    const newStructures: S[] = [];
    const changedStructures: S[] = [];
    const fileCodes = new Set<string>();
    for (const { line, data } of rows.STRUCTURES) {
      const code = data.code ?? '';
      if (!/^[A-Z0-9][A-Z0-9_-]{0,39}$/.test(code)) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.structureCode']()); continue; }
      if (fileCodes.has(code)) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.codeTwice']({ code })); continue; }
      fileCodes.add(code);
      const name = data.name ?? '';
      if (!name || name.length > 200) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.structureName']()); continue; }
      if (!KINDS.has(data.kind)) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.kindOneOf']({ values: [...KINDS].join(', ') })); continue; }
      const ministryId = ministries.get(data.ministry);
      if (!ministryId) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.unknownMinistry']({ code: data.ministry ?? '' })); continue; }
      const parent = data.parent || null;
      if (parent === code) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.ownParent']()); continue; }
      if (parent && !structures.has(parent) && !rows.STRUCTURES.some((r) => r.data.code === parent)) { refuse(ImportSection.STRUCTURES, line, code, I['IMPORT.unknownParent']({ code: parent })); continue; }
      const existing = structures.get(code);
      if (!existing) {
        const s: S = { id: randomUUID(), code, name, kind: data.kind, ministry_id: ministryId, parent_id: parent };
        newStructures.push(s);
        structures.set(code, s);
        codeOfStructure.set(s.id, code);
        record(ImportSection.STRUCTURES, line, code, ImportAction.CREATE);
        continue;
      }
      const changes: string[] = [];
      const oldParent = existing.parent_id ? (codeOfStructure.get(existing.parent_id) ?? existing.parent_id) : null;
      if (existing.name !== name) changes.push(`name: ${existing.name} → ${name}`);
      if (existing.kind !== data.kind) changes.push(`kind: ${existing.kind} → ${data.kind}`);
      if (existing.ministry_id !== ministryId) changes.push(`ministry → ${data.ministry}`);
      if (oldParent !== parent) changes.push(`parent: ${oldParent ?? '—'} → ${parent ?? '—'}`);
      if (changes.length) {
        changedStructures.push({ ...existing, name, kind: data.kind, ministry_id: ministryId, parent_id: parent });
        record(ImportSection.STRUCTURES, line, code, ImportAction.CHANGE, changes);
      } else record(ImportSection.STRUCTURES, line, code, ImportAction.UNCHANGED);
    }
    // parents are resolved to ids once every structure of the file has one
    for (const s of [...newStructures, ...changedStructures]) if (s.parent_id && !codeOfStructure.has(s.parent_id)) s.parent_id = structures.get(s.parent_id)?.id ?? null;

    /* people */
    const newPeople: P[] = [];
    const changedPeople: P[] = [];
    const fileEmails = new Set<string>();
    for (const { line, data } of rows.PEOPLE) {
      const email = (data.email ?? '').toLowerCase();
      if (!EMAIL.test(email) || email.length > 254) { refuse(ImportSection.PEOPLE, line, email, I['IMPORT.email']()); continue; }
      if (fileEmails.has(email)) { refuse(ImportSection.PEOPLE, line, email, I['IMPORT.emailTwice']({ email })); continue; }
      fileEmails.add(email);
      const first = data.firstName ?? '';
      const last = data.lastName ?? '';
      if (!first || !last || first.length > 100 || last.length > 100) { refuse(ImportSection.PEOPLE, line, email, I['IMPORT.names']()); continue; }
      const structure = structures.get(data.structure);
      if (!structure) { refuse(ImportSection.PEOPLE, line, email, I['IMPORT.unknownStructure']({ code: data.structure ?? '' })); continue; }
      const roles = data.roles ? data.roles.split(/[|,]/).map((r) => r.trim()).filter(Boolean) : null;
      const badRole = roles?.find((r) => !HELD.has(r));
      if (badRole) { refuse(ImportSection.PEOPLE, line, email, I['IMPORT.heldRole']({ role: badRole })); continue; }
      const existing = people.get(email);
      if (!existing) {
        const p: P = { id: randomUUID(), email, first_name: first, last_name: last, structure_id: structure.id, held_roles: roles ?? [Role.END_USER], active: true };
        newPeople.push(p);
        people.set(email, p);
        record(ImportSection.PEOPLE, line, email, ImportAction.CREATE);
        continue;
      }
      const changes: string[] = [];
      const heldRoles = roles ? [...new Set(roles)].sort() : existing.held_roles;
      if (existing.first_name !== first) changes.push(`firstName: ${existing.first_name} → ${first}`);
      if (existing.last_name !== last) changes.push(`lastName: ${existing.last_name} → ${last}`);
      if (existing.structure_id !== structure.id) changes.push(`structure: ${existing.structure_code ?? codeOfStructure.get(existing.structure_id)} → ${structure.code}`);
      if ([...existing.held_roles].sort().join('|') !== heldRoles.join('|')) changes.push(`roles: ${[...existing.held_roles].sort().join('|') || '—'} → ${heldRoles.join('|') || '—'}`);
      if (!existing.active) changes.push('active: false → true');
      if (changes.length) {
        changedPeople.push({ ...existing, first_name: first, last_name: last, structure_id: structure.id, held_roles: heldRoles, active: true });
        record(ImportSection.PEOPLE, line, email, ImportAction.CHANGE, changes);
      } else record(ImportSection.PEOPLE, line, email, ImportAction.UNCHANGED);
    }

    /* assignments */
    const personIds = [...people.values()].map((p) => p.id);
    type A = { id: string; person_id: string; structure_id: string; kind: string };
    const running: A[] = await exec(tx, `select id, person_id, structure_id, kind from correspondent_assignment where person_id = any(?::uuid[]) and since <= now() and (until is null or until > now())`, [pgArray(personIds)]);
    const runningKey = new Map(running.map((a) => [`${a.person_id}|${a.structure_id}|${a.kind}`, a]));
    const newAssignments: (A & { since: string })[] = [];
    const fileAssignments = new Set<string>();
    for (const { line, data } of rows.ASSIGNMENTS) {
      const email = (data.email ?? '').toLowerCase();
      const key = `${email} ${data.kind ?? ''} ${data.structure ?? ''}`;
      const person = people.get(email);
      if (!person) { refuse(ImportSection.ASSIGNMENTS, line, key, I['IMPORT.unknownPerson']({ email })); continue; }
      const structure = structures.get(data.structure);
      if (!structure) { refuse(ImportSection.ASSIGNMENTS, line, key, I['IMPORT.unknownStructure']({ code: data.structure ?? '' })); continue; }
      if (!CORRESPONDENT.has(data.kind)) { refuse(ImportSection.ASSIGNMENTS, line, key, I['IMPORT.kindOneOf']({ values: [...CORRESPONDENT].join(', ') })); continue; }
      const since = data.since ? new Date(data.since) : new Date();
      if (Number.isNaN(since.getTime())) { refuse(ImportSection.ASSIGNMENTS, line, key, I['IMPORT.since']()); continue; }
      const k = `${person.id}|${structure.id}|${data.kind}`;
      if (fileAssignments.has(k)) { refuse(ImportSection.ASSIGNMENTS, line, key, I['IMPORT.assignmentTwice']()); continue; }
      fileAssignments.add(k);
      if (runningKey.has(k)) record(ImportSection.ASSIGNMENTS, line, key, ImportAction.UNCHANGED);
      else {
        newAssignments.push({ id: randomUUID(), person_id: person.id, structure_id: structure.id, kind: data.kind, since: since.toISOString() });
        record(ImportSection.ASSIGNMENTS, line, key, ImportAction.CREATE);
      }
    }

    /* absentees, only when asked: people of the file's structures that the file does not name */
    let absentees: { id: string; email: string }[] = [];
    let ended: A[] = [];
    if (input.deactivateAbsent) {
      const scope = [...new Set([...rows.STRUCTURES.map((r) => structures.get(r.data.code)?.id), ...rows.PEOPLE.map((r) => structures.get(r.data.structure)?.id)].filter((x): x is string => !!x))];
      absentees = (await exec(tx, `select id, email from person where active and structure_id = any(?::uuid[]) and not (email = any(?::text[]))`, [pgArray(scope), pgArray([...fileEmails])])) as { id: string; email: string }[];
      for (const p of absentees) record(ImportSection.PEOPLE, 0, p.email, ImportAction.DEACTIVATE);
      // running assignments on those structures that the file no longer lists end too (the absentees' with them)
      const inScope: (A & { email: string; code: string })[] = await exec(
        tx,
        `select a.id, a.person_id, a.structure_id, a.kind, p.email, s.code from correspondent_assignment a join person p on p.id = a.person_id join structure s on s.id = a.structure_id
          where a.structure_id = any(?::uuid[]) and a.since <= now() and (a.until is null or a.until > now())`,
        [pgArray(scope)],
      );
      ended = inScope.filter((a) => !fileAssignments.has(`${a.person_id}|${a.structure_id}|${a.kind}`));
      for (const a of ended) record(ImportSection.ASSIGNMENTS, 0, `${(a as A & { email: string }).email} ${a.kind} ${(a as A & { code: string }).code}`, ImportAction.END);
    }

    /* the writes: one statement per kind of change, whatever the number of rows */
    return async () => {
      const col = (xs: unknown[]) => pgArray(xs.map((x) => (x == null ? '' : String(x))));
      if (newStructures.length)
        await exec(tx, `insert into structure (id, code, name, kind, ministry_id, parent_id) select id, code, name, kind, ministry_id, nullif(parent_id, '')::uuid from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[]) as v(id, code, name, kind, ministry_id, parent_id)`, [
          col(newStructures.map((s) => s.id)), col(newStructures.map((s) => s.code)), col(newStructures.map((s) => s.name)), col(newStructures.map((s) => s.kind)), col(newStructures.map((s) => s.ministry_id)), col(newStructures.map((s) => s.parent_id)),
        ]);
      if (changedStructures.length)
        await exec(tx, `update structure s set name = v.name, kind = v.kind, ministry_id = v.ministry_id, parent_id = nullif(v.parent_id, '')::uuid, updated_at = now() from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[]) as v(id, name, kind, ministry_id, parent_id) where s.id = v.id`, [
          col(changedStructures.map((s) => s.id)), col(changedStructures.map((s) => s.name)), col(changedStructures.map((s) => s.kind)), col(changedStructures.map((s) => s.ministry_id)), col(changedStructures.map((s) => s.parent_id)),
        ]);
      if (newPeople.length)
        await exec(tx, `insert into person (id, email, first_name, last_name, structure_id, held_roles, active) select id, email, first_name, last_name, structure_id, string_to_array(roles, '|'), true from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[]) as v(id, email, first_name, last_name, structure_id, roles)`, [
          col(newPeople.map((p) => p.id)), col(newPeople.map((p) => p.email)), col(newPeople.map((p) => p.first_name)), col(newPeople.map((p) => p.last_name)), col(newPeople.map((p) => p.structure_id)), col(newPeople.map((p) => p.held_roles.join('|'))),
        ]);
      if (changedPeople.length)
        await exec(tx, `update person p set first_name = v.first_name, last_name = v.last_name, structure_id = v.structure_id, held_roles = coalesce(string_to_array(nullif(v.roles, ''), '|'), '{}'), active = true, updated_at = now() from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[]) as v(id, first_name, last_name, structure_id, roles) where p.id = v.id`, [
          col(changedPeople.map((p) => p.id)), col(changedPeople.map((p) => p.first_name)), col(changedPeople.map((p) => p.last_name)), col(changedPeople.map((p) => p.structure_id)), col(changedPeople.map((p) => p.held_roles.join('|'))),
        ]);
      if (newAssignments.length)
        await exec(tx, `insert into correspondent_assignment (id, person_id, structure_id, kind, since) select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[])`, [
          col(newAssignments.map((a) => a.id)), col(newAssignments.map((a) => a.person_id)), col(newAssignments.map((a) => a.structure_id)), col(newAssignments.map((a) => a.kind)), col(newAssignments.map((a) => a.since)),
        ]);
      if (ended.length) await exec(tx, `update correspondent_assignment set until = now(), end_reason = 'Absent from a full directory import', updated_at = now() where id = any(?::uuid[])`, [col(ended.map((a) => a.id))]);
      if (absentees.length) await exec(tx, `update person set active = false, updated_at = now() where id = any(?::uuid[])`, [col(absentees.map((p) => p.id))]);
    };
  }, auditImport(viewer, AuditAction.DIRECTORY_IMPORTED, 'DirectoryImport'));
}
