import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { mintToken } from '../access/credentials';
import type { Config } from '../core/config';
import { browserPageText } from '../explorer';
import { Role } from '../core/roles';
import { seedDemoDirectory } from '../directory/directory.demo';
import { Ministry } from '../directory/ministry.entity';
import { Person } from '../directory/person.entity';
import { CorrespondentAssignment } from '../directory/correspondent-assignment.entity';
import { runningAssignmentFilter } from '../directory/directory.service';
import { DEMO_API_KEY, seedDemoApplications } from '../integration/integration.demo';
import { ApiKey } from '../access/api-key.entity';
import { seedTrainingDemo } from '../training/training.demo';
import { seedDemoTickets } from '../service-desk/ticket.demo';
import { loadAbbreviations } from '../knowledge/abbreviation.service';
import { seedDemoKnowledge } from '../knowledge/knowledge.demo';
import { DISCARD_WAITING_JOBS_SQL } from '../core/job-queue';
import { DECIDE_TASK } from '../notifications';

/** Loads the demo data into an empty database, in one transaction; never touches a database that holds data. */
export async function loadDemoDataIfEmpty(orm: MikroORM): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    // serialise concurrent first starts (two instances on one fresh database)
    await em.execute('select pg_advisory_xact_lock(727001)');
    if ((await em.count(Ministry)) > 0) return false;
    const dir = seedDemoDirectory(em);
    seedDemoApplications(em, dir);
    seedDemoKnowledge(em, await loadAbbreviations(em));
    await em.flush();
    await seedTrainingDemo(em, dir);
    await seedDemoTickets(em);
    // the demo's history was written just now but happened long ago: no notification for it
    await em.execute(DISCARD_WAITING_JOBS_SQL, [DECIDE_TASK]);
    return true;
  });
}

export interface DemoCredential {
  role: Role;
  email: string;
  token: string;
}

/** A fresh token for one demo person per role, and the demo API key if it exists. */
export async function demoCredentials(em: EntityManager, config: Config): Promise<{ tokens: DemoCredential[]; apiKey: string | null }> {
  const people = await em.find(Person, { active: true }, { orderBy: { createdAt: 'asc', email: 'asc' } });
  const running = await em.find(CorrespondentAssignment, runningAssignmentFilter(), { orderBy: { since: 'asc', id: 'asc' } });
  const tokens: DemoCredential[] = [];
  for (const role of Object.values(Role)) {
    if (role === Role.APPLICATION) continue;
    const correspondent = (x: Person) => running.some((a) => a.person.id === x.id);
    // END_USER: a plain user, holding no other role and no correspondent assignment (not a CCA who also uses Chorus)
    const p =
      role === Role.END_USER
        ? people.find((x) => x.heldRoles.length === 1 && x.heldRoles[0] === Role.END_USER && !correspondent(x))
        : (people.find((x) => x.heldRoles.includes(role)) ?? people.find((x) => running.some((a) => a.person.id === x.id && (a.kind as string) === role)));
    if (p) tokens.push({ role, email: p.email, token: await mintToken(config.jwt, p.id) });
  }
  const demoKey = await em.count(ApiKey, { prefix: 'de0000000001', revokedAt: null });
  return { tokens, apiKey: demoKey ? DEMO_API_KEY : null };
}

/** What the server prints at start when it loaded the demo data: one line per role (END_USER included), then the API key. */
export function demoCredentialsText({ tokens, apiKey }: { tokens: DemoCredential[]; apiKey: string | null }, url: string, page: Pick<Config, 'browserPage' | 'explorer'> = { browserPage: 'explorer', explorer: true }): string {
  const lines = [
    '',
    `Demo data is loaded. ${browserPageText(page, url)} and add a header:`,
    '  Authorization: Bearer <token of the role you want to play>',
    '',
    ...tokens.map((t) => `  ${t.role.padEnd(18)} ${t.email.padEnd(40)} ${t.token}`),
    '',
    apiKey ? `  Application SAXO API key (header x-api-key): ${apiKey}` : '',
    'Tokens last 12 hours; mint another with: npx -y pnpm@12.4.2 mint-token <email>',
    '',
  ];
  return lines.join('\n') + '\n';
}
