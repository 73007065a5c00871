/**
 * The size of a GraphQL document, bounded before any costly work and the same on every
 * transport: its length before it is parsed, its tokens while it is parsed (graphql-js stops
 * at the limit), its selections and aliases before the schema's validation runs (whose
 * overlapping-fields rule is quadratic in fields of the same name and in fragments spread
 * side by side: a thousand `viewer { kind }` took two seconds). What a document then costs to run is the complexity rule's business.
 */
import { CORE_SITUATIONS as T } from './core.messages';
import { GraphQLError, Kind, parse, type DocumentNode, type ParseOptions, type SelectionSetNode, type ValidationRule } from 'graphql';

export interface DocumentLimits {
  /** Characters of the document's text. */
  maxLength: number;
  /** Lexical tokens (punctuation, names, values; not comments). */
  maxTokens: number;
  /** Selections written in the document (fields, fragment spreads, inline fragments; a fragment's counted once). */
  maxSelections: number;
  /** Aliased fields written in the document. */
  maxAliases: number;
}

/** graphql-js's words when `maxTokens` stops a parse (16.x: "more that", sic). */
const TOO_MANY_TOKENS = /^(?:Syntax Error: )?Document contains more th[ae]t \d+ tokens\. Parsing aborted\.$/;

function refusal(code: string, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

export function documentBounds(limits: DocumentLimits) {
  /** For every parse of a request's document (Apollo's `parseOptions`, the WebSocket's own parse). */
  const parseOptions: ParseOptions = { maxTokens: limits.maxTokens };

  /** QUERY_TOO_LARGE for a text longer than allowed, before anything reads it. */
  function lengthRefusal(query: string): GraphQLError | null {
    if (query.length <= limits.maxLength) return null;
    return refusal('QUERY_TOO_LARGE', T['QUERY_TOO_LARGE.limit']({ length: query.length, max: limits.maxLength }).render(), { maxLength: limits.maxLength });
  }

  /** Whether a parse error is the token bound's, as its typed refusal; null for any other syntax error. */
  function tokenRefusal(message: string): GraphQLError | null {
    if (!TOO_MANY_TOKENS.test(message)) return null;
    return refusal('QUERY_TOO_MANY_TOKENS', T['QUERY_TOO_MANY_TOKENS.limit']({ max: limits.maxTokens }).render(), { maxTokens: limits.maxTokens });
  }

  /** Parses within the bounds; throws a typed refusal (QUERY_TOO_LARGE, QUERY_TOO_MANY_TOKENS or GRAPHQL_PARSE_FAILED). */
  function parseDocument(query: string): DocumentNode {
    const tooLong = lengthRefusal(query);
    if (tooLong) throw tooLong;
    try {
      return parse(query, parseOptions);
    } catch (e) {
      const message = (e as Error).message;
      throw tokenRefusal(message) ?? new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } });
    }
  }

  /**
   * The fields and aliases written in the document, checked when validation enters the
   * document, before any other rule looks at a selection set; thrown, not reported, so that
   * the other rules of the same pass do not run either.
   */
  const rule: ValidationRule = () => ({
    Document(document) {
      const { selections, aliases } = countSelections(document);
      if (aliases > limits.maxAliases)
        throw refusal('QUERY_TOO_MANY_ALIASES', T['QUERY_TOO_MANY_ALIASES.limit']({ count: aliases, max: limits.maxAliases }).render(), { maxAliases: limits.maxAliases });
      if (selections > limits.maxSelections)
        throw refusal('QUERY_TOO_MANY_SELECTIONS', T['QUERY_TOO_MANY_SELECTIONS.limit']({ count: selections, max: limits.maxSelections }).render(), {
          maxSelections: limits.maxSelections,
        });
    },
  });

  return { parseOptions, lengthRefusal, tokenRefusal, parseDocument, rule };
}

export type DocumentBounds = ReturnType<typeof documentBounds>;

/** Selections and aliases as written (a fragment once, however often it is spread): linear in the document. */
function countSelections(document: DocumentNode): { selections: number; aliases: number } {
  let selections = 0;
  let aliases = 0;
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if ('selectionSet' in definition && definition.selectionSet) pending.push(definition.selectionSet);
  }
  for (let set = pending.pop(); set; set = pending.pop()) {
    selections += set.selections.length;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && selection.alias) aliases++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return { selections, aliases };
}
