import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import { Role } from '../core/roles';
import { toGlobalId } from '../core/ids';
import { findVisibleTickets } from '../service-desk/ticket.service';
import { ApiKey } from './api-key.entity';
import { ApplicationClient } from './application-client.entity';
import { ApplicationCostWindow } from './application-cost-window.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { ApiKeyFieldsResolver, ApplicationClientFieldsResolver, IntegrationResolver } from './integration.resolver';
import { IncidentFiling } from './incident-filing.entity';
import { IncidentResolver, TicketIncidentFieldsResolver } from './incident.resolver';
import { IncidentRoutingRule } from './routing-rule.entity';
import { onTicketStatusChange } from '../service-desk/ticket.hooks';
import { enqueueWebhook } from './webhooks';
import './integration.errors';

export const integrationEntities = [ApplicationClient, ApiKey, ApplicationCostWindow, WebhookDelivery, IncidentRoutingRule, IncidentFiling];
export const integrationResolvers = [
  IntegrationResolver,
  ApplicationClientFieldsResolver,
  ApiKeyFieldsResolver,
  nodeIdResolver(ApplicationClient),
  nodeIdResolver(ApiKey),
  nodeIdResolver(WebhookDelivery),
  IncidentResolver,
  TicketIncidentFieldsResolver,
  nodeIdResolver(IncidentFiling),
  nodeIdResolver(IncidentRoutingRule),
] as const;

// administrators and analysts see applications; an application sees itself
registerNodeType('ApplicationClient', async (ctx, ids) => {
  const v = ctx.viewer!;
  const visible = v.roles.has(Role.ADMINISTRATOR) || v.roles.has(Role.ANALYST) ? ids : v.kind === 'APPLICATION' ? ids.filter((id) => id === v.id) : [];
  const rows = visible.length ? await ctx.em.find(ApplicationClient, { id: { $in: visible } }) : [];
  return new Map(rows.map((r) => [r.id, r as object]));
});
registerNodeType('ApiKey', async (ctx, ids) => {
  const v = ctx.viewer!;
  if (!v.roles.has(Role.ADMINISTRATOR) && !v.roles.has(Role.ANALYST)) return new Map();
  const rows = await ctx.em.find(ApiKey, { id: { $in: ids } });
  return new Map(rows.map((r) => [r.id, r as object]));
});
registerNodeType('WebhookDelivery', async (ctx, ids) => {
  const v = ctx.viewer!;
  const where = v.roles.has(Role.ADMINISTRATOR) || v.roles.has(Role.ANALYST) ? { id: { $in: ids } } : v.kind === 'APPLICATION' ? { id: { $in: ids }, application: v.id } : null;
  const rows = where ? await ctx.em.find(WebhookDelivery, where) : [];
  return new Map(rows.map((r) => [r.id, r as object]));
});

// the filing application hears of every status change of its tickets
onTicketStatusChange(async (em, ticket, event) => {
  if (!ticket.openedByApplication) return;
  await enqueueWebhook(em, ticket.openedByApplication.id, 'ticket.status_changed', {
    ticketId: toGlobalId('Ticket', ticket.id),
    reference: ticket.reference,
    from: event.fromStatus ?? null,
    to: event.toStatus,
    level: ticket.level,
    transition: event.transition ?? null,
    at: event.createdAt.toISOString(),
  });
});

registerNodeType('IncidentRoutingRule', async (ctx, ids) => {
  const v = ctx.viewer!;
  const allowed = [Role.ADMINISTRATOR, Role.ANALYST, Role.SN1_AGENT, Role.TECHNICAL_AGENT].some((r) => v.roles.has(r));
  const rows = allowed ? await ctx.em.find(IncidentRoutingRule, { id: { $in: ids } }) : [];
  return new Map(rows.map((r) => [r.id, r as object]));
});
// a filing is visible to whoever sees its ticket
registerNodeType('IncidentFiling', async (ctx, ids) => {
  const rows = await ctx.em.find(IncidentFiling, { id: { $in: ids } });
  const visible = new Set((await findVisibleTickets(ctx.em, ctx.viewer!, rows.map((r) => r.ticket.id))).map((t) => t.id));
  return new Map(rows.filter((r) => visible.has(r.ticket.id)).map((r) => [r.id, r as object]));
});
