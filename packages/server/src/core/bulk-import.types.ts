import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportAction, ImportFormat, ImportSection, type ImportReportData } from './bulk-import';

registerEnumType(ImportFormat, {
  name: 'BulkImportFormat',
  description: 'How a bulk import (directory, knowledge items, closed days) is written.',
  valuesConfig: { CSV: { description: 'CSV with a header line; comma or semicolon separated; UTF-8 (a BOM is accepted).' }, JSON: { description: 'One JSON document, an object of arrays with the CSV columns as keys.' } },
});
registerEnumType(ImportSection, {
  name: 'ImportSection',
  description: 'Which part of a bulk import a line belongs to.',
  valuesConfig: {
    STRUCTURES: { description: 'Directory structures, matched by code.' },
    PEOPLE: { description: 'Directory people, matched by email (case-insensitive).' },
    ASSIGNMENTS: { description: 'Correspondent assignments, matched by person, structure and role.' },
    KNOWLEDGE_ITEMS: { description: 'Knowledge items (messages and answers), matched by bot and title (case and spacing aside).' },
    CLOSED_DAYS: { description: 'Closed days of business calendars, matched by calendar code and date.' },
  },
});
registerEnumType(ImportAction, {
  name: 'ImportAction',
  description: 'What an import does (or would do, in a dry run) with one line.',
  valuesConfig: {
    CREATE: { description: 'A new object.' },
    CHANGE: { description: 'An existing object whose fields differ: `changes` lists them.' },
    UNCHANGED: { description: 'Already as the line says: nothing to write.' },
    END: { description: 'A running assignment the file no longer lists is ended (directory, only with `deactivateAbsent`).' },
    DEACTIVATE: { description: 'A person of the file’s structures absent from the file is deactivated (directory, only with `deactivateAbsent`).' },
    REFUSE: { description: 'The line is wrong (`message` says why): nothing of the import is written.' },
  },
});

/** Largest CSV or JSON text an import field takes (characters). */
export const MAX_IMPORT_TEXT = 1_900_000;

@ObjectType({ description: 'What an import did (or, in a dry run, would do) with one line of its text: created, changed, left alone or refused, and why.' })
export class ImportLineReport {
  @Field(() => ImportSection, { description: 'The part of the import.' })
  section!: ImportSection;

  @Field(() => Int, { description: 'CSV: the line in its text (the header is line 1). JSON: the position in its array, from 1. 0 for lines the import adds itself (END, DEACTIVATE).' })
  line!: number;

  @Field({ description: 'What the line names: structure code, email, "email kind structure", "BOT title" or "CALENDAR date".' })
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

  @Field(() => [ImportLineReport], { description: 'Every line, in the order of the file (section by section), then the lines the import adds.' })
  lines!: ImportLineReport[];
}

export const reportOf = (r: ImportReportData): ImportReport => ({
  applied: r.applied,
  refusedCount: r.lines.filter((l) => l.action === ImportAction.REFUSE).length,
  changeCount: r.lines.filter((l) => l.action !== ImportAction.REFUSE && l.action !== ImportAction.UNCHANGED).length,
  lines: r.lines,
});
