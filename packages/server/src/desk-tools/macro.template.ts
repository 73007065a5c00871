/**
 * The placeholders of canned answers: a small fixed set, written `{{name}}` (spaces inside the
 * braces allowed). Pure functions: checking a text when a macro is saved, filling it in when
 * it is applied. Values are inserted as they are (the text is a plain-text comment: nothing is
 * escaped) and are never read again for placeholders.
 */
import { DomainError } from '../core/errors';
import { DeskToolsErrorCode } from './desk-tools.errors';
import { DESK_TOOLS_MESSAGES as M } from './desk-tools.messages';

export const MACRO_PLACEHOLDERS = {
  'requester.name': 'the requesting user’s full name (« Madame, Monsieur » when the ticket names none)',
  'ticket.reference': 'the ticket’s reference (FSD-2026-000123)',
  'ticket.title': 'the ticket’s title',
  'ticket.dueDate': 'the ticket’s service-level due date (its resolution target), in French (« 14/12/2026 à 17h00 »), in its structure’s time zone; « non définie » when it has none running',
  'agent.name': 'the full name of the agent applying the macro',
} as const;

export type MacroPlaceholder = keyof typeof MACRO_PLACEHOLDERS;

/** The placeholders in words, for the schema's descriptions. */
export const MACRO_PLACEHOLDER_WORDS = Object.entries(MACRO_PLACEHOLDERS)
  .map(([name, what]) => `\`{{${name}}}\` ${what}`)
  .join('; ')
  .concat('.');

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is MacroPlaceholder => Object.hasOwn(MACRO_PLACEHOLDERS, name);

/**
 * The placeholders a text uses; refuses an unknown one (MACRO_UNKNOWN_PLACEHOLDER) and a brace
 * pair that is no placeholder (MACRO_MALFORMED_PLACEHOLDER). `field`: the input field named in the error.
 */
export function placeholdersOf(text: string, field = 'body'): Set<MacroPlaceholder> {
  const used = new Set<MacroPlaceholder>();
  for (const [, name] of text.matchAll(TOKEN)) {
    if (!isPlaceholder(name)) {
      throw new DomainError(
        DeskToolsErrorCode.MACRO_UNKNOWN_PLACEHOLDER,
        M['MACRO_UNKNOWN_PLACEHOLDER.name']({ placeholder: `{{${name.slice(0, 60)}}}`, known: Object.keys(MACRO_PLACEHOLDERS).map((n) => `{{${n}}}`).join(', ') }),
        [field],
      );
    }
    used.add(name);
  }
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new DomainError(DeskToolsErrorCode.MACRO_MALFORMED_PLACEHOLDER, M['MACRO_MALFORMED_PLACEHOLDER.example']({ open: '{{', close: '}}', example: '{{ticket.reference}}' }), [field]);
  }
  return used;
}

/** Fills in a checked text: each placeholder once, values as they are (never scanned again). */
export function renderMacroText(text: string, values: Readonly<Record<MacroPlaceholder, string>>): string {
  return text.replace(TOKEN, (_, name: string) => (isPlaceholder(name) ? values[name] : _));
}

/** A moment as a French date and time in a zone: « 14/12/2026 à 17h00 ». */
export function frenchDueDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} à ${part('hour')}h${part('minute')}`;
}
