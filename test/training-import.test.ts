/**
 * Importing a webinar tool's attendance export: a report line by line, all-or-nothing on
 * request, several rows of one trainee and part merged without counting overlaps twice.
 */
import { describe, expect, it } from 'vitest';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { M, openSession, traineesOf, validatedRequest } from './training.helpers';

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
    expect(report.lines[5].message).toMatch(/no part 9/);
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
    expect(csv.body.data.trainingStatisticsCsv.trim().split('\r\n').at(-1)).toBe('TOTAL;3;4;600.00');
  });

  it('refuses a malformed export, and anyone but the referent', async () => {
    const noHeader = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: `mail;part\n${a};1` } }, { token: referent });
    expect(noHeader.body.data.importTrainingAttendance.userErrors[0]).toMatchObject({ field: ['input', 'data'], code: 'BAD_IMPORT_LINE' });
    const notJson = await server.gql(IMPORT, { input: { sessionId: session, format: 'JSON', data: '{"email":' } }, { token: referent });
    expect(notJson.body.data.importTrainingAttendance.userErrors[0].code).toBe('BAD_IMPORT_LINE');
    const byAnalyst = await server.gql(IMPORT, { input: { sessionId: session, format: 'CSV', data: CSV } }, { token: analyst });
    expect(byAnalyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
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
