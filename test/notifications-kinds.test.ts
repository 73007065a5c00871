/**
 * The kinds the platform itself causes: service-level crossings (to the assignee and the SN1
 * agents of the ministry) and a known anomaly's news (to the requesters of its open linked
 * tickets), delivered through a real SMTP relay.
 */
import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../packages/server/src/core/ids';
import { sql } from './support/db';
import { startTestServer } from './support/server';
import { startTestRelay } from './support/smtp';
import { until } from './support/until';
import { desk } from './service-desk.helpers';

const relay = await startTestRelay();
const server = await startTestServer({ env: { SMTP_URL: relay.url, SERVICE_LEVEL_POLL_MS: '100', NOTIFICATION_POLL_MS: '200' } });
const { open, ok } = desk(server);
const admin = { token: await server.tokenForRole('ADMINISTRATOR') };
const cca = { token: await server.tokenForRole('CCA', 'CSP-LYON') };
const sn1Email = (await sql(server.databaseUrl, `select email from person where active and 'SN1_AGENT' = any(held_roles) order by created_at, email limit 1`)).rows[0].email as string;
const sn1 = { token: await server.tokenFor(sn1Email) };
const sn2 = { token: await server.tokenForRole('SN2_AGENT') };
const requester = (await sql(server.databaseUrl, `select p.id, p.email from person p join structure s on s.id = p.structure_id where s.code = 'CSP-LYON' and p.held_roles = '{END_USER}' order by p.email limit 1`)).rows[0] as { id: string; email: string };
/** The SN1 agents of the ministry of CSP-LYON. */
const sn1Team = (
  await sql(
    server.databaseUrl,
    `select p.email from person p join structure s on s.id = p.structure_id
      where p.active and 'SN1_AGENT' = any(p.held_roles) and s.ministry_id = (select ministry_id from structure where code = 'CSP-LYON') order by p.email`,
  )
).rows.map((r) => r.email as string);
const about = (reference: string, email: string) => relay.to(email).filter((m) => m.parsed.subject?.startsWith(`[${reference}]`));

describe('service levels', () => {
  it('at risk, then breached: the assignee and the SN1 agents of the ministry are told, with the due date; the requesting side is not', async () => {
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    const cal = await server.gql(`mutation($input: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $input) { calendar { id } userErrors { code } } }`, { input: { code: 'always', name: 'Tous les jours', windows: week, frenchHolidays: false } }, admin);
    const set = await server.gql(
      `mutation($input: SetServiceLevelTargetInput!) { setServiceLevelTarget(input: $input) { userErrors { code } } }`,
      { input: { priority: 4, metric: 'RESOLUTION', targetSeconds: 3, atRiskShare: 0.5, calendarId: cal.body.data.createBusinessCalendar.calendar.id } },
      admin,
    );
    expect(set.body.data.setServiceLevelTarget.userErrors).toEqual([]);
    expect(sn1Team).toContain(sn1Email);
    const { ticket } = await open(cca, { priority: 4, title: 'Délai court', requesterId: toGlobalId('Person', requester.id) });
    await ok('TAKE', sn1, ticket);
    for (const email of sn1Team) {
      const risk = await until(async () => about(ticket.reference, email).find((m) => m.parsed.subject?.includes('en risque')), 20_000);
      expect(risk.parsed.subject).toBe(`[${ticket.reference}] Délai de service en risque`);
      expect(risk.parsed.text).toMatch(/Échéance : \S+ \d+ \S+ \d{4} à \d\d:\d\d \(heure de Paris\)/);
      expect(risk.parsed.text).toContain('Objectif de résolution');
      const breach = await until(async () => about(ticket.reference, email).find((m) => m.parsed.subject?.includes('dépassé')), 20_000);
      expect(breach.parsed.subject).toBe(`[${ticket.reference}] Délai de service dépassé`);
    }
    // the assignee is one of them, told once for each crossing
    expect(about(ticket.reference, sn1Email).map((m) => m.parsed.subject).sort()).toEqual([`[${ticket.reference}] Délai de service dépassé`, `[${ticket.reference}] Délai de service en risque`]);
    expect(about(ticket.reference, requester.email)).toEqual([]);
  });
});

describe('known errors', () => {
  it('a workaround reaches the requester of each open linked ticket, once (not again as a comment)', async () => {
    const TIERS = "Ajout d'un tiers dans l'EJ";
    const { ticket } = await open(cca, { title: 'Tiers ajouté', errorMessage: 'Poste de pièce 1508892764/00003 n’a pas encore été reporté dans exercice en cours', requesterId: toGlobalId('Person', requester.id) });
    const items = await server.gql(`query($s: String!) { knowledgeItems(first: 5, filter: { search: $s }) { nodes { id title causedMessages } } }`, { s: TIERS }, sn2);
    const tiers = items.body.data.knowledgeItems.nodes.find((n: any) => n.title === TIERS);
    const workaround = 'Supprimer le tiers de l’en-tête, enregistrer, puis le ressaisir.';
    const update = await server.gql(
      `mutation($input: UpdateKnowledgeItemInput!) { updateKnowledgeItem(input: $input) { userErrors { code message } } }`,
      { input: { id: tiers.id, incident: { status: 'WORKAROUND_AVAILABLE', causedMessages: tiers.causedMessages, workaround, ticketAdvised: true }, note: 'Contournement validé' } },
      sn2,
    );
    expect(update.body.data.updateKnowledgeItem.userErrors).toEqual([]);
    const mail = await until(async () => about(ticket.reference, requester.email)[0], 20_000);
    expect(mail.parsed.subject).toBe(`[${ticket.reference}] Un contournement est disponible pour votre demande`);
    expect(mail.parsed.text).toContain(workaround);
    await until(async () => (await sql(server.databaseUrl, `select count(*)::int n from graphile_worker.jobs where task_identifier like 'notifications:%' and task_identifier <> 'notifications:digest'`)).rows[0].n === 0, 20_000);
    expect(about(ticket.reference, requester.email)).toHaveLength(1);
  });
});
