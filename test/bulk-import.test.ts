/**
 * The bulk-import engine beyond the directory, over GraphQL on real PostgreSQL: knowledge
 * items (messages and answers, matched by bot and title) and business calendars' closed
 * days (matched by calendar and date). Dry run line by line, bad lines reported with their
 * line numbers and nothing written, all-or-nothing apply, and the re-import a no-op.
 */
import { BulkImportFormat, createClient } from '@chorus-support/sdk';
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const editor = await server.tokenForRole('KNOWLEDGE_EDITOR');
const admin = await server.tokenForRole('ADMINISTRATOR');
const cca = await server.tokenForRole('CCA');
const REPORT = `report { applied refusedCount changeCount lines { section line key action changes message } } userErrors { field code message }`;
const count = async (q: string, params: unknown[] = []) => (await sql(server.databaseUrl, q, params)).rows[0].n as number;

async function importItems(input: Record<string, unknown>, token = editor) {
  const r = await server.gql(`mutation($input: ImportKnowledgeItemsInput!) { importKnowledgeItems(input: $input) { ${REPORT} } }`, { input: { format: 'CSV', ...input } }, { token });
  return r.body;
}
async function importDays(input: Record<string, unknown>, token = admin) {
  const r = await server.gql(`mutation($input: ImportClosedDaysInput!) { importClosedDays(input: $input) { ${REPORT} } }`, { input: { format: 'CSV', ...input } }, { token });
  return r.body;
}

const ITEMS = `bot,domain,kind,title,message,answer,list,listPosition,publish
IZIA,EJ,ERROR_MESSAGE,Import : tiers bloqué dans l'EJ,Le tiers XXX est bloqué,"Le tiers est bloqué au niveau du référentiel.
Demandez son déblocage à votre CCA.",,,true
IZIA,EJ,HOW_TO,Import : comment clôturer un EJ,,"Ouvrez l'EJ.
Choisissez « Clôturer ».","Un EJ soldé
Un EJ sans service fait",1,
`;

describe('knowledge items import', () => {
  it('dry run reports line by line and writes nothing; apply goes through the item rules; the same file again changes nothing', async () => {
    const dry = (await importItems({ items: ITEMS })).data.importKnowledgeItems;
    expect(dry.userErrors).toEqual([]);
    expect(dry.report).toMatchObject({ applied: false, refusedCount: 0, changeCount: 2 });
    expect(dry.report.lines.map((l: any) => [l.section, l.line, l.key, l.action])).toEqual([
      ['KNOWLEDGE_ITEMS', 2, "IZIA Import : tiers bloqué dans l'EJ", 'CREATE'],
      ['KNOWLEDGE_ITEMS', 4, 'IZIA Import : comment clôturer un EJ', 'CREATE'],
    ]);
    expect(await count(`select count(*)::int n from knowledge_item where title like 'Import : %'`)).toBe(0);

    const applied = (await importItems({ items: ITEMS, dryRun: false })).data.importKnowledgeItems;
    expect(applied.report).toMatchObject({ applied: true, refusedCount: 0, changeCount: 2 });
    const rows = (await sql(server.databaseUrl, `select title, kind, status, message, dialog from knowledge_item where title like 'Import : %' order by title`)).rows;
    expect(rows.map((r: any) => [r.title, r.kind, r.status])).toEqual([
      ['Import : comment clôturer un EJ', 'HOW_TO', 'DRAFT'],
      ["Import : tiers bloqué dans l'EJ", 'ERROR_MESSAGE', 'PUBLISHED'],
    ]);
    expect(rows[0].dialog.nodes[0]).toMatchObject({ kind: 'ANSWER', texts: ["Ouvrez l'EJ.", 'Choisissez « Clôturer ».'], listItems: ['Un EJ soldé', 'Un EJ sans service fait'], listPosition: 1 });
    // the published one answers through the matcher: its phrases were built by the knowledge service
    expect(await count(`select count(*)::int n from knowledge_phrase p join knowledge_item i on i.id = p.item_id where i.title = $1 and p.active and p.kind = 'KNOWN_MESSAGE'`, ["Import : tiers bloqué dans l'EJ"])).toBe(1);
    expect(await count(`select count(*)::int n from knowledge_publication p join knowledge_item i on i.id = p.item_id where i.title = $1 and p.action = 'PUBLISHED'`, ["Import : tiers bloqué dans l'EJ"])).toBe(1);

    const versions = async () => (await sql(server.databaseUrl, `select string_agg(version::text, ',' order by title) v from knowledge_item where title like 'Import : %'`)).rows[0].v;
    const before = await versions();
    const again = (await importItems({ items: ITEMS, dryRun: false })).data.importKnowledgeItems;
    expect(again.report).toMatchObject({ applied: true, changeCount: 0 });
    // one UNCHANGED line per line of the file (`every` alone would also pass an empty report)
    expect(again.report.lines.map((l: any) => [l.line, l.action])).toEqual([[2, 'UNCHANGED'], [4, 'UNCHANGED']]);
    expect(await versions()).toBe(before);
    expect(await count(`select count(*)::int n from knowledge_item where title like 'Import : %'`)).toBe(2);

    // matched by title whatever its case and spacing; a changed answer is reported, in JSON too
    const json = JSON.stringify({ items: [{ bot: 'izia', domain: 'EJ', title: 'import :  COMMENT clôturer un EJ', answer: ["Ouvrez l'EJ.", 'Choisissez « Clôturer » puis confirmez.'], list: ['Un EJ soldé', 'Un EJ sans service fait'], listPosition: 1 }] });
    const changed = (await importItems({ format: 'JSON', json, dryRun: false })).data.importKnowledgeItems;
    expect(changed.report.lines).toEqual([
      { section: 'KNOWLEDGE_ITEMS', line: 1, key: 'IZIA import : COMMENT clôturer un EJ', action: 'CHANGE', changes: ['title: Import : comment clôturer un EJ → import : COMMENT clôturer un EJ', 'answer'], message: null },
    ]);
    expect(await count(`select count(*)::int n from knowledge_item where title like '%lôturer un EJ' and dialog->'nodes'->0->'texts'->>1 = 'Choisissez « Clôturer » puis confirmez.'`)).toBe(1);

    // an empty kind keeps a known item's (here an upgrade note, which a default HOW_TO could not be)
    expect((await importItems({ items: `bot,domain,kind,title,answer\nIZIA,UPGRADE_SAP,UPGRADE_NOTE,Note d'import SAP,Le menu change.\n`, dryRun: false })).data.importKnowledgeItems.report.applied).toBe(true);
    const kept = (await importItems({ items: `bot,domain,title,answer\nIZIA,UPGRADE_SAP,Note d'import SAP,Le menu change.\n`, dryRun: false })).data.importKnowledgeItems;
    expect(kept.report.lines.map((l: any) => [l.action, l.message])).toEqual([['UNCHANGED', null]]);
  });

  it('bad lines are reported with their line numbers, and nothing is written', async () => {
    const items = `bot,domain,kind,title,message,answer,publish
IZIA,EJ,HOW_TO,Import KO : bonne ligne,,Une réponse.,
NOBOT,EJ,HOW_TO,Import KO : robot inconnu,,Une réponse.,
IZIA,NOWHERE,HOW_TO,Import KO : domaine inconnu,,Une réponse.,
IZIA,EJ,ERROR_MESSAGE,Import KO : message manquant,,Une réponse.,
IZIA,EJ,HOW_TO,Import KO : sans réponse,,,true
IZIA,EJ,HOW_TO,Import KO : bonne ligne,,Deux fois.,
IZIA,EJ,SOMETHING,Import KO : genre inconnu,,Une réponse.,
`;
    const r = (await importItems({ items, dryRun: false })).data.importKnowledgeItems;
    expect(r.report.applied).toBe(false);
    expect(r.report.lines.filter((l: any) => l.action === 'REFUSE').map((l: any) => [l.line, l.message])).toEqual([
      [3, 'Aucun assistant virtuel n’a le code « NOBOT ».'],
      [4, 'IZIA n’a pas de domaine de code « NOWHERE ».'],
      [5, expect.stringContaining('Un élément de type message d’erreur reprend le message')],
      [6, expect.stringContaining('n’a aucun texte')],
      [7, 'Le titre « Import KO : bonne ligne » apparaît deux fois pour IZIA dans le fichier.'],
      [8, expect.stringContaining('kind : l’une des valeurs')],
    ]);
    expect(await count(`select count(*)::int n from knowledge_item where title like 'Import KO%'`)).toBe(0);
    // spreadsheet exports: CRLF line ends and a cell over two lines; the line numbers are still the file's
    const crlf = (await importItems({ items: 'bot,domain,kind,title,answer\r\nIZIA,EJ,HOW_TO,Import KO : deux lignes,"Ligne 1\r\nLigne 2"\r\n\r\nNOBOT,EJ,HOW_TO,Import KO : robot,Réponse\r\n' })).data.importKnowledgeItems;
    expect(crlf.report.lines.map((l: any) => [l.line, l.action])).toEqual([[2, 'CREATE'], [5, 'REFUSE']]);
    const broken = (await importItems({ items: 'bot,title\n"unclosed,quote\n' })).data.importKnowledgeItems;
    expect(broken.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_FORMAT', field: ['input', 'items'] })]);
  });

  it('the SDK runs the same import (a dry run of the applied file: nothing left to do)', async () => {
    const sdk = createClient({ url: server.url, token: editor, retries: 0 });
    const items = ITEMS.replace('Import : comment clôturer un EJ', 'import :  COMMENT clôturer un EJ').replace('Choisissez « Clôturer ».', 'Choisissez « Clôturer » puis confirmez.');
    const { importKnowledgeItems } = await sdk.ImportKnowledgeItems({ input: { format: BulkImportFormat.CSV, items } });
    expect(importKnowledgeItems.userErrors).toEqual([]);
    expect(importKnowledgeItems.report?.lines.map((l) => l.action)).toEqual(['UNCHANGED', 'UNCHANGED']);
  });

  it('only knowledge editors import knowledge', async () => {
    const r = await importItems({ items: ITEMS, dryRun: false }, cca);
    expect(r.errors?.[0]?.extensions?.code ?? r.data?.importKnowledgeItems?.userErrors?.[0]?.code).toMatch(/FORBIDDEN/);
  });
});

describe('closed days import', () => {
  it('adds days and labels, reports bad lines with their numbers writing nothing, and a re-import is a no-op', async () => {
    const created = await server.gql(
      `mutation($input: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $input) { calendar { id code } userErrors { code message } } }`,
      { input: { code: 'IMPORT_OFFICE', name: 'Bureau (import)', windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), closedDays: ['2027-12-24'] } },
      { token: admin },
    );
    expect(created.body.data.createBusinessCalendar.userErrors).toEqual([]);
    const calendarId = created.body.data.createBusinessCalendar.calendar.id;
    const days = async () => (await server.gql(`query($id: ID!) { node(id: $id) { ... on BusinessCalendar { closedDays closedDayList { date label } } } }`, { id: calendarId }, { token: admin })).body.data.node;

    const bad = `calendar,date,label
IMPORT_OFFICE,2027-05-07,Pont de l'Ascension
NO_SUCH_CALENDAR,2027-05-07,Pont
IMPORT_OFFICE,2027-02-30,Jour impossible
IMPORT_OFFICE,2027-05-07,Encore le pont
`;
    const refused = (await importDays({ closedDays: bad, dryRun: false })).data.importClosedDays;
    expect(refused.report.applied).toBe(false);
    expect(refused.report.lines.filter((l: any) => l.action === 'REFUSE').map((l: any) => [l.line, l.message])).toEqual([
      [3, 'Aucun calendrier n’a le code « NO_SUCH_CALENDAR ».'],
      [4, 'date : une date AAAA-MM-JJ.'],
      [5, '2027-05-07 apparaît deux fois pour IMPORT_OFFICE dans le fichier.'],
    ]);
    expect((await days()).closedDays).toEqual(['2027-12-24']);

    const good = `calendar,date,label
import_office,2027-05-07,Pont de l'Ascension
IMPORT_OFFICE,2027-12-24,Veille de Noël
IMPORT_OFFICE,2027-12-31,
`;
    const dry = (await importDays({ closedDays: good })).data.importClosedDays;
    expect(dry.report.lines.map((l: any) => [l.line, l.key, l.action, l.changes])).toEqual([
      [2, 'IMPORT_OFFICE 2027-05-07', 'CREATE', []],
      [3, 'IMPORT_OFFICE 2027-12-24', 'CHANGE', ['label: — → Veille de Noël']],
      [4, 'IMPORT_OFFICE 2027-12-31', 'CREATE', []],
    ]);
    expect((await days()).closedDays).toEqual(['2027-12-24']);

    const applied = (await importDays({ closedDays: good, dryRun: false })).data.importClosedDays;
    expect(applied.report).toMatchObject({ applied: true, refusedCount: 0, changeCount: 3 });
    expect(await days()).toEqual({
      closedDays: ['2027-05-07', '2027-12-24', '2027-12-31'],
      closedDayList: [
        { date: '2027-05-07', label: "Pont de l'Ascension" },
        { date: '2027-12-24', label: 'Veille de Noël' },
        { date: '2027-12-31', label: null },
      ],
    });

    const stamp = async () => (await sql(server.databaseUrl, `select updated_at from business_calendar where code = 'IMPORT_OFFICE'`)).rows[0].updated_at;
    const before = await stamp();
    const json = JSON.stringify({ closedDays: [{ calendar: 'IMPORT_OFFICE', date: '2027-12-24', label: 'Veille de Noël' }] });
    const again = (await importDays({ closedDays: good, dryRun: false })).data.importClosedDays;
    const againJson = (await importDays({ format: 'JSON', json, dryRun: false })).data.importClosedDays;
    for (const [r, lines] of [[again, 3], [againJson, 1]] as const) {
      expect(r.report).toMatchObject({ applied: true, changeCount: 0 });
      expect(r.report.lines.map((l: any) => l.action)).toEqual(Array(lines).fill('UNCHANGED'));
    }
    expect(await stamp()).toEqual(before);
  });

  it('only administrators import closed days', async () => {
    const r = await importDays({ closedDays: 'calendar,date,label\nIMPORT_OFFICE,2028-01-03,\n', dryRun: false }, editor);
    expect(r.errors?.[0]?.extensions?.code ?? r.data?.importClosedDays?.userErrors?.[0]?.code).toBe('FORBIDDEN');
  });
});
