/**
 * THE request pipeline, the same for HTTP (Apollo) and WebSocket (graphql-ws): who the
 * caller is (context), what the document may do (guards, as GraphQL validation rules so
 * they see fragments and inline fragments), what the caller's budget allows, and what a
 * client may see of an error. The transports only adapt their hooks to these functions.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { trace } from '@opentelemetry/api';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { Admission } from './admission';
import type { Config } from './config';
import { currentLocale, type Text } from './i18n';
import { loaderRegistry, memoRegistry, type Context, type Viewer } from './context';
import type { EntityManager, MikroORM } from './database';
import { documentBounds } from './document-bounds';
import { DomainError, PUBLIC_ERROR_CODES, toGraphQLError } from './errors';
import type { PubSub } from './events';
import type { Logger } from './logger';
import { costCharged, currentObservation, describeOperation, operationFinished } from './metrics';
import { Role, roleList } from './roles';
import { controlCharacterProblem, type Problem } from './validation';
import { API_MESSAGES, CORE_SITUATIONS as T } from './core.messages';

/** How the caller presents itself, whatever the transport. */
export interface Credentials {
  authorization?: string | null;
  apiKey?: string | null;
}

/** Charges an operation's cost to the caller's budget; may throw THROTTLED. Returns what to report in `extensions.rateLimit`. */
export type CostBudget = (ctx: Context, cost: number) => Promise<Record<string, unknown> | null>;

export interface PipelineDeps {
  schema: GraphQLSchema;
  config: Config;
  orm: MikroORM;
  pubSub: PubSub;
  logger: Logger;
  /** Credentials → viewer (the access module), handed in by the composition root. */
  authenticate(em: EntityManager, creds: Credentials): Promise<Viewer | null>;
  /** The application cost budget (the integration module). */
  budget: CostBudget;
  /** Resolves once this instance has heard the events committed so far (the event bus's flush). */
  settle(): Promise<void>;
}

/** What one operation carries through the pipeline besides the context. */
export interface Operation {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;

/** The span attribute carrying the request id of the log lines (`x-request-id`). */
export const REQUEST_ID_ATTRIBUTE = 'chorus.request_id';

/** Introspection fields cost nothing: Sandbox must always be able to load the schema. */
const introspectionIsFree: ComplexityEstimator = ({ field }) => (field.name.startsWith('__') ? 0 : undefined);

export function createPipeline(deps: PipelineDeps) {
  const { schema, config, orm, logger } = deps;
  const production = config.env === 'production';
  const health = new DatabaseHealth(orm, logger);
  const admission = new Admission(config.admission.concurrency, config.admission.maxWaiting);
  const bounds = documentBounds(config.documentLimits);
  /** The rules run with the schema's own validation, on both transports (Apollo's `validationRules`, `validateDocument`). */
  const validationRules: ValidationRule[] = [bounds.rule];
  const wsValidationRules = [...specifiedRules, ...validationRules];

  /** A lost database as the typed 503, noted by the health watch: an outage met while authenticating is logged too. */
  function unavailable(e: unknown, requestId: string): GraphQLError | null {
    const coded = asServiceUnavailable(e, requestId);
    if (coded) health.unavailable(e);
    return coded;
  }

  /** The context of one operation: a forked EntityManager, the viewer read afresh, request-scoped loaders. */
  async function context(creds: Credentials, requestId: string, log: Logger): Promise<Context> {
    // a log line's request id leads to its trace (a no-op without OpenTelemetry)
    trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    const em = orm.em.fork();
    const observation = currentObservation();
    let viewer: Viewer | null;
    try {
      viewer = await deps.authenticate(em, creds);
    } catch (e) {
      const coded = unavailable(e, requestId);
      if (coded) operationFinished(observation, coded.extensions.code);
      throw coded ?? e;
    }
    return { em, viewer, requestId, logger: log, loader: loaderRegistry(), memo: memoRegistry(), production, pubSub: deps.pubSub, config, observation, locale: currentLocale() };
  }

  /** The rules that inspect the document for this caller; `onCost` receives the computed cost. */
  function guardRules(ctx: Context, op: Operation, onCost: (cost: number) => void): ValidationRule[] {
    return [
      maxDepthRule({
        n: config.maxQueryDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        propagateOnRejection: false,
        onReject: [(vctx) => vctx?.reportError(new GraphQLError(T['QUERY_TOO_DEEP.limit']({ max: config.maxQueryDepth }).render(), { extensions: { code: 'QUERY_TOO_DEEP', maxDepth: config.maxQueryDepth, http: { status: 400 } } }))],
      }),
      createComplexityRule({
        maximumComplexity: config.maxQueryCost,
        // a fragment spread twice in a fragment spread twice…: past this many fields counted, the cost is not worth computing
        maxQueryNodes: MAX_COUNTED_NODES,
        variables: op.variables ?? {},
        operationName: op.operationName ?? undefined,
        estimators: [introspectionIsFree, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        onComplete: onCost,
        createError: (max, cost) =>
          new GraphQLError(T['QUERY_TOO_COMPLEX.cost']({ cost, max }).render(), {
            extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: max, http: { status: 400 } },
          }),
      }),
      introspectionRule(production, ctx.viewer),
      textLiteralRule,
    ];
  }

  /**
   * Runs every guard on a parsed, schema-valid operation: text hygiene of the variables,
   * the document rules, then the caller's budget. Throws the first refusal; sets `ctx.cost`
   * and `ctx.rateLimit`. Over HTTP (`http`), a subscription is refused before anything is charged.
   */
  async function guard(ctx: Context, op: Operation, transport: { http?: boolean } = {}): Promise<void> {
    // the document is schema-valid here: its operation's name may become a label
    const operation = getOperationAST(op.document, op.operationName);
    describeOperation(ctx.observation, operation?.name?.value, operation?.operation ?? 'unknown');
    // before any cost is computed or charged: the client's mistake, said as such (the cost rule would throw on it)
    if (!operation) throw operationResolutionFailure(op);
    if (transport.http && operation.operation === 'subscription') throw subscriptionOverHttp();
    await admit(ctx);
    const bad = variableTextProblem(op.variables ?? {});
    if (bad) throw new GraphQLError(bad.text.render(), { extensions: { code: 'BAD_USER_INPUT', reason: bad.code, field: bad.field, http: { status: 400 } } });
    ctx.cost = documentCost(ctx, op);
    await charge(ctx);
  }

  /**
   * The document rules' verdict is a function of the document, its operation name, its
   * variables and whether the caller may introspect: a document that passed is not walked
   * again for the same four (a front-end repeats the same list query all day). A refusal is
   * not kept; it is computed afresh each time.
   */
  const passed = new WeakMap<DocumentNode, Map<string, number>>();
  const PASSED_PER_DOCUMENT = 100;
  /** Longer variables (a bulk import's rows) are not kept as a key: they would hold megabytes for a verdict rarely asked again. */
  const MAX_KEY_LENGTH = 2048;
  function documentCost(ctx: Context, op: Operation): number {
    const key = `${introspectionClass(production, ctx.viewer)}|${op.operationName ?? ''}|${JSON.stringify(op.variables ?? {})}`;
    const keep = key.length <= MAX_KEY_LENGTH;
    let byKey = passed.get(op.document);
    const known = keep ? byKey?.get(key) : undefined;
    if (known !== undefined) return known;
    let cost = 0;
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, op.document, guardRules(ctx, op, (c) => (cost = c)));
    } catch (e) {
      // the complexity rule throws (uncoded) when it stops counting
      if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message))
        throw new GraphQLError(T['QUERY_TOO_COMPLEX.expands']({ nodes: MAX_COUNTED_NODES, max: config.maxQueryCost }).render(), {
          extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: config.maxQueryCost, http: { status: 400 } },
        });
      throw e;
    }
    if (errors.length) {
      const e = errors[0];
      if (e.extensions?.code) throw e;
      // the cost needs the variables, so bad variables surface here first
      throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    if (!keep) return cost;
    if (!byKey) passed.set(op.document, (byKey = new Map()));
    if (byKey.size >= PASSED_PER_DOCUMENT) byKey.clear();
    byKey.set(key, cost);
    return cost;
  }

  /**
   * Waits for a place in the caller's share of this instance (anonymous callers, who can
   * do little, are not lined up); `done` frees it. Past the line's length: THROTTLED.
   */
  async function admit(ctx: Context): Promise<void> {
    if (!ctx.viewer || ctx.release) return;
    const release = await admission.enter(`${ctx.viewer.kind}:${ctx.viewer.id}`);
    if (!release)
      throw new GraphQLError(T['THROTTLED.admission']({ concurrency: config.admission.concurrency, waiting: config.admission.maxWaiting }).render(), {
        extensions: { code: 'THROTTLED', retryAfterSeconds: 1, http: { status: 429, headers: new Map([['retry-after', '1']]) } },
      });
    ctx.release = release;
  }

  /** The operation has answered (or, for a subscription, started): its place goes to the next in line. */
  function done(ctx: Context | undefined): void {
    ctx?.release?.();
  }

  /** Charges the operation's cost to the caller's budget (again, for each event a subscription delivers). */
  async function charge(ctx: Context): Promise<void> {
    try {
      ctx.rateLimit = await deps.budget(ctx, ctx.cost ?? 0);
    } catch (e) {
      throw unavailable(e, ctx.requestId) ?? e;
    }
    costCharged(ctx.observation, ctx.cost ?? 0);
  }

  /**
   * What a client may see of an error: a DomainError becomes its coded error; a lost or
   * saturated database becomes SERVICE_UNAVAILABLE; other coded errors pass as they are;
   * anything else is masked (and logged by `logUnexpected`).
   */
  function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const coded = toGraphQLError(original);
      return { message: coded.message, path: formatted.path, locations: formatted.locations, extensions: coded.extensions };
    }
    const { stacktrace: _s, http: _h, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (extensions.code === 'GRAPHQL_PARSE_FAILED') {
      const tooMany = bounds.tokenRefusal(formatted.message);
      if (tooMany) return { message: tooMany.message, extensions: omitHttp(tooMany.extensions) };
    }
    if (extensions.code === 'BAD_REQUEST') {
      const text = apolloRefusal(formatted.message);
      if (text) return { ...formatted, message: text.render(), extensions };
    }
    if (isPublic(extensions.code)) return { ...formatted, extensions };
    if (isDatabaseUnavailable(original)) {
      health.unavailable(original);
      return { message: API_MESSAGES.SERVICE_UNAVAILABLE().render(), path: formatted.path, locations: formatted.locations, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_SECONDS } };
    }
    if (isDataException(original)) {
      return { message: T['BAD_USER_INPUT.dataException']().render(), path: formatted.path, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    return { message: API_MESSAGES.INTERNAL_SERVER_ERROR().render(), path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }

  /** Logs the errors a client sees masked, in full, once each. */
  function logUnexpected(ctx: Pick<Context, 'logger'>, errors: readonly GraphQLError[]): void {
    for (const e of errors) {
      const original = unwrapResolverError(e);
      if (isPublic(e.extensions?.code) || original instanceof DomainError) continue;
      if (isDatabaseUnavailable(original)) {
        health.unavailable(original);
        continue;
      }
      if (isDataException(original)) continue;
      ctx.logger.error({ err: original ?? e, path: e.path }, 'unexpected error');
    }
  }

  /**
   * Counts an operation's answer in the metrics, once (a subscription's events are not
   * answers): its outcome is the first error's code, else user_error or ok.
   */
  function observe(ctx: Pick<Context, 'observation'>, errors?: readonly { extensions?: Record<string, unknown> }[]): void {
    operationFinished(ctx.observation, errors?.[0]?.extensions?.code ?? (errors?.length ? 'INTERNAL_SERVER_ERROR' : undefined));
  }

  /** Adds what every answer carries: the request id on masked errors, the cost and the rate limit; and counts it. */
  function finishResult<R extends { errors?: readonly GraphQLFormattedError[]; extensions?: Record<string, unknown> }>(ctx: Context, result: R): R {
    observe(ctx, result.errors);
    for (const e of result.errors ?? []) {
      if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === 'SERVICE_UNAVAILABLE') (e.extensions as Record<string, unknown>).requestId = ctx.requestId;
      if (hidesSuggestions(ctx.viewer)) (e as { message: string }).message = withoutSuggestions(e.message);
    }
    if (ctx.cost !== undefined) result.extensions = { ...result.extensions, cost: ctx.cost, ...(ctx.rateLimit ? { rateLimit: ctx.rateLimit } : {}) };
    return result;
  }

  /**
   * A mutation answers only once this instance has heard what it announced (its
   * CREDENTIALS_CHANGED above all): a key revoked, a person deactivated, stops working
   * here at once, cache or not, for the very next request.
   */
  async function settled(op: { document: DocumentNode; operationName?: string | null }): Promise<void> {
    if (getOperationAST(op.document, op.operationName)?.operation === 'mutation') await deps.settle();
  }

  /** In production, "Did you mean …?" names fields, types and values: only for callers who may introspect the schema anyway. */
  function hidesSuggestions(viewer: Viewer | null | undefined): boolean {
    const who = introspectionClass(production, viewer ?? null);
    return who === 'anonymous' || who === 'viewer';
  }

  /**
   * Parses and validates a WebSocket operation's document within the same bounds as HTTP's
   * (Apollo's `parseOptions` and `validationRules`, below): the refusals, typed, or the document.
   */
  function validateDocument(query: string): DocumentNode | readonly GraphQLError[] {
    let document: DocumentNode;
    try {
      document = bounds.parseDocument(query);
      const invalid = validate(schema, document, wsValidationRules);
      if (invalid.length) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    } catch (e) {
      if (e instanceof GraphQLError && isPublic(e.extensions.code)) return [new GraphQLError(e.message, { nodes: e.nodes, extensions: omitHttp(e.extensions) })];
      throw e;
    }
    return document;
  }

  /** A WebSocket operation refused before it ran (graphql-ws sends these errors itself): shown as HTTP's would be, counted like an HTTP refusal. */
  function refused(ctx: Pick<Context, 'observation'> & { viewer?: Viewer | null }, errors: GraphQLError[]): GraphQLError[] {
    if (hidesSuggestions(ctx.viewer)) for (const e of errors) e.message = withoutSuggestions(e.message);
    observe(ctx, errors);
    return errors;
  }

  return {
    context,
    guard,
    done,
    charge,
    settled,
    formatError,
    logUnexpected,
    finishResult,
    observe,
    refused,
    validateDocument,
    /** For Apollo: the same parse bound and validation rules as the WebSocket's. */
    parseOptions: bounds.parseOptions,
    validationRules,
    /** For Apollo, before it parses: the document's length. */
    lengthRefusal: bounds.lengthRefusal,
    health,
    production,
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;

/** Past this many fields counted (fragments expanded), the complexity rule stops and the query is refused. */
const MAX_COUNTED_NODES = 10_000;

/** graphql-js's suggestions end a message: " Did you mean "viewer"?", " Did you mean the enum value …?". */
function withoutSuggestions(message: string): string {
  const at = message.indexOf(' Did you mean ');
  return at < 0 ? message : message.slice(0, at);
}

function omitHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _h, ...rest } = extensions;
  return rest;
}

function isPublic(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_ERROR_CODES.has(code);
}

/**
 * Apollo Server's own refusals of a request (BadRequestError, English only) as catalogue texts,
 * by their wording in @apollo/server 5; an unknown one (a new Apollo version) stays as it is.
 */
const APOLLO_REFUSALS: readonly [RegExp, (m: RegExpExecArray) => Text][] = [
  [/^GET requests only support query operations, not (\w+) operations/, (m) => T['BAD_REQUEST.getNotQuery']({ operation: m[1] })],
  [/^Apollo Server supports only GET\/POST requests/, () => T['BAD_REQUEST.method']()],
  [/^GraphQL operations must contain a non-empty `query`/, () => T['BAD_REQUEST.noQuery']()],
  [/^GraphQL queries must be strings/, () => T['BAD_REQUEST.queryNotString']()],
  [/^POST body missing, invalid Content-Type/, () => T['BAD_REQUEST.emptyBody']()],
  [/^`(variables|extensions)` in a POST body (should be provided as|must be) an object/, (m) => T['BAD_REQUEST.notObject']({ name: m[1] })],
  [/^`operationName` in a POST body must be a string/, () => T['BAD_REQUEST.operationNameNotString']()],
  [/^The '(\w+)' search parameter may only be specified once/, (m) => T['BAD_REQUEST.searchParamTwice']({ name: m[1] })],
  [/^The (\w+) search parameter (contains invalid JSON|should contain a JSON-encoded object)/, (m) => T['BAD_REQUEST.searchParamJson']({ name: m[1] })],
  [/^GET requests may not have a content-type header other than application\/json/, () => T['BAD_REQUEST.getContentType']()],
  [/^An 'accept' header was provided for this request which does not accept/, () => T['BAD_REQUEST.accept']()],
  [/^(Operation batching disabled|No operations found in request)/, () => T['BAD_REQUEST.batching']()],
];

function apolloRefusal(message: string): Text | null {
  for (const [re, text] of APOLLO_REFUSALS) {
    const m = re.exec(message);
    if (m) return text(m);
  }
  return null;
}

/** Why no operation of the document can run: an `operationName` it does not have, or several operations and none named. */
export function operationResolutionFailure(op: Pick<Operation, 'document' | 'operationName'>): GraphQLError {
  const names = op.document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => d.name?.value ?? T['OPERATION_RESOLUTION_FAILURE.anonymous']().render());
  const operations = names.join(', ');
  const message = op.operationName
    ? T['OPERATION_RESOLUTION_FAILURE.unknownName']({ name: String(op.operationName).slice(0, 100), count: names.length, operations }).render()
    : T['OPERATION_RESOLUTION_FAILURE.several']({ operations }).render();
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

/** A subscription sent over HTTP (Apollo Client without its WebSocket link, a plain fetch): said so, with where to send it. */
export function subscriptionOverHttp(): GraphQLError {
  return new GraphQLError(
    T['SUBSCRIPTION_OVER_HTTP.how']().render(),
    { extensions: { code: 'SUBSCRIPTION_OVER_HTTP', http: { status: 400 } } },
  );
}

/* ---------- document guards ---------- */

/** What the introspection rule depends on: outside production anyone may; in production, an analyst or administrator, another viewer, or nobody. */
function introspectionClass(production: boolean, viewer: Viewer | null): 'any' | 'anonymous' | 'viewer' | 'introspects' {
  if (!production) return 'any';
  if (!viewer) return 'anonymous';
  return viewer.roles.has(Role.ANALYST) || viewer.roles.has(Role.ADMINISTRATOR) ? 'introspects' : 'viewer';
}

/** In production, introspection is for authenticated analysts and administrators only — wherever `__schema`/`__type` appear, fragments included. */
function introspectionRule(production: boolean, viewer: Viewer | null): ValidationRule {
  return (vctx: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      const who = introspectionClass(production, viewer);
      if (who === 'anonymous') {
        vctx.reportError(new GraphQLError(T['UNAUTHENTICATED.introspection']().render(), { nodes: [node], extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }));
      } else if (who === 'viewer') {
        vctx.reportError(new GraphQLError(T['FORBIDDEN.introspection']({ roles: roleList([Role.ANALYST, Role.ADMINISTRATOR]) }).render(), { nodes: [node], extensions: { code: 'FORBIDDEN', http: { status: 403 } } }));
      }
    },
  });
}

/** Text written in the document itself (string arguments) follows the same hygiene as variables. */
const textLiteralRule: ValidationRule = (vctx) => ({
  Argument(node) {
    const problem = literalProblem(node.value, [node.name.value]);
    if (problem) vctx.reportError(new GraphQLError(problem.text.render(), { nodes: [node], extensions: { code: 'BAD_USER_INPUT', reason: problem.code, field: problem.field, http: { status: 400 } } }));
  },
});

/** A text's problem, with the path of the argument or variable holding it (`["input", "title"]`). */
type PlacedProblem = Problem & { field: string[] };

function literalProblem(value: import('graphql').ValueNode, path: string[]): PlacedProblem | null {
  if (value.kind === Kind.STRING) {
    const p = controlCharacterProblem(value.value);
    return p ? { ...p, field: path } : null;
  }
  if (value.kind === Kind.LIST) {
    for (const v of value.values) {
      const p = literalProblem(v, path);
      if (p) return p;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const f of value.fields) {
      const p = literalProblem(f.value, [...path, f.name.value]);
      if (p) return p;
    }
  }
  return null;
}

/** The first string of the variables that holds a NUL or another control character, named by its path. */
function variableTextProblem(value: unknown, path: string[] = []): PlacedProblem | null {
  if (typeof value === 'string') {
    const p = controlCharacterProblem(value);
    return p ? { ...p, field: path } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = variableTextProblem(value[i], [...path, String(i)]);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = variableTextProblem(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/* ---------- the database's availability ---------- */


/** Whether an error says the database cannot be reached, or no connection could be had in time. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e as Record<string, unknown> | undefined, depth = 0; cur && depth < 6; depth++) {
    const code = String(cur.code ?? '');
    const name = String(cur.name ?? '');
    const message = String(cur.message ?? '');
    if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300'].includes(code)) return true;
    if (name === 'KnexTimeoutError' || name === 'ConnectionException') return true;
    if (/Timeout acquiring a connection|Unable to acquire a connection|Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|connect ECONNREFUSED/i.test(message)) return true;
    cur = (cur.cause ?? cur.previous ?? cur.originalError) as Record<string, unknown> | undefined;
  }
  return false;
}

/** PostgreSQL's class 22 (data exception): a value the column cannot hold — the client's input, not our fault. */
function isDataException(e: unknown): boolean {
  for (let cur = e as Record<string, unknown> | undefined, depth = 0; cur && depth < 6; depth++) {
    if (/^22[0-9A-Z]{3}$/.test(String(cur.code ?? ''))) return true;
    cur = (cur.cause ?? cur.previous ?? cur.originalError) as Record<string, unknown> | undefined;
  }
  return false;
}

/** A lost database as a typed 503 answer (with Retry-After and the request id), or null for any other error. */
export function asServiceUnavailable(e: unknown, requestId: string): GraphQLError | null {
  if (!isDatabaseUnavailable(e)) return null;
  return new GraphQLError(API_MESSAGES.SERVICE_UNAVAILABLE().render(), {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_SECONDS,
      requestId,
      http: { status: 503, headers: new Map([['retry-after', String(SERVICE_UNAVAILABLE_RETRY_SECONDS)]]) },
    },
  });
}

/**
 * Says once that the database is gone (with its cause) and once that it is back: a probe
 * runs every second while it is down, instead of one log line per failed request.
 */
export class DatabaseHealth {
  private down = false;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
  ) {}

  get available(): boolean {
    return !this.down;
  }

  unavailable(cause: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.error({ err: cause }, 'database unavailable: answering SERVICE_UNAVAILABLE until it is back');
    this.probe = setInterval(() => {
      this.orm.em
        .getConnection()
        .execute('select 1')
        .then(() => this.recovered())
        .catch(() => undefined);
    }, 1000);
    this.probe.unref();
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    this.logger.info('database available again');
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe);
  }
}
