import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { SupportLevel } from '../directory/directory.enums';
import { SortDirection, Ticket, TicketComment, TicketEvent, TicketNature, TicketOrderField, TicketStatus } from '../service-desk';
import { Macro } from './macro.entity';
import { SavedView } from './saved-view.entity';

export const MacroConnection = Connection(Macro);
export const SavedViewConnection = Connection(SavedView);

@ObjectType({ description: 'A saved view’s filter: the `TicketFilter` it passes to the ticket list, read back (only the criteria it sets are non-null).' })
export class SavedTicketFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search, as `TicketFilter.search`.' })
  search?: string | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: TicketStatus[] | null;

  @Field(() => [SupportLevel], { nullable: true, description: 'Any of these levels.' })
  level?: SupportLevel[] | null;

  @Field(() => TicketNature, { nullable: true, description: 'Only FUNCTIONAL or only TECHNICAL tickets.' })
  nature?: TicketNature | null;

  @Field(() => [String], { nullable: true, description: 'Any of these domain codes.' })
  domain?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these application codes.' })
  application?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets of this Structure (global id).' })
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

@ObjectType({ description: 'A saved view’s order: the `TicketOrder` it passes to the ticket list.' })
export class SavedTicketOrder {
  @Field(() => TicketOrderField, { description: 'Sort key.' })
  field!: TicketOrderField;

  @Field(() => SortDirection, { description: 'ASC or DESC, as in `TicketOrder` (ties broken in the same direction).' })
  direction!: SortDirection;
}

@ObjectType({ description: 'Result of creating or updating a canned answer.' })
export class MacroPayload extends MutationPayload {
  @Field(() => Macro, { nullable: true, description: 'The canned answer as saved; null on failure.' })
  macro!: Macro | null;
}

@ObjectType({ description: 'Result of deleting a canned answer.' })
export class DeleteMacroPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted Macro; null on failure.' })
  deletedMacroId?: string | null;
}

@ObjectType({ description: 'Result of applying a canned answer: everything it wrote, or nothing (userErrors).' })
export class ApplyMacroPayload extends MutationPayload {
  @Field(() => Ticket, { nullable: true, description: 'The ticket after the macro (new version when a status or priority changed); null on failure.' })
  ticket!: Ticket | null;

  @Field(() => TicketComment, { nullable: true, description: 'The comment posted with the rendered text (with WAITING_FOR_INFO: the question); null on failure.' })
  comment!: TicketComment | null;

  @Field(() => [TicketEvent], { nullable: true, description: 'The history events of its actions (the transition, the priority change), in order; empty when it only commented; null on failure.' })
  events!: TicketEvent[] | null;
}

@ObjectType({ description: 'Result of creating or updating a saved view.' })
export class SavedViewPayload extends MutationPayload {
  @Field(() => SavedView, { nullable: true, description: 'The view as saved; null on failure.' })
  savedView!: SavedView | null;
}

@ObjectType({ description: 'Result of deleting a saved view.' })
export class DeleteSavedViewPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted SavedView; null on failure.' })
  deletedSavedViewId?: string | null;
}
