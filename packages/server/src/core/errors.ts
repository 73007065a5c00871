import { GraphQLEnumType, GraphQLError } from 'graphql';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { defineMessages, Text } from './i18n';
import { API_MESSAGES } from './core.messages';

/** Error codes shared by every module. */
export enum CoreErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_ID = 'INVALID_ID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  /** Field-level codes: one per validation rule, with the field path and the bound. */
  REQUIRED = 'REQUIRED',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_FORMAT = 'INVALID_FORMAT',
  TOO_MANY_ITEMS = 'TOO_MANY_ITEMS',
}

/** How a code surfaces when it is thrown outside a mutation payload. */
export type ErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

/**
 * Every module's code enum, by module: each `<module>.errors.ts` adds its own by
 * declaration merging, so core names no module and `DomainError.code` is still the union
 * of every code that exists (a typo or a code of nowhere does not compile).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainErrorCodes {
  core: CoreErrorCode;
}
export type DomainErrorCode = DomainErrorCodes[keyof DomainErrorCodes];

/** The bound an input broke, given with field-level codes (TOO_LONG: max characters; OUT_OF_RANGE: min and max). */
export interface ErrorBounds {
  min?: number;
  max?: number;
}

/**
 * A domain rule refused something. Services throw it; the API layer maps it in one place.
 * Its text is a catalogue message (core/i18n.ts), shown in the caller's language; `message`
 * (what logs print) is its English rendering.
 */
export class DomainError extends Error {
  readonly text: Text;
  constructor(
    readonly code: DomainErrorCode,
    text: Text,
    readonly field: string[] | null = null,
    readonly bounds: ErrorBounds | null = null,
  ) {
    super(text.render('en'));
    this.text = text;
    this.name = 'DomainError';
  }
}

/** The GraphQL enum of every user-error code, filled by `registerErrorCodes`. */
export const UserErrorCode: Record<string, string> = {};
const kinds = new Map<string, ErrorKind>();
const descriptions: Record<string, { description: string }> = {};

/** A module's codes with what each means: how it surfaces, and its description in the schema. */
export interface ErrorCodeCatalogue {
  codes: Record<string, string>;
  meta: Record<string, { kind: ErrorKind; description: string }>;
}

/** Declares a module's codes; the composition root registers every module's (schema.ts). */
export function errorCodes<E extends Record<string, string>>(codes: E, meta: { [K in keyof E]: { kind: ErrorKind; description: string } }): ErrorCodeCatalogue {
  return { codes, meta };
}

/**
 * Called by the composition root with every module's codes, before the schema is built;
 * registering twice changes nothing. A code several modules declare (NOT_YOUR_STRUCTURE,
 * UNKNOWN_DOMAIN…) gets each module's meaning in its description, and the first module's
 * kind: the order is the root's list, never the order files happened to be imported in.
 */
export function registerErrorCodes(catalogues: readonly ErrorCodeCatalogue[]): void {
  const meanings = new Map<string, string[]>();
  for (const { codes, meta } of catalogues) {
    for (const key of Object.keys(codes)) {
      UserErrorCode[key] = codes[key];
      if (!kinds.has(codes[key])) kinds.set(codes[key], meta[key].kind);
      const known = meanings.get(key) ?? [];
      if (!known.includes(meta[key].description)) meanings.set(key, [...known, meta[key].description]);
    }
  }
  for (const [key, texts] of meanings) descriptions[key] = { description: texts.join(' Or: ') };
}

export const CORE_ERROR_CODES = errorCodes(CoreErrorCode, {
  VALIDATION_FAILED: { kind: 'BAD_USER_INPUT', description: 'An input value is malformed, too long or out of range.' },
  INVALID_ID: { kind: 'BAD_USER_INPUT', description: 'An id is malformed or names an object of another type.' },
  NOT_FOUND: { kind: 'NOT_FOUND', description: 'No such object, or it is outside what you may see.' },
  CONFLICT: { kind: 'CONFLICT', description: 'The change collides with the current state (a duplicate, a stale version).' },
  FORBIDDEN: { kind: 'FORBIDDEN', description: 'Your role does not allow this action.' },
  REQUIRED: { kind: 'BAD_USER_INPUT', description: 'A value is required and was missing or blank. `field` names it.' },
  TOO_SHORT: { kind: 'BAD_USER_INPUT', description: 'A text or list is shorter than allowed. `field` names it, `min` gives the bound.' },
  TOO_LONG: { kind: 'BAD_USER_INPUT', description: 'A text is longer than allowed. `field` names it, `max` gives the bound (in characters).' },
  OUT_OF_RANGE: { kind: 'BAD_USER_INPUT', description: 'A number or date is outside its range. `field` names it, `min`/`max` give the bounds.' },
  INVALID_FORMAT: { kind: 'BAD_USER_INPUT', description: 'A value does not have the expected form (an email, a code, a date, a key; control characters in a text). `field` names it.' },
  TOO_MANY_ITEMS: { kind: 'BAD_USER_INPUT', description: 'A list has more items than allowed. `field` names it, `max` gives the bound.' },
});

/**
 * The general text of each core code, in every language; a module's code has its own in the
 * module's messages (the catalogue is keyed by code, `CODE.situation` for a precise case).
 */
export const CORE_MESSAGES = defineMessages({
  VALIDATION_FAILED: { fr: 'Valeur refusée.', en: 'Value refused.' },
  INVALID_ID: { fr: 'Identifiant mal formé ou d’un autre type d’objet.', en: 'Malformed id, or the id of another type of object.' },
  NOT_FOUND: { fr: 'Introuvable, ou hors de ce que vous pouvez voir.', en: 'Not found, or outside what you may see.' },
  CONFLICT: { fr: 'La modification entre en conflit avec l’état actuel : relisez, puis décidez.', en: 'The change collides with the current state: read again, then decide.' },
  REQUIRED: { fr: 'Valeur obligatoire.', en: 'A value is required.' },
  TOO_SHORT: { fr: '{min, plural, one {Au moins # caractère} other {Au moins # caractères}}.', en: '{min, plural, one {At least # character} other {At least # characters}}.' },
  TOO_LONG: { fr: '{max, plural, one {Au plus # caractère} other {Au plus # caractères}} (reçu {length, number}).', en: '{max, plural, one {At most # character} other {At most # characters}} (got {length, number}).' },
  OUT_OF_RANGE: { fr: 'Valeur hors de l’intervalle permis (de {min} à {max}).', en: 'Value out of the allowed range ({min} to {max}).' },
  INVALID_FORMAT: { fr: 'Format invalide.', en: 'Invalid format.' },
  TOO_MANY_ITEMS: { fr: '{max, plural, one {Au plus # élément} other {Au plus # éléments}}.', en: '{max, plural, one {At most # item} other {At most # items}}.' },
});

let registered = false;
/** Called once, just before the schema is built, after `registerErrorCodes`. */
export function registerUserErrorCodeEnum(): void {
  if (registered) return;
  registered = true;
  registerEnumType(UserErrorCode, {
    name: 'UserErrorCode',
    description: 'Why a mutation refused its input. Stable: clients may switch on it.',
    valuesConfig: descriptions,
  });
}

@ObjectType({ description: 'An expected failure of a mutation: invalid input, a broken rule, a conflict, or a missing object.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "email"]; null when the error concerns the whole input.' })
  field!: string[] | null;

  @Field({ description: 'What went wrong, for a person to read.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'Stable code of the failure: switch on it, never on `message`, whose wording may change.' })
  code!: string;

  @Field(() => Float, { nullable: true, description: 'The lower bound the value broke (the least characters, items or value), when the code is about a bound; null otherwise.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'The upper bound the value broke (the most characters, items or value), when the code is about a bound; null otherwise.' })
  max?: number | null;
}

/** A DomainError as a payload's user error, its message in the caller's language. */
export function userErrorOf(e: DomainError): UserError {
  return { field: e.field ? ['input', ...e.field] : null, message: e.text.render(), code: e.code, min: e.bounds?.min ?? null, max: e.bounds?.max ?? null };
}

/**
 * Every `errors[].extensions.code` a client may meet, with what it means for the client. The
 * SDK generates one error class per value (from the schema's ApiErrorCode enum).
 */
export const API_ERROR_CODES = {
  UNAUTHENTICATED: 'No credentials, or bad, expired or revoked ones (HTTP 401): send a valid bearer token or API key.',
  FORBIDDEN: 'Your role does not allow the operation (HTTP 403); asking again will not help.',
  BAD_USER_INPUT: 'An argument was refused: malformed id, value out of range, bad variables. `extensions.field` names it when one field is at fault.',
  NOT_FOUND: 'No such object, or it is outside what you may see.',
  CONFLICT: 'The change collides with the current state (a duplicate, a stale version): read again, then decide.',
  SERVICE_UNAVAILABLE: 'The database is unreachable or saturated (HTTP 503, with Retry-After). `extensions.retryAfterSeconds` says when to try again; safe to retry a query or an idempotent mutation.',
  THROTTLED: 'The application spent its query-cost budget for the window, or a caller has too many operations running and waiting on one server (HTTP 429). `extensions.retryAfterSeconds` says when to try again; the SDK waits that long before retrying.',
  QUERY_TOO_COMPLEX: 'The operation costs more than the limit (HTTP 400). `extensions.cost` and `extensions.maxCost` give both; ask for fewer items or fields.',
  QUERY_TOO_DEEP: 'The operation nests deeper than the server allows (HTTP 400).',
  QUERY_TOO_LARGE: 'The document has more characters than the server reads (HTTP 400, before parsing). `extensions.maxLength` gives the limit.',
  QUERY_TOO_MANY_TOKENS: 'The document has more lexical tokens than the server parses (HTTP 400). `extensions.maxTokens` gives the limit; put values in variables.',
  QUERY_TOO_MANY_SELECTIONS: 'The document has more selections (fields, fragment spreads, inline fragments) than the server validates (HTTP 400). `extensions.maxSelections` gives the limit; split it into several operations.',
  QUERY_TOO_MANY_ALIASES: 'The document has more aliased fields than the server allows (HTTP 400). `extensions.maxAliases` gives the limit.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: 'The document does not fit the schema, or breaks the depth limit (HTTP 400).',
  BAD_REQUEST: 'The HTTP request itself was refused: not JSON, too large (HTTP 413), too slow to arrive (HTTP 408), a mutation sent by GET (HTTP 405, `Allow: POST`), or a GET or non-JSON POST without the CSRF-prevention header `apollo-require-preflight` (HTTP 400; the message says what to send).',
  PERSISTED_QUERY_NOT_FOUND: 'The persisted document id sent (`extensions.persistedQuery.sha256Hash`) is unknown to this server: send the full document (with the id, where automatic registration is on, to register it).',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not accepted here: send the full document.',
  OPERATION_RESOLUTION_FAILURE: 'The operation to run could not be chosen (HTTP 400): `operationName` names no operation of the document, or the document has several and no `operationName`. The message lists the operations it has.',
  SUBSCRIPTION_OVER_HTTP: 'A subscription was sent over HTTP (HTTP 400, nothing run or charged): subscriptions go over WebSocket (graphql-ws) at the same URL, e.g. a split link in Apollo Client, or the SDK\'s `subscribe`.',
  ORIGIN_NOT_ALLOWED: 'A browser page of an origin the server does not list asked to call the API (HTTP 403 to the CORS preflight): the server\'s CORS_ORIGINS setting must list that origin.',
  INTERNAL_SERVER_ERROR: 'Something failed on the server (HTTP 500). Safe to retry for a query or an idempotent mutation; quote `extensions.requestId` when reporting it.',
} as const;

/** GraphQL error codes the client may see as they are; anything else is masked (as INTERNAL_SERVER_ERROR). */
export const PUBLIC_ERROR_CODES = new Set<string>(Object.keys(API_ERROR_CODES).filter((c) => c !== 'INTERNAL_SERVER_ERROR'));

/** The codes as a schema enum: not used by any field, published so clients can generate from it. */
export const ApiErrorCodeEnum = new GraphQLEnumType({
  name: 'ApiErrorCode',
  description: 'Every value `errors[].extensions.code` may take. Stable: clients may switch on it (the SDK has one error class per value).',
  values: Object.fromEntries(Object.entries(API_ERROR_CODES).map(([code, description]) => [code, { value: code, description }])),
});

/** A DomainError thrown outside a mutation payload (a query, a subscription) becomes a coded GraphQL error. */
export function toGraphQLError(e: DomainError): GraphQLError {
  const kind = kinds.get(e.code) ?? 'BAD_USER_INPUT';
  return new GraphQLError(e.text.render(), { extensions: { code: kind, reason: e.code, field: e.field ?? undefined, ...(e.bounds ?? {}) } });
}

export function unauthenticated(message: Text = API_MESSAGES.UNAUTHENTICATED()): GraphQLError {
  return new GraphQLError(message.render(), { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: Text = API_MESSAGES.FORBIDDEN()): GraphQLError {
  return new GraphQLError(message.render(), { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
