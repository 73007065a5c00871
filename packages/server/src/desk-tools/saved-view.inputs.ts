import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText, TEXT } from '../core/validation';
import { TicketFilter, TicketOrder } from '../service-desk';
import { SavedViewVisibility } from './desk-tools.enums';
import { VIEW_FILTER } from './saved-view.service';

const FILTER_WORDS = `Exactly what \`tickets(filter:)\` takes (its \`domain\` and \`application\` lists at most ${VIEW_FILTER.codes} codes each, here).`;

@InputType({ description: 'A new saved ticket view (support agents), kept by its creator.' })
export class CreateSavedViewInput {
  @Field({ description: `Its name (1 to ${TEXT.name} characters).` })
  @SafeText(TEXT.name, { min: 1 })
  name!: string;

  @Field(() => SavedViewVisibility, { defaultValue: SavedViewVisibility.PRIVATE, description: 'PRIVATE (default) or TEAM: shared with your support team (SAVED_VIEW_NO_TEAM when you have none).' })
  visibility!: SavedViewVisibility;

  @Field(() => TicketFilter, { nullable: true, description: `${FILTER_WORDS} Omitted: every ticket you may see.` })
  @IsOptional()
  @ValidateNested()
  filter?: TicketFilter | null;

  @Field(() => TicketOrder, { nullable: true, description: 'Exactly what `tickets(orderBy:)` takes; omitted: the list’s default (last change, newest first).' })
  orderBy?: TicketOrder | null;
}

@InputType({ description: 'Changes a saved view (its owner only; teammates read a TEAM view): what is given replaces, what is omitted stays.' })
export class UpdateSavedViewInput {
  @Field(() => ID, { description: 'Global id of your SavedView; one you may not see is NOT_FOUND, a teammate’s is SAVED_VIEW_NOT_OWNER.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @SafeText(TEXT.name, { min: 1 })
  name?: string | null;

  @Field(() => SavedViewVisibility, { nullable: true, description: 'New visibility.' })
  visibility?: SavedViewVisibility | null;

  @Field(() => TicketFilter, { nullable: true, description: `New filter, replacing the whole filter (\`{}\`: every ticket you may see). ${FILTER_WORDS}` })
  @IsOptional()
  @ValidateNested()
  filter?: TicketFilter | null;

  @Field(() => TicketOrder, { nullable: true, description: 'New order.' })
  orderBy?: TicketOrder | null;
}

@InputType({ description: 'Deletes a saved view (its owner only).' })
export class DeleteSavedViewInput {
  @Field(() => ID, { description: 'Global id of your SavedView.' })
  id!: string;
}
