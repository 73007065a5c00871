import { Migration } from '@mikro-orm/migrations';

const KINDS = ['OPENED', 'TRANSITION', 'FIELD_CHANGED', 'ASSIGNED', 'RATED', 'SERVICE_LEVEL_AT_RISK', 'SERVICE_LEVEL_BREACHED', 'KNOWN_ERROR_UPDATED', 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED', 'MERGED_INTO', 'MERGED_FROM'];

/**
 * A comment's TICKET_CHANGED names the comment and carries its row, and says whether it was
 * written on its own or as the reason of a history event of the same instant (a transition's
 * question, answer or resolution; a known error's news), which that event already tells:
 * `ticketEvents` delivers the comments written on their own as COMMENT_ADDED events.
 */
export class Migration20261208040000_CommentsLive extends Migration {
  override async up(): Promise<void> {
    // the kind is the API's (never stored so far: the history is not a list of comments); the check follows the entity's enum
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in (${KINDS.map((k) => `'${k}'`).join(', ')}, 'COMMENT_ADDED'));`);
    this.addSql(`create or replace function ticket_comment_notify() returns trigger language plpgsql as $$
      declare
        standalone boolean := not exists (select 1 from ticket_event e where e.ticket_id = new.ticket_id and e.created_at = new.created_at);
        detail json := json_build_object('ticketId', new.ticket_id, 'eventId', null, 'commentId', new.id, 'standalone', standalone, 'internal', new.internal,
          'rows', json_build_object('ticket', (select row_to_json(t) from ticket t where t.id = new.ticket_id), 'event', null, 'actor', null, 'comment', row_to_json(new)));
      begin
        if octet_length(detail::text) > 7500 then
          detail := json_build_object('ticketId', new.ticket_id, 'eventId', null, 'commentId', new.id, 'standalone', standalone, 'internal', new.internal);
        end if;
        perform chorus_notify('TICKET_CHANGED', detail);
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ticket_event" drop constraint if exists "ticket_event_kind_check";`);
    this.addSql(`alter table "ticket_event" add constraint "ticket_event_kind_check" check("kind" in (${KINDS.map((k) => `'${k}'`).join(', ')}));`);
    this.addSql(`create or replace function ticket_comment_notify() returns trigger language plpgsql as $$
      begin perform ticket_change_notify(new.ticket_id, null, new.internal); return null; end $$;`);
  }
}
