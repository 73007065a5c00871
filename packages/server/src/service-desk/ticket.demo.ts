import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../core/roles';
import { CorrespondentAssignment } from '../directory/correspondent-assignment.entity';
import { CorrespondentKind, SupportLevel } from '../directory/directory.enums';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { TicketEventKind, TicketImpact, TicketNature, TicketStatus, TicketTransition as T } from './ticket.enums';
import { addCommentRow, applyTransition, loadTransitionParties, nextReferences, type Actor } from './ticket.service';

type Who = 'CCA' | 'SN1' | 'SN2' | 'TECH' | 'APP';
/** One step of a demo history: who fires which transition, hours after the previous step. */
type Step = [T, Who, number, string?] | ['NOTE', Who, number, string];

interface Scenario {
  application: string;
  domain: string;
  nature?: TicketNature;
  title: string;
  description: string;
  errorMessage?: string;
  priority: number;
  impact?: TicketImpact;
  byApplication?: boolean;
  draft?: boolean;
  documentNumbers?: string[];
  flowId?: string;
  steps: Step[];
}

/** Realistic histories, with the error messages of DOMAIN.md §3. Each runs once per académie. */
const SCENARIOS: Scenario[] = [
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 2, title: 'Report impossible sur un poste d’EJ finalisé',
    description: 'Lors de la modification de l’EJ (abonnement d’un poste), Chorus refuse l’enregistrement. L’EJ est bloqué.',
    errorMessage: 'erreur dans le système de gestion : Poste de pièce 1508892764/00003 n’a pas encore été reporté dans exercice en cours',
    documentNumbers: ['1508892764'],
    steps: [[T.TAKE, 'SN1', 3], [T.ESCALATE, 'SN1', 5, 'Message de report sur un poste finalisé : déblocage de l’EJ à faire par l’AIFE.'], [T.TAKE, 'SN2', 20], [T.RETURN_TO_SN1, 'SN2', 30, 'EJ débloqué par traitement de masse ; le poste peut être modifié.'], [T.RESOLVE, 'SN1', 2, 'L’EJ est débloqué, vous pouvez reprendre la modification.'], [T.CLOSE, 'CCA', 24]],
  },
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 3, title: 'Centre financier inexistant à la création d’un EJ',
    description: 'Création d’un EJ sur le programme 214 : message bloquant sur le centre financier.',
    errorMessage: 'Ctre financier 0214-DR69-CSP1 n’existe pas ds périm. Fin 30 et exercice 2026',
    steps: [[T.TAKE, 'SN1', 1], [T.REQUEST_INFO, 'SN1', 2, 'Pouvez-vous préciser le centre de coûts et joindre une copie d’écran ?'], [T.PROVIDE_INFO, 'CCA', 18, 'Copie d’écran jointe ; centre de coûts DR69CSP001.'], [T.RESOLVE, 'SN1', 4, 'Le centre financier n’était pas ouvert sur l’exercice : paramétrage corrigé par le CCP.']],
  },
  {
    application: 'CHORUS_COEUR', domain: 'WORKFLOW', priority: 2, title: 'Workflow de validation bloqué sur une demande d’achat',
    description: 'La demande d’achat reste au statut « en attente de validation » depuis trois jours, le valideur ne la voit pas.',
    steps: [[T.TAKE, 'SN1', 6], [T.REQUEST_INFO, 'SN1', 1, 'Quel est l’identifiant du valideur attendu ?']],
  },
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 1, impact: TicketImpact.STRUCTURE, title: 'Ajout d’un tiers dans l’EJ : contrôles erronés',
    description: 'Après ajout d’un tiers en entête d’EJ, plusieurs messages bloquants apparaissent sur tous les postes.',
    errorMessage: 'Aucune autoris. pr périm. fin. BG00 version 0 catég. budg. 9G',
    steps: [[T.TAKE, 'SN1', 2], [T.ESCALATE, 'SN1', 1, 'Incident majeur connu « Ajout d’un tiers dans l’EJ » : analyse en cours à l’AIFE.'], ['NOTE', 'SN1', 1, 'Rattaché à l’incident majeur, ne pas relancer le CCA avant retour AIFE.']],
  },
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 2, title: 'Erreur dans la règle de dérivation',
    description: 'Impossible de valider l’EJ, message sur la règle de dérivation de l’imputation.',
    errorMessage: 'Une erreur est survenue dans la règle de dérivation',
    steps: [[T.TAKE, 'SN1', 4], [T.ESCALATE, 'SN1', 2, 'Règle de dérivation en anomalie côté référentiel interministériel.'], [T.TAKE, 'SN2', 10]],
  },
  {
    application: 'CHORUS_FORMULAIRES', domain: 'HABILITATION', priority: 3, title: 'Profil Chorus Formulaires absent pour une nouvelle gestionnaire',
    description: 'La gestionnaire arrivée le 1er du mois n’a pas accès aux formulaires de sa structure.',
    steps: [],
  },
  {
    application: 'CHORUS_COEUR', domain: 'CONNEXION', priority: 3, title: 'Connexion refusée après renouvellement du mot de passe',
    description: 'Brouillon : en attente de la copie d’écran de l’utilisateur.',
    draft: true, steps: [],
  },
  {
    application: 'CHORUS_COEUR', domain: 'SERVICE_FAIT', priority: 4, title: 'Service fait présumé non généré',
    description: 'Le service fait présumé n’apparaît pas pour une commande livrée.',
    steps: [[T.CANCEL, 'CCA', 2, 'Le service fait est apparu après le traitement de nuit.']],
  },
  {
    application: 'CHORUS_COEUR', domain: 'RNF', priority: 2, title: 'Report nul automatique avec chaîne de document',
    description: 'Le report de fin de gestion échoue sur un EJ ayant une chaîne de documents.',
    errorMessage: 'Report nul automatique avec chaîne de document',
    steps: [[T.TAKE, 'SN1', 5], [T.RESOLVE, 'SN1', 3, 'Solder la chaîne de document avant relance du report.'], [T.REOPEN, 'CCA', 30, 'Le report échoue toujours après solde de la chaîne.']],
  },
  {
    application: 'CHORUS_COEUR', domain: 'OTHER', nature: TicketNature.TECHNICAL, priority: 1, impact: TicketImpact.MINISTRY, byApplication: true,
    title: 'Flux SAXO → Chorus rejeté (SEM)', description: 'Le flux quotidien des engagements SAXO est rejeté par le SEM depuis ce matin.',
    errorMessage: 'SEM-REJ-0042 : structure du message non conforme (balise <Montant> absente)', flowId: 'SAXO-EJ-20261128-01',
    steps: [[T.TAKE, 'TECH', 1]],
  },
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 3, title: 'Imputations erronées sur un poste de commande',
    description: 'Le poste 20 de la commande refuse la validation.',
    errorMessage: 'Poste de commande comprend encore des imputations erronées',
    steps: [[T.TAKE, 'SN1', 2], [T.TRANSFER_TO_TECHNICAL, 'SN1', 3, 'Les imputations viennent du flux GAIA : incident technique sur le flux.'], [T.TAKE, 'TECH', 6], [T.TRANSFER_TO_FUNCTIONAL, 'TECH', 8, 'Flux rejoué ; reste une correction fonctionnelle de l’imputation.'], [T.TAKE, 'SN1', 1], [T.RESOLVE, 'SN1', 2, 'Imputation corrigée (élément Prog CB renseigné).'], [T.CLOSE, 'CCA', 12]],
  },
  {
    application: 'CHORUS_COEUR', domain: 'EJ', priority: 2, title: 'Valeur Blanc/Espace non valide pour Prog CB',
    description: 'Saisie d’un EJ : message sur l’élément d’imputation Prog CB.',
    errorMessage: 'la valeur Blanc/Espace est non valide pour l’élément d’imputation Prog CB',
    steps: [[T.TRANSFER_TO_TECHNICAL, 'SN1', 2, 'Anomalie de chargement du référentiel : à voir par CES-CHOREGIE.']],
  },
];

const ACADEMIES = [
  { code: 'LYON', daysAgo: 75 },
  { code: 'BORDEAUX', daysAgo: 40 },
  { code: 'LILLE', daysAgo: 12 },
];

/** A few dozen tickets in every status and level, opened by the CCAs (and SAXO) of the demo académies. */
export async function seedDemoTickets(em: EntityManager): Promise<number> {
  const applications = new Map((await em.find(TicketApplication, {})).map((a) => [a.code, a]));
  const domains = new Map((await em.find(TicketDomain, {})).map((d) => [d.code, d]));
  const people = await em.find(Person, {}, { orderBy: { createdAt: 'asc', email: 'asc' } });
  const agents = (role: Role) => people.filter((p) => p.heldRoles.includes(role));
  const [sn1, sn2, tech] = [agents(Role.SN1_AGENT), agents(Role.SN2_AGENT), agents(Role.TECHNICAL_AGENT)];
  const ccas = await em.find(CorrespondentAssignment, { kind: CorrespondentKind.CCA, until: null }, { populate: ['structure'] });
  const saxo = await em.findOne(ApplicationClient, { name: 'SAXO' });
  const structures = new Map((await em.find(Structure, {})).map((s) => [s.code, s]));

  const specs = ACADEMIES.flatMap((a, ai) => SCENARIOS.map((s, si) => ({ a, ai, s, si })));
  const references = await nextReferences(em, specs.length);
  const now = Date.now();
  let n = 0;
  for (const { a, ai, s, si } of specs) {
    // alternate between the CSP and the rectorat; SAXO files for the CSP of Lyon and Bordeaux only
    const structureCode = s.byApplication ? (a.code === 'LILLE' ? 'CSP-LYON' : `CSP-${a.code}`) : si % 2 ? `RECT-${a.code}` : `CSP-${a.code}`;
    const structure = structures.get(structureCode)!;
    const cca = ccas.find((c) => c.structure.id === structure.id)!.person;
    const requester = people.find((p) => p.structure.id === structure.id && p.heldRoles.includes(Role.END_USER) && p.id !== cca.id) ?? null;
    const opener: Actor = s.byApplication && saxo ? { personId: null, applicationId: saxo.id } : { personId: cca.id, applicationId: null };
    const actor = (who: Who, k: number): Actor => {
      if (who === 'CCA' || who === 'APP') return opener;
      const pool = who === 'SN1' ? sn1 : who === 'SN2' ? sn2 : tech;
      return { personId: pool[(k + ai) % pool.length].id, applicationId: null };
    };
    let at = new Date(now - (a.daysAgo - si * 2) * 86_400_000);
    const t = em.create(Ticket, {
      reference: references[n++],
      application: applications.get(s.application)!,
      domain: domains.get(s.domain)!,
      nature: s.nature ?? TicketNature.FUNCTIONAL,
      title: s.title,
      description: s.description,
      errorMessage: s.errorMessage ?? null,
      impact: s.impact ?? TicketImpact.ONE_USER,
      priority: s.priority,
      requester: s.byApplication ? null : requester,
      structure,
      openedBy: opener.personId ? em.getReference(Person, opener.personId) : null,
      openedByApplication: opener.applicationId ?? null,
      status: TicketStatus.NEW,
      level: s.nature === TicketNature.TECHNICAL ? SupportLevel.TECHNICAL : SupportLevel.SN1,
      flowId: s.flowId ?? null,
      documentNumbers: s.documentNumbers ?? [],
      createdAt: at,
      updatedAt: at,
    });
    t.eventCount += 1;
    em.create(TicketEvent, { ticket: t, seq: 1, kind: TicketEventKind.OPENED, actor: opener.personId, actorApplication: opener.applicationId, toStatus: t.status, toLevel: t.level, createdAt: at, updatedAt: at });
    const steps: Step[] = s.draft ? [] : [[T.SUBMIT, 'CCA', 0], ...s.steps];
    let k = 0;
    for (const [what, who, hours, text] of steps) {
      at = new Date(Math.min(at.getTime() + hours * 3_600_000, now - 60_000));
      if (what === 'NOTE') addCommentRow(em, t, actor(who, k), text!, true, at);
      else {
        // the people are loaded above: the replayed events name them by email, as live ones do
        await loadTransitionParties(em, t, actor(who, k));
        applyTransition(em, t, what, actor(who, k), at, text);
        if (text && [T.REQUEST_INFO, T.PROVIDE_INFO, T.RESOLVE, T.REOPEN, T.RETURN_TO_SN1].includes(what)) addCommentRow(em, t, actor(who, k), text, false, at);
      }
    }
    t.version = t.eventCount;
    if (t.status === TicketStatus.CLOSED && si % 3 === 0) {
      t.satisfactionScore = 4 + (ai % 2);
      t.satisfactionComment = 'Réponse claire, merci.';
    }
  }
  await em.flush();
  return n;
}
