import { buildSchema, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentBounds } from './document-bounds';

const bounds = documentBounds({ maxLength: 1000, maxTokens: 100, maxSelections: 10, maxAliases: 2 });
const schema = buildSchema(`type Query { a: Int, b: Q } type Q { c: Int }`);

const code = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as GraphQLError).extensions?.code;
  }
};

describe('document bounds', () => {
  it('refuses by length before parsing, by tokens while parsing, and tells other syntax errors apart', () => {
    expect(code(() => bounds.parseDocument(`{ a }#${'x'.repeat(1000)}`))).toBe('QUERY_TOO_LARGE');
    expect(code(() => bounds.parseDocument(`{ ${'a '.repeat(100)} }`))).toBe('QUERY_TOO_MANY_TOKENS');
    expect(code(() => bounds.parseDocument(`{ a `))).toBe('GRAPHQL_PARSE_FAILED');
    expect(code(() => bounds.parseDocument(`{ ${'a '.repeat(97)} }`))).toBe('OK');
  });

  it("recognises graphql-js's own words when maxTokens stops a parse (Apollo parses with the same options)", () => {
    let message = '';
    try {
      parse(`{ ${'a '.repeat(200)} }`, bounds.parseOptions);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(bounds.tokenRefusal(message)?.extensions.code).toBe('QUERY_TOO_MANY_TOKENS');
    expect(bounds.tokenRefusal('Syntax Error: Expected Name, found <EOF>.')).toBeNull();
  });

  it('counts selections and aliases as written, fragments once, and stops validation before any other rule', () => {
    const run = (q: string) => code(() => validate(schema, parse(q), [...specifiedRules, bounds.rule]));
    expect(run(`{ x: a y: a }`)).toBe('OK');
    expect(run(`{ x: a y: a z: a }`)).toBe('QUERY_TOO_MANY_ALIASES');
    expect(run(`{ ${'b { c } '.repeat(5)} }`)).toBe('OK');
    expect(run(`{ ${'b { c } '.repeat(5)} a }`)).toBe('QUERY_TOO_MANY_SELECTIONS');
    // spreads and inline fragments are selections; a fragment spread twice is counted once
    expect(run(`{ ...F ...F ... on Query { a } } fragment F on Query { b { c } a }`)).toBe('OK');
    expect(run(`{ ${'...F '.repeat(8)} } fragment F on Query { b { c } a }`)).toBe('QUERY_TOO_MANY_SELECTIONS');
  });
});
