import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import type { ColumnRow } from '../core/read';
import { SupportLevel } from '../directory/directory.enums';
import { TicketComment } from './ticket-comment.entity';
import { TicketEvent } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { TicketLinkDirection, TicketLinkKind, TicketStatus, TicketTransition, transitionTypeName } from './ticket.enums';
import { TRANSITIONS } from './ticket.transitions';

export const TicketConnection = Connection(Ticket);

@ObjectType({ description: 'The requesting side’s satisfaction with the resolution.' })
export class TicketSatisfaction {
  @Field(() => Int, { description: 'From 1 to 5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'What the requesting side wrote with its score; null when it wrote nothing.' })
  comment!: string | null;
}

@ObjectType({ description: 'Measures of one ticket, computed from its history. Durations in seconds.' })
export class TicketMeasures {
  @Field(() => Float, { nullable: true, description: 'From submission to the first action of the support (take, question, escalation, transfer or resolution); null until then.' })
  firstResponseSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'From submission to the last resolution; null unless resolved or closed.' })
  resolutionSeconds!: number | null;

  @Field(() => Float, { description: 'Time spent with SN1 (queued, in progress or waiting for information).' })
  secondsAtSn1!: number;

  @Field(() => Float, { description: 'Time spent with SN2.' })
  secondsAtSn2!: number;

  @Field(() => Float, { description: 'Time spent with the technical team.' })
  secondsAtTechnical!: number;

  @Field(() => Int, { description: 'Escalations to SN2.' })
  escalationCount!: number;

  @Field(() => Int, { description: 'Reopenings.' })
  reopenCount!: number;
}

/** One payload class per mutation, all of the same shape. */
function ticketPayload(name: string, what: string) {
  @ObjectType(name, { description: `Result of ${what}.` })
  class Payload extends MutationPayload {
    @Field(() => Ticket, { nullable: true, description: 'The ticket as saved (with its new version); null on failure.' })
    ticket!: Ticket | null;

    @Field(() => TicketEvent, { nullable: true, description: 'The history event recorded; null on failure or when nothing changed.' })
    event!: TicketEvent | null;
  }
  return Payload;
}

export const OpenTicketPayload = ticketPayload('OpenTicketPayload', 'opening a ticket');
export const AssignTicketPayload = ticketPayload('AssignTicketPayload', 'assigning a ticket');
export const RateTicketPayload = ticketPayload('RateTicketPayload', 'rating a resolution');

/** The payload type of each transition's mutation (SubmitTicketPayload, TakeTicketPayload…). */
export const TRANSITION_PAYLOADS = Object.fromEntries(
  Object.values(TicketTransition).filter((tr) => !TRANSITIONS[tr].dedicatedMutation).map((tr) => [tr, ticketPayload(transitionTypeName(tr, 'Payload'), `the ${tr} transition`)]),
) as Record<TicketTransition, ReturnType<typeof ticketPayload>>;

/** A ticket seen from another through a link (`Ticket.links`). */
@ObjectType({ description: 'A link between the ticket it is listed on and another ticket you may see (links to tickets you may not see are not listed).' })
export class TicketLinkView {
  @Field(() => TicketLinkKind, { description: 'What the link says.' })
  kind!: TicketLinkKind;

  @Field(() => TicketLinkDirection, { description: 'How it reads from the ticket it is listed on: OUTGOING = this ticket is the duplicate (or the consequence) of `ticket`; INCOMING = `ticket` is the duplicate (or the consequence) of this one; MUTUAL for RELATED.' })
  direction!: TicketLinkDirection;

  @Field(() => Ticket, { description: 'The other ticket.' })
  ticket!: Ticket;

  @Field(() => Date, { description: 'When the link was made.' })
  linkedAt!: Date;
}

@ObjectType({ description: 'Result of linking or unlinking two tickets.' })
export class TicketLinkPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket the link was made from (`ticketId`), its `links` as they are now; null on failure.' })
  ticket!: Ticket | null;

  @Field(() => Ticket, { nullable: true, description: 'The other ticket (`otherTicketId`); null on failure.' })
  otherTicket!: Ticket | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the call changed something; false when the link already was as asked (linking twice is one link, unlinking what is not linked changes nothing); null on failure.' })
  changed!: boolean | null;
}

@ObjectType({ description: 'Result of merging a duplicate into its original.' })
export class MergeTicketPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The duplicate, now CLOSED with `mergedInto` set (new version); null on failure.' })
  ticket!: Ticket | null;

  @Field(() => Ticket, { nullable: true, description: 'The original, with the duplicate’s comments and files; null on failure.' })
  into!: Ticket | null;

  @Field(() => TicketEvent, { nullable: true, description: 'The MERGED_INTO event of the duplicate; null on failure.' })
  event!: TicketEvent | null;

  @Field(() => TicketEvent, { nullable: true, description: 'The MERGED_FROM event of the original; null on failure.' })
  intoEvent!: TicketEvent | null;
}

@ObjectType({ description: 'Result of setting or clearing a ticket’s parent.' })
export class SetParentTicketPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The child ticket (new version when the parent changed); null on failure.' })
  ticket!: Ticket | null;
}

@ObjectType({ description: 'Result of updating a ticket.' })
export class UpdateTicketPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket as saved; null on failure.' })
  ticket!: Ticket | null;

  @Field(() => [TicketEvent], { nullable: true, description: 'One FIELD_CHANGED event per field that changed; null on failure.' })
  events!: TicketEvent[] | null;
}

@ObjectType({ description: 'Result of adding a comment.' })
export class AddTicketCommentPayload extends MutationPayload {
  @Field(() => TicketComment, { nullable: true, description: 'The comment; null on failure.' })
  comment!: TicketComment | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket after the comment (its comment count and `updatedAt` moved; its version did not); null on failure.' })
  ticket!: Ticket | null;
}

@ObjectType({ description: 'Measures of one group of tickets. Durations in seconds; medians ignore tickets without the measure.' })
export class TicketStatisticsRow {
  @Field({ description: 'Group key: level, domain or application code, structure code, or month (YYYY-MM).' })
  key!: string;

  @Field({ description: 'Readable name of the group.' })
  label!: string;

  @Field(() => Int, { description: 'Tickets submitted (drafts are not counted).' })
  ticketCount!: number;

  @Field(() => Int, { description: 'Tickets not yet resolved, closed or cancelled.' })
  openCount!: number;

  @Field(() => Int, { description: 'Tickets resolved or closed.' })
  resolvedCount!: number;

  @Field(() => Int, { description: 'Tickets escalated to SN2 at least once.' })
  escalatedCount!: number;

  @Field(() => Float, { description: 'escalatedCount / ticketCount.' })
  escalationRate!: number;

  @Field(() => Int, { description: 'Reopenings, in all.' })
  reopenCount!: number;

  @Field(() => Float, { nullable: true, description: 'Median time to first response.' })
  medianFirstResponseSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median time to resolution.' })
  medianResolutionSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median time at SN1 (tickets that went there).' })
  medianSecondsAtSn1!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median time at SN2 (tickets that went there).' })
  medianSecondsAtSn2!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median time with the technical team (tickets that went there).' })
  medianSecondsAtTechnical!: number | null;
}

@ObjectType({ description: 'A page of statistics rows, by key.' })
export class TicketStatisticsPage {
  @Field(() => [TicketStatisticsRow], { description: 'The groups, sorted by key.' })
  rows!: TicketStatisticsRow[];

  @Field({ description: 'More groups follow: pass `endKey` as `after`.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Key of the last group of the page.' })
  endKey!: string | null;
}

@ObjectType({ description: 'How many tickets are in one status at one level.' })
export class TicketBacklogRow {
  @Field(() => TicketStatus, { description: 'The life-cycle step these tickets are at; drafts (NEW) are never counted, closed and cancelled tickets are.' })
  status!: TicketStatus;

  @Field(() => SupportLevel, { description: 'Current level.' })
  level!: SupportLevel;

  @Field(() => Int, { description: 'Number of tickets.' })
  count!: number;
}

@ObjectType({ description: 'The backlog: tickets by status and level, and the escalation rate.' })
export class TicketBacklog {
  @Field(() => [TicketBacklogRow], { description: 'Counts by status and level.' })
  rows!: TicketBacklogRow[];

  @Field(() => Int, { description: 'Tickets counted.' })
  total!: number;

  @Field(() => Float, { description: 'Share of them escalated to SN2 at least once.' })
  escalationRate!: number;
}

/** What travels over LISTEN/NOTIFY for a ticket change (written by the database's triggers at commit). */
export interface TicketChangedMessage {
  ticketId: string;
  /** The event recorded, if any (comments record none). */
  eventId: string | null;
  /** True for an internal comment: viewers who cannot read those are not told. */
  internal: boolean;
  /** The comment written, if any (absent from notifications older than the CommentsLive migration). */
  commentId?: string | null;
  /** For a comment: written on its own, not as the reason of an event of the same instant (which tells it). */
  standalone?: boolean;
  /**
   * The change itself when it fits in a notification: the ticket's row at commit, and the event's
   * and its actor's (null without an event or an actor). Absent, the change is read.
   */
  rows?: { ticket: ColumnRow | null; event: ColumnRow | null; actor: ColumnRow | null; comment?: ColumnRow | null };
}

export const TICKET_CHANGED = 'TICKET_CHANGED';
