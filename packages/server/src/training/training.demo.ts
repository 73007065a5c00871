import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../core/roles';
import type { DemoDirectory } from '../directory/directory.demo';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import type { Structure } from '../directory/structure.entity';
import { TrainingCourse, TrainingDomain, TrainingPrice, TrainingSeatQuota, TrainingSession, TrainingSessionPart } from './catalogue.entity';
import { TrainingPolicy } from './registration.entity';
import { generateFromTable, SOURCE_2021, type SourceCourse } from './training.dataset';
import { CourseMode, SessionKind, SessionStatus } from './training.enums';

export const TRAINING_DOMAINS: [string, string][] = [
  ['CFO', 'Chorus Formulaires'],
  ['BUDGET', 'Budget'],
  ['DCHORUS', 'Découverte Chorus'],
  ['ACTIFS', 'Actifs'],
  ['FDEPENSES', 'Dépenses (FDépenses)'],
];

/** Illustrative prices per part from 2022 (the source says billing starts in 2022, without amounts). */
const PRICES_2022: Record<string, number> = { CFO: 12_000, BUDGET: 15_000, DCHORUS: 9_000, ACTIFS: 15_000, FDEPENSES: 15_000 };

const DAY = 86_400_000;
const day = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString().slice(0, 10);

/**
 * The training demo: the catalogue, the source's first half of 2021 (307 registrations
 * with per-part attendance), prices from 2022, a recent priced session for billing, and
 * upcoming sessions open to requests.
 */
export async function seedTrainingDemo(em: EntityManager, dir: DemoDirectory): Promise<void> {
  TRAINING_DOMAINS.forEach(([code, label], position) => em.create(TrainingDomain, { code, label, position }));
  em.create(TrainingPolicy, {});
  await em.flush();

  const referent = dir.byRole.get(Role.TRAINING_REFERENT)!;
  const managers = await em.find(Person, { heldRoles: { $contains: [Role.DAF_MANAGER] } }, { populate: ['structure'] });
  const dafManagerOf = (s: Structure) => managers.find((m) => m.structure.getEntity().code === `RECT-${s.code.split('-').slice(1).join('-')}`) ?? null;
  const men = (code: string) => dir.structures.get(code)!;

  // "services déconcentrés du MENJS": the demo académies of MIN06
  await generateFromTable(em, SOURCE_2021, {
    structures: ['RECT-LYON', 'CSP-LYON', 'RECT-BORDEAUX', 'CSP-BORDEAUX'].map(men),
    referent,
    dafManagerOf,
    poolSize: 240,
    emailTag: 's21-',
    justifyEvery: 3,
  });

  const courses = await em.find(TrainingCourse, {}, { populate: ['domain'] });
  const course = (code: string) => courses.find((c) => c.domain.getEntity().code === code)!;
  for (const c of courses) em.create(TrainingPrice, { course: c, fromYear: 2022, centsPerPart: PRICES_2022[c.domain.getEntity().code] });
  await em.flush();

  // a recent held session, priced: something for the billing and assiduity tables
  const recent: SourceCourse[] = [
    {
      domain: 'BUDGET',
      title: course('BUDGET').title,
      partCount: 3,
      partDuration: '2h',
      sessions: [{ label: 'session récente (démo)', days: [day(-40), day(-39), day(-38)], registrations: 8, byParts: { 3: 5, 2: 1, 1: 1, 0: 1 }, minConnection: '40mn', maxConnection: '2h10', meanConnection: '1h55' }],
    },
  ];
  await generateFromTable(em, recent, { structures: ['RECT-LILLE', 'CSP-LILLE', 'CSP-LYON'].map(men), referent, dafManagerOf, poolSize: 8, emailTag: 'demo-', justifyEvery: 0 });

  // upcoming sessions
  const slots = (offset: number, n: number, minutes = 120) =>
    Array.from({ length: n }, (_, i) => {
      const startsAt = new Date(`${day(offset + i)}T07:30:00Z`);
      return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
    });
  const session = (c: TrainingCourse, label: string, offset: number, capacity: number, extra: { kind?: SessionKind; orderedBy?: Ministry; status?: SessionStatus } = {}, seats: [string, number][] = []) => {
    const parts = slots(offset, c.partCount, c.partMinutes);
    const s = em.create(TrainingSession, { course: c, label, capacity, status: SessionStatus.OPEN, startsAt: parts[0].startsAt, endsAt: parts[parts.length - 1].endsAt, ...extra });
    parts.forEach((p, i) => em.create(TrainingSessionPart, { session: s, number: i + 1, ...p }));
    for (const [code, n] of seats) em.create(TrainingSeatQuota, { session: s, ministry: dir.ministries.find((m) => m.code === code)!, seats: n });
    return s;
  };
  session(course('CFO'), 'session à venir (Chorus Formulaires)', 30, 15, {}, [['MIN06', 10], ['MIN35', 5]]);
  session(course('BUDGET'), 'session à venir (Budget)', 45, 12);
  session(course('DCHORUS'), 'Web à thème : les engagements juridiques', 20, 30, { kind: SessionKind.THEMED });
  session(course('ACTIFS'), 'session commandée par le MESRI', 60, 10, { kind: SessionKind.MINISTRY_ORDER, orderedBy: dir.ministries.find((m) => m.code === 'MIN35')!, status: SessionStatus.PLANNED });
  em.create(TrainingCourse, { domain: course('CFO').domain, title: 'Chorus Formulaires – en présentiel', mode: CourseMode.IN_PERSON, partCount: 2, partMinutes: 180 });
  await em.flush();
}
