import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { Role, roleList } from '../core/roles';
import { withoutAccents } from '../core/text';
import { Structure } from '../directory/structure.entity';
import { KeyedBatcher } from '../core/keyed-queue';
import { addComment, openTicket } from '../service-desk/ticket.service';
import type { TicketSettings } from '../service-desk/ticket.transitions';
import { Ticket } from '../service-desk/ticket.entity';
import { OPEN_STATUSES, TicketImpact, TicketNature } from '../service-desk/ticket.enums';
import { FlowDirection, IncidentFiling } from './incident-filing.entity';
import { IncidentErrorCode } from './integration.errors';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { CLOCK_SKEW_MS } from './incident.inputs';
import { INTEGRATION_MESSAGES as M } from './integration.messages';
import { IncidentRoutingRule } from './routing-rule.entity';
import { DEFAULT_LOCALE } from '../core/i18n';

export interface IncidentInput {
  idempotencyKey: string;
  structureId: string;
  application?: string | null;
  flow: { id: string; type: string; direction: FlowDirection; exchangedAt: Date };
  errorMessage: string;
  documentNumbers?: string[] | null;
  occurredAt: Date;
  details?: string | null;
  priority?: number | null;
  impact?: TicketImpact | null;
}

export interface FilingResult {
  ticket: Ticket;
  filing: IncidentFiling;
  /** True when the key had been seen: nothing new was written. */
  replayed: boolean;
}

/** Tickets still worth attaching a new occurrence to. */

interface Pending {
  em: EntityManager;
  viewer: Viewer;
  input: IncidentInput;
  opts: FilingOptions;
  now: Date;
}

/** Filings of one application's flow, batched in this process (see KeyedBatcher), one transaction a batch. */
const byFlow = new KeyedBatcher<Pending, { filingId: string; replayed: boolean }>((_key, items) => fileBatch(items));

/** Only business applications file incidents, and only for the structures they are registered for. */
export function assertMayFileFor(viewer: Viewer, structureId: string): void {
  if (viewer.kind !== 'APPLICATION' || !viewer.roles.has(Role.APPLICATION)) {
    throw new DomainError(IncidentErrorCode.ONLY_APPLICATIONS_FILE, M.ONLY_APPLICATIONS_FILE());
  }
  if (!viewer.applicationStructureIds.includes(structureId)) {
    throw new DomainError(IncidentErrorCode.STRUCTURE_NOT_ALLOWED, M.STRUCTURE_NOT_ALLOWED(), ['structureId']);
  }
}

/** The body without its key, canonical (sorted keys, ISO dates), hashed. */
export function bodyHash(input: IncidentInput): string {
  const { idempotencyKey: _key, ...body } = input;
  const canonical = (v: unknown): unknown =>
    v instanceof Date ? v.toISOString()
    : Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] != null).map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
    : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/** The error with its variable parts (numbers, codes, dates) blanked: repeats of one failure share it. */
export function errorSignature(message: string): string {
  const normal = withoutAccents(message)
    .toLowerCase()
    .replace(/[0-9]+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normal).digest('hex');
}

/** The first active rule whose pattern matches the message (and the flow type, when the rule names one). */
export async function routeIncident(em: EntityManager, errorMessage: string, flowType: string): Promise<{ rule: IncidentRoutingRule | null; nature: TicketNature; domain: string; reason: string }> {
  const [row] = await em.execute<{ id: string }[]>(
    `select id from incident_routing_rule
      where active and unaccent(?) ~* unaccent(pattern) and (flow_type is null or flow_type = ?)
      order by position, id limit 1`,
    [errorMessage, flowType],
  );
  if (!row) return { rule: null, nature: TicketNature.FUNCTIONAL, domain: 'OTHER', reason: M['ROUTING.default']().render(DEFAULT_LOCALE) };
  const rule = await em.findOneOrFail(IncidentRoutingRule, row.id);
  const reason = M['ROUTING.matched']({ label: rule.label, technical: rule.nature === TicketNature.TECHNICAL }).render(DEFAULT_LOCALE);
  return { rule, nature: rule.nature, domain: rule.domain, reason };
}

function validate(input: IncidentInput, now: Date): void {
  if (input.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new DomainError(IncidentErrorCode.OCCURRED_IN_FUTURE, M.OCCURRED_IN_FUTURE(), ['occurredAt']);
  if (input.flow.exchangedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new DomainError(IncidentErrorCode.OCCURRED_IN_FUTURE, M.OCCURRED_IN_FUTURE(), ['flow', 'exchangedAt']);
}

/**
 * Files an incident for a failed exchange flow. The same key from the same application
 * always answers with the same ticket — retries, and concurrent retries on several server
 * instances, included — and a reused key with another body is refused. A repeat of the
 * same flow and error within the grouping window is attached to the first ticket instead
 * of opening another.
 *
 * Serialisation per flow: in this process, concurrent filings of one flow wait without a
 * connection and are then filed together, in one transaction (KeyedBatcher); across
 * instances, that transaction takes a transaction-scoped advisory lock per flow and per key
 * on its own connection, which every later statement of the filing also uses — so a storm
 * of retries never needs more connections than it holds. A key already filed is answered
 * at once, without any lock: a committed filing never changes.
 */
/** The settings a filing follows: its grouping window, and the service desk's rules for the ticket it opens. */
export interface FilingOptions {
  groupingWindowMinutes: number;
  tickets: TicketSettings;
}

export async function fileIncident(em: EntityManager, viewer: Viewer, input: IncidentInput, opts: FilingOptions): Promise<FilingResult> {
  assertMayFileFor(viewer, input.structureId);
  const now = new Date();
  validate(input, now);
  const known = await em.findOne(IncidentFiling, { application: viewer.id, idempotencyKey: input.idempotencyKey }, { populate: ['ticket'] });
  if (known) return replay(known, input);
  const { filingId, replayed } = await byFlow.run(`${viewer.id}:${input.flow.id}`, { em, viewer, input, opts, now });
  // the batch ran on its own EntityManager: read the outcome into this request's
  const filing = await em.findOneOrFail(IncidentFiling, filingId, { populate: ['ticket'] });
  return { ticket: filing.ticket.getEntity(), filing, replayed };
}

function replay(seen: IncidentFiling, input: IncidentInput): FilingResult {
  if (seen.bodyHash !== bodyHash(input)) throw new DomainError(IncidentErrorCode.IDEMPOTENCY_KEY_REUSED, M.IDEMPOTENCY_KEY_REUSED(), ['idempotencyKey']);
  return { ticket: seen.ticket.getEntity(), filing: seen, replayed: true };
}

/** Files a batch of one flow in one transaction; each filing in a savepoint of its own, so one refusal spoils no other. */
async function fileBatch(items: Pending[]): Promise<({ filingId: string; replayed: boolean } | Error)[]> {
  const { viewer, input } = items[0];
  return items[0].em.fork().transactional(async (tem) => {
    // one flow at a time across instances, so that concurrent repeats group onto one ticket
    await tem.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`flow:${viewer.id}:${input.flow.id}`]);
    // keys filed already (by an earlier batch, or on another instance): answered in one statement
    const seen = new Map((await tem.find(IncidentFiling, { application: viewer.id, idempotencyKey: { $in: [...new Set(items.map((i) => i.input.idempotencyKey))] } })).map((f) => [f.idempotencyKey, f]));
    const outcomes: ({ filingId: string; replayed: boolean } | Error)[] = [];
    for (const item of items) {
      const known = seen.get(item.input.idempotencyKey);
      if (known) {
        outcomes.push(known.bodyHash === bodyHash(item.input) ? { filingId: known.id, replayed: true } : new DomainError(IncidentErrorCode.IDEMPOTENCY_KEY_REUSED, M.IDEMPOTENCY_KEY_REUSED(), ['idempotencyKey']));
        continue;
      }
      try {
        const outcome = await tem.transactional((one) => fileOnce(one, item));
        outcomes.push(outcome);
        // a later item of this batch with the same key replays this one
        if (!outcome.replayed) seen.set(item.input.idempotencyKey, await tem.findOneOrFail(IncidentFiling, outcome.filingId));
      } catch (e) {
        outcomes.push(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return outcomes;
  });
}

async function fileOnce(tem: EntityManager, { viewer, input, opts, now }: Pending): Promise<{ filingId: string; replayed: boolean }> {
  const hash = bodyHash(input);
  const signature = errorSignature(input.errorMessage);
  // the key's own lock: the same key may come with another flow (a reused key) on another instance
  await tem.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`filing:${viewer.id}:${input.idempotencyKey}`]);
  const seen = await tem.findOne(IncidentFiling, { application: viewer.id, idempotencyKey: input.idempotencyKey });
  if (seen) {
    if (seen.bodyHash !== hash) throw new DomainError(IncidentErrorCode.IDEMPOTENCY_KEY_REUSED, M.IDEMPOTENCY_KEY_REUSED(), ['idempotencyKey']);
    return { filingId: seen.id, replayed: true };
  }
  const route = await routeIncident(tem, input.errorMessage, input.flow.type);
  const docs = [...new Set((input.documentNumbers ?? []).map((d) => d.trim()).filter(Boolean))];
  const base = {
    application: viewer.id,
    idempotencyKey: input.idempotencyKey,
    bodyHash: hash,
    flowId: input.flow.id,
    flowType: input.flow.type,
    flowDirection: input.flow.direction,
    exchangedAt: input.flow.exchangedAt,
    occurredAt: input.occurredAt,
    errorMessage: input.errorMessage,
    errorSignature: signature,
    documentNumbers: docs,
    routingRule: route.rule,
    routingReason: route.reason,
  };

  if (opts.groupingWindowMinutes > 0) {
    const first = await tem.findOne(
      IncidentFiling,
      {
        application: viewer.id,
        flowId: input.flow.id,
        errorSignature: signature,
        groupedWithFirst: false,
        createdAt: { $gte: new Date(now.getTime() - opts.groupingWindowMinutes * 60_000) },
        ticket: { status: { $in: [...OPEN_STATUSES] } },
      },
      { orderBy: { createdAt: 'asc' } },
    );
    if (first) {
      // the desk's own comment: its checks (may comment, not finished) and its row lock
      const { ticket } = await addComment(tem, viewer, first.ticket.id, occurrenceComment(input, docs), false);
      const filing = tem.create(IncidentFiling, { ...base, ticket, groupedWithFirst: true });
      await tem.flush();
      return { filingId: filing.id, replayed: false };
    }
  }

  const structure = await tem.findOneOrFail(Structure, input.structureId);
  const { ticket } = await openTicket(tem, viewer, opts.tickets, {
    structureId: structure.id,
    application: input.application ?? 'CHORUS_COEUR',
    domain: route.domain,
    nature: route.nature,
    title: `Flux ${input.flow.type} ${input.flow.id} en échec : ${input.errorMessage.split('\n')[0].slice(0, 200)}`.slice(0, 300),
    description: describe(input, route.reason),
    errorMessage: input.errorMessage,
    impact: input.impact ?? TicketImpact.STRUCTURE,
    priority: input.priority ?? 3,
    flowId: input.flow.id,
    documentNumbers: docs,
    clientRequestId: input.idempotencyKey,
  });
  const filing = tem.create(IncidentFiling, { ...base, ticket });
  await tem.flush();
  return { filingId: filing.id, replayed: false };
}

function describe(input: IncidentInput, reason: string): string {
  return [
    input.details?.trim() || 'Incident signalé automatiquement par l’application.',
    '',
    `Flux : ${input.flow.id} (type ${input.flow.type}, ${input.flow.direction === FlowDirection.TO_CHORUS ? 'vers Chorus' : 'depuis Chorus'}), échangé le ${input.flow.exchangedAt.toISOString()}.`,
    `Survenu le : ${input.occurredAt.toISOString()}.`,
    `Routage : ${reason}`,
  ].join('\n');
}

function occurrenceComment(input: IncidentInput, docs: string[]): string {
  return `Nouvelle occurrence du même rejet sur le flux ${input.flow.id} le ${input.occurredAt.toISOString()}${docs.length ? ` (pièces : ${docs.join(', ')})` : ''}.`;
}

/** Checks a routing pattern with PostgreSQL itself, which will evaluate it. */
export async function assertValidPattern(em: EntityManager, pattern: string): Promise<void> {
  try {
    await em.execute(`select '' ~* ? as ok`, [pattern]);
  } catch {
    throw new DomainError(IncidentErrorCode.INVALID_ROUTING_PATTERN, M.INVALID_ROUTING_PATTERN(), ['pattern']);
  }
}

export async function saveRoutingRule(
  em: EntityManager,
  viewer: Viewer,
  input: { id?: string | null; position: number; label: string; pattern: string; flowType?: string | null; nature: TicketNature; domain?: string | null; active?: boolean | null },
): Promise<IncidentRoutingRule> {
  if (!viewer.roles.has(Role.ADMINISTRATOR)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.routingRules']({ roles: roleList([Role.ADMINISTRATOR]) }));
  await assertValidPattern(em.fork(), input.pattern);
  const rule = input.id ? await em.findOne(IncidentRoutingRule, input.id) : em.create(IncidentRoutingRule, { position: input.position, label: input.label, pattern: input.pattern, nature: input.nature });
  if (!rule) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.routingRule'](), ['id']);
  const AUDITED = ['position', 'label', 'pattern', 'flowType', 'nature', 'domain', 'active'] as const;
  const before = input.id ? snapshot(rule, AUDITED) : null;
  Object.assign(rule, {
    position: input.position,
    label: input.label.trim(),
    pattern: input.pattern,
    flowType: input.flowType?.trim() || null,
    nature: input.nature,
    domain: input.domain?.trim() || 'OTHER',
    active: input.active ?? true,
  });
  recordAudit(em, viewer, { action: AuditAction.ROUTING_RULE_SAVED, target: rule, before, after: snapshot(rule, AUDITED) });
  await em.flush();
  return rule;
}

/** Filings of one `fileIncidents` call run this many at a time: a batch of 100 holds a few connections, not the pool. */
export const BATCH_FILING_CONCURRENCY = 4;

/**
 * Files each item with `file` (which applies every rule of a single filing), a few at a
 * time, and keeps each outcome in the items' order: a refusal is that item's, the others
 * are filed all the same (partial success).
 */
export async function fileEach<I, R>(items: readonly I[], file: (item: I, index: number) => Promise<R>): Promise<(R | DomainError)[]> {
  const out = new Array<R | DomainError>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = await file(items[i]!, i);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        out[i] = e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_FILING_CONCURRENCY, items.length) }, worker));
  return out;
}
