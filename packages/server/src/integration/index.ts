import { nodeIdResolver } from '../core/base.entity';
import { registerNodeType } from '../core/node-registry';
import { Role } from '../core/roles';
import { ApiKey } from './api-key.entity';
import { ApplicationClient } from './application-client.entity';
import { ApplicationCostWindow } from './application-cost-window.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { ApiKeyFieldsResolver, ApplicationClientFieldsResolver, IntegrationResolver } from './integration.resolver';
import './integration.errors';

export const integrationEntities = [ApplicationClient, ApiKey, ApplicationCostWindow, WebhookDelivery];
export const integrationResolvers = [IntegrationResolver, ApplicationClientFieldsResolver, ApiKeyFieldsResolver, nodeIdResolver(ApplicationClient), nodeIdResolver(ApiKey), nodeIdResolver(WebhookDelivery)] as const;

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
