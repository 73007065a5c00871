import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import type { NodeFetcher } from '../core/node-registry';
import { hasRole, requireViewer } from '../core/context';
import { Role } from '../core/roles';
import { toGlobalId } from '../core/ids';
import { findVisibleTickets } from '../service-desk/ticket.service';
import { ApiKey } from '../access/api-key.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { ApplicationCostWindow } from './application-cost-window.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { ApiKeyFieldsResolver, ApplicationClientFieldsResolver, IntegrationResolver } from './integration.resolver';
import { IncidentFiling } from './incident-filing.entity';
import { IncidentResolver, TicketIncidentFieldsResolver } from './incident.resolver';
import { IncidentRoutingRule } from './routing-rule.entity';
import { onTicketComment, onTicketNotice, onTicketStatusChange, type StatusChangeListener, type TicketCommentListener, type TicketNoticeListener } from '../service-desk/ticket.hooks';
import { TicketEventKind } from '../service-desk/ticket.enums';
import { enqueueWebhook } from './webhooks';
import { INCIDENT_ERROR_CODES, INTEGRATION_ERROR_CODES } from './integration.errors';

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

/** Who sees every application's records; an application sees its own. */
const READERS = [Role.ADMINISTRATOR, Role.ANALYST];

const nodeTypes: Record<string, NodeFetcher> = {
  ApplicationClient: async (ctx, ids) => {
    const v = requireViewer(ctx);
    const visible = hasRole(v, ...READERS) ? ids : ids.filter((id) => v.kind === 'APPLICATION' && id === v.id);
    return visible.length ? ctx.em.find(ApplicationClient, { id: { $in: visible } }) : [];
  },
  ApiKey: async (ctx, ids) => (hasRole(ctx.viewer, ...READERS) ? ctx.em.find(ApiKey, { id: { $in: ids } }) : []),
  WebhookDelivery: async (ctx, ids) => {
    const v = requireViewer(ctx);
    if (hasRole(v, ...READERS)) return ctx.em.find(WebhookDelivery, { id: { $in: ids } });
    return v.kind === 'APPLICATION' ? ctx.em.find(WebhookDelivery, { id: { $in: ids }, application: v.id }) : [];
  },
  IncidentRoutingRule: async (ctx, ids) =>
    hasRole(ctx.viewer, ...READERS, Role.SN1_AGENT, Role.TECHNICAL_AGENT) ? ctx.em.find(IncidentRoutingRule, { id: { $in: ids } }) : [],
  // a filing is visible to whoever sees its ticket
  IncidentFiling: async (ctx, ids) => {
    const rows = await ctx.em.find(IncidentFiling, { id: { $in: ids } });
    const visible = new Set((await findVisibleTickets(ctx.em, requireViewer(ctx), rows.map((r) => r.ticket.id))).map((t) => t.id));
    return rows.filter((r) => visible.has(r.ticket.id));
  },
};

/** The filing application hears of every status change of its tickets. */
const tellStatusChange: StatusChangeListener = async (em, ticket, event) => {
  if (!ticket.openedByApplication) return;
  await enqueueWebhook(em, ticket.openedByApplication.id, 'ticket.status_changed', {
    ticketId: toGlobalId('Ticket', ticket.id),
    reference: ticket.reference,
    from: event.fromStatus ?? null,
    to: event.toStatus,
    level: ticket.level,
    transition: event.transition ?? null,
    at: event.createdAt.toISOString(),
  }, ticket.id);
};

/** Webhook event of each notice recorded on a ticket by another module (service levels, known errors). */
const NOTICE_EVENTS: Partial<Record<TicketEventKind, string>> = {
  [TicketEventKind.SERVICE_LEVEL_AT_RISK]: 'ticket.service_level_at_risk',
  [TicketEventKind.SERVICE_LEVEL_BREACHED]: 'ticket.service_level_breached',
  [TicketEventKind.KNOWN_ERROR_UPDATED]: 'ticket.known_error_updated',
  [TicketEventKind.MERGED_FROM]: 'ticket.merged_from',
};

/** The filing application hears of its tickets' service-level crossings, known-error news and the duplicates merged into them. */
const tellNotice: TicketNoticeListener = async (em, ticket, event) => {
  if (!ticket.openedByApplication) return;
  const name = NOTICE_EVENTS[event.kind] ?? (event.field === 'knownError' ? 'ticket.known_error_linked' : null);
  if (!name) return;
  await enqueueWebhook(em, ticket.openedByApplication.id, name, {
    ticketId: toGlobalId('Ticket', ticket.id),
    reference: ticket.reference,
    kind: event.kind,
    field: event.field ?? null,
    from: event.oldValue ?? null,
    to: event.newValue ?? null,
    message: event.reason ?? null,
    at: event.createdAt.toISOString(),
  }, ticket.id);
};

/**
 * The filing application reads the public comments on its tickets (the support's questions and
 * answers); internal comments never leave the support, and its own comments are not echoed back.
 */
const tellComment: TicketCommentListener = async (em, ticket, comment) => {
  if (!ticket.openedByApplication || comment.internal || comment.authorApplication?.id === ticket.openedByApplication.id) return;
  await enqueueWebhook(em, ticket.openedByApplication.id, 'ticket.comment_added', {
    ticketId: toGlobalId('Ticket', ticket.id),
    reference: ticket.reference,
    commentId: toGlobalId('TicketComment', comment.id),
    body: comment.body,
    at: comment.createdAt.toISOString(),
  }, ticket.id);
};

export const integrationModule: FeatureModule = {
  resolvers: integrationResolvers,
  errorCodes: [INTEGRATION_ERROR_CODES, INCIDENT_ERROR_CODES],
  nodeTypes,
  wire: () => {
    onTicketStatusChange(tellStatusChange);
    onTicketNotice(tellNotice);
    onTicketComment(tellComment);
  },
};
