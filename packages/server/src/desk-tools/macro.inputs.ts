import { IsInt, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText, TEXT } from '../core/validation';
import { PRIORITY, PriorityRange } from '../service-desk';
import { MacroStatus } from './desk-tools.enums';
import { MACRO_PLACEHOLDER_WORDS } from './macro.template';

/** A macro's text: well under a comment's bound, so that filled-in placeholders still fit. */
export const MACRO_BODY_MAX = 10_000;

@InputType({ description: 'What a canned answer says and does (every field; updating replaces them all).' })
export class MacroContentInput {
  @Field({ description: `Its name (1 to ${TEXT.name} characters).` })
  @SafeText(TEXT.name, { min: 1 })
  name!: string;

  @Field({ description: `The reply (1 to ${MACRO_BODY_MAX} characters, plain text). Placeholders: ${MACRO_PLACEHOLDER_WORDS} Any other \`{{…}}\` is refused (MACRO_UNKNOWN_PLACEHOLDER, MACRO_MALFORMED_PLACEHOLDER).` })
  @SafeText(MACRO_BODY_MAX, { min: 1 })
  body!: string;

  @Field({ defaultValue: false, description: 'Posted as an internal comment (support levels only). Not with `setStatus: WAITING_FOR_INFO`, whose question is public (MACRO_INTERNAL_QUESTION).' })
  internal!: boolean;

  @Field(() => MacroStatus, { nullable: true, description: 'The status to set when applied, through the transition table; omitted: none.' })
  setStatus?: MacroStatus | null;

  @Field(() => Int, { nullable: true, description: `The priority to set when applied (${PRIORITY.min} to ${PRIORITY.max}), through the rule of \`updateTicket\` (agents of the level holding the ticket); omitted: none.` })
  @IsOptional()
  @PriorityRange()
  setPriority?: number | null;
}

@InputType({ description: 'A new canned answer: shared with every support agent (administrators create those) or owned by a support team (its members and administrators).' })
export class CreateMacroInput extends MacroContentInput {
  @Field({ defaultValue: false, description: 'Shared with every support agent (administrators only); false: owned by a team.' })
  shared!: boolean;

  @Field(() => ID, { nullable: true, description: 'The owning SupportTeam when not shared; omitted: your own team. A support agent creates only for their own team.' })
  teamId?: string | null;
}

@InputType({ description: 'Replaces a canned answer’s content (its team stays). Its team’s members and administrators; administrators for a shared one.' })
export class UpdateMacroInput extends MacroContentInput {
  @Field(() => ID, { description: 'Global id of the Macro; one you may not see is NOT_FOUND.' })
  id!: string;
}

@InputType({ description: 'Deletes a canned answer (same rights as updating it).' })
export class DeleteMacroInput {
  @Field(() => ID, { description: 'Global id of the Macro; one you may not see is NOT_FOUND.' })
  id!: string;
}

@InputType({ description: 'A canned answer to apply to a ticket: its rendered text and its actions, all or nothing.' })
export class ApplyMacroInput {
  @Field(() => ID, { description: 'Global id of a Macro you may use (shared, or your team’s); NOT_FOUND otherwise.' })
  macroId!: string;

  @Field(() => ID, { description: 'Global id of a Ticket you may see; NOT_FOUND otherwise.' })
  ticketId!: string;

  @Field(() => Int, { nullable: true, description: 'The ticket’s version you read: required when the macro sets a status or a priority (MACRO_VERSION_REQUIRED), checked as the single mutations check it (a stale one is CONFLICT). A macro that only comments does not read it, as `addTicketComment` does not.' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@InputType({ description: 'Narrows the canned answers listed (always within those you may use or manage).' })
export class MacroFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this SupportTeam.' })
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only shared ones; false: only teams’ ones; omitted: both.' })
  shared?: boolean | null;

  @Field(() => String, { nullable: true, description: `Part of the name (case does not matter; at most ${TEXT.search} characters).` })
  @IsOptional()
  @SafeText(TEXT.search)
  search?: string | null;
}
