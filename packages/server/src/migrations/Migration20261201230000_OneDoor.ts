import { Migration } from '@mikro-orm/migrations';

/**
 * Events that no code path can forget, written by PostgreSQL itself on the events channel
 * (delivered on commit only, in order):
 * - every history event and comment of a ticket → TICKET_CHANGED, so `ticketEvents` and
 *   `ticketUpdated` learn of creation, transitions and background changes alike;
 * - every change of what a credential grants (a person's activity, roles or structure, a
 *   correspondent assignment, an API key, an application's status or structures) →
 *   CREDENTIALS_CHANGED, so every instance closes the live connections it affects.
 */
export class Migration20261201230000_OneDoor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function chorus_notify(type text, detail json) returns void language sql as $$
      select pg_notify('chorus_support_events', json_build_object('type', type, 'detail', detail)::text) $$;`);

    this.addSql(`create or replace function ticket_event_notify() returns trigger language plpgsql as $$
      begin perform chorus_notify('TICKET_CHANGED', json_build_object('ticketId', new.ticket_id, 'eventId', new.id, 'internal', false)); return null; end $$;`);
    this.addSql(`create trigger ticket_event_notify after insert on ticket_event for each row execute function ticket_event_notify();`);
    this.addSql(`create or replace function ticket_comment_notify() returns trigger language plpgsql as $$
      begin perform chorus_notify('TICKET_CHANGED', json_build_object('ticketId', new.ticket_id, 'eventId', null, 'internal', new.internal)); return null; end $$;`);
    this.addSql(`create trigger ticket_comment_notify after insert on ticket_comment for each row execute function ticket_comment_notify();`);

    this.addSql(`create or replace function credentials_notify() returns trigger language plpgsql as $$
      declare r record;
      begin
        if tg_op = 'DELETE' then r := old; else r := new; end if;
        if tg_table_name = 'person' then perform chorus_notify('CREDENTIALS_CHANGED', json_build_object('personId', r.id));
        elsif tg_table_name = 'correspondent_assignment' then perform chorus_notify('CREDENTIALS_CHANGED', json_build_object('personId', r.person_id));
        elsif tg_table_name = 'api_key' then perform chorus_notify('CREDENTIALS_CHANGED', json_build_object('applicationId', r.application_id));
        elsif tg_table_name = 'application_client' then perform chorus_notify('CREDENTIALS_CHANGED', json_build_object('applicationId', r.id));
        elsif tg_table_name = 'application_client_structure' then perform chorus_notify('CREDENTIALS_CHANGED', json_build_object('applicationId', r.application_client_id));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger person_credentials_notify after update of active, held_roles, structure_id, email on person for each row execute function credentials_notify();`);
    this.addSql(`create trigger correspondent_assignment_credentials_notify after insert or update or delete on correspondent_assignment for each row execute function credentials_notify();`);
    this.addSql(`create trigger api_key_credentials_notify after update of revoked_at, expires_at or delete on api_key for each row execute function credentials_notify();`);
    this.addSql(`create trigger application_client_credentials_notify after update of active on application_client for each row execute function credentials_notify();`);
    this.addSql(`create trigger application_client_structure_credentials_notify after insert or delete on application_client_structure for each row execute function credentials_notify();`);
  }

  override async down(): Promise<void> {
    for (const [t, trg] of [['ticket_event', 'ticket_event_notify'], ['ticket_comment', 'ticket_comment_notify'], ['person', 'person_credentials_notify'], ['correspondent_assignment', 'correspondent_assignment_credentials_notify'], ['api_key', 'api_key_credentials_notify'], ['application_client', 'application_client_credentials_notify'], ['application_client_structure', 'application_client_structure_credentials_notify']])
      this.addSql(`drop trigger if exists ${trg} on ${t};`);
    this.addSql(`drop function if exists ticket_event_notify(); drop function if exists ticket_comment_notify(); drop function if exists credentials_notify(); drop function if exists chorus_notify(text, json);`);
  }
}
