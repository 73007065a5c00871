/**
 * Messages a person reads, in French first and in English on request: one catalogue,
 * filled by each module's `<module>.messages.ts` (or its errors file) through
 * `defineMessages`, written in ICU MessageFormat and rendered with intl-messageformat.
 *
 * The locale of the operation lives in an async scope set once per request by the
 * transports (HTTP: `Accept-Language`; WebSocket: the upgrade's `Accept-Language` or the
 * connection parameter `locale`), so a service deep down renders a refusal in the caller's
 * language without being handed it. Outside a request (jobs, scripts) it is French.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { IntlMessageFormat } from 'intl-messageformat';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** One message in every language. ICU syntax: `{count, plural, one {# ticket} other {# tickets}}`, `{name}`. */
export interface Translations {
  fr: string;
  en: string;
}

/** Values a message is rendered with. */
export type MessageParams = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

/** A message to render: its key in the catalogue and its values; rendered in the caller's locale when shown. */
export class Text {
  constructor(
    readonly key: string,
    readonly params: MessageParams = {},
  ) {}

  /** The message in `locale` (by default the current operation's). */
  render(locale: Locale = currentLocale()): string {
    return renderMessage(this.key, this.params, locale);
  }

  toString(): string {
    return this.render();
  }
}

const catalogue = new Map<string, Translations>();
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Declares messages. A key is unique in the whole catalogue (by convention the code it
 * explains, or `CODE.situation` when one code has several); declaring the same key again
 * with the same texts is harmless, with other texts a programming error caught at import.
 * A template that is not valid ICU fails here too, not when a user first meets it.
 */
export function defineMessages<const K extends string>(entries: Record<K, Translations>): { readonly [P in K]: (params?: MessageParams) => Text } {
  const out = {} as Record<K, (params?: MessageParams) => Text>;
  for (const key of Object.keys(entries) as K[]) {
    const t = entries[key];
    const known = catalogue.get(key);
    if (known && (known.fr !== t.fr || known.en !== t.en)) throw new Error(`message ${key} is declared twice with different texts`);
    for (const locale of LOCALES) compiled.set(`${locale}\u0000${key}`, new IntlMessageFormat(t[locale], locale));
    catalogue.set(key, t);
    out[key] = (params?: MessageParams) => new Text(key, params ?? {});
  }
  return out;
}

/** Renders a key of the catalogue; an unknown key shows itself (never a crash in an error path). */
export function renderMessage(key: string, params: MessageParams, locale: Locale): string {
  const format = compiled.get(`${locale}\u0000${key}`) ?? compiled.get(`${DEFAULT_LOCALE}\u0000${key}`);
  if (!format) return key;
  const values: Record<string, string | number | boolean | Date> = {};
  for (const [name, value] of Object.entries(params)) values[name] = value ?? '';
  try {
    return String(format.format(values));
  } catch {
    // a value missing from params: show the template rather than fail the answer
    return catalogue.get(key)?.[locale] ?? key;
  }
}

/** Values named in the caller's words, as "A, B ou C" (a value without a label shows itself). */
export function labelList(labels: Readonly<Record<string, Translations>>, values: readonly string[], locale: Locale = currentLocale()): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(values.map((v) => labels[v]?.[locale] ?? v));
}

/** Every declared message (tests read it to check that each code has both languages). */
export function allMessages(): ReadonlyMap<string, Translations> {
  return catalogue;
}

export function hasMessage(key: string): boolean {
  return catalogue.has(key);
}

/* ---------- the operation's locale ---------- */

const scope = new AsyncLocalStorage<Locale>();

/** Runs `run` with `locale` as the current operation's. */
export function withLocale<T>(locale: Locale, run: () => T): T {
  return scope.run(locale, run);
}

export function currentLocale(): Locale {
  return scope.getStore() ?? DEFAULT_LOCALE;
}

/**
 * The locale an `Accept-Language` header (or a `locale` connection parameter) asks for:
 * the supported language with the highest weight, French when none is supported or the
 * header is absent (the users are French civil servants). `en-GB;q=0.8, fr;q=0.9` → fr.
 */
export function negotiateLocale(header: unknown): Locale {
  if (typeof header !== 'string' || !header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.slice(0, 512).split(',')) {
    const [tag, ...attrs] = part.trim().toLowerCase().split(';');
    const language = tag?.split('-')[0];
    if (!language || !(LOCALES as readonly string[]).includes(language)) continue;
    let q = 1;
    for (const a of attrs) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(a);
      if (m) q = Number(m[1]);
    }
    if (q > 0 && (!best || q > best.q)) best = { locale: language as Locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
