import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { generateApiKey } from '../access/credentials';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role, roleList } from '../core/roles';
import { Ministry } from '../directory/ministry.entity';
import { Structure } from '../directory/structure.entity';
import { ApiKey } from '../access/api-key.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { IntegrationErrorCode } from './integration.errors';
import { webhookTargetProblem, type WebhookTargetPolicy } from './webhook-url';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';

/** What the audit keeps of an application (never its webhook secret: whether one is set) and of a key (never its hash). */
function applicationAudited(a: ApplicationClient, structureIds?: string[]): Record<string, unknown> {
  return {
    ...snapshot(a, ['name', 'ministry', 'contactEmail', 'costBudgetPerMinute', 'active', 'webhookUrl']),
    webhookSecretSet: !!a.webhookSecret,
    ...(structureIds ? { structures: [...structureIds].sort() } : {}),
  };
}
const KEY_AUDITED = ['application', 'prefix', 'label', 'expiresAt', 'revokedAt'] as const;
import { INTEGRATION_MESSAGES as M } from './integration.messages';

/** Only administrators register applications and manage their keys. */
export function assertMayManageApplications(viewer: Viewer): void {
  if (!viewer.roles.has(Role.ADMINISTRATOR)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.manageApplications']({ roles: roleList([Role.ADMINISTRATOR]) }));
}

/** An application files only for structures of its own ministry. */
async function structuresOfMinistry(em: EntityManager, ministryId: string, structureIds: string[]): Promise<Structure[]> {
  const unique = [...new Set(structureIds)];
  const found = await em.find(Structure, { id: { $in: unique } });
  if (found.length !== unique.length) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.structures'](), ['structureIds']);
  const foreign = found.filter((s) => s.ministry.id !== ministryId);
  if (foreign.length) throw new DomainError(IntegrationErrorCode.STRUCTURE_OF_ANOTHER_MINISTRY, M['STRUCTURE_OF_ANOTHER_MINISTRY.codes']({ codes: foreign.map((s) => s.code).join(', ') }), ['structureIds']);
  return found;
}

/** The words of webhook-url.ts's refusals, as the catalogue's texts. */
const WEBHOOK_PROBLEMS: Record<string, (typeof M)['WEBHOOK_URL_REFUSED']> = {
  'is not a URL': M['WEBHOOK_URL_REFUSED.notUrl'],
  'must use http or https': M['WEBHOOK_URL_REFUSED.scheme'],
  'must use https': M['WEBHOOK_URL_REFUSED.https'],
  'must not carry credentials': M['WEBHOOK_URL_REFUSED.credentials'],
  'points at a private or local address': M['WEBHOOK_URL_REFUSED.private'],
  'resolves to a private or local address': M['WEBHOOK_URL_REFUSED.private'],
  'points at a local host name': M['WEBHOOK_URL_REFUSED.localName'],
  'does not resolve': M['WEBHOOK_URL_REFUSED.unresolved'],
};

async function checkWebhook(url: string | null | undefined, policy: WebhookTargetPolicy): Promise<void> {
  if (!url) return;
  const problem = await webhookTargetProblem(url, policy);
  if (problem) throw new DomainError(IntegrationErrorCode.WEBHOOK_URL_REFUSED, (WEBHOOK_PROBLEMS[problem] ?? M.WEBHOOK_URL_REFUSED)(), ['webhookUrl']);
}

export interface IssuedKey {
  key: string;
  apiKey: ApiKey;
}

function newKey(em: EntityManager, application: ApplicationClient, label?: string | null): IssuedKey {
  const generated = generateApiKey();
  const apiKey = em.create(ApiKey, { application, prefix: generated.prefix, hash: generated.hash, label: label?.trim() || null });
  return { key: generated.key, apiKey };
}

export async function registerApplication(
  em: EntityManager,
  viewer: Viewer,
  input: { name: string; ministryId: string; structureIds: string[]; contactEmail: string; costBudgetPerMinute?: number | null; webhookUrl?: string | null; webhookSecret?: string | null },
  webhookPolicy: WebhookTargetPolicy,
): Promise<{ application: ApplicationClient; issued: IssuedKey }> {
  assertMayManageApplications(viewer);
  const ministry = await em.findOne(Ministry, { id: input.ministryId });
  if (!ministry) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.ministry'](), ['ministryId']);
  const name = input.name.trim();
  if (await em.count(ApplicationClient, { name })) throw new DomainError(IntegrationErrorCode.APPLICATION_NAME_TAKEN, M['APPLICATION_NAME_TAKEN.name']({ name }), ['name']);
  await checkWebhook(input.webhookUrl, webhookPolicy);
  const structures = await structuresOfMinistry(em, ministry.id, input.structureIds);
  const application = em.create(ApplicationClient, {
    name,
    ministry,
    contactEmail: input.contactEmail.trim().toLowerCase(),
    costBudgetPerMinute: input.costBudgetPerMinute ?? 6000,
    webhookUrl: input.webhookUrl ?? null,
    webhookSecret: input.webhookSecret ?? null,
  });
  application.structures.set(structures);
  const issued = newKey(em, application, 'initial');
  recordAudit(em, viewer, { action: AuditAction.APPLICATION_REGISTERED, target: application, after: { ...applicationAudited(application, structures.map((x) => x.id)), apiKeyPrefix: issued.apiKey.prefix } });
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw new DomainError(IntegrationErrorCode.APPLICATION_NAME_TAKEN, M['APPLICATION_NAME_TAKEN.name']({ name }), ['name']);
    throw e;
  }
  return { application, issued };
}

async function mustFindApplication(em: EntityManager, id: string, field = 'applicationId'): Promise<ApplicationClient> {
  const application = await em.findOne(ApplicationClient, { id });
  if (!application) throw new DomainError(IntegrationErrorCode.UNKNOWN_APPLICATION, M['UNKNOWN_APPLICATION.id'](), [field]);
  return application;
}

export async function updateApplication(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: { contactEmail?: string | null; structureIds?: string[] | null; costBudgetPerMinute?: number | null; active?: boolean | null; webhookUrl?: string | null; webhookSecret?: string | null },
  webhookPolicy: WebhookTargetPolicy,
): Promise<ApplicationClient> {
  assertMayManageApplications(viewer);
  const application = await mustFindApplication(em, id, 'id');
  const structuresBefore = input.structureIds ? (await application.structures.loadItems()).map((x) => x.id) : undefined;
  const before = applicationAudited(application, structuresBefore);
  if (input.contactEmail) application.contactEmail = input.contactEmail.trim().toLowerCase();
  if (input.structureIds) application.structures.set(await structuresOfMinistry(em, application.ministry.id, input.structureIds));
  if (input.costBudgetPerMinute != null) application.costBudgetPerMinute = input.costBudgetPerMinute;
  if (input.active != null) application.active = input.active;
  if (input.webhookUrl !== undefined) {
    await checkWebhook(input.webhookUrl, webhookPolicy);
    application.webhookUrl = input.webhookUrl || null;
  }
  if (input.webhookSecret !== undefined) application.webhookSecret = input.webhookSecret || null;
  // a new secret over an old one: not its value, only that it changed
  const after = { ...applicationAudited(application, input.structureIds ? application.structures.getItems().map((x) => x.id) : undefined), ...(input.webhookSecret && before.webhookSecretSet ? { webhookSecretReplaced: true } : {}) };
  recordAudit(em, viewer, { action: AuditAction.APPLICATION_UPDATED, target: application, before, after });
  await em.flush();
  return application;
}

export async function issueApiKey(em: EntityManager, viewer: Viewer, applicationId: string, label?: string | null): Promise<IssuedKey> {
  assertMayManageApplications(viewer);
  const application = await mustFindApplication(em, applicationId);
  const issued = newKey(em, application, label);
  recordAudit(em, viewer, { action: AuditAction.API_KEY_ISSUED, target: issued.apiKey, after: snapshot(issued.apiKey, KEY_AUDITED) });
  await em.flush();
  return issued;
}

async function mustFindUsableKey(em: EntityManager, id: string): Promise<ApiKey> {
  const key = await em.findOne(ApiKey, { id });
  if (!key) throw new DomainError(IntegrationErrorCode.UNKNOWN_API_KEY, M.UNKNOWN_API_KEY(), ['id']);
  if (!key.usable) throw new DomainError(IntegrationErrorCode.API_KEY_NOT_USABLE, M.API_KEY_NOT_USABLE(), ['id']);
  return key;
}

/** A new key now; the old one keeps working for `graceMinutes`, so the application can switch without downtime. */
export async function rotateApiKey(em: EntityManager, viewer: Viewer, id: string, graceMinutes: number): Promise<IssuedKey> {
  assertMayManageApplications(viewer);
  const old = await mustFindUsableKey(em, id);
  const before = snapshot(old, KEY_AUDITED);
  const graceEnd = new Date(Date.now() + graceMinutes * 60_000);
  if (!old.expiresAt || old.expiresAt > graceEnd) old.expiresAt = graceEnd;
  const issued = newKey(em, await old.application.loadOrFail(), old.label);
  recordAudit(em, viewer, { action: AuditAction.API_KEY_ROTATED, target: old, before, after: { ...snapshot(old, KEY_AUDITED), replacedBy: issued.apiKey.id, replacedByPrefix: issued.apiKey.prefix } });
  await em.flush();
  return issued;
}

export async function revokeApiKey(em: EntityManager, viewer: Viewer, id: string): Promise<ApiKey> {
  assertMayManageApplications(viewer);
  const key = await mustFindUsableKey(em, id);
  const before = snapshot(key, KEY_AUDITED);
  key.revokedAt = new Date();
  recordAudit(em, viewer, { action: AuditAction.API_KEY_REVOKED, target: key, before, after: snapshot(key, KEY_AUDITED) });
  await em.flush();
  return key;
}
