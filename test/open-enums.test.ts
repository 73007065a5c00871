/**
 * Open enums: the schema says which enums will grow ("New values may be added: handle unknown
 * values."), and the SDK types them with room for a value it does not know yet, so that a
 * client's exhaustive switch over one needs a default branch to compile (the @ts-expect-error
 * below is checked by `tsc -p test`, part of `pnpm typecheck`). Closed enums stay exhaustive.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SupportLevel, TicketEventKind, ViewerKind, type ViewerQuery } from '@chorus-support/sdk';
import * as openEnums from '../packages/sdk/src/open-enums';
import { OPEN_ENUMS, OPEN_ENUM_NOTE } from '../packages/server/src/core/open-enums';

/** An exhaustive switch over an open enum, with the default branch a value to come takes. */
function viewerLabel(kind: ViewerKind): string {
  switch (kind) {
    case ViewerKind.PERSON:
      return 'personne';
    case ViewerKind.APPLICATION:
      return 'application';
    default:
      return 'autre';
  }
}

// @ts-expect-error TS2366: every known value handled, no default: it does not compile, since the type leaves room for values to come
function viewerLabelWithoutDefault(kind: ViewerKind): string {
  switch (kind) {
    case ViewerKind.PERSON:
      return 'personne';
    case ViewerKind.APPLICATION:
      return 'application';
  }
}

/** A closed enum: every value handled is exhaustive, no default needed. */
function levelLabel(level: SupportLevel): string {
  switch (level) {
    case SupportLevel.SN1:
      return 'niveau 1';
    case SupportLevel.SN2:
      return 'niveau 2';
    case SupportLevel.TECHNICAL:
      return 'technique';
  }
}

/** What an operation's result types say of an open enum field: the same open type. */
const kindOf = (viewer: ViewerQuery['viewer']): string => viewerLabel(viewer.kind);

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../packages/schema/schema.graphql', import.meta.url)), 'utf8'));
const noted = Object.values(schema.getTypeMap())
  .filter((t) => isEnumType(t) && !t.name.startsWith('__') && (t.description ?? '').endsWith(OPEN_ENUM_NOTE))
  .map((t) => t.name)
  .sort();

describe('open enums', () => {
  it('the schema’s descriptions say exactly which enums are open', () => {
    expect(noted).toEqual([...OPEN_ENUMS].sort());
  });

  it('the SDK exports each open enum as values and an open type (its ApiErrorCode is open by itself)', () => {
    expect(Object.keys(openEnums).sort()).toEqual(noted.filter((n) => n !== 'ApiErrorCode'));
    expect(TicketEventKind.COMMENT_ADDED).toBe('COMMENT_ADDED');
  });

  it('a value the SDK does not know takes the default branch', () => {
    expect(viewerLabel('ROBOT' as ViewerKind)).toBe('autre');
    expect(viewerLabel(ViewerKind.PERSON)).toBe('personne');
    expect(kindOf({ kind: 'ROBOT' } as unknown as ViewerQuery['viewer'])).toBe('autre');
    expect(levelLabel(SupportLevel.SN2)).toBe('niveau 2');
    expect(viewerLabelWithoutDefault(ViewerKind.APPLICATION)).toBe('application');
  });
});
