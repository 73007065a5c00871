import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { MutationPayload, runMutation } from '../core/mutation';
import { Role } from '../core/roles';
import { ImportAction, importDirectory, ImportSection } from './directory.import';

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(ImportFormat, { name: 'DirectoryImportFormat', description: 'How an import file is written.', valuesConfig: { CSV: { description: 'CSV with a header line; comma or semicolon separated; UTF-8 (a BOM is accepted).' }, JSON: { description: 'One JSON document.' } } });
registerEnumType(ImportSection, {
  name: 'DirectoryImportSection',
  description: 'Which part of a directory import a line belongs to.',
  valuesConfig: { STRUCTURES: { description: 'Structures, matched by code.' }, PEOPLE: { description: 'People, matched by email (case-insensitive).' }, ASSIGNMENTS: { description: 'Correspondent assignments, matched by person, structure and role.' } },
});
registerEnumType(ImportAction, {
  name: 'ImportAction',
  description: 'What an import does (or would do, in a dry run) with one line.',
  valuesConfig: {
    CREATE: { description: 'A new object.' },
    CHANGE: { description: 'An existing object whose fields differ: `changes` lists them.' },
    UNCHANGED: { description: 'Already as the line says: nothing to write.' },
    END: { description: 'A running assignment the file no longer lists is ended (only with `deactivateAbsent`).' },
    DEACTIVATE: { description: 'A person of the file’s structures absent from the file is deactivated (only with `deactivateAbsent`).' },
    REFUSE: { description: 'The line is wrong (`message` says why): nothing of the import is written.' },
  },
});

const MAX_TEXT = 1_900_000;

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

@ObjectType({ description: 'One line of an import report.' })
export class ImportLineReport {
  @Field(() => ImportSection, { description: 'The part of the import.' })
  section!: ImportSection;

  @Field(() => Int, { description: 'CSV: the line in its text (the header is line 1). JSON: the position in its array, from 1. 0 for lines the import adds itself (END, DEACTIVATE).' })
  line!: number;

  @Field({ description: 'What the line names: structure code, email, or "email kind structure".' })
  key!: string;

  @Field(() => ImportAction, { description: 'What is (or would be) done.' })
  action!: ImportAction;

  @Field(() => [String], { description: 'For CHANGE: each field that changes, "field: old → new".' })
  changes!: string[];

  @Field(() => String, { nullable: true, description: 'For REFUSE: why.' })
  message!: string | null;
}

@ObjectType({ description: 'What an import did, or would do.' })
export class ImportReport {
  @Field({ description: 'True when written (not a dry run and no line refused).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Lines refused; anything but 0 means nothing was written.' })
  refusedCount!: number;

  @Field(() => Int, { description: 'Lines that create, change, end or deactivate something.' })
  changeCount!: number;

  @Field(() => [ImportLineReport], { description: 'Every line, in the order of the file (structures, people, assignments), then the lines the import adds.' })
  lines!: ImportLineReport[];
}

@ObjectType({ description: 'Result of importDirectory.' })
export class ImportDirectoryPayload extends MutationPayload {
  @Field(() => ImportReport, { nullable: true, description: 'The report; null when the file itself could not be read (see userErrors).' })
  report!: ImportReport | null;
}

export const reportOf = (r: { applied: boolean; lines: ImportLineReport[] }): ImportReport => ({
  applied: r.applied,
  refusedCount: r.lines.filter((l) => l.action === ImportAction.REFUSE).length,
  changeCount: r.lines.filter((l) => l.action !== ImportAction.REFUSE && l.action !== ImportAction.UNCHANGED).length,
  lines: r.lines,
});

@Resolver()
export class DirectoryImportResolver {
  @Authorized(Role.ADMINISTRATOR)
  @Mutation(() => ImportDirectoryPayload, {
    description:
      'Loads structures, people and correspondent assignments in bulk (onboarding a ministry). Dry run by default: a report line by line. Applied: all or nothing, and importing the same file again changes nothing. Administrators only.',
  })
  importDirectory(@Arg('input', { validate: false, description: 'The file(s) and options.' }) input: ImportDirectoryInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => ({ report: reportOf(await importDirectory(ctx.em, ctx.viewer!, input)) }));
  }
}
