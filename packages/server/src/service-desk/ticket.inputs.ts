import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GlobalId, SafeText, TEXT } from '../core/validation';
import { SupportLevel } from '../directory/directory.enums';
import { SortDirection, TicketImpact, TicketLinkKind, TicketNature, TicketOrderField, TicketStatus, TicketTransition, transitionTypeName } from './ticket.enums';
import { TRANSITIONS } from './ticket.transitions';

export const TICKET_TEXT = { description: TEXT.long, errorMessage: 5_000, reason: TEXT.long, comment: TEXT.long } as const;
export const PRIORITY = { min: 1, max: 4 } as const;

/** The one bound of a ticket's priority, shared by every input that sets one (openTicket, updateTicket, fileIncident). */
export function PriorityRange(): PropertyDecorator {
  return (target, key) => {
    IsInt()(target, key);
    Min(PRIORITY.min)(target, key);
    Max(PRIORITY.max)(target, key);
  };
}

@InputType({ description: 'A new ticket. CCAs open for their own structure; applications for one of their structures.' })
export class OpenTicketInput {
  @Field(() => ID, { nullable: true, description: 'The structure the difficulty belongs to. Defaults to the CCA’s structure (or the application’s only structure).' })
  @GlobalId('Structure')
  structureId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The requesting user, a person of that structure. Defaults to the CCA; none for an application.' })
  @GlobalId('Person')
  requesterId?: string | null;

  @Field({ description: 'Application code, from `ticketApplications` (e.g. `CHORUS_COEUR`).' })
  @SafeText(40, { min: 1 })
  application!: string;

  @Field({ description: 'Domain code, from `ticketDomains` (e.g. `EJ`).' })
  @SafeText(40, { min: 1 })
  domain!: string;

  @Field(() => TicketNature, { defaultValue: TicketNature.FUNCTIONAL, description: 'Functional (goes to SN1) or technical (goes to CES-CHOREGIE).' })
  nature!: TicketNature;

  @Field({ description: `Short title (1 to ${TEXT.title} characters).` })
  @SafeText(TEXT.title, { min: 1 })
  title!: string;

  @Field({ description: `What happened and what was tried (1 to ${TICKET_TEXT.description} characters).` })
  @SafeText(TICKET_TEXT.description, { min: 1 })
  description!: string;

  @Field(() => String, { nullable: true, description: `The raw error message, as Chorus gave it (at most ${TICKET_TEXT.errorMessage} characters).` })
  @IsOptional()
  @SafeText(TICKET_TEXT.errorMessage)
  errorMessage?: string | null;

  @Field(() => TicketImpact, { defaultValue: TicketImpact.ONE_USER, description: 'How many people it stops.' })
  impact!: TicketImpact;

  @Field(() => Int, { defaultValue: 3, description: `Priority from ${PRIORITY.min} (most urgent) to ${PRIORITY.max}.` })
  @PriorityRange()
  priority!: number;

  @Field(() => String, { nullable: true, description: 'Id of the exchange flow (SEM) concerned.' })
  @IsOptional()
  @SafeText(100)
  flowId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Document numbers concerned (EJ, pièces…), at most 50.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @SafeText(60, { each: true })
  documentNumbers?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Related tickets you can see, at most 20.' })
  @GlobalId('Ticket', { each: true })
  @IsOptional()
  @ArrayMaxSize(20)
  relatedTicketIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Applications: a key unique to this request. Retrying with the same key returns the ticket already opened instead of a second one.' })
  @IsOptional()
  @SafeText(100, { min: 1 })
  clientRequestId?: string | null;

  @Field({ defaultValue: false, description: 'Keep it as a NEW draft instead of submitting it to the support at once.' })
  draft!: boolean;
}

@InputType({ description: 'Changes to a ticket’s description fields; omitted fields stay as they are. Each change is a history event.' })
export class UpdateTicketInput {
  @Field(() => ID, { description: 'Global id of the Ticket to change; one the caller may not see is NOT_FOUND.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one gets a CONFLICT user error.' })
  @IsInt()
  version!: number;

  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @SafeText(TEXT.title, { min: 1 })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @SafeText(TICKET_TEXT.description, { min: 1 })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New raw error message.' })
  @IsOptional()
  @SafeText(TICKET_TEXT.errorMessage)
  errorMessage?: string | null;

  @Field(() => Int, { nullable: true, description: `New priority (${PRIORITY.min} to ${PRIORITY.max}).` })
  @IsOptional()
  @PriorityRange()
  priority?: number | null;

  @Field(() => TicketImpact, { nullable: true, description: 'New impact.' })
  impact?: TicketImpact | null;

  @Field(() => String, { nullable: true, description: 'New domain code.' })
  @IsOptional()
  @SafeText(40, { min: 1 })
  domain?: string | null;

  @Field(() => String, { nullable: true, description: 'New application code.' })
  @IsOptional()
  @SafeText(40, { min: 1 })
  application?: string | null;

  @Field(() => String, { nullable: true, description: 'New exchange-flow id.' })
  @IsOptional()
  @SafeText(100)
  flowId?: string | null;

  @Field(() => [String], { nullable: true, description: 'New list of document numbers.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @SafeText(60, { each: true })
  documentNumbers?: string[] | null;
}

@InputType({ description: 'Assigns a ticket to an agent of its current level, or unassigns it.' })
export class AssignTicketInput {
  @Field(() => ID, { description: 'Global id of the Ticket to assign; the caller must be an agent of its current level.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a stale one gets a CONFLICT user error.' })
  @IsInt()
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The agent (a Person of the current level); null to unassign.' })
  assigneeId?: string | null;
}

@InputType({ description: 'A comment to post on a ticket: its text and who may read it.' })
export class AddTicketCommentInput {
  @Field(() => ID, { description: 'Global id of a Ticket the caller may see; a CLOSED ticket takes no comment until reopened, a CANCELLED one none at all.' })
  ticketId!: string;

  @Field({ description: `The text (1 to ${TICKET_TEXT.comment} characters).` })
  @SafeText(TICKET_TEXT.comment, { min: 1 })
  body!: string;

  @Field({ defaultValue: false, description: 'Internal (support levels only) rather than public.' })
  internal!: boolean;
}

@InputType({ description: 'The opener’s satisfaction with a resolution.' })
export class RateTicketInput {
  @Field(() => ID, { description: 'Global id of a RESOLVED or CLOSED Ticket of the requesting side (its CCA or application).' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a stale one gets a CONFLICT user error.' })
  @IsInt()
  version!: number;

  @Field(() => Int, { description: 'From 1 (very unsatisfied) to 5 (very satisfied).' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @Field(() => String, { nullable: true, description: 'Optional words with the score (at most 2000 characters), read by the support levels.' })
  @IsOptional()
  @SafeText(2000)
  comment?: string | null;
}

export interface TransitionInputShape {
  id: string;
  version: number;
  reason?: string | null;
}

/** What the text of each transition is; whether it is required, and public, is the transition table's to say. */
const REASON_IS: Record<TicketTransition, string> = {
  SUBMIT: 'a note, kept in the history event',
  TAKE: 'a note, kept in the history event',
  REQUEST_INFO: 'the question to the CCA',
  PROVIDE_INFO: 'the answer',
  ESCALATE: 'why SN1 cannot solve it',
  RETURN_TO_SN1: 'SN2’s answer',
  TRANSFER_TO_TECHNICAL: 'why it is technical',
  TRANSFER_TO_FUNCTIONAL: 'why it is functional',
  RESOLVE: 'the resolution',
  CLOSE: 'a note, kept in the history event',
  REOPEN: 'why the resolution does not hold',
  CANCEL: 'why it is withdrawn',
  MERGE: 'why it is a duplicate, kept in both history events',
};

function reasonDescription(transition: TicketTransition): string {
  const rule = TRANSITIONS[transition];
  return `${rule.needsReason ? 'Required' : 'Optional'}: ${REASON_IS[transition]}${rule.publicReason ? ' (also posted as a public comment)' : ''}.`;
}

/** Each transition mutation has its own input type (same shape), so each can evolve alone. */
function transitionInput(transition: TicketTransition) {
  @InputType(transitionTypeName(transition, 'Input'), { description: `Input of the ${transition} transition.` })
  class TransitionInput implements TransitionInputShape {
    @Field(() => ID, { description: 'Global id of the Ticket to move; one the caller may not see is NOT_FOUND.' })
    id!: string;

    @Field(() => Int, { description: 'The version you read; a stale one gets a CONFLICT user error.' })
    @IsInt()
    version!: number;

    @Field(() => String, { nullable: true, description: reasonDescription(transition) })
    @IsOptional()
    @SafeText(TICKET_TEXT.reason)
    reason?: string | null;
  }
  return TransitionInput;
}

/** The transitions fired by the generic transition mutations (the others have a mutation of their own: MERGE is mergeTicket). */
export const GENERIC_TRANSITIONS: readonly TicketTransition[] = Object.values(TicketTransition).filter((tr) => !TRANSITIONS[tr].dedicatedMutation);

/** The input type of each transition's mutation (SubmitTicketInput, TakeTicketInput…). */
export const TRANSITION_INPUTS = Object.fromEntries(GENERIC_TRANSITIONS.map((tr) => [tr, transitionInput(tr)])) as Record<TicketTransition, ReturnType<typeof transitionInput>>;

/* ---------- links, merge, parent ---------- */

@InputType({ description: 'Links two tickets you see (support levels). Linking twice is one link; a RELATED link is the same whichever ticket it is made from.' })
export class LinkTicketsInput {
  @Field(() => ID, { description: 'Global id of the Ticket the link is made from: the duplicate (DUPLICATE_OF), the consequence (CAUSED_BY), either (RELATED). NOT_FOUND when you may not see it.' })
  ticketId!: string;

  @Field(() => ID, { description: 'Global id of the other Ticket: the original (DUPLICATE_OF), the cause (CAUSED_BY). NOT_FOUND when it does not exist or you may not see it (the same answer).' })
  otherTicketId!: string;

  @Field(() => TicketLinkKind, { description: 'What the link says, read from `ticketId` to `otherTicketId`.' })
  kind!: TicketLinkKind;
}

@InputType({ description: 'Removes a link between two tickets you see (support levels). The same ids and kind as when it was made (a RELATED link in either order).' })
export class UnlinkTicketsInput {
  @Field(() => ID, { description: 'Global id of the Ticket the link was made from. NOT_FOUND when you may not see it.' })
  ticketId!: string;

  @Field(() => ID, { description: 'Global id of the other Ticket. NOT_FOUND when it does not exist or you may not see it.' })
  otherTicketId!: string;

  @Field(() => TicketLinkKind, { description: 'The kind of the link to remove; when there is none of that kind, nothing changes (`changed` is false).' })
  kind!: TicketLinkKind;
}

@InputType({ description: 'Merges a duplicate into its original (support levels): see the mutation’s description for what moves.' })
export class MergeTicketInput {
  @Field(() => ID, { description: 'Global id of the duplicate, the Ticket closed by the merge. NOT_FOUND when you may not see it.' })
  id!: string;

  @Field(() => Int, { description: 'The duplicate’s version you read; a stale one gets a CONFLICT user error.' })
  @IsInt()
  version!: number;

  @Field(() => ID, { description: 'Global id of the original, a Ticket of the same structure that stays open and receives the duplicate’s comments and files. NOT_FOUND when it does not exist or you may not see it.' })
  intoId!: string;

  @Field(() => String, { nullable: true, description: `${reasonDescription(TicketTransition.MERGE)} At most ${TICKET_TEXT.reason} characters.` })
  @IsOptional()
  @SafeText(TICKET_TEXT.reason)
  reason?: string | null;
}

@InputType({ description: 'Sets or clears a ticket’s parent (support levels): one incident hitting many structures gathers its tickets under one parent.' })
export class SetParentTicketInput {
  @Field(() => ID, { description: 'Global id of the child Ticket. NOT_FOUND when you may not see it.' })
  id!: string;

  @Field(() => Int, { description: 'The child’s version you read; a stale one gets a CONFLICT user error.' })
  @IsInt()
  version!: number;

  @Field(() => ID, { nullable: true, description: 'Global id of the parent Ticket (one you see: NOT_FOUND otherwise, as for a ticket that does not exist); null to clear the parent. Never the ticket itself nor one of its descendants (TICKET_PARENT_CYCLE).' })
  parentId?: string | null;
}

@InputType({ description: 'Narrows a ticket list. All given criteria must hold.' })
export class TicketFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search (French, accents ignored) over reference, title, description, error message and comments (public comments for the requesting side, internal ones too for support agents); references and codes also match by substring.' })
  @IsOptional()
  @SafeText(TEXT.search)
  search?: string | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: TicketStatus[] | null;

  @Field(() => [SupportLevel], { nullable: true, description: 'Any of these levels.' })
  level?: SupportLevel[] | null;

  @Field(() => TicketNature, { nullable: true, description: 'Only FUNCTIONAL or only TECHNICAL tickets; omitted: both.' })
  nature?: TicketNature | null;

  @Field(() => [String], { nullable: true, description: 'Any of these domain codes.' })
  domain?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these application codes.' })
  application?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets of this Structure (global id), within what the caller may see.' })
  structureId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets assigned to this agent (a Person’s global id).' })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only tickets assigned to nobody.' })
  unassigned?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets requested for this user (a Person’s global id).' })
  requesterId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Opened at or after.' })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Opened before.' })
  openedTo?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last changed at or after.' })
  updatedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last changed before.' })
  updatedTo?: Date | null;
}

@InputType({ description: 'Sort order of a ticket list.' })
export class TicketOrder {
  @Field(() => TicketOrderField, { defaultValue: TicketOrderField.UPDATED_AT, description: 'Sort key.' })
  field!: TicketOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'DESC (default): latest dates, or largest priority numbers (least urgent), first; ASC: the opposite. Ties are broken in the same direction.' })
  direction!: SortDirection;
}

@InputType({ description: 'Narrows ticket statistics. Tickets still in draft (NEW) are never counted.' })
export class TicketStatisticsFilter {
  @Field(() => Date, { nullable: true, description: 'Opened at or after.' })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Opened before.' })
  openedTo?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Structures of this ministry.' })
  ministryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets of this Structure (global id); combines with `ministryId`.' })
  structureId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these domain codes.' })
  domain?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these application codes.' })
  application?: string[] | null;

  @Field(() => [SupportLevel], { nullable: true, description: 'Any of these current levels.' })
  level?: SupportLevel[] | null;
}

@InputType({ description: 'Which ticket events to receive live. Only events of tickets you may see arrive.' })
export class TicketEventsFilter {
  @Field(() => [SupportLevel], { nullable: true, description: 'Tickets at any of these levels after the event (a level’s queue).' })
  level?: SupportLevel[] | null;

  @Field(() => ID, { nullable: true, description: 'Only events of tickets of this Structure (global id), within what the caller may see.' })
  structureId?: string | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Tickets in any of these statuses after the event.' })
  status?: TicketStatus[] | null;
}
