/**
 * The hand-tuned path of the hot list: when a `tickets` selection asks only for what one
 * SQL statement can bring (ticket columns; requester, opener, assignee, structure,
 * application, domain; the last N events with their actors), the page is read by that
 * one statement and built into plain, read-only entity-shaped objects — no ORM hydration,
 * no per-relation batches. Any other selection takes the ORM path; both give the same
 * answer and the same cursors (the statement-count and benchmark tests compare them).
 */
import { Cursor, raw, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode, ValueNode } from 'graphql';
import type { Context } from '../core/context';
import { PAGE, type ConnectionArgs, type Page } from '../core/connection';
import { CoreErrorCode, DomainError } from '../core/errors';
import { isUuid } from '../core/ids';
import { Person } from '../directory/person.entity';
import { Structure } from '../directory/structure.entity';
import { TicketApplication, TicketDomain } from './reference-data.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { historyLoader } from './ticket.loaders';

/** The benchmark compares both paths in one run; TICKET_FAST_LIST=off disables this one. */
export const fastList = { enabled: process.env.TICKET_FAST_LIST !== 'off' };

const PERSON = ['id', 'firstName', 'lastName', 'fullName', 'email', 'active', '__typename'];
const FAST: Record<string, { fields: Set<string>; relations?: Record<string, string> }> = {
  Ticket: {
    fields: new Set(['id', 'reference', 'title', 'description', 'errorMessage', 'status', 'level', 'nature', 'priority', 'impact', 'version', 'createdAt', 'updatedAt', 'submittedAt', 'takenAt', 'resolvedAt', 'closedAt', 'flowId', 'documentNumbers', 'escalationCount', 'reopenCount', 'transferCount', 'eventCount', 'commentCount', 'openedByApplicationName', '__typename']),
    relations: { requester: 'Person', assignee: 'Person', openedBy: 'Person', structure: 'Structure', application: 'Reference', domain: 'Reference', history: 'TicketEvent' },
  },
  Person: { fields: new Set(PERSON) },
  Structure: { fields: new Set(['id', 'code', 'name', 'kind', '__typename']) },
  Reference: { fields: new Set(['id', 'code', 'name', 'position', 'active', '__typename']) },
  TicketEvent: {
    fields: new Set(['id', 'seq', 'kind', 'transition', 'fromStatus', 'toStatus', 'fromLevel', 'toLevel', 'field', 'oldValue', 'newValue', 'reason', 'createdAt', 'updatedAt', 'actorApplicationName', '__typename']),
    relations: { actor: 'Person' },
  },
};

/** Whether the one statement serves this selection; returns the `last` of `history`, if asked. */
function servable(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, type: string, found: { last?: number; ok: boolean }): void {
  for (const s of set?.selections ?? []) {
    if (!found.ok) return;
    if (s.kind === 'InlineFragment') servable(info, s.selectionSet, type, found);
    else if (s.kind === 'FragmentSpread') servable(info, info.fragments[s.name.value]?.selectionSet, type, found);
    else {
      const spec = FAST[type];
      const name = s.name.value;
      if (spec.fields.has(name)) continue;
      const target = spec.relations?.[name];
      if (!target) return void (found.ok = false);
      if (name === 'history') {
        const last = argValue(info, s, 'last');
        if (typeof last !== 'number' || last < 1 || last > 200 || (found.last !== undefined && found.last !== last)) return void (found.ok = false);
        found.last = last;
      } else if (s.arguments?.length) return void (found.ok = false);
      servable(info, s.selectionSet, target, found);
    }
  }
}

function argValue(info: GraphQLResolveInfo, field: FieldNode, name: string): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const v: ValueNode = arg.value;
  if (v.kind === 'Variable') return info.variableValues[v.name.value];
  if (v.kind === 'IntValue') return Number(v.value);
  return undefined;
}

/** The page selection if the fast path can serve it (forward pages, no totalCount). */
export function fastListPlan(info: GraphQLResolveInfo, args: ConnectionArgs, nodeSelection: SelectionSetNode): { last: number } | null {
  if (args.last != null || args.before != null) return null;
  const top = info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []);
  if (top.some((s) => s.kind === 'Field' && s.name.value === 'totalCount')) return null;
  const found: { last?: number; ok: boolean } = { ok: true };
  servable(info, nodeSelection, 'Ticket', found);
  return found.ok ? { last: found.last ?? 0 } : null;
}

const personJson = (a: string) =>
  `case when ${a}.id is null then null else json_build_object('id', ${a}.id, 'firstName', ${a}.first_name, 'lastName', ${a}.last_name, 'email', ${a}.email, 'active', ${a}.active) end`;

/**
 * The relations of each ticket of the page, as correlated subqueries over the page only
 * (scalar subqueries keep planning cheap: a join of eight tables cost more to plan than to run).
 */
const RELATIONS = (last: number) => `
  (select ${personJson('p')} from person p where p.id = t.requester_id) as fast_requester,
  (select ${personJson('p')} from person p where p.id = t.assignee_id) as fast_assignee,
  (select ${personJson('p')} from person p where p.id = t.opened_by_id) as fast_opened_by,
  (select json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'kind', s.kind) from structure s where s.id = t.structure_id) as fast_structure,
  (select json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'position', a.position, 'active', a.active) from ticket_application a where a.id = t.application_id) as fast_application,
  (select json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'position', d.position, 'active', d.active) from ticket_domain d where d.id = t.domain_id) as fast_domain,
  (select c.name from application_client c where c.id = t.opened_by_application_id) as fast_opened_by_application_name,
  ${
    last
      ? `coalesce((select json_agg(json_build_object('id', e.id, 'seq', e.seq, 'kind', e.kind, 'transition', e.transition, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'fromLevel', e.from_level, 'toLevel', e.to_level, 'field', e.field, 'oldValue', e.old_value, 'newValue', e.new_value, 'reason', e.reason, 'createdAt', e.created_at, 'updatedAt', e.updated_at, 'actor', ${personJson('ea')}, 'actorApplicationName', eap.name) order by e.seq)
           from ticket_event e left join person ea on ea.id = e.actor_id left join application_client eap on eap.id = e.actor_application_id
          where e.ticket_id = t.id and e.seq > t.event_count - ${Number(last)}), '[]')`
      : `'[]'::json`
  } as fast_history`;

interface Row {
  [k: string]: unknown;
}

/**
 * A read-only object of an entity's class (so getters such as `fullName` and the GraphQL
 * type resolution work) whose values are own properties: the entity prototypes carry
 * MikroORM accessors that would otherwise run on every assignment.
 */
function detached<T extends object>(cls: { prototype: T }, values: Record<string, unknown>): T {
  const o = Object.create(cls.prototype) as T;
  for (const [k, v] of Object.entries(values)) Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  return o;
}

/** A Ref-like holder for an object already loaded. */
const loaded = <T extends { id: string }>(o: T | null) => (o ? ({ id: o.id, load: () => o, getEntity: () => o, unwrap: () => o, isInitialized: () => true } as never) : null);

function person(j: Row | null): Person | null {
  if (!j) return null;
  return detached(Person, { id: j.id, firstName: j.firstName, lastName: j.lastName, email: j.email, active: j.active });
}

/**
 * Reads one page in one statement: the same filter (visibility included) as the ORM path,
 * keyset on a row comparison that the (updated_at, id) / (created_at, id) indexes serve.
 */
export async function fastTicketPage(
  ctx: Context,
  where: FilterQuery<Ticket>,
  orderBy: QueryOrderMap<Ticket>,
  args: ConnectionArgs,
  last: number,
): Promise<Page<Ticket>> {
  const em: EntityManager = ctx.em;
  const first = args.first ?? PAGE.default;
  if (first < 0 || first > PAGE.max) throw new DomainError(CoreErrorCode.VALIDATION_FAILED, `first must be between 0 and ${PAGE.max}.`, ['first']);
  const keys = Object.keys(orderBy);
  const meta = em.getMetadata().get('Ticket');
  const cols = keys.map((k) => `t.${meta.properties[k as never].fieldNames[0]}`);
  const dir = Object.values(orderBy)[0] === 'asc' ? 'asc' : 'desc';
  const qb = em.createQueryBuilder(Ticket, 't').where(where as never);
  if (args.after) {
    let values: unknown[] | null = null;
    try {
      values = args.after.length <= 1000 ? Cursor.decode(args.after) : null;
    } catch {
      values = null;
    }
    if (!Array.isArray(values) || values.length !== keys.length || !isUuid(String(values.at(-1))))
      throw new DomainError(CoreErrorCode.VALIDATION_FAILED, 'after is not a valid cursor for this list.', ['after']);
    const op = dir === 'desc' ? '<' : '>';
    qb.andWhere({ [raw(`(${cols.join(', ')}) ${op} (${cols.map(() => '?').join(', ')})`, values)]: [] } as never);
  }
  qb.select('t.*').orderBy(orderBy).limit(first + 1);
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  const rows = (await em.getConnection().execute(`select t.*, ${RELATIONS(last)} from (${sql}) as t order by ${cols.map((c) => `${c} ${dir}`).join(', ')}`, [...bindings])) as Row[];
  const page = rows.slice(0, first).map((r) => build(ctx, r, last));
  const cursor = (t: Ticket) => Cursor.for(meta, t, orderBy as never);
  return {
    nodes: page,
    edges: page.map((node) => ({ cursor: cursor(node), node })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!args.after,
      startCursor: page.length ? cursor(page[0]) : null,
      endCursor: page.length ? cursor(page[page.length - 1]) : null,
    },
    totalCount: null,
  };
}

/** The driver hands timestamps over as text (MikroORM converts them during hydration, which this path skips). */
const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v as string));

function build(ctx: Context, r: Row, last: number): Ticket {
  const structure = detached(Structure, r.fast_structure as Row);
  const application = detached(TicketApplication, r.fast_application as Row);
  const domain = detached(TicketDomain, r.fast_domain as Row);
  const t = detached(Ticket, {
    id: r.id,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    reference: r.reference,
    nature: r.nature,
    title: r.title,
    description: r.description,
    errorMessage: r.error_message,
    impact: r.impact,
    priority: r.priority,
    status: r.status,
    level: r.level,
    version: r.version,
    eventCount: r.event_count,
    commentCount: r.comment_count,
    publicCommentCount: r.public_comment_count,
    escalationCount: r.escalation_count,
    reopenCount: r.reopen_count,
    transferCount: r.transfer_count,
    submittedAt: date(r.submitted_at),
    takenAt: date(r.taken_at),
    resolvedAt: date(r.resolved_at),
    closedAt: date(r.closed_at),
    flowId: r.flow_id,
    documentNumbers: r.document_numbers ?? [],
    relatedTicketIds: r.related_ticket_ids ?? [],
    satisfactionScore: r.satisfaction_score,
    satisfactionComment: r.satisfaction_comment,
    clientRequestId: r.client_request_id,
    requester: loaded(person(r.fast_requester as Row | null)),
    assignee: loaded(person(r.fast_assignee as Row | null)),
    openedBy: loaded(person(r.fast_opened_by as Row | null)),
    escalatedBy: r.escalated_by_id ? { id: r.escalated_by_id } : null,
    structure: loaded(structure),
    application: loaded(application),
    domain: loaded(domain),
    openedByApplication: r.opened_by_application_id ? loaded({ id: r.opened_by_application_id as string, name: r.fast_opened_by_application_name }) : null,
  });
  if (last) {
    const events = (r.fast_history as Row[]).map((e) =>
      detached(TicketEvent, {
        ...e,
        createdAt: date(e.createdAt),
        updatedAt: date(e.updatedAt),
        ticket: loaded(t),
        actor: loaded(person(e.actor as Row | null)),
        actorApplication: e.actorApplicationName ? loaded({ id: '', name: e.actorApplicationName }) : null,
      }),
    );
    // the history field resolver finds them in its request-scoped loader: no query
    historyLoader(ctx, last).prime(t, events);
  }
  return t;
}
