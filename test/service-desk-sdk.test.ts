import { describe, expect, it } from 'vitest';
import { createClient, TicketNature, TicketStatisticsDimension, TicketStatus, TicketTransition } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
const client = async (role: string, structure?: string) => createClient({ url: server.url, token: await server.tokenForRole(role, structure) });

describe('the life of a ticket through the SDK', () => {
  it('a CCA opens, SN1 escalates to SN2 and transfers to CES-CHOREGIE, the CCA closes and rates', async () => {
    const cca = await client('CCA', 'CSP-LYON');
    const sn1 = await client('SN1_AGENT');
    const sn2 = await client('SN2_AGENT');
    const tech = await client('TECHNICAL_AGENT');
    const analyst = await client('ANALYST');

    const { ticketDomains } = await cca.TicketReferenceData();
    expect(ticketDomains.map((d) => d.code)).toContain('EJ');
    const opened = await cca.OpenTicket({
      input: { application: 'CHORUS_COEUR', domain: 'EJ', title: 'Poste de pièce non reporté', description: 'EJ bloqué à la modification.', errorMessage: 'Poste de pièce 1508892764/00003 n’a pas encore été reporté dans exercice en cours', priority: 2, documentNumbers: ['1508892764'] },
    });
    expect(opened.openTicket.userErrors).toEqual([]);
    let t = opened.openTicket.ticket!;
    expect(t.allowedTransitions).toEqual([TicketTransition.CANCEL]);

    const step = async (p: Promise<{ [k: string]: { ticket?: any; userErrors: any[] } }>) => {
      const r = Object.values(await p)[0];
      expect(r.userErrors).toEqual([]);
      return r.ticket!;
    };
    t = await step(sn1.TakeTicket({ input: { id: t.id, version: t.version } }));
    expect(t.allowedTransitions).toEqual(expect.arrayContaining([TicketTransition.ESCALATE, TicketTransition.RESOLVE, TicketTransition.TRANSFER_TO_TECHNICAL]));
    t = await step(sn1.EscalateTicket({ input: { id: t.id, version: t.version, reason: 'Déblocage de l’EJ par l’AIFE' } }));
    const queue = await sn2.TicketQueue({ first: 10, filter: { level: ['SN2' as never], status: [TicketStatus.ESCALATED] } });
    expect(queue.tickets.edges.map((e) => e.node.reference)).toContain(t.reference);
    t = await step(sn2.TakeTicket({ input: { id: t.id, version: t.version } }));
    t = await step(sn2.ReturnTicketToSn1({ input: { id: t.id, version: t.version, reason: 'EJ débloqué' } }));
    t = await step(sn1.TransferTicketToTechnical({ input: { id: t.id, version: t.version, reason: 'Rejet du flux' } }));
    expect(t.nature).toBe(TicketNature.TECHNICAL);
    t = await step(tech.TakeTicket({ input: { id: t.id, version: t.version } }));
    t = await step(tech.TransferTicketToFunctional({ input: { id: t.id, version: t.version, reason: 'Flux rejoué' } }));
    t = await step(sn1.TakeTicket({ input: { id: t.id, version: t.version } }));
    t = await step(sn1.ResolveTicket({ input: { id: t.id, version: t.version, reason: 'Vous pouvez modifier l’EJ.' } }));
    t = await step(cca.CloseTicket({ input: { id: t.id, version: t.version } }));
    t = await step(cca.RateTicket({ input: { id: t.id, version: t.version, score: 5, comment: 'Parfait' } }));

    const { ticket } = await cca.Ticket({ reference: t.reference });
    expect(ticket!.status).toBe(TicketStatus.CLOSED);
    expect(ticket!.satisfaction).toEqual({ score: 5, comment: 'Parfait' });
    expect(ticket!.history.filter((e) => e.transition).map((e) => e.transition)).toEqual([
      'SUBMIT', 'TAKE', 'ESCALATE', 'TAKE', 'RETURN_TO_SN1', 'TRANSFER_TO_TECHNICAL', 'TAKE', 'TRANSFER_TO_FUNCTIONAL', 'TAKE', 'RESOLVE', 'CLOSE',
    ]);
    expect(ticket!.measures).toMatchObject({ escalationCount: 1, reopenCount: 0 });
    expect(ticket!.measures.secondsAtSn2).toBeGreaterThan(0);
    expect(ticket!.measures.resolutionSeconds).toBeGreaterThan(0);
    expect(ticket!.measures.firstResponseSeconds).toBeLessThanOrEqual(ticket!.measures.resolutionSeconds!);

    // the analyst reads it, changes nothing
    const byAnalyst = await analyst.Ticket({ reference: t.reference });
    expect(byAnalyst.ticket!.allowedTransitions).toEqual([]);
  });

  it('lets a business application file an incident once, however often it retries, and follow it', async () => {
    const saxo = createClient({ url: server.url, apiKey: DEMO_API_KEY });
    const input = { application: 'CHORUS_COEUR', domain: 'OTHER', nature: TicketNature.TECHNICAL, title: 'Flux SAXO rejeté', description: 'Rejet SEM', flowId: 'SAXO-EJ-42', clientRequestId: 'saxo-2026-11-29-42', structureId: null };
    const { rows } = await sql(server.databaseUrl, `select id from structure where code = 'CSP-LYON'`);
    const withStructure = { ...input, structureId: Buffer.from(`Structure:${rows[0].id}`).toString('base64url') };
    const first = await saxo.OpenTicket({ input: withStructure });
    const retry = await saxo.OpenTicket({ input: withStructure });
    expect(retry.openTicket.ticket!.id).toBe(first.openTicket.ticket!.id);
    // once: one row for the key, not merely the same id answered twice
    expect((await sql(server.databaseUrl, `select count(*)::int n from ticket where client_request_id = $1`, [input.clientRequestId])).rows[0].n).toBe(1);
    const mine = await saxo.Tickets({ first: 50 });
    expect(mine.tickets.edges.map((e) => e.node.id)).toContain(first.openTicket.ticket!.id);
    expect(mine.tickets.edges.every((e) => e.node.openedByApplicationName === 'SAXO')).toBe(true);
  });
});

describe('measures for analysts and SN1', () => {
  it('aggregates by level, domain, application, structure and month, with medians and escalation rate', async () => {
    const analyst = await client('ANALYST');
    for (const groupBy of Object.values(TicketStatisticsDimension)) {
      const { ticketStatistics } = await analyst.TicketStatistics({ groupBy, first: 100 });
      expect(ticketStatistics.rows.length).toBeGreaterThan(0);
      const counted = ticketStatistics.rows.reduce((n, r) => n + r.ticketCount, 0);
      const { rows } = await sql(server.databaseUrl, `select count(*)::int as n from ticket where status <> 'NEW'`);
      expect(counted).toBe(rows[0].n);
    }
    const byDomain = await analyst.TicketStatistics({ groupBy: TicketStatisticsDimension.DOMAIN });
    const ej = byDomain.ticketStatistics.rows.find((r) => r.key === 'EJ')!;
    const { rows: [truth] } = await sql(server.databaseUrl, `select count(*)::int as n, count(*) filter (where escalation_count > 0)::int as esc from ticket t join ticket_domain d on d.id = t.domain_id where d.code = 'EJ' and t.status <> 'NEW'`);
    expect(ej.ticketCount).toBe(truth.n);
    expect(ej.escalationRate).toBeCloseTo(truth.esc / truth.n, 6);
    expect(ej.medianResolutionSeconds).toBeGreaterThan(0);
    expect(ej.medianSecondsAtSn2).toBeGreaterThan(0);

    const page1 = await analyst.TicketStatistics({ groupBy: TicketStatisticsDimension.STRUCTURE, first: 2 });
    const page2 = await analyst.TicketStatistics({ groupBy: TicketStatisticsDimension.STRUCTURE, first: 2, after: page1.ticketStatistics.endKey });
    expect(page1.ticketStatistics.hasNextPage).toBe(true);
    expect(page2.ticketStatistics.rows[0].key > page1.ticketStatistics.rows[1].key).toBe(true);

    const filtered = await analyst.TicketStatistics({ groupBy: TicketStatisticsDimension.LEVEL, filter: { domain: ['EJ'], application: ['CHORUS_COEUR'] } });
    const { rows: [ejCoeur] } = await sql(server.databaseUrl, `select count(*)::int as n from ticket t join ticket_domain d on d.id = t.domain_id join ticket_application a on a.id = t.application_id where d.code = 'EJ' and a.code = 'CHORUS_COEUR' and t.status <> 'NEW'`);
    expect(filtered.ticketStatistics.rows.reduce((n, r) => n + r.ticketCount, 0)).toBe(ejCoeur.n);

    const { ticketBacklog } = await analyst.TicketBacklog({});
    const { rows: [all] } = await sql(server.databaseUrl, `select count(*)::int as n, count(*) filter (where escalation_count > 0)::int as esc from ticket where status <> 'NEW'`);
    expect(ticketBacklog.total).toBe(all.n);
    expect(ticketBacklog.rows.reduce((n, r) => n + r.count, 0)).toBe(ticketBacklog.total);
    expect(all.esc).toBeGreaterThan(0);
    expect(ticketBacklog.escalationRate).toBeCloseTo(all.esc / all.n, 6);
  });

  it('keeps statistics from CCAs', async () => {
    const cca = await client('CCA', 'CSP-LYON');
    await expect(cca.TicketBacklog({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
