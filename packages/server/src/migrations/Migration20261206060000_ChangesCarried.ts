import { Migration } from '@mikro-orm/migrations';

/**
 * TICKET_CHANGED carries the change: the ticket's row, and for a history event its row and its
 * actor's, as `row_to_json` writes them. Every instance then delivers a change as it arrives,
 * where it used to read it back first: in a burst that read waited behind the instance's other
 * work, a third of a delivery's latency. A payload over NOTIFY's limit carries ids only, and
 * instances read the change as before.
 *
 * The triggers now fire at commit (deferred constraint triggers), so the rows are the
 * transaction's last word: a unit of work inserts its events before it updates the ticket.
 */
export class Migration20261206060000_ChangesCarried extends Migration {
  override async up(): Promise<void> {
    // the event and its actor in one read (an unmatched outer join's whole row is null)
    this.addSql(`create or replace function ticket_change_rows(p_ticket uuid, p_event uuid) returns json language sql stable as $$
      select json_build_object('ticket', (select row_to_json(t) from ticket t where t.id = p_ticket), 'event', row_to_json(e), 'actor', row_to_json(p))
        from (select 1) one left join ticket_event e on e.id = p_event left join person p on p.id = e.actor_id $$;`);
    // the detail with its rows when it fits in a notification (PostgreSQL refuses 8000 bytes or more), else without
    this.addSql(`create or replace function ticket_change_notify(p_ticket uuid, p_event uuid, p_internal boolean) returns void language plpgsql as $$
      declare
        detail json := json_build_object('ticketId', p_ticket, 'eventId', p_event, 'internal', p_internal, 'rows', ticket_change_rows(p_ticket, p_event));
      begin
        if octet_length(detail::text) > 7500 then
          detail := json_build_object('ticketId', p_ticket, 'eventId', p_event, 'internal', p_internal);
        end if;
        perform chorus_notify('TICKET_CHANGED', detail);
      end $$;`);
    this.addSql(`create or replace function ticket_event_notify() returns trigger language plpgsql as $$
      begin perform ticket_change_notify(new.ticket_id, new.id, false); return null; end $$;`);
    this.addSql(`create or replace function ticket_comment_notify() returns trigger language plpgsql as $$
      begin perform ticket_change_notify(new.ticket_id, null, new.internal); return null; end $$;`);
    this.addSql(`drop trigger if exists ticket_event_notify on ticket_event;`);
    this.addSql(`create constraint trigger ticket_event_notify after insert on ticket_event deferrable initially deferred for each row execute function ticket_event_notify();`);
    this.addSql(`drop trigger if exists ticket_comment_notify on ticket_comment;`);
    this.addSql(`create constraint trigger ticket_comment_notify after insert on ticket_comment deferrable initially deferred for each row execute function ticket_comment_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists ticket_event_notify on ticket_event;`);
    this.addSql(`drop trigger if exists ticket_comment_notify on ticket_comment;`);
    this.addSql(`create or replace function ticket_event_notify() returns trigger language plpgsql as $$
      begin perform chorus_notify('TICKET_CHANGED', json_build_object('ticketId', new.ticket_id, 'eventId', new.id, 'internal', false)); return null; end $$;`);
    this.addSql(`create or replace function ticket_comment_notify() returns trigger language plpgsql as $$
      begin perform chorus_notify('TICKET_CHANGED', json_build_object('ticketId', new.ticket_id, 'eventId', null, 'internal', new.internal)); return null; end $$;`);
    this.addSql(`create trigger ticket_event_notify after insert on ticket_event for each row execute function ticket_event_notify();`);
    this.addSql(`create trigger ticket_comment_notify after insert on ticket_comment for each row execute function ticket_comment_notify();`);
    this.addSql(`drop function if exists ticket_change_notify(uuid, uuid, boolean); drop function if exists ticket_change_rows(uuid, uuid);`);
  }
}
