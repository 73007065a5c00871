/**
 * The logical queries of the reads benchmark, each written three ways: our GraphQL API,
 * PostGraphile's (aliased to our field names where it can), and one SQL statement that
 * returns the whole `data` object as JSON (the floor). `canonical` turns any of the three
 * answers into the same plain value, so the bench can check they agree.
 */

export type Target = 'ours' | 'postgraphile' | 'floor';
export const TARGETS: Target[] = ['ours', 'postgraphile', 'floor'];

export interface Query {
  name: string;
  /** What it asks, in words (printed under the table). */
  label: string;
  ours: string;
  postgraphile: string;
  /** $1, $2: the keyset cursor's values (null for the first page). */
  floorSql: string;
  /** Path to the list in `data`. */
  list: string;
  /** Fixes PostGraphile's shape where aliases cannot (scalar vs object, nested ordering); gets the node with lists already unwrapped. */
  fromPostgraphile?: (node: any) => any;
}

const PAGE = 50;
const PERSON = 'firstName lastName email';
const EVENT = 'seq kind transition toStatus createdAt';

const hotOurs = (extra = '', history = EVENT) => `
  reference status level title priority updatedAt
  requester { ${PERSON} } structure { code name } assignee { ${PERSON} }
  history(last: 5) { ${history} }${extra}`;
const hotPostgraphile = (extra = '', history = EVENT) => `
  reference status level title priority updatedAt
  requester { ${PERSON} } structure { code name } assignee { ${PERSON} }
  history: ticketEvents(last: 5, orderBy: [SEQ_ASC]) { nodes { ${history} } }${extra}`;

const personJson = (a: string) => `case when ${a}.id is null then null else json_build_object('firstName', ${a}.first_name, 'lastName', ${a}.last_name, 'email', ${a}.email) end`;
const eventJson = (withActor: boolean) => `json_build_object('seq', e.seq, 'kind', e.kind, 'transition', e.transition, 'toStatus', e.to_status, 'createdAt', e.created_at${withActor ? `, 'actor', ${personJson('ea')}` : ''})`;
const hotFloor = (extra = '', withActor = false, extraJoins = '') => `
select json_build_object('tickets', json_build_object('nodes', coalesce(json_agg(x.node order by x.updated_at desc, x.id desc), '[]'))) as data
from (
  select t.id, t.updated_at, json_build_object(
    'reference', t.reference, 'status', t.status, 'level', t.level, 'title', t.title, 'priority', t.priority, 'updatedAt', t.updated_at,
    'requester', ${personJson('r')}, 'structure', json_build_object('code', s.code, 'name', s.name), 'assignee', ${personJson('a')},
    'history', coalesce((select json_agg(${eventJson(withActor)} order by e.seq) from ticket_event e ${withActor ? 'left join person ea on ea.id = e.actor_id' : ''}
                          where e.ticket_id = t.id and e.seq > t.event_count - 5), '[]')${extra}) as node
  from ticket t
  join structure s on s.id = t.structure_id
  left join person r on r.id = t.requester_id
  left join person a on a.id = t.assignee_id${extraJoins}
  -- no "$1 is null or …": a prepared statement's generic plan could not use the index with it
  where (t.updated_at, t.id) < (coalesce($1::timestamptz, 'infinity'), coalesce($2::uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
  order by t.updated_at desc, t.id desc
  limit ${PAGE}) x`;

const hot: Query = {
  name: 'hot list',
  label: `${PAGE} tickets + requester, structure, assignee, last 5 events`,
  ours: `query Hot($after: String) { tickets(first: ${PAGE}, after: $after) { nodes { ${hotOurs()} } } }`,
  postgraphile: `query Hot($after: Cursor) { tickets(first: ${PAGE}, after: $after, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { nodes { ${hotPostgraphile()} } } }`,
  floorSql: hotFloor(),
  list: 'tickets',
};

const satisfaction: Query = {
  name: '+ satisfaction',
  label: 'the hot list + satisfaction { score }',
  ours: `query HotSat($after: String) { tickets(first: ${PAGE}, after: $after) { nodes { ${hotOurs(' satisfaction { score }')} } } }`,
  postgraphile: `query HotSat($after: Cursor) { tickets(first: ${PAGE}, after: $after, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { nodes { ${hotPostgraphile(' satisfactionScore')} } } }`,
  floorSql: hotFloor(`, 'satisfaction', case when t.satisfaction_score is null then null else json_build_object('score', t.satisfaction_score) end`),
  list: 'tickets',
  fromPostgraphile: ({ satisfactionScore, ...n }) => ({ ...n, satisfaction: satisfactionScore == null ? null : { score: satisfactionScore } }),
};

const WIDE_EXTRA_OURS = `
  domain { code name } application { code name } openedBy { ${PERSON} } commentCount eventCount
  comments { body internal createdAt author { email } }`;
const WIDE_EXTRA_PGL = `
  domain { code name } application { code name } openedBy { ${PERSON} } commentCount eventCount
  comments: ticketComments(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { body internal createdAt author { email } } }`;
const wide: Query = {
  name: '+ other relations',
  label: 'the hot list + domain, application, openedBy, comment/event counts, event actors, comments with authors',
  ours: `query Wide($after: String) { tickets(first: ${PAGE}, after: $after) { nodes { ${hotOurs(WIDE_EXTRA_OURS, `${EVENT} actor { ${PERSON} }`)} } } }`,
  postgraphile: `query Wide($after: Cursor) { tickets(first: ${PAGE}, after: $after, orderBy: [UPDATED_AT_DESC, ROW_ID_DESC]) { nodes { ${hotPostgraphile(WIDE_EXTRA_PGL, `${EVENT} actor { ${PERSON} }`)} } } }`,
  floorSql: hotFloor(
    `, 'domain', json_build_object('code', d.code, 'name', d.name), 'application', json_build_object('code', ap.code, 'name', ap.name),
    'openedBy', ${personJson('o')}, 'commentCount', t.comment_count, 'eventCount', t.event_count,
    'comments', coalesce((select json_agg(json_build_object('body', c.body, 'internal', c.internal, 'createdAt', c.created_at, 'author', case when ca.id is null then null else json_build_object('email', ca.email) end) order by c.created_at, c.id)
                            from ticket_comment c left join person ca on ca.id = c.author_id where c.ticket_id = t.id), '[]')`,
    true,
    `
  join ticket_domain d on d.id = t.domain_id
  join ticket_application ap on ap.id = t.application_id
  left join person o on o.id = t.opened_by_id`,
  ),
  list: 'tickets',
};

const deep: Query = { ...hot, name: 'keyset page ≈ 2000', label: 'the hot list, one page after a cursor near page 2 000 (deep keyset page)' };

const people: Query = {
  name: 'people + assignments',
  label: `${PAGE} people by name + structure and their running correspondent assignments (with structure)`,
  ours: `query People($after: String) { people(first: ${PAGE}, after: $after) { nodes { ${PERSON} active structure { code name } correspondentAssignments { kind since structure { code } } } } }`,
  postgraphile: `query People($after: Cursor) { people(first: ${PAGE}, after: $after, orderBy: [LAST_NAME_ASC, FIRST_NAME_ASC, ROW_ID_ASC]) { nodes { ${PERSON} active structure { code name }
    correspondentAssignments(condition: { until: null }, orderBy: [SINCE_ASC, ROW_ID_ASC]) { nodes { kind since structure { code } } } } } }`,
  floorSql: `
select json_build_object('people', json_build_object('nodes', coalesce(json_agg(x.node order by x.last_name, x.first_name, x.id), '[]'))) as data
from (
  select p.id, p.last_name, p.first_name, json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'email', p.email, 'active', p.active,
    'structure', json_build_object('code', s.code, 'name', s.name),
    'correspondentAssignments', coalesce((select json_agg(json_build_object('kind', ca.kind, 'since', ca.since, 'structure', json_build_object('code', cs.code)) order by ca.since, ca.id)
       from correspondent_assignment ca join structure cs on cs.id = ca.structure_id
      where ca.person_id = p.id and ca.since <= now() and (ca.until is null or ca.until > now())), '[]')) as node
  from person p join structure s on s.id = p.structure_id
  where $1::text is null and $2::text is null
  order by p.last_name, p.first_name, p.id
  limit ${PAGE}) x`,
  list: 'people',
};

const registrations: Query = {
  name: 'registrations + attendance',
  label: `${PAGE} training registrations (oldest request first) + trainee, session and attendance per part`,
  ours: `query Regs($after: String) { trainingRegistrations(first: ${PAGE}, after: $after) { nodes { status requestedAt partsConnected minutesConnected
    trainee { ${PERSON} } session { label startsAt } attendance { partNumber connected minutes } } } }`,
  postgraphile: `query Regs($after: Cursor) { trainingRegistrations(first: ${PAGE}, after: $after, orderBy: [REQUESTED_AT_ASC, ROW_ID_ASC]) { nodes { status requestedAt partsConnected minutesConnected
    trainee { ${PERSON} } session { label startsAt } attendance: trainingAttendancesByRegistrationId { nodes { part { number } connected minutes } } } } }`,
  floorSql: `
select json_build_object('trainingRegistrations', json_build_object('nodes', coalesce(json_agg(x.node order by x.requested_at, x.id), '[]'))) as data
from (
  select r.id, r.requested_at, json_build_object('status', r.status, 'requestedAt', r.requested_at, 'partsConnected', r.parts_connected, 'minutesConnected', r.minutes_connected,
    'trainee', ${personJson('p')}, 'session', json_build_object('label', s.label, 'startsAt', s.starts_at),
    'attendance', coalesce((select json_agg(json_build_object('partNumber', sp.number, 'connected', at.connected, 'minutes', at.minutes) order by sp.number)
       from training_attendance at join training_session_part sp on sp.id = at.part_id where at.registration_id = r.id), '[]')) as node
  from training_registration r join person p on p.id = r.trainee_id join training_session s on s.id = r.session_id
  where $1::text is null and $2::text is null
  order by r.requested_at, r.id
  limit ${PAGE}) x`,
  list: 'trainingRegistrations',
  fromPostgraphile: ({ attendance, ...n }) => ({
    ...n,
    attendance: attendance.map(({ part, ...a }: any) => ({ partNumber: part.number, ...a })).sort((a: any, b: any) => a.partNumber - b.partNumber),
  }),
};

export const QUERIES: Query[] = [hot, satisfaction, wide, deep, people, registrations];
export const DEEP = deep;
export const HOT = hot;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** One plain value for any target's answer: lists unwrapped from `{ nodes }`, instants as ISO-8601 in UTC to the millisecond, keys sorted. */
export function canonical(q: Query, target: Target, data: any): unknown {
  let nodes: any[] = data?.[q.list]?.nodes;
  if (!Array.isArray(nodes)) throw new Error(`${target} ${q.name}: no ${q.list}.nodes in ${JSON.stringify(data).slice(0, 300)}`);
  const walk = (v: any): any => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === 'nodes' && Array.isArray(v.nodes)) return walk(v.nodes);
      return Object.fromEntries(keys.sort().map((k) => [k, walk(v[k])]));
    }
    if (typeof v === 'string' && ISO.test(v)) return new Date(v).toISOString();
    return v;
  };
  nodes = walk(nodes);
  if (target === 'postgraphile' && q.fromPostgraphile) nodes = nodes.map((n) => walk(q.fromPostgraphile!(n)));
  return nodes;
}
