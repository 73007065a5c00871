/**
 * Generates registrations and per-part attendance from a participation table shaped like
 * the source's (section B, "Synthèse des participations aux formations"): for each session,
 * how many trainees attended 5…0 parts and the min / max / mean connection time. The first
 * half of 2021 is the source's own table (SOURCE_2021) — nothing is typed per trainee; the
 * statistics queries run on the generated rows reproduce the table.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { Role } from '../core/roles';
import { withoutAccents } from '../core/text';
import { TrainingAttendance, TrainingRegistration, TrainingRegistrationEvent } from './registration.entity';
import { TrainingCourse, TrainingDomain, TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { AttendanceSource, CourseMode, RegistrationAction, RegistrationStatus, SessionStatus } from './training.enums';

/** A duration as the source writes it: "6mn", "2h20", "2h05", "2h10mn", "2h19mn", "1h30", "2h". */
export function parseSourceDuration(text: string): number {
  const m = /^(?:(\d+)h)?(\d+)?(?:mn)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`not a source duration: ${text}`);
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

export interface SourceSession {
  /** Label as in the source. */
  label: string;
  /** Day of each part (YYYY-MM-DD); parts run 09:30–11:30, Paris time. */
  days: string[];
  registrations: number;
  /** Trainees connected to exactly k parts, k = 5…0; absent keys are 0. */
  byParts: Partial<Record<0 | 1 | 2 | 3 | 4 | 5, number>>;
  /** Connection time of a connected part, as the source writes it; null where the source has none. */
  minConnection: string | null;
  maxConnection: string | null;
  meanConnection: string | null;
}

export interface SourceCourse {
  domain: string;
  title: string;
  partCount: number;
  /** "Durée de formation en heures", per part. */
  partDuration: string;
  sessions: SourceSession[];
}

const weekdays = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/**
 * The source's table, row for row. Where it gives no date (Découverte Chorus, FDépenses)
 * or a single day for a five-part course (Actifs), the days are our assumption.
 */
export const SOURCE_2021: SourceCourse[] = [
  {
    domain: 'CFO',
    title: 'Chorus Formulaires utilisateurs',
    partCount: 3,
    partDuration: '2h',
    sessions: [
      { label: 'session du 09 au 11 mars 2021', days: weekdays('2021-03-09', 3), registrations: 65, byParts: { 3: 34, 2: 14, 1: 2, 0: 15 }, minConnection: '6mn', maxConnection: '2h20', meanConnection: '2h05' },
      { label: 'session du 26 au 28 mai 2021', days: weekdays('2021-05-26', 3), registrations: 76, byParts: { 3: 43, 2: 6, 1: 5, 0: 22 }, minConnection: '30mn', maxConnection: '2h15', meanConnection: '2h05' },
      { label: 'session du 28 au 30 juin 2021', days: weekdays('2021-06-28', 3), registrations: 29, byParts: { 3: 14, 2: 5, 1: 1, 0: 9 }, minConnection: '5mn', maxConnection: '2h25', meanConnection: '2h10mn' },
    ],
  },
  {
    domain: 'DCHORUS',
    title: 'Découverte Chorus',
    partCount: 1,
    partDuration: '2h',
    sessions: [{ label: 'session d’avril 2021', days: ['2021-04-13'], registrations: 44, byParts: { 1: 35, 0: 9 }, minConnection: '22mn', maxConnection: '2h19mn', meanConnection: '2h' }],
  },
  {
    domain: 'BUDGET',
    title: 'Budget',
    partCount: 3,
    partDuration: '2h',
    sessions: [
      { label: 'session du 10 au 12 mai 2021', days: weekdays('2021-05-10', 3), registrations: 30, byParts: { 3: 24, 2: 2, 1: 0, 0: 4 }, minConnection: '1h30', maxConnection: '1h50', meanConnection: '1h50' },
      { label: 'Session du 07 au 09 juin 2021', days: weekdays('2021-06-07', 3), registrations: 19, byParts: { 3: 13, 2: 2, 1: 2, 0: 2 }, minConnection: '1h45', maxConnection: '2h', meanConnection: '1h50' },
    ],
  },
  {
    domain: 'ACTIFS',
    title: 'Actifs',
    partCount: 5,
    partDuration: '2h',
    sessions: [
      { label: 'session du 19 avril 2021', days: weekdays('2021-04-19', 5), registrations: 22, byParts: { 5: 11, 4: 2, 3: 3, 2: 1, 1: 1, 0: 4 }, minConnection: '13mn', maxConnection: '2h03', meanConnection: '1h50' },
      { label: 'session du 31 mai 2021', days: weekdays('2021-05-31', 5), registrations: 21, byParts: { 5: 10, 4: 4, 3: 0, 2: 0, 1: 3, 0: 4 }, minConnection: '24mn', maxConnection: '2h18', meanConnection: '1h50' },
    ],
  },
  {
    domain: 'FDEPENSES',
    title: 'FDépenses',
    partCount: 5,
    partDuration: '2h',
    sessions: [{ label: 'session de juin 2021', days: weekdays('2021-06-14', 5), registrations: 1, byParts: { 5: 1 }, minConnection: null, maxConnection: null, meanConnection: null }],
  },
];

/** 09:30 Paris time on a day (CEST from the last Sunday of March to the last Sunday of October, close enough here). */
function parisMorning(day: string): Date {
  const month = Number(day.slice(5, 7));
  const offset = month >= 4 && month <= 10 ? 2 : 1;
  return new Date(Date.parse(`${day}T09:30:00Z`) - offset * 3_600_000);
}

/**
 * Minutes for `n` connected parts with exactly `min` and `max` and a mean near `mean`: the
 * first two take the extremes, the others spread evenly around what keeps the mean.
 */
export function connectionMinutes(n: number, min: number, max: number, mean: number): number[] {
  if (n === 0) return [];
  if (n === 1) return [Math.round(mean)];
  const out = [min, max];
  const rest = n - 2;
  const centre = Math.min(max, Math.max(min, (mean * n - min - max) / Math.max(rest, 1)));
  const spread = Math.floor(Math.min(8, centre - min, max - centre));
  for (let i = 0; i < rest; i++) {
    const jitter = rest % 2 === 1 && i === rest - 1 ? 0 : (i % 2 === 0 ? 1 : -1) * (spread - (Math.floor(i / 2) % (spread + 1)));
    out.push(Math.min(max, Math.max(min, Math.round(centre + jitter))));
  }
  return out;
}

const FIRST = ['Agnès', 'Bruno', 'Céline', 'Damien', 'Élodie', 'Fabrice', 'Gaëlle', 'Hervé', 'Isabelle', 'Jérôme', 'Karine', 'Laurent', 'Muriel', 'Nicolas', 'Odile', 'Pascal', 'Quentin', 'Régine', 'Sylvain', 'Valérie'];
const LAST = ['Aubert', 'Barbier', 'Carpentier', 'Delmas', 'Étienne', 'Fleury', 'Gilles', 'Hamon', 'Jacquet', 'Lacroix', 'Marchand', 'Noël', 'Olivier', 'Poulain', 'Renaud', 'Schmitt', 'Tessier', 'Vidal'];
const ascii = (s: string) => withoutAccents(s).toLowerCase();

export interface GeneratedDataset {
  sessions: TrainingSession[];
  registrations: number;
}

/**
 * Writes courses (creating missing ones), sessions (HELD), `poolSize` fictional trainees spread
 * over `structures`, and the registrations with their history and per-part attendance.
 */
export async function generateFromTable(
  em: EntityManager,
  table: SourceCourse[],
  opts: { structures: Structure[]; referent: Person; dafManagerOf: (s: Structure) => Person | null; poolSize: number; emailTag: string; justifyEvery?: number },
): Promise<GeneratedDataset> {
  const domains = new Map((await em.find(TrainingDomain, {})).map((d) => [d.code, d]));
  const total = table.flatMap((c) => c.sessions).reduce((n, s) => n + s.registrations, 0);
  const poolSize = Math.min(opts.poolSize, total);
  // a step coprime with the pool keeps each session's trainees distinct
  let step = 7;
  while (gcd(step, poolSize) !== 1) step++;
  const pool: { id: string; structure: Structure }[] = [];
  const people: object[] = [];
  for (let i = 0; i < poolSize; i++) {
    const structure = opts.structures[i % opts.structures.length];
    const firstName = FIRST[i % FIRST.length];
    const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const domain = structure.code.replace(/^[A-Z]+-/, 'ac-').toLowerCase();
    const id = randomUUID();
    people.push({ id, firstName, lastName, email: `${ascii(firstName)}.${ascii(lastName)}.${opts.emailTag}${String(i + 1).padStart(3, '0')}@${domain}.example`, structure: structure.id, heldRoles: [Role.END_USER], active: true, createdAt: new Date(), updatedAt: new Date() });
    pool.push({ id, structure });
  }
  await em.insertMany(Person, people);

  const registrations: object[] = [];
  const events: object[] = [];
  const attendance: object[] = [];
  const sessions: TrainingSession[] = [];
  let g = 0;
  for (const c of table) {
    const domain = domains.get(c.domain);
    if (!domain) throw new Error(`unknown training domain ${c.domain}`);
    const partMinutes = parseSourceDuration(c.partDuration);
    const course = (await em.findOne(TrainingCourse, { domain, title: c.title })) ?? em.create(TrainingCourse, { domain, title: c.title, mode: CourseMode.WEBINAR, partCount: c.partCount, partMinutes });
    for (const s of c.sessions) {
      const counts = ([5, 4, 3, 2, 1, 0] as const).map((k) => s.byParts[k] ?? 0);
      if (counts.reduce((a, b) => a + b, 0) !== s.registrations) throw new Error(`${s.label}: the parts columns do not add up to ${s.registrations}`);
      if (s.days.length !== c.partCount) throw new Error(`${s.label}: one day per part`);
      const slots = s.days.map((d) => {
        const startsAt = parisMorning(d);
        return { startsAt, endsAt: new Date(startsAt.getTime() + partMinutes * 60_000) };
      });
      const session = em.create(TrainingSession, { course, label: s.label, status: SessionStatus.HELD, capacity: s.registrations, startsAt: slots[0].startsAt, endsAt: slots[slots.length - 1].endsAt });
      const parts = slots.map((slot, i) => em.create(TrainingSessionPart, { session, number: i + 1, ...slot }));
      sessions.push(session);
      await em.flush();

      // parts attended by each trainee: the table's counts, interleaved so that a session's
      // first trainees are not all the assiduous ones
      const attended: number[] = [];
      ([5, 4, 3, 2, 1, 0] as const).forEach((k, i) => attended.push(...Array(counts[i]).fill(k)));
      const order = attended.map((k, i) => ({ k, key: (i * 37) % attended.length })).sort((a, b) => a.key - b.key).map((x) => x.k);
      const connected = order.reduce((a, b) => a + b, 0);
      const minutes = connectionMinutes(
        connected,
        s.minConnection ? parseSourceDuration(s.minConnection) : partMinutes,
        s.maxConnection ? parseSourceDuration(s.maxConnection) : partMinutes,
        s.meanConnection ? parseSourceDuration(s.meanConnection) : partMinutes,
      );
      let m = 0;
      let absentIndex = 0;
      order.forEach((k, i) => {
        const trainee = pool[(g++ * step) % poolSize];
        const id = randomUUID();
        const requestedAt = new Date(slots[0].startsAt.getTime() - (40 - (i % 10)) * 86_400_000);
        const at = (days: number) => new Date(requestedAt.getTime() + days * 86_400_000);
        const justified = k === 0 && opts.justifyEvery ? absentIndex++ % opts.justifyEvery === 0 : false;
        const manager = opts.dafManagerOf(trainee.structure);
        registrations.push({
          id, session: session.id, trainee: trainee.id, structure: trainee.structure.id, ministry: trainee.structure.ministry.id,
          status: RegistrationStatus.CONFIRMED, requestedAt, waitlistPriority: 0, compatibilityTestedAt: at(5), compatibilityPassed: true, confirmedAt: at(5),
          absenceJustification: justified ? 'Absence justifiée : contrainte de service.' : null, absenceJustifiedAt: justified ? new Date(slots[slots.length - 1].endsAt.getTime() + 86_400_000) : null,
          createdAt: requestedAt, updatedAt: at(5),
        });
        const event = (action: RegistrationAction, when: Date, actor: string | null, from: RegistrationStatus | null, to: RegistrationStatus, note: string | null = null) =>
          events.push({ id: randomUUID(), registration: id, at: when, actor, action, fromStatus: from, toStatus: to, note, createdAt: when, updatedAt: when });
        event(RegistrationAction.REQUEST, requestedAt, trainee.id, null, RegistrationStatus.REQUESTED);
        event(RegistrationAction.VALIDATE, at(1), manager?.id ?? null, RegistrationStatus.REQUESTED, RegistrationStatus.VALIDATED);
        event(RegistrationAction.REGISTER, at(3), opts.referent.id, RegistrationStatus.VALIDATED, RegistrationStatus.REGISTERED);
        event(RegistrationAction.COMPATIBILITY_TEST, at(5), trainee.id, RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERED, 'passed');
        event(RegistrationAction.CONFIRM, at(5), trainee.id, RegistrationStatus.REGISTERED, RegistrationStatus.CONFIRMED);
        if (justified) event(RegistrationAction.JUSTIFY_ABSENCE, new Date(slots[slots.length - 1].endsAt.getTime() + 86_400_000), trainee.id, RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, 'Absence justifiée : contrainte de service.');
        // k consecutive parts, starting at a part that moves from trainee to trainee
        const first = i % c.partCount;
        const connectedParts = new Set(Array.from({ length: k }, (_, j) => (first + j) % c.partCount));
        parts.forEach((part, p) => {
          if (!connectedParts.has(p)) {
            attendance.push({ id: randomUUID(), registration: id, part: part.id, connected: false, minutes: 0, intervals: [], source: AttendanceSource.DATASET, createdAt: new Date(), updatedAt: new Date() });
            return;
          }
          const mins = minutes[m++];
          // long connections started before the slot (the tool opens early)
          const join = new Date(part.startsAt.getTime() - Math.max(0, mins - partMinutes) * 30_000);
          const leave = new Date(join.getTime() + mins * 60_000);
          attendance.push({ id: randomUUID(), registration: id, part: part.id, connected: true, minutes: mins, firstJoinAt: join, lastLeaveAt: leave, intervals: [[join.toISOString(), leave.toISOString()]], source: AttendanceSource.DATASET, createdAt: new Date(), updatedAt: new Date() });
        });
      });
    }
  }
  await em.insertMany(TrainingRegistration, registrations);
  await em.insertMany(TrainingRegistrationEvent, events);
  await em.insertMany(TrainingAttendance, attendance);
  return { sessions, registrations: registrations.length };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
