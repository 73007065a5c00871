/**
 * How an operation executes, whatever the transport: graphql-jit compiles each operation
 * once into a function that runs the same resolvers as graphql-js, without graphql-js's
 * per-field work (argument maps, path objects, completion by type) on every row of a list.
 * The guards of the pipeline have already run on the document (and coerced its variables).
 */
import { execute as executeWithGraphqlJs, subscribe as subscribeWithGraphqlJs, GraphQLError, getNamedType, getOperationAST, isAbstractType, isInputObjectType, isScalarType, print, typeFromAST, TypeInfo, visit, visitWithTypeInfo, BREAK, type DocumentNode, type ExecutionResult, type GraphQLInputObjectType, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { mapStream } from './streams';

/** Operations kept compiled (least recently used first out): clients send a few dozen distinct documents, not thousands. */
const MAX_COMPILED = 1000;

export interface ExecuteArgs {
  document: DocumentNode;
  operationName?: string | null;
  contextValue?: unknown;
  variableValues?: Record<string, unknown> | null;
  rootValue?: unknown;
}

export type Executor = ((args: ExecuteArgs) => Promise<ExecutionResult> | ExecutionResult) & {
  /** A subscription: its event stream, each event executed as `execute` would (or the errors that refused it). */
  subscribe(args: ExecuteArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult>;
};

/** graphql-js runs an operation graphql-jit would get wrong (see `jitRunsRightly`). */
const GRAPHQL_JS = Symbol('graphql-js');

/** `compile: false` (tracing on): every operation on graphql-js, whose OpenTelemetry instrumentation gives its spans; jit-compiled code has none. */
export function createExecutor(schema: GraphQLSchema, { compile: jit = true } = {}): Executor {
  const compiled = new Map<string, CompiledQuery | ExecutionResult | typeof GRAPHQL_JS>();
  const customSerializers = leafSerializers(schema);
  function compile(document: DocumentNode, operationName: string | null | undefined) {
    // keyed by the text: a WebSocket operation is parsed anew each time, an HTTP one comes from Apollo's document cache
    const key = `${operationName ?? ''}\n${document.loc?.source.body ?? print(document)}`;
    let c = compiled.get(key);
    if (c) {
      compiled.delete(key);
    } else {
      c = jit && jitRunsRightly(schema, document, operationName) ? compileQuery(schema, document, operationName ?? undefined, { customSerializers }) : GRAPHQL_JS;
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(key, c);
    return c;
  }
  const execute = (args: ExecuteArgs) => {
    const c = compile(args.document, args.operationName);
    if (c === GRAPHQL_JS) return executeWithGraphqlJs({ schema, ...args });
    if (!isCompiledQuery(c)) return c;
    const result = c.query(args.rootValue, args.contextValue, args.variableValues ?? {});
    return result instanceof Promise ? result.then(withGraphqlJsErrors) : withGraphqlJsErrors(result);
  };
  // every event of every subscriber runs the subscription's selection: compiled, as a query is
  const subscribe = async (args: ExecuteArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> => {
    const c = compile(args.document, args.operationName);
    if (c === GRAPHQL_JS || (isCompiledQuery(c) && !c.subscribe)) return subscribeWithGraphqlJs({ schema, ...args });
    if (!isCompiledQuery(c)) return c;
    const stream = await c.subscribe!(args.rootValue, args.contextValue, args.variableValues ?? {});
    return Symbol.asyncIterator in Object(stream) ? (mapStream(stream as AsyncIterable<ExecutionResult>, withGraphqlJsErrors) as AsyncGenerator<ExecutionResult, void, void>) : withGraphqlJsErrors(stream as ExecutionResult);
  };
  return Object.assign(execute, { subscribe });
}

/**
 * Each scalar's serializer with a fast path for the value resolvers give (a string for
 * `String`, a valid Date for `DateTimeISO` …), which returns what the scalar's own
 * `serialize` returns for it; any other value goes to that `serialize`, errors and all.
 * A list's leaves are most of a response: the scalars' checks took a sixth of the hot list's CPU.
 */
export function leafSerializers(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  const fast: Record<string, (v: unknown) => boolean> = {
    String: (v) => typeof v === 'string',
    ID: (v) => typeof v === 'string',
    Boolean: (v) => typeof v === 'boolean',
    Int: (v) => typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648,
    Float: (v) => typeof v === 'number' && Number.isFinite(v),
  };
  const out: Record<string, (value: unknown) => unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type)) continue;
    const serialize = (v: unknown) => type.serialize(v);
    const is = fast[type.name];
    if (is) out[type.name] = (v) => (is(v) ? v : serialize(v));
    else if (type.name === 'DateTimeISO') out[type.name] = (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoString(v) : serialize(v));
    else out[type.name] = serialize;
  }
  return out;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const DAY = 86_400_000;

/**
 * `date.toISOString()`, written in JavaScript for the years 0 to 9999 (others go to V8): V8's
 * own call into C++ took a tenth of the hot list's CPU, for 300 timestamps a page. The calendar
 * is Howard Hinnant's `civil_from_days`; the unit test compares both on every kind of date.
 */
export function isoString(date: Date): string {
  const t = date.getTime();
  if (t < -62167219200000 || t >= 253402300800000) return date.toISOString();
  const days = Math.floor(t / DAY);
  const ms = t - days * DAY;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const milli = ms % 1000;
  return `${year < 1000 ? `000${year}`.slice(-4) : year}-${two(month)}-${two(day)}T${two(Math.floor(ms / 3_600_000))}:${two(Math.floor(ms / 60_000) % 60)}:${two(Math.floor(ms / 1000) % 60)}.${milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : milli}Z`;
}

/**
 * Where graphql-jit and graphql-js differ, graphql-js runs the operation:
 * - jit's coercion of variables leaves out the default values of input objects' fields
 *   (`openTicket(input: $input)` would lose `nature`'s default and fail): an operation with a
 *   variable whose input type has a field default runs on graphql-js (mutations, mostly);
 * - jit calls a subscription field's `subscribe` with the operation's variables for its
 *   arguments: a subscription whose root field is given arguments (or has defaults) runs on graphql-js;
 * - jit wants a type name from `resolveType` at once, where type-graphql's is async: an
 *   operation that selects an interface or a union (`node(id:)`, `nodes(ids:)`) runs on graphql-js.
 */
function jitRunsRightly(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  const op = getOperationAST(document, operationName);
  if (!op) return true; // jit answers with the same error graphql-js gives
  if (op.operation === 'subscription') {
    // jit hands a subscription's `subscribe` the operation's variables, not the field's arguments
    const root = schema.getSubscriptionType()?.getFields() ?? {};
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== 'Field') return false;
      if (sel.arguments?.length || root[sel.name.value]?.args.some((a) => a.defaultValue !== undefined)) return false;
    }
  }
  const seen = new Set<GraphQLInputObjectType>();
  const hasFieldDefault = (t: GraphQLInputObjectType): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    return Object.values(t.getFields()).some((f) => {
      if (f.defaultValue !== undefined) return true;
      const named = getNamedType(f.type);
      return isInputObjectType(named) && hasFieldDefault(named);
    });
  };
  for (const v of op.variableDefinitions ?? []) {
    const named = getNamedType(typeFromAST(schema, v.type));
    if (named && isInputObjectType(named) && hasFieldDefault(named)) return false;
  }
  const types = new TypeInfo(schema);
  let abstract = false;
  visit(
    document,
    visitWithTypeInfo(types, {
      Field() {
        const t = types.getType();
        if (t && isAbstractType(getNamedType(t))) {
          abstract = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return !abstract;
}

/**
 * graphql-jit's errors are not of graphql-js's class: Apollo and the pipeline's `formatError`
 * (which finds what a resolver threw through `originalError`) get graphql-js's, as from graphql-js.
 */
function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    // jit's errors pass `instanceof` but are not built by graphql-js's constructor (Apollo's formatting fails on them)
    if (Object.getPrototypeOf(e) === GraphQLError.prototype) return e;
    const original = e.originalError ?? undefined;
    const error = new GraphQLError(e.message, { path: e.path, originalError: original, extensions: e.extensions });
    return Object.assign(error, { locations: e.locations });
  });
  return { ...result, errors };
}
