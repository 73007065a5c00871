import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../core/roles';
import { withoutAccents } from '../core/text';
import { CorrespondentAssignment } from './correspondent-assignment.entity';
import { CorrespondentKind, StructureKind, SupportLevel } from './directory.enums';
import { Ministry } from './ministry.entity';
import { Person } from './person.entity';
import { Structure } from './structure.entity';
import { SupportTeam } from './support-team.entity';

/** Fictional people: first name, last name. */
const NAMES = [
  ['Camille', 'Martin'], ['Louis', 'Bernard'], ['Inès', 'Dubois'], ['Hugo', 'Thomas'], ['Léa', 'Robert'],
  ['Nathan', 'Richard'], ['Chloé', 'Petit'], ['Lucas', 'Durand'], ['Manon', 'Leroy'], ['Théo', 'Moreau'],
  ['Jade', 'Simon'], ['Raphaël', 'Laurent'], ['Zoé', 'Lefèvre'], ['Arthur', 'Michel'], ['Lina', 'Garcia'],
  ['Jules', 'David'], ['Emma', 'Bertrand'], ['Gabriel', 'Roux'], ['Alice', 'Vincent'], ['Adam', 'Fournier'],
  ['Rose', 'Morel'], ['Paul', 'Girard'], ['Anna', 'André'], ['Victor', 'Lefebvre'], ['Louise', 'Mercier'],
  ['Sacha', 'Dupont'], ['Mila', 'Lambert'], ['Noé', 'Bonnet'], ['Ambre', 'François'], ['Tom', 'Martinez'],
  ['Julia', 'Legrand'], ['Ethan', 'Garnier'], ['Lou', 'Faure'], ['Maël', 'Rousseau'], ['Eva', 'Blanc'],
  ['Léon', 'Guerin'], ['Nina', 'Muller'], ['Axel', 'Henry'], ['Clara', 'Roussel'], ['Enzo', 'Nicolas'],
  ['Sarah', 'Perrin'], ['Martin', 'Morin'], ['Margaux', 'Mathieu'], ['Oscar', 'Clement'], ['Agathe', 'Gauthier'],
];

export interface DemoDirectory {
  ministries: Ministry[];
  structures: Map<string, Structure>;
  /** One demo person per role, for printed tokens. */
  byRole: Map<Role, Person>;
}

const ascii = (s: string) => withoutAccents(s).toLowerCase();

/** Two ministries, three académies with their rectorat and Chorus platform, the support centres, people in every role. */
export function seedDemoDirectory(em: EntityManager): DemoDirectory {
  let n = 0;
  const byRole = new Map<Role, Person>();
  const person = (structure: Structure, domain: string, roles: Role[], team?: SupportTeam) => {
    const [firstName, lastName] = NAMES[n++ % NAMES.length];
    const suffix = n > NAMES.length ? String(Math.floor(n / NAMES.length)) : '';
    const p = em.create(Person, { firstName, lastName, email: `${ascii(firstName)}.${ascii(lastName)}${suffix}@${domain}`, structure, heldRoles: roles, team: team ?? null });
    for (const r of roles) if (!byRole.has(r)) byRole.set(r, p);
    return p;
  };
  const assign = (p: Person, structure: Structure, kind: CorrespondentKind) => {
    em.create(CorrespondentAssignment, { person: p, structure, kind, since: new Date('2024-09-01T00:00:00Z') });
    if (!byRole.has(kind as unknown as Role)) byRole.set(kind as unknown as Role, p);
  };

  const men = em.create(Ministry, { code: 'MIN06', name: 'Ministère de l’Éducation nationale, de la Jeunesse et des Sports' });
  const esr = em.create(Ministry, { code: 'MIN35', name: 'Ministère de l’Enseignement supérieur, de la Recherche et de l’Innovation' });
  const structures = new Map<string, Structure>();
  const structure = (code: string, name: string, kind: StructureKind, ministry: Ministry, parent?: Structure) => {
    const s = em.create(Structure, { code, name, kind, ministry, parent: parent ?? null });
    structures.set(code, s);
    return s;
  };

  const daf = structure('DAF-DCISIF', 'DAF – Département du contrôle interne et des SI financiers (Mission ministérielle Chorus)', StructureKind.CENTRAL_ADMINISTRATION, men);
  const aife = structure('AIFE', 'Agence pour l’informatique financière de l’État', StructureKind.SUPPORT_CENTRE, men);
  const dne = structure('DNE-CES-CHOREGIE', 'DNE – CES-CHOREGIE', StructureKind.SUPPORT_CENTRE, men);
  const sn1 = em.create(SupportTeam, { level: SupportLevel.SN1, name: 'SN1 – Mission ministérielle Chorus', description: 'Takes tickets from the CCAs; the only level that escalates to SN2; single desk for training registrations.' });
  const sn2 = em.create(SupportTeam, { level: SupportLevel.SN2, name: 'SN2 – AIFE', description: 'Takes tickets escalated by the SN1 of every ministry.' });
  const tech = em.create(SupportTeam, { level: SupportLevel.TECHNICAL, name: 'CES-CHOREGIE (DNE)', description: 'Technical incidents, notably the exchange flows (SEM) between Chorus and the business applications.' });

  person(daf, 'education.example', [Role.SN1_AGENT], sn1);
  person(daf, 'education.example', [Role.SN1_AGENT], sn1);
  person(daf, 'education.example', [Role.SN1_AGENT, Role.TRAINING_REFERENT], sn1);
  person(aife, 'aife.example', [Role.SN2_AGENT], sn2);
  person(aife, 'aife.example', [Role.SN2_AGENT], sn2);
  person(aife, 'aife.example', [Role.KNOWLEDGE_EDITOR]);
  person(dne, 'education.example', [Role.TECHNICAL_AGENT], tech);
  person(dne, 'education.example', [Role.TECHNICAL_AGENT], tech);
  person(daf, 'education.example', [Role.ANALYST]);
  person(daf, 'education.example', [Role.ADMINISTRATOR]);

  const academies: [string, string, Ministry][] = [['LYON', 'Lyon', men], ['BORDEAUX', 'Bordeaux', men], ['LILLE', 'Lille', esr]];
  for (const [code, city, ministry] of academies) {
    const domain = `ac-${code.toLowerCase()}.example`;
    const academie = structure(`AC-${code}`, `Académie de ${city}`, StructureKind.ACADEMIE, ministry);
    const rectorat = structure(`RECT-${code}`, `Rectorat de l’académie de ${city}`, StructureKind.RECTORAT, ministry, academie);
    const csp = structure(`CSP-${code}`, `Plate-forme Chorus de ${city}`, StructureKind.SHARED_SERVICE_CENTRE, ministry, academie);
    assign(person(csp, domain, [Role.END_USER]), csp, CorrespondentKind.CCA);
    assign(person(csp, domain, [Role.END_USER]), csp, CorrespondentKind.CCH);
    assign(person(csp, domain, [Role.END_USER]), csp, CorrespondentKind.CCP);
    assign(person(csp, domain, [Role.END_USER]), csp, CorrespondentKind.CCTFG);
    person(csp, domain, [Role.PLATFORM_HEAD]);
    person(csp, domain, [Role.END_USER]);
    const rectoratCca = person(rectorat, domain, [Role.END_USER]);
    assign(rectoratCca, rectorat, CorrespondentKind.CCA);
    if (code !== 'LILLE') assign(person(rectorat, domain, [Role.END_USER]), rectorat, CorrespondentKind.CCFP); // Lille falls back to its CCA
    person(rectorat, domain, [Role.DAF_MANAGER]);
    person(rectorat, domain, [Role.END_USER]);
    person(rectorat, domain, [Role.END_USER]);
  }
  return { ministries: [men, esr], structures, byRole };
}
