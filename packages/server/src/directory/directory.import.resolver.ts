import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ImportFormat } from '../core/bulk-import';
import { ImportReport, MAX_IMPORT_TEXT as MAX_TEXT, reportOf } from '../core/bulk-import.types';
import { requireViewer, type Context } from '../core/context';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { importDirectory } from './directory.import';

@InputType({ description: 'A directory import: CSV texts (one per section) or one JSON document. Administrators only.' })
export class ImportDirectoryInput {
  @Field(() => ImportFormat, { description: 'CSV or JSON.' })
  format!: ImportFormat;

  @Field(() => String, { nullable: true, description: 'CSV of structures, columns `code,name,kind,ministry,parent` (ministry and parent as codes; parent may be empty or another line of the file).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  structures?: string | null;

  @Field(() => String, { nullable: true, description: 'CSV of people, columns `email,firstName,lastName,structure,roles` (structure as a code; roles held in their own right, separated by `|`; empty roles: END_USER for a new person, unchanged for a known one).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  people?: string | null;

  @Field(() => String, { nullable: true, description: 'CSV of correspondent assignments, columns `email,structure,kind,since` (kind CCA, CCH, CCP, CCTFG or CCFP; since optional, YYYY-MM-DD, default now).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  assignments?: string | null;

  @Field(() => String, { nullable: true, description: 'JSON: `{ "structures": [...], "people": [...], "assignments": [...] }` with the CSV columns as keys (roles may be an array).' })
  @IsOptional()
  @MaxLength(MAX_TEXT)
  json?: string | null;

  @Field({ defaultValue: true, description: 'True (the default): only report what would happen. False: apply, all or nothing (a single refused line: nothing is written).' })
  dryRun!: boolean;

  @Field({ defaultValue: false, description: 'The file is complete for its structures: deactivate the active people of those structures it does not name, and end the running assignments there it does not list. Never done unless asked.' })
  deactivateAbsent!: boolean;
}

@ObjectType({ description: 'Result of importDirectory.' })
export class ImportDirectoryPayload extends MutationPayload {
  @Field(() => ImportReport, { nullable: true, description: 'The report; null when the file itself could not be read (see userErrors).' })
  report!: ImportReport | null;
}

@Resolver()
export class DirectoryImportResolver {
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => ImportDirectoryPayload, {
    description:
      'Loads structures, people and correspondent assignments in bulk (onboarding a ministry). Dry run by default: a report line by line. Applied: all or nothing, and importing the same file again changes nothing. Administrators only.',
  })
  importDirectory(@Arg('input', { validate: false, description: 'The file(s) and options.' }) input: ImportDirectoryInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ report: reportOf(await importDirectory(ctx.em, requireViewer(ctx), input)) }));
  }
}
