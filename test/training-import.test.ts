/**
 * Importing a webinar tool's attendance export: a report line by line, all-or-nothing on
 * request, several rows of one trainee and part merged without counting overlaps twice.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { M, moveSessionBack, openSession, traineesOf, validatedRequest } from './training.helpers';

const server = await startTestServer();
const referent = await server.tokenForRole('TRAINING_REFERENT');
const analyst = await server.tokenForRole('ANALYST');
const dafLyon = await server.tokenForRole('DAF_MANAGER', 'RECT-LYON');

const IMPORT = `mutation($input: ImportAttendanceInput!) { importTrainingAttendance(input: $input) {
  report { applied acceptedCount rejectedCount attendancesWritten lines { line status email part code message } }
  userErrors { field code message } } }`;

const session = await openSession(server, referent, { title: 'Budget', parts: 3, daysAhead: 10 });
const people = await traineesOf(server, 'CSP-LYON', 3, 12);
const registrations: string[] = [];
for (const p of people) {
  const id = await validatedRequest(server, session, p.token, dafLyon);
  await server.gql(M.register, { input: { id } }, { token: referent });
  registrations.push(id);
}
const [a, b, c] = people.map((p) => p.email);
// the session took place (its parts 5, 4 and 3 days ago): only then does it take attendance
await moveSessionBack(server, session, 15);
const { rows: partRows } = await sql(server.databaseUrl, `select number, starts_at from training_session_part where session_id = $1 order by number`, [Buffer.from(session, 'base64url').toString().split(':')[1]]);
const at = (part: number, minutes: number) => new Date(new Date(partRows[part - 1].starts_at).getTime() + minutes * 60_000).toISOString();

const CSV = [
  'email;part;join;leave',
  `${a};1;${at(1, -5)};${at(1, 55)}`, // 60 min
  `${a.toUpperCase()};1;${at(1, 25)};${at(1, 85)}`, // overlaps the previous: +30
  `${a};1;${at(1, 100)};${at(1, 110)}`, // a second connection: +10 → 100 min
  `${b};2;${at(2, 0)};${at(2, 120)}`, // 120 min
  `inconnu@ac-lyon.example;1;${at(1, 0)};${at(1, 60)}`,
  `${b};9;${at(1, 0)};${at(1, 60)}`,
  `${c};3;${at(3, 60)};${at(3, 10)}`,
  `${c};3;hier;${at(3, 10)}`,
  `;1;${at(1, 0)};${at(1, 60)}`,
].join('\n');

const attendanceOf = async (email: string) =>
  (await sql(server.databaseUrl, `select sp.number, a.connected, a.minutes from training_attendance a join training_registration r on r.id = a.registration_id join person p on p.id = r.trainee_id join training_session_part sp on sp.id = a.part_id where p.email = $1 and r.session_id = $2 order by sp.number`, [email, Buffer.from(session, 'base64url').toString().split(':')[1]])).rows;

describe('attendance import', () => {
  it('reads CSV as a CSV parser does: BOM, CRLF, `,` as separator, quoted cells holding the separator; same line-by-line report', async () => {
    const data = `\uFEFF"email","part","join","leave"\r\n"${a}",1,"${at(1, 0)}","${at(1, 30)}"\r\n"inconnu, autre@ac-lyon.example",1,${at(1, 0)},${at(1, 60)}\r\n\r\n`;
    const res = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data, allOrNothing: true } }, { token: referent });
    expect(res.body.data.importTrainingAttendance.userErrors).toEqual([]);
    const report = res.body.data.importTrainingAttendance.report;
    expect(report).toMatchObject({ applied: false, acceptedCount: 1, rejectedCount: 1 });
    expect(report.lines.map((l: any) => [l.line, l.status, l.email, l.code])).toEqual([
      [2, 'SKIPPED', a, null],
      [3, 'REJECTED', 'inconnu, autre@ac-lyon.example', 'UNKNOWN_TRAINEE'],
    ]);
    const broken = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: `email;part;join;leave\n"${a};1;x;y\n` } }, { token: referent });
    expect(broken.body.data.importTrainingAttendance.userErrors[0]).toMatchObject({ code: 'BAD_IMPORT_LINE' });
  });

  it('all-or-nothing: reports every rejected line with its reason and applies nothing', async () => {
    const res = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: CSV, allOrNothing: true } }, { token: referent });
    const report = res.body.data.importTrainingAttendance.report;
    expect(report).toMatchObject({ applied: false, acceptedCount: 4, rejectedCount: 5, attendancesWritten: 0 });
    expect(report.lines.map((l: any) => [l.line, l.status, l.code])).toEqual([
      [2, 'SKIPPED', null],
      [3, 'SKIPPED', null],
      [4, 'SKIPPED', null],
      [5, 'SKIPPED', null],
      [6, 'REJECTED', 'UNKNOWN_TRAINEE'],
      [7, 'REJECTED', 'UNKNOWN_PART'],
      [8, 'REJECTED', 'LEAVE_BEFORE_JOIN'],
      [9, 'REJECTED', 'BAD_IMPORT_LINE'],
      [10, 'REJECTED', 'BAD_IMPORT_LINE'],
    ]);
    expect(report.lines[5].message).toMatch(/n’a pas de partie 9/);
    expect(await attendanceOf(a)).toEqual([]);
  });

  it('line by line: applies the good lines, merging overlaps; a re-import changes nothing', async () => {
    for (let round = 0; round < 2; round++) {
      const res = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: CSV } }, { token: referent });
      expect(res.body.data.importTrainingAttendance.report).toMatchObject({ applied: true, acceptedCount: 4, rejectedCount: 5, attendancesWritten: 2 });
      expect(await attendanceOf(a)).toEqual([{ number: 1, connected: true, minutes: 100 }]);
      expect(await attendanceOf(b)).toEqual([{ number: 2, connected: true, minutes: 120 }]);
    }
  });

  it('JSON rows, nested connections counted once; the statistics and billing follow', async () => {
    const rows = [
      { email: c, part: 1, join: at(1, 0), leave: at(1, 120) },
      { email: c, part: 1, join: at(1, 10), leave: at(1, 20) },
      { email: c, part: 2, join: at(2, 0), leave: at(2, 45) },
    ];
    const res = await server.gql(IMPORT, { input: { sessionId: session, format: 'JSON', data: JSON.stringify(rows), allOrNothing: true } }, { token: referent });
    expect(res.body.data.importTrainingAttendance.report).toMatchObject({ applied: true, rejectedCount: 0, attendancesWritten: 2 });
    expect(await attendanceOf(c)).toEqual([{ number: 1, connected: true, minutes: 120 }, { number: 2, connected: true, minutes: 45 }]);

    const stats = await server.gql(`query($f: TrainingStatisticsFilter) { trainingStatistics(filter: $f) {
      participation { level registrations byPartsAttended minMinutes maxMinutes meanMinutes }
      billing(groupBy: SESSION) { label trainees partsBilled amountCents }
      perTrainee: billing(groupBy: TRAINEE, first: 2) { label trainees partsBilled amountCents }
      byDomain { code registrations absents presents } } }`, { f: { sessionId: session } }, { token: analyst });
    const total = stats.body.data.trainingStatistics.participation.at(-1);
    expect(total).toEqual({ level: 'TOTAL', registrations: 3, byPartsAttended: [0, 2, 1, 0, 0, 0], minMinutes: 45, maxMinutes: 120, meanMinutes: 96.3 });
    // Budget costs 150 € a part from 2022: 4 parts connected to
    expect(stats.body.data.trainingStatistics.billing.at(-1)).toEqual({ label: 'TOTAL', trainees: 3, partsBilled: 4, amountCents: 60_000 });
    const perTrainee = stats.body.data.trainingStatistics.perTrainee;
    expect(perTrainee.map((l: any) => [l.trainees, l.partsBilled, l.amountCents])).toEqual([[1, 2, 30_000], [1, 1, 15_000], [3, 4, 60_000]]);
    expect(perTrainee[0].label).toContain(c);
    expect(stats.body.data.trainingStatistics.byDomain.find((d: any) => d.code === 'BUDGET')).toEqual({ code: 'BUDGET', registrations: 3, absents: 0, presents: 3 });
    const csv = await server.gql(`query($f: TrainingStatisticsFilter) { trainingStatisticsCsv(table: BILLING, filter: $f, billingGroupBy: STRUCTURE) }`, { f: { sessionId: session } }, { token: referent });
    expect(csv.body.data.trainingStatisticsCsv.trim().split('\r\n').at(-1)).toBe('TOTAL;3;4;600,00');
  });

  it('refuses a malformed export, and anyone but the referent', async () => {
    const noHeader = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: `mail;part\n${a};1` } }, { token: referent });
    expect(noHeader.body.data.importTrainingAttendance.userErrors[0]).toMatchObject({ field: ['input', 'data'], code: 'BAD_IMPORT_LINE' });
    const notJson = await server.gql(IMPORT, { input: { sessionId: session, format: 'JSON', data: '{"email":' } }, { token: referent });
    expect(notJson.body.data.importTrainingAttendance.userErrors[0].code).toBe('BAD_IMPORT_LINE');
    const byAnalyst = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: CSV } }, { token: analyst });
    expect(byAnalyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses attendance and absence justifications for a session or part that has not started yet', async () => {
    const RECORD = `mutation($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { attendance { partNumber } userErrors { field code message } } }`;
    const later = await openSession(server, referent, { title: 'Budget', parts: 3, daysAhead: 90 });
    const [p] = await traineesOf(server, 'CSP-LYON', 1, 16);
    const id = await validatedRequest(server, later, p.token, dafLyon);
    await server.gql(M.register, { input: { id } }, { token: referent });
    const { rows: laterParts } = await sql(server.databaseUrl, `select starts_at from training_session_part where session_id = $1 order by number`, [Buffer.from(later, 'base64url').toString().split(':')[1]]);
    const line = (part: number) => `${p.email};${part};${new Date(laterParts[part - 1].starts_at).toISOString()};${new Date(new Date(laterParts[part - 1].starts_at).getTime() + 3_600_000).toISOString()}`;

    const early = await server.gql(IMPORT, { input: { sessionId: later, format: 'CSV', data: ['email;part;join;leave', line(1)].join('\n') } }, { token: referent });
    expect(early.body.data.importTrainingAttendance).toMatchObject({ report: null, userErrors: [{ code: 'SESSION_NOT_STARTED', field: ['input', 'sessionId'] }] });
    expect(early.body.data.importTrainingAttendance.userErrors[0].message).toMatch(/n’a pas encore eu lieu/);
    const byHand = await server.gql(RECORD, { input: { registrationId: id, part: 1, connected: true, minutes: 60 } }, { token: referent });
    expect(byHand.body.data.recordTrainingAttendance.userErrors).toEqual([expect.objectContaining({ code: 'SESSION_NOT_STARTED' })]);
    for (const token of [referent, p.token]) {
      const justified = await server.gql(M.justify, { input: { id, justification: 'Arrêt maladie.' } }, { token });
      expect(justified.body.data.justifyTrainingAbsence.userErrors).toEqual([expect.objectContaining({ code: 'SESSION_NOT_STARTED' })]);
    }
    const written = await sql(server.databaseUrl, `select count(*)::int n from training_attendance a join training_registration r on r.id = a.registration_id where r.id = $1`, [Buffer.from(id, 'base64url').toString().split(':')[1]]);
    expect(written.rows[0].n).toBe(0);

    // the first part has begun, the others not: their lines are refused one by one
    const sessionRaw = Buffer.from(later, 'base64url').toString().split(':')[1];
    await sql(server.databaseUrl, `update training_session_part set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where session_id = $1 and number = 1`, [sessionRaw]);
    await sql(server.databaseUrl, `update training_session set starts_at = now() - interval '1 hour' where id = $1`, [sessionRaw]);
    const { rows: moved } = await sql(server.databaseUrl, `select starts_at from training_session_part where session_id = $1 order by number`, [sessionRaw]);
    laterParts.splice(0, 3, ...moved);
    const partial = await server.gql(IMPORT, { input: { sessionId: later, format: 'CSV', data: ['email;part;join;leave', line(1), line(2)].join('\n') } }, { token: referent });
    expect(partial.body.data.importTrainingAttendance.report).toMatchObject({ applied: true, attendancesWritten: 1, lines: [{ line: 2, status: 'APPLIED' }, { line: 3, status: 'REJECTED', code: 'SESSION_NOT_STARTED' }] });
    expect((await server.gql(RECORD, { input: { registrationId: id, part: 3, connected: true, minutes: 60 } }, { token: referent })).body.data.recordTrainingAttendance.userErrors[0].code).toBe('SESSION_NOT_STARTED');
  });

  it('records attendance by hand, refusing minutes without a connection', async () => {
    const RECORD = `mutation($input: RecordAttendanceInput!) { recordTrainingAttendance(input: $input) { attendance { partNumber connected minutes source } userErrors { code } } }`;
    const ok = await server.gql(RECORD, { input: { registrationId: registrations[1], part: 3, connected: true, minutes: 90 } }, { token: referent });
    expect(ok.body.data.recordTrainingAttendance.attendance).toEqual({ partNumber: 3, connected: true, minutes: 90, source: 'MANUAL' });
    const bad = await server.gql(RECORD, { input: { registrationId: registrations[1], part: 2, connected: false, minutes: 30 } }, { token: referent });
    expect(bad.body.data.recordTrainingAttendance.userErrors[0].code).toBe('VALIDATION_FAILED');
    const noPart = await server.gql(RECORD, { input: { registrationId: registrations[1], part: 4, connected: true, minutes: 30 } }, { token: referent });
    expect(noPart.body.data.recordTrainingAttendance.userErrors[0].code).toBe('UNKNOWN_PART');
  });
});
