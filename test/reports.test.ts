/**
 * The printable reports (/reports/…): the training bilan against the source's own tables,
 * cell by cell; every report's figures against the statistics API's; the same credentials
 * and roles as the statistics queries; CSV; and headless Chromium rendering them to PNG and
 * PDF with the charts' SVG marks there. Screenshots and PDFs go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonOf, CHOOSE, FEEDBACK, plainUserEmail, SEND, START } from './support/chatbot';
import { ARTIFACTS, chromiumMissing, launchBrowser, type TestBrowser } from './support/browser';
import { startTestServer } from './support/server';
import { until } from './support/until';

// the service-level job computes the standings the report's service-level table reads
const server = await startTestServer({ env: { SERVICE_LEVEL_POLL_MS: '200' } });
const base = server.url.replace(/\/graphql$/, '');
const analyst = await server.tokenForRole('ANALYST');
const plainUser = await server.tokenFor(await plainUserEmail(server.databaseUrl, 'CSP-LYON'));
const missing = chromiumMissing();

const H1_2021 = '?from=2021-01-01&to=2021-07-01';

const get = (path: string, token?: string) => fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
/** A CSV response's bytes as text, the byte order mark kept (Response.text() drops it). */
const rawText = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
/** A rate as the CSV writes it: four decimals, decimal comma. */
const csvRate = (r: number) => r.toFixed(4).replace('.', ',');

/** The cells of each `<table id>` of a page, as text. */
function tablesOf(html: string): Record<string, string[][]> {
  const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n))).trim();
  const out: Record<string, string[][]> = {};
  for (const [, id, body] of html.matchAll(/<table id="([^"]+)">([\s\S]*?)<\/table>/g)) {
    out[id] = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => decode(c)));
  }
  return out;
}
/** "1 234" → 1234 */
const num = (cell: string) => Number(cell.replace(/[\s\u202f\u00a0]/g, ''));

// The source's tables (chorus-support-izia.txt, section B), typed from it as written.
const SOURCE_DOMAINS = [
  ['CFO', '170', '55%'],
  ['BUDGET', '49', '16%'],
  ['DCHORUS', '44', '14%'],
  ['ACTIFS', '43', '14%'],
  ['FDEPENSES', '1', '0%'],
  ['TOTAL', '307', '100%'],
];
const SOURCE_ATTENDANCE = [
  ['CFO', '46', '124', '170'],
  ['BUDGET', '6', '43', '49'],
  ['DCHORUS', '9', '35', '44'],
  ['ACTIFS', '8', '35', '43'],
  ['FDEPENSES', '0', '1', '1'],
  ['TOTAL', '69', '238', '307'],
];
// FORMATIONS, Inscriptions, 5…0 parties, durée, min, max, moyenne: blank cells as in the source.
// The source's course names differ in case; the row is found by the label on the left.
const SOURCE_PARTICIPATION: [string, string[]][] = [
  ['Chorus Formulaires utilisateurs', ['170', '', '', '91', '25', '8', '46', '', '', '', '']],
  ['session du 09 au 11 mars 2021', ['65', '', '', '34', '14', '2', '15', '2h', '6mn', '2h20', '2h05']],
  ['session du 26 au 28 mai 2021', ['76', '', '', '43', '6', '5', '22', '2h', '30mn', '2h15', '2h05']],
  ['session du 28 au 30 juin 2021', ['29', '', '', '14', '5', '1', '9', '2h', '5mn', '2h25', '2h10mn']],
  ['Découverte Chorus', ['44', '', '', '', '', '35', '9', '2h', '22mn', '2h19mn', '2h']],
  ['Budget', ['49', '', '', '37', '4', '2', '6', '', '', '', '']],
  ['session du 10 au 12 mai 2021', ['30', '', '', '24', '2', '0', '4', '2h', '1h30', '1h50', '1h50']],
  ['Session du 07 au 09 juin 2021', ['19', '', '', '13', '2', '2', '2', '2h', '1h45', '2h', '1h50']],
  ['Actifs', ['43', '21', '6', '3', '1', '4', '8', '', '', '', '']],
  ['session du 19 avril 2021', ['22', '11', '2', '3', '1', '1', '4', '2h', '13mn', '2h03', '1h50']],
  ['session du 31 mai 2021', ['21', '10', '4', '0', '0', '3', '4', '2h', '24mn', '2h18', '1h50']],
  // the source leaves this one trainee's connection times blank; the live data has them (all 2h)
  ['FDépenses', ['1', '1', '0', '0', '0', '0', '0', '2h', '2h', '2h', '2h']],
  ['TOTAL', ['307', '22', '6', '131', '30', '49', '69', '', '', '', '']],
];
/** The source writes "2h10mn" and "2h10" alike. */
const sameDuration = (cell: string) => cell.replace(/^(\d+h\d\d)mn$/, '$1');

describe('who may read the reports', () => {
  const paths = ['/reports/training', '/reports/training.csv', '/reports/service-desk', '/reports/service-desk.csv', '/reports/chatbot', '/reports/chatbot.csv'];

  it('asks for credentials, as the statistics queries do', async () => {
    for (const p of paths) {
      const res = await get(p);
      expect(res.status, p).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await get('/reports/training', 'not-a-token')).status).toBe(401);
  });

  it('refuses a role the statistics query refuses, and takes the roles it takes', async () => {
    for (const p of paths) expect((await get(p, plainUser)).status, p).toBe(403);
    const apiKeyRes = await fetch(`${base}/reports/service-desk`, { headers: { 'x-api-key': (await import('../packages/server/src/integration/integration.demo')).DEMO_API_KEY } });
    expect(apiKeyRes.status).toBe(403);
    // each role gets exactly the reports whose statistics query it may run
    const readers = {
      training: ['ANALYST', 'TRAINING_REFERENT', 'ADMINISTRATOR'],
      'service-desk': ['ANALYST', 'SN1_AGENT', 'ADMINISTRATOR'],
      chatbot: ['ANALYST', 'KNOWLEDGE_EDITOR', 'SN1_AGENT', 'SN2_AGENT', 'ADMINISTRATOR'],
    };
    const queries = {
      training: '{ trainingStatistics { byDomain { code } } }',
      'service-desk': '{ ticketBacklog { total } }',
      chatbot: '{ chatbotMetrics(filter: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { conversations } }',
    };
    let seen = { allowed: 0, refused: 0 };
    for (const role of ['TRAINING_REFERENT', 'SN1_AGENT', 'SN2_AGENT', 'KNOWLEDGE_EDITOR', 'CCA']) {
      const token = await server.tokenForRole(role);
      const roles: string[] = (await server.gql('{ viewer { roles } }', {}, { token })).body.data.viewer.roles;
      for (const [report, allowed] of Object.entries(readers)) {
        const may = roles.some((r) => allowed.includes(r));
        const api = await server.gql(queries[report as keyof typeof queries], {}, { token });
        expect(api.body.errors === undefined, `${role} API ${report}`).toBe(may);
        expect((await get(`/reports/${report}`, token)).status, `${role} ${report}`).toBe(may ? 200 : 403);
        seen = may ? { ...seen, allowed: seen.allowed + 1 } : { ...seen, refused: seen.refused + 1 };
      }
    }
    expect(seen.allowed).toBeGreaterThan(2);
    expect(seen.refused).toBeGreaterThan(2);
  });

  it('refuses bad filters with a coded error, not a stack trace', async () => {
    for (const [q, field] of [
      ['?from=yesterday', /from/],
      ['?from=2021-07-01&to=2021-01-01', /to/],
      ['?ministryId=nope', /ministryId/],
      ['?from=2021-02-30T25:00Z', /from/],
    ] as const) {
      const res = await get(`/reports/training${q}`, analyst);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body.errors[0])).toMatch(field);
    }
    expect((await get('/reports/training.csv?table=NOPE', analyst)).status).toBe(400);
  });
});

describe('the training bilan', () => {
  it('reproduces the source’s three tables for the first half of 2021, cell by cell', async () => {
    const res = await get(`/reports/training${H1_2021}`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Période du 01/01/2021 au 30/06/2021');
    const t = tablesOf(html);
    expect(t['t-domains']).toEqual([['Domaines de formation', 'Nombre d’inscrits', 'En pourcentage'], ...SOURCE_DOMAINS]);
    expect(t['t-attendance']).toEqual([['Domaines de formation', 'Absents', 'Présents', 'Inscrits'], ...SOURCE_ATTENDANCE]);
    const rows = t['t-participation'].slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(SOURCE_PARTICIPATION.map(([label]) => label).sort());
    for (const [label, cells] of SOURCE_PARTICIPATION) {
      const row = rows.find((r) => r[0] === label)!;
      expect(row.slice(1).map(sameDuration), label).toEqual(cells.map(sameDuration));
    }
  });

  it('shows the statistics API’s numbers for any period, ministry or structure', async () => {
    const ministries = await server.gql('{ ministries { id code } }', {}, { token: analyst });
    const ministryId = ministries.body.data.ministries[0].id;
    for (const filter of [{ from: '2021-01-01T00:00:00.000Z', to: '2021-04-01T00:00:00.000Z' } as Record<string, string>, { from: '2021-01-01T00:00:00.000Z', to: '2022-01-01T00:00:00.000Z', ministryId }]) {
      const api = await server.gql(
        `query($filter: TrainingStatisticsFilter) { trainingStatistics(filter: $filter) { byDomain { code registrations percent absents presents } participation { level label registrations parts5 parts4 parts3 parts2 parts1 parts0 } } }`,
        { filter },
        { token: analyst },
      );
      expect(api.body.errors).toBeUndefined();
      const qs = new URLSearchParams(filter).toString();
      const t = tablesOf(await (await get(`/reports/training?${qs}`, analyst)).text());
      const stats = api.body.data.trainingStatistics;
      expect(t['t-domains'].slice(1).map((r) => [r[0], num(r[1]), r[2]])).toEqual(stats.byDomain.map((r: any) => [r.code, r.registrations, `${r.percent}%`]));
      expect(t['t-attendance'].slice(1).map((r) => [r[0], num(r[1]), num(r[2]), num(r[3])])).toEqual(stats.byDomain.map((r: any) => [r.code, r.absents, r.presents, r.registrations]));
      for (const row of t['t-participation'].slice(1)) {
        const apiRow = stats.participation.find((p: any) => p.label === row[0] && p.level !== 'SESSION') ?? stats.participation.find((p: any) => p.label === row[0]);
        expect(apiRow, row[0]).toBeDefined();
        expect(num(row[1])).toBe(apiRow.registrations);
        const parts = [apiRow.parts5, apiRow.parts4, apiRow.parts3, apiRow.parts2, apiRow.parts1, apiRow.parts0];
        row.slice(2, 8).forEach((cell, i) => cell !== '' && expect(num(cell), `${row[0]} ${5 - i} parts`).toBe(parts[i]));
      }
    }
  });

  it('gives the same CSV as the statistics API for each table', async () => {
    for (const table of ['REGISTRATIONS_BY_DOMAIN', 'ATTENDANCE_BY_DOMAIN', 'PARTS_ATTENDED', 'BILLING', 'ASSIDUITY']) {
      const res = await get(`/reports/training.csv${H1_2021}&table=${table}`, analyst);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const api = await server.gql(`query($t: TrainingStatisticsTable!, $f: TrainingStatisticsFilter) { trainingStatisticsCsv(table: $t, filter: $f) }`, { t: table, f: { from: '2021-01-01T00:00:00Z', to: '2021-07-01T00:00:00Z' } }, { token: analyst });
      expect(await rawText(res), table).toBe(api.body.data.trainingStatisticsCsv);
    }
    expect(await rawText(await get(`/reports/training.csv${H1_2021}`, analyst))).toMatch(/^\uFEFFdomaine;inscrits;pourcentage\r\nCFO;170;55%\r\n/);
  });
});

const SD_STATS = `query($by: TicketStatisticsDimension!) { ticketStatistics(groupBy: $by, first: 100) { rows { key label ticketCount openCount resolvedCount escalatedCount medianSecondsAtSn1 } hasNextPage } }`;

describe('the service-desk report', () => {
  it('shows the statistics API’s numbers: opened, resolved, backlog by level and domain, per month', async () => {
    const SL = `{ serviceLevelStatistics(groupBy: LEVEL) { key metric measuredCount withinTargetCount breachedCount runningCount } }`;
    // the first pass of the job has computed the demo tickets' standings, and nothing moves between the page and the API
    await until(async () => (await server.gql(SL, {}, { token: analyst })).body.data.serviceLevelStatistics.length > 0, 30_000);
    let html = '';
    let sl: any[] = [];
    for (;;) {
      const before = JSON.stringify((await server.gql(SL, {}, { token: analyst })).body.data.serviceLevelStatistics);
      html = await (await get('/reports/service-desk', analyst)).text();
      sl = (await server.gql(SL, {}, { token: analyst })).body.data.serviceLevelStatistics;
      if (JSON.stringify(sl) === before) break;
    }
    const t = tablesOf(html);
    const api = async (by: string) => {
      const res = await server.gql(SD_STATS, { by }, { token: analyst });
      expect(res.body.data.ticketStatistics.hasNextPage).toBe(false);
      return res.body.data.ticketStatistics.rows as any[];
    };
    const [levels, domains, months] = [await api('LEVEL'), await api('DOMAIN'), await api('MONTH')];
    expect(domains.length).toBeGreaterThan(1);
    const LEVEL_WORDS: Record<string, string> = { SN1: 'SN1', SN2: 'SN2', TECHNICAL: 'Équipe technique (CES-CHOREGIE)' };
    expect(t['t-levels'].slice(1).map((r) => [r[0], ...r.slice(1).map(num)])).toEqual(levels.map((r) => [LEVEL_WORDS[r.key], r.ticketCount, r.openCount, r.resolvedCount, r.escalatedCount]));
    expect(t['t-domains'].slice(1).map((r) => [r[0], ...r.slice(1, 5).map(num)])).toEqual(domains.map((r) => [r.label, r.ticketCount, r.openCount, r.resolvedCount, r.escalatedCount]));
    expect(t['t-months'].slice(1).map((r) => [r[0], ...r.slice(1).map(num)])).toEqual(months.map((r) => [r.key, r.ticketCount, r.resolvedCount, r.openCount]));
    const sum = (k: string) => domains.reduce((n, r) => n + r[k], 0);
    const backlog = (await server.gql('{ ticketBacklog { total escalationRate } }', {}, { token: analyst })).body.data.ticketBacklog;
    expect(backlog.total).toBe(sum('ticketCount'));
    expect(t['t-summary'].slice(1)).toEqual([
      ['Tickets ouverts sur la période', String(sum('ticketCount'))],
      ['Tickets résolus', String(sum('resolvedCount'))],
      ['Tickets en cours (stock)', String(sum('openCount'))],
      ['Taux d’escalade vers le SN2', `${Math.round(backlog.escalationRate * 100)}%`],
    ]);
    // durations in French typography: « 30 j 16 min », « 2 h 05 », « 6 min »
    const withSn1 = domains.find((r) => r.medianSecondsAtSn1 !== null)!;
    const cell = t['t-domains'].find((r) => r[0] === withSn1.label)![7];
    expect(cell).toMatch(/^(\d+\sj)?(\s?\d+\sh(\s\d\d)?)?(\s?\d+\smin)?$/);
    expect(cell).not.toMatch(/mn|\dj|\dh/);
    const seconds = withSn1.medianSecondsAtSn1;
    const [d, h, m] = [Math.floor(Math.round(seconds / 60) / 1440), Math.floor((Math.round(seconds / 60) % 1440) / 60), Math.round(seconds / 60) % 60];
    expect(cell.replace(/\s/g, ' ')).toBe([d ? `${d} j` : '', h ? `${h} h` : '', m ? (h ? String(m).padStart(2, '0') : `${m} min`) : ''].filter(Boolean).join(' ') || '0 min');
    // no English enum name in the page's words (tables, legends)
    const words = html.replace(/<[^>]*>/g, ' ');
    for (const code of ['IN_PROGRESS', 'ESCALATED', 'WAITING_FOR_INFO', 'SUBMITTED', 'REOPENED', 'TECHNICAL', 'FIRST_RESPONSE', 'LEVEL_HOLD']) expect(words, code).not.toContain(code);
    // the service levels are the serviceLevelStatistics API's figures, no longer « pas encore mesuré »
    expect(html).not.toMatch(/pas encore mesuré/);
    expect(sl.length).toBeGreaterThan(0);
    const METRIC_WORDS: Record<string, string> = { FIRST_RESPONSE: 'Première réponse', LEVEL_HOLD: 'Temps de traitement au niveau', RESOLUTION: 'Résolution' };
    expect(t['t-service-levels'].slice(1).map((r) => [r[0], r[1], num(r[2]), num(r[3]), num(r[4]), num(r[6])])).toEqual(
      sl.map((r: any) => [LEVEL_WORDS[r.key], METRIC_WORDS[r.metric], r.measuredCount, r.withinTargetCount, r.breachedCount, r.runningCount]),
    );
  });

  it('gives the same figures as CSV', async () => {
    const csv = await (await get('/reports/service-desk.csv', analyst)).text();
    const lines = csv.trim().split('\r\n').map((l) => l.split(';'));
    const levels = (await server.gql(SD_STATS, { by: 'LEVEL' }, { token: analyst })).body.data.ticketStatistics.rows;
    expect(lines.filter((l) => l[0] === 'LEVEL').map((l) => [l[1], Number(l[3]), Number(l[4]), Number(l[5])])).toEqual(levels.map((r: any) => [r.key, r.ticketCount, r.openCount, r.resolvedCount]));
  });
});

describe('the chatbot report', () => {
  beforeAll(async () => {
    const run = async (query: string, input: Record<string, unknown>) => Object.values((await server.gql(query, { input }, { token: plainUser })).body.data as object)[0] as any;
    // one handed off to the CCA from the fallback, one answered and thumbed down
    const a = (await run(START, { bot: 'IZIA' })).conversation.id;
    const lost = await run(SEND, { conversationId: a, text: 'Erreur dans le système de gestion : le lot 4500012345 est rejeté par le flux SEM' });
    await run(CHOOSE, { conversationId: a, buttonId: buttonOf(lost.turn, 'Demander une fiche à mon CCA') });
    const b = (await run(START, { bot: 'IZIA' })).conversation.id;
    const sent = await run(SEND, { conversationId: b, text: "Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours" });
    const ej = await run(CHOOSE, { conversationId: b, buttonId: buttonOf(sent.turn, 'EJ') });
    const yes = await run(CHOOSE, { conversationId: b, buttonId: buttonOf(ej.turn, 'Oui') });
    const answer = await run(CHOOSE, { conversationId: b, buttonId: buttonOf(yes.turn, 'Abonnement d un poste') });
    const fb = await run(FEEDBACK, { turnId: answer.turn.id, vote: 'DOWN', comment: 'pas clair' });
    expect(fb.userErrors).toEqual([]);
  });

  it('shows the chatbotMetrics numbers: conversations, answered, unanswered, thumbs down, deflection', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const res = await get(`/reports/chatbot?from=${from}&to=${to}`, analyst);
    expect(res.status).toBe(200);
    const t = tablesOf(await res.text());
    const m = (await server.gql(`query($f: ChatbotMetricsFilter!) { chatbotMetrics(filter: $f) { conversations answered unanswered handedOff abandoned answeredRate deflectionRate itemFeedback { down up } } }`, { f: { from, to } }, { token: analyst })).body.data.chatbotMetrics;
    expect(m.conversations).toBe(2);
    const down = m.itemFeedback.reduce((n: number, r: any) => n + r.down, 0);
    expect(down).toBe(1);
    const byLabel = Object.fromEntries(t['t-outcomes'].slice(1).map((r) => [r[0], r.slice(1)]));
    expect(byLabel['Conversations'][0]).toBe(String(m.conversations));
    expect(byLabel['Répondues']).toEqual([String(m.answered), `${Math.round(m.answeredRate * 100)}%`]);
    expect(byLabel['Sans réponse'][0]).toBe(String(m.unanswered));
    expect(byLabel['Transmises au support (demande de ticket)'][0]).toBe(String(m.handedOff));
    expect(byLabel['Sans ticket dans les 7 jours (déviation)'][1]).toBe(`${Math.round(m.deflectionRate * 100)}%`);
    expect(byLabel['Votes « pouce en bas »'][0]).toBe(String(down));
    const csv = await (await get(`/reports/chatbot.csv?from=${from}&to=${to}`, analyst)).text();
    expect(csv).toContain(`conversations;${m.conversations}\r\n`);
    expect(csv).toContain(`pouces en bas;${down}\r\n`);
    expect(csv).toContain(`taux de déviation;${csvRate(m.deflectionRate)}\r\n`);
    expect(csv).toContain(`taux de réponse;${csvRate(m.answeredRate)}\r\n`);
  });

  it('lists the unanswered messages and the thumbs-down comments, for the metrics readers only', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const t = tablesOf(await (await get(`/reports/chatbot?from=${from}`, analyst)).text());
    expect(t['t-unanswered'].slice(1).map((r) => r[1])).toContain('Erreur dans le système de gestion : le lot 4500012345 est rejeté par le flux SEM');
    const comments = t['t-feedback-comments'].slice(1);
    expect(comments).toHaveLength(1);
    expect(comments[0][3]).toBe('pas clair');
    expect(comments[0][1]).not.toBe('');
    // before the period: neither
    const old = tablesOf(await (await get(`/reports/chatbot?from=2020-01-01&to=2020-02-01`, analyst)).text());
    expect(old['t-unanswered'].slice(1)).toEqual([]);
    expect(old['t-feedback-comments'].slice(1)).toEqual([]);
    // the review queue's readers, not the users who wrote them
    expect((await get(`/reports/chatbot?from=${from}`, plainUser)).status).toBe(403);
  });
});

describe.skipIf(missing !== null)(`rendered by headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let b: TestBrowser;
  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(() => b?.close());

  it.each([
    ['training', `/reports/training${H1_2021}`, { '#c-domains svg .mark-arc path': 5, '#c-attendance svg .mark-rect path': 10 }],
    ['service-desk', '/reports/service-desk', { '#c-months svg .mark-rect path': -1, '#c-backlog svg .mark-rect path': -1 }],
    ['chatbot', `/reports/chatbot?from=${new Date(Date.now() - 86400_000).toISOString().slice(0, 10)}`, { '#c-outcomes svg .mark-arc path': -1 }],
  ] as const)('the %s report: PNG and PDF, with its charts', async (name, path, marks) => {
    const ctx = await b.context({ extraHTTPHeaders: { authorization: `Bearer ${analyst}` } });
    const page = await ctx.newPage();
    const res = await page.goto(base + path);
    expect(res?.status()).toBe(200);
    for (const [selector, count] of Object.entries(marks)) {
      const n = await page.locator(selector).count();
      if (count === -1) expect(n, selector).toBeGreaterThan(0);
      else expect(n, selector).toBe(count);
    }
    // the charts are drawn: each chart has marks of a real size on the page (a zero value draws a
    // zero-size mark, so not every mark; but one drawn chart no longer hides an empty one)
    const drawn = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((f) => Array.from(f.querySelectorAll('svg .role-mark path')).map((e) => (e as SVGGraphicsElement).getBBox()).filter((r) => r.width * r.height > 0).length),
    );
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((n) => n === 0), `sized marks per chart: ${drawn}`).toEqual([]);
    const png = join(ARTIFACTS, `report-${name}.png`);
    const pdf = join(ARTIFACTS, `report-${name}.pdf`);
    await page.screenshot({ path: png, fullPage: true });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const pdfBytes = readFileSync(pdf);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBytes.length).toBeGreaterThan(10_000);
    expect(ctx.blocked).toEqual([]);
    await ctx.close();
  }, 60_000);
});

describe('every CSV export opens as is in a French Excel', () => {
  const exports = [
    ...['REGISTRATIONS_BY_DOMAIN', 'ATTENDANCE_BY_DOMAIN', 'PARTS_ATTENDED', 'BILLING', 'ASSIDUITY'].map((t) => `/reports/training.csv${H1_2021}&table=${t}`),
    '/reports/service-desk.csv',
    `/reports/chatbot.csv?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`,
  ];

  it.each(exports)('%s: UTF-8 byte order mark, `;`, decimal comma, no float noise', async (path) => {
    const res = await get(path, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toContain(';');
    // no dot decimal and no long tail of digits after a decimal comma
    expect(text).not.toMatch(/(^|;)-?\d+\.\d+(;|\r\n)/m);
    expect(text).not.toMatch(/(^|;)-?\d+,\d{5,}(;|\r\n)/m);
  });

  it('writes the headers with their accents and the amounts and rates with a decimal comma', async () => {
    const lines = async (path: string) => (await rawText(await get(path, analyst))).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect((await lines(`/reports/training.csv${H1_2021}&table=ATTENDANCE_BY_DOMAIN`))[0]).toBe('domaine;absents;présents;inscrits');
    expect((await lines(`/reports/training.csv${H1_2021}&table=PARTS_ATTENDED`))[0]).toContain(';durée partie;');
    expect((await lines(`/reports/training.csv${H1_2021}&table=ASSIDUITY`))[0]).toBe('stagiaire;email;structure;sessions;absences;absences non justifiées;participations partielles;minutes connectées');
    const billing = await lines(`/reports/training.csv${H1_2021}&table=BILLING`);
    expect(billing[0]).toBe('ligne;stagiaires;parties facturées;montant (EUR)');
    expect(billing.length).toBeGreaterThan(1);
    for (const l of billing.slice(1)) expect(l).toMatch(/;\d+,\d\d$/);
    expect((await lines('/reports/service-desk.csv'))[0]).toBe(
      'regroupement;clé;libellé;tickets;en cours;résolus;escaladés;réouvertures;médiane première réponse (s);médiane résolution (s);médiane SN1 (s);médiane SN2 (s);médiane technique (s)',
    );
    const chatbot = await lines(`/reports/chatbot.csv?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`);
    expect(chatbot.map((l) => l.split(';')[0])).toEqual(['indicateur', 'conversations', 'répondues', 'sans réponse', 'transmises', 'abandonnées', 'taux de réponse', 'taux sans réponse', 'taux de transmission', 'taux de déviation', 'pouces en bas', 'pouces en haut']);
    for (const l of chatbot.filter((l) => l.startsWith('taux '))) expect(l).toMatch(/;\d,\d{4}$/);
  });
});
