/**
 * Seeds the reads benchmark with set-based SQL (generate_series, no row-by-row inserts),
 * on top of the demo data (structures, reference data, SN1 agents): N tickets with 10
 * events and 2 comments each, satisfaction on resolved/closed ones, 20 000 people (one in
 * ten a CCA of their structure, one in twenty-five also a CCP), and N registrations with
 * 5 attendance rows each. Timestamps are whole milliseconds, so keyset cursors built from
 * JavaScript dates (millisecond precision) and PostgreSQL's microseconds agree.
 */
import type pg from 'pg';

export interface SeedSizes {
  tickets: number;
  people: number;
  registrations: number;
}

/** The bench's reader: sees every ticket (SN1) and every registration (analyst). */
// not under .example: production refuses the demo directory's accounts
export const READER_EMAIL = 'bench.reader@education.gouv.fr';

export async function seed(db: pg.Client, n: SeedSizes, log: (s: string) => void): Promise<void> {
  const t0 = Date.now();
  const q = (sql: string) => db.query(sql);
  await q(`set maintenance_work_mem = '256MB'`);
  await q(`create temporary table bench_clock as select date_trunc('second', now()) as t0`);

  // people: spread over the demo's local structures
  await q(`
    with st as (select id, row_number() over (order by code) - 1 i, count(*) over () n from structure where kind in ('RECTORAT', 'SHARED_SERVICE_CENTRE', 'ACADEMIE'))
    insert into person (id, first_name, last_name, email, structure_id, held_roles)
    select gen_random_uuid(), (array['Camille','Dominique','Claude','Alix','Sacha','Lou','Morgan','Charlie'])[1 + g % 8], 'Bench ' || lpad(g::text, 6, '0'),
           'bench' || g || '@bench.example', st.id, '{END_USER}'
      from generate_series(0, ${n.people - 1}) g join st on st.i = g % st.n`);
  await q(`
    insert into person (id, first_name, last_name, email, structure_id, held_roles)
    select gen_random_uuid(), 'Bench', 'Reader', '${READER_EMAIL}', s.id, '{SN1_AGENT,ANALYST}' from structure s where s.kind = 'SUPPORT_CENTRE' order by s.code limit 1`);
  await q(`
    insert into correspondent_assignment (id, person_id, structure_id, kind, since)
    select gen_random_uuid(), p.id, p.structure_id, k.kind, (select t0 from bench_clock) - make_interval(days => 30 + (hashtext(p.email) & 255))
      from person p cross join (values ('CCA', 10), ('CCP', 25)) k(kind, every)
     where p.email like 'bench%@bench.example' and substring(p.email from 'bench(\\d+)@')::int % k.every = 0`);

  // tickets: text indexes dropped during the load and rebuilt once
  await q(`drop index if exists ticket_search_index, ticket_reference_trgm_index, ticket_error_message_trgm_index`);
  await q(`
    with local as (
      select array_agg(p.id order by p.email) as people, array_agg(p.structure_id order by p.email) as structures, count(*)::int as n
        from person p join structure s on s.id = p.structure_id where s.kind in ('RECTORAT', 'SHARED_SERVICE_CENTRE', 'ACADEMIE') and p.email like 'bench%@bench.example'),
    sn1 as (select array_agg(id order by email) as ids from person where 'SN1_AGENT' = any(held_roles) and email <> '${READER_EMAIL}'),
    apps as (select array_agg(id order by code) as ids from ticket_application),
    doms as (select array_agg(id order by code) as ids from ticket_domain),
    clock as (select t0 from bench_clock)
    insert into ticket (id, created_at, updated_at, reference, application_id, domain_id, nature, title, description, error_message, impact, priority,
                        requester_id, structure_id, opened_by_id, status, level, assignee_id, version, event_count, comment_count, public_comment_count,
                        submitted_at, taken_at, satisfaction_score, satisfaction_comment)
    select gen_random_uuid(), clock.t0 - make_interval(mins => g), clock.t0 - make_interval(secs => g * 7),
           'FSD-B-' || lpad(g::text, 7, '0'), apps.ids[1 + g % array_length(apps.ids, 1)], doms.ids[1 + g % array_length(doms.ids, 1)],
           case when g % 5 = 0 then 'TECHNICAL' else 'FUNCTIONAL' end,
           'Ticket de charge ' || g || ' : EJ bloqué', 'Le poste de pièce n''a pas encore été reporté dans l''exercice en cours (' || g || ').',
           case when g % 3 = 0 then 'Poste de pièce ' || (1500000000 + g) || '/00003 n''a pas encore été reporté dans exercice en cours' end,
           'ONE_USER', 1 + g % 4,
           local.people[1 + (g * 7919) % local.n], local.structures[1 + (g * 7919) % local.n], local.people[1 + (g * 7919) % local.n],
           (array['SUBMITTED','IN_PROGRESS','WAITING_FOR_INFO','ESCALATED','RESOLVED','CLOSED'])[1 + g % 6],
           case when g % 5 = 0 then 'TECHNICAL' when g % 6 = 3 then 'SN2' else 'SN1' end,
           case when g % 6 in (1, 2, 4, 5) then sn1.ids[1 + g % array_length(sn1.ids, 1)] end, 11, 10, 2, 1,
           clock.t0 - make_interval(mins => g), case when g % 6 <> 0 then clock.t0 - make_interval(mins => g) end,
           case when g % 6 in (4, 5) and g % 4 <> 0 then 1 + g % 5 end, case when g % 6 in (4, 5) and g % 8 = 1 then 'Merci, réponse claire.' end
      from generate_series(1, ${n.tickets}) g, local, sn1, apps, doms, clock`);
  // a million history rows would each announce themselves on the events channel (and ask the mail outbox for a decision): not while seeding
  await q(`alter table ticket_event disable trigger ticket_event_notify; alter table ticket_comment disable trigger ticket_comment_notify`);
  await q(`alter table ticket_event disable trigger ticket_event_notification; alter table ticket_comment disable trigger ticket_comment_notification`);
  await q(`
    insert into ticket_event (id, ticket_id, seq, kind, transition, actor_id, from_status, to_status, from_level, to_level, created_at, updated_at)
    select gen_random_uuid(), t.id, k, case when k = 1 then 'OPENED' else 'TRANSITION' end,
           case when k = 1 then null else (array['SUBMIT','TAKE','REQUEST_INFO','PROVIDE_INFO','ESCALATE','TAKE','RETURN_TO_SN1','RESOLVE','CLOSE'])[k - 1] end,
           case when k % 2 = 1 then t.opened_by_id else coalesce(t.assignee_id, t.opened_by_id) end,
           case when k = 1 then null else 'SUBMITTED' end, 'IN_PROGRESS', 'SN1', 'SN1', t.created_at + make_interval(mins => k), t.created_at + make_interval(mins => k)
      from ticket t cross join generate_series(1, 10) k
     where t.reference like 'FSD-B-%'`);
  await q(`
    insert into ticket_comment (id, ticket_id, author_id, body, internal, created_at, updated_at)
    select gen_random_uuid(), t.id, case when k = 1 then t.opened_by_id else coalesce(t.assignee_id, t.opened_by_id) end,
           case when k = 1 then 'Pouvez-vous regarder ce poste ? (' || t.reference || ')' else 'Note interne : vérifier le report (' || t.reference || ')' end,
           k = 2, t.created_at + make_interval(secs => k * 90), t.created_at + make_interval(secs => k * 90)
      from ticket t cross join generate_series(1, 2) k
     where t.reference like 'FSD-B-%'`);
  await q(`alter table ticket_event enable trigger ticket_event_notify; alter table ticket_comment enable trigger ticket_comment_notify`);
  await q(`alter table ticket_event enable trigger ticket_event_notification; alter table ticket_comment enable trigger ticket_comment_notification`);
  await q(`create index "ticket_search_index" on "ticket" using gin (to_tsvector('chorus_fr'::regconfig, coalesce(ticket.reference, '') || ' ' || coalesce(ticket.title, '') || ' ' || coalesce(ticket.description, '') || ' ' || coalesce(ticket.error_message, '')))`);
  await q(`create index "ticket_reference_trgm_index" on "ticket" using gin ("reference" gin_trgm_ops)`);
  await q(`create index "ticket_error_message_trgm_index" on "ticket" using gin ("error_message" gin_trgm_ops)`);

  // training: 100 registrations a session, 5 parts a session, one attendance row per part
  const perSession = 100;
  const sessions = Math.max(1, Math.ceil(n.registrations / perSession));
  await q(`
    with dom as (select id, code from training_domain)
    insert into training_course (id, domain_id, title, mode, part_count, part_minutes)
    select gen_random_uuid(), dom.id, 'bench ' || dom.code, 'WEBINAR', 5, 120 from dom`);
  await q(`
    with c as (select id, row_number() over (order by title) - 1 i, count(*) over () n from training_course where title like 'bench %')
    insert into training_session (id, course_id, label, status, capacity, starts_at, ends_at)
    select gen_random_uuid(), c.id, 'bench session ' || g, 'HELD', ${perSession},
           timestamptz '2023-01-02 08:00Z' + (g * interval '17 hours'), timestamptz '2023-01-06 10:00Z' + (g * interval '17 hours')
      from generate_series(0, ${sessions - 1}) g join c on c.i = g % c.n`);
  await q(`
    insert into training_session_part (id, session_id, number, starts_at, ends_at)
    select gen_random_uuid(), s.id, p, s.starts_at + (p - 1) * interval '1 day', s.starts_at + (p - 1) * interval '1 day' + interval '2 hours'
      from training_session s cross join generate_series(1, 5) p where s.label like 'bench %'`);
  await q(`
    with s as (select id, row_number() over (order by starts_at) - 1 i from training_session where label like 'bench %'),
         p as (select p.id, p.structure_id, st.ministry_id, row_number() over (order by p.email) - 1 i
                 from person p join structure st on st.id = p.structure_id where p.email like 'bench%@bench.example')
    insert into training_registration (id, session_id, trainee_id, structure_id, ministry_id, status, requested_at, parts_connected, minutes_connected)
    select gen_random_uuid(), s.id, p.id, p.structure_id, p.ministry_id, 'CONFIRMED', timestamptz '2022-12-01' + make_interval(secs => g * 13), 0, 0
      from generate_series(0, ${n.registrations - 1}) g
      join s on s.i = g / ${perSession}
      join p on p.i = (g::bigint * 7919) % ${n.people} -- a constant modulus: an equality the planner can hash
  `);
  await q(`
    insert into training_attendance (id, registration_id, part_id, connected, minutes, source)
    select gen_random_uuid(), r.id, sp.id, c.connected, case when c.connected then 5 + (hashtext(r.id::text || sp.number) & 127) else 0 end, 'DATASET'
      from training_registration r
      join training_session s on s.id = r.session_id and s.label like 'bench %'
      join training_session_part sp on sp.session_id = s.id
      cross join lateral (select (hashtext(sp.id::text || r.id::text) & 3) <> 0 connected) c`);
  await q(`
    update training_registration r set parts_connected = a.parts, minutes_connected = a.minutes
      from (select registration_id, count(*) filter (where connected)::int parts, sum(minutes)::int minutes from training_attendance group by registration_id) a
     where a.registration_id = r.id`);
  await q('vacuum analyze');
  const { rows } = await db.query(`select (select count(*) from ticket)::int tickets, (select count(*) from ticket_event)::int events, (select count(*) from ticket_comment)::int comments,
    (select count(*) from person)::int people, (select count(*) from correspondent_assignment)::int assignments,
    (select count(*) from training_registration)::int registrations, (select count(*) from training_attendance)::int attendance`);
  const c = rows[0];
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${c.tickets} tickets, ${c.events} events, ${c.comments} comments, ${c.people} people, ${c.assignments} assignments, ${c.registrations} registrations, ${c.attendance} attendance rows`);
}
