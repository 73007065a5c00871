import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ImportFormat } from '../core/bulk-import';
import { ImportReport, MAX_IMPORT_TEXT, reportOf } from '../core/bulk-import.types';
import { requireViewer, type Context } from '../core/context';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { importKnowledgeItems } from './knowledge.import';

@InputType({ description: 'A batch of knowledge items (messages and their answers), as CSV or one JSON document. Knowledge editors (SN2 agents: major incidents only).' })
export class ImportKnowledgeItemsInput {
  @Field(() => ImportFormat, { description: 'CSV or JSON.' })
  format!: ImportFormat;

  @Field(() => String, {
    nullable: true,
    description:
      'CSV, columns `bot,domain,kind,title,message,answer,list,listPosition,position,publish`: bot and domain as codes (`IZIA`, `EJ`); kind a KnowledgeKind (empty: unchanged for a known item; for a new one ERROR_MESSAGE when there is a message, else HOW_TO); title the key, matched within the bot case and spacing aside; answer one bubble per line of the cell (a line `![alt](image:<KnowledgeImage id>)` shows an image of the item); list one item per line; listPosition where the list sits among the bubbles (empty: after them); position in the domain list (empty: unchanged, 100 for a new item); publish `true` to put the item live (empty or `false`: a new item stays a draft, a published one stays published).',
  })
  @IsOptional()
  @MaxLength(MAX_IMPORT_TEXT)
  items?: string | null;

  @Field(() => String, { nullable: true, description: 'JSON: `{ "items": [...] }` with the CSV columns as keys; `answer` and `list` may be arrays (one bubble or item each).' })
  @IsOptional()
  @MaxLength(MAX_IMPORT_TEXT)
  json?: string | null;

  @Field({ defaultValue: true, description: 'True (the default): only report what would happen. False: apply, all or nothing (a single refused line: nothing is written).' })
  dryRun!: boolean;
}

@ObjectType({ description: 'Result of importKnowledgeItems.' })
export class ImportKnowledgeItemsPayload extends MutationPayload {
  @Field(() => ImportReport, { nullable: true, description: 'The report; null when the file itself could not be read (see userErrors).' })
  report!: ImportReport | null;
}

@Resolver()
export class KnowledgeImportResolver {
  @Authorized(Role.KNOWLEDGE_EDITOR, Role.SN2_AGENT, Role.ADMINISTRATOR)
  @Mutation(() => ImportKnowledgeItemsPayload, {
    description:
      'Loads knowledge items in bulk: each line creates or changes a single-answer item, matched by bot and title. Dry run by default: a report line by line. Applied: all or nothing, through the same rules, phrases and publication history as one item at a time; importing the same file again changes nothing.',
  })
  importKnowledgeItems(@Arg('input', { validate: false, description: 'The file and options.' }) input: ImportKnowledgeItemsInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ report: reportOf(await importKnowledgeItems(ctx.em, requireViewer(ctx), input)) }));
  }
}
