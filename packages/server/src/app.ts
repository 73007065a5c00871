import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { SpanKind, trace } from '@opentelemetry/api';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, getOperationAST, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { sendWithoutWaitingForTheWire } from './core/ws-send';
import { authenticate } from './access/authenticate';
import { createJwtVerifier } from './access/credentials';
import { MAX_BODY_BYTES, type Config } from './core/config';
import type { Context } from './core/context';
import type { MikroORM } from './core/database';
import { corsMiddleware, preflightRefusal } from './core/cors';
import { PersistedDocuments } from './core/persisted-documents';
import { CredentialCache } from './access/credential-cache';
import { createEventBus, EVENTS_RESUMED } from './core/events';
import { LiveConnections, type CredentialsChange } from './core/live-connections';
import { currentObservation, metricsHandler, observing, trackSubscription, watchDatabase, websocketOpened, withinObservation } from './core/metrics';
import type { Logger } from './core/logger';
import { createExecutor, type Executor } from './core/execute';
import { beginRequest, defineRequestLog, LoggedRequest, nameCaller } from './core/access-log';
import { graphqlHttpHandler } from './core/graphql-http';
import { API_MESSAGES } from './core/core.messages';
import { negotiateLocale, withLocale, type Locale } from './core/i18n';
import { createPipeline, REQUEST_ID_ATTRIBUTE, subscriptionOverHttp, type Credentials, type Pipeline } from './core/pipeline';
import { landingPagePlugin, mountExplorer, wsCredentials } from './explorer';
import { REPORTS_PATH, reportsRouter } from './reports';
import { buildAppSchema } from './schema';
import { applicationCostBudget } from './integration/throttle';
import { WebhookDispatcher } from './integration/webhooks';
import { ServiceLevelJob } from './service-levels';
import { fileRoutes, S3FileStore, useFileStore } from './attachments';
import { startRetention } from './privacy';
import { DEV_MAILS_PATH, devMailsRouter, MAIL_ACTIONS_PATH, mailActionsRouter, startInboundSmtp, startNotifications } from './notifications';

export interface RunningServer {
  url: string;
  port: number;
  /** The port of /metrics when it has one of its own (METRICS_PORT). */
  metricsPort?: number;
  /** The port of the inbound SMTP listener for replies, when it runs (INBOUND_SMTP_PORT). */
  inboundSmtpPort?: number;
  httpServer: Server;
  /** Stops taking requests, finishes those in flight, closes subscriptions and the event connection. */
  close(): Promise<void>;
}

/** How often node:http looks for requests past their headers' or body's time (its default, 30 s, let a slow-loris socket live 87 s). */
const TIMEOUT_CHECK_MS = 1000;

/** Every response, whatever answers it: browsers never guess a type other than the one declared. */
function noSniffing(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
}

/** `/graphql` (with or without its trailing slash), whatever the query string. */
function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0];
  return path === '/graphql' || path === '/graphql/';
}

/** Builds the HTTP + WebSocket server on an open ORM; `listen` on config.port (0 = any free port). */
export async function startServer(config: Config, orm: MikroORM, logger: Logger): Promise<RunningServer> {
  const clientUrl = orm.config.getClientUrl();
  const events = createEventBus(clientUrl, logger);
  await events.target.whenReady();
  const schema = await buildAppSchema(events.pubSub);
  const verify = await createJwtVerifier(config.jwt);
  const production = config.env === 'production';
  const execute = createExecutor(schema, { compile: !config.tracing });
  const credentials = new CredentialCache(config.credentialsCacheMs);
  const pipeline = createPipeline({
    schema,
    config,
    orm,
    logger,
    pubSub: events.pubSub,
    authenticate: (em, creds) => authenticate(em, verify, creds, { production, cache: credentials }),
    budget: applicationCostBudget,
    settle: () => events.target.flush(),
  });

  // where new files' bytes go (ATTACHMENT_STORE); PostgreSQL unless an object store is configured
  if (config.files.store === 's3') useFileStore(new S3FileStore(config.files.s3!));

  const app = express();
  // Express re-prototypes each request to app.request: req.log must be found there too (the /files and /reports routes, the error handler)
  defineRequestLog(app.request);
  app.disable('x-powered-by');
  // answers are per caller and per request: hashing each body for an ETag took 3 % of a list request's CPU
  app.set('etag', false);
  const cors = corsMiddleware(config.cors);
  /** GraphQL over HTTP, once Apollo has started. */
  let graphql: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  // every request: its id and access line, CORS; then GraphQL straight to Apollo (a GET may be a browser's, for Express's explorer page), the rest to Express
  // a client has HTTP_HEADERS_TIMEOUT_MS to send its headers (WebSocket upgrades included), however slowly it trickles them
  const httpServer = createServer({ IncomingMessage: LoggedRequest, headersTimeout: config.http.headersTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    noSniffing(res);
    beginRequest(logger, req, res);
    // every text of the answer in the language the client asks for (French by default)
    const locale = negotiateLocale(req.headers['accept-language']);
    res.setHeader('Content-Language', locale);
    withLocale(locale, () => {
      // a page of an origin CORS_ORIGINS does not list: told so (the cors middleware would pass the preflight on to GraphQL's CSRF refusal)
      if (preflightRefusal(config.cors, req, res)) return;
      cors(req, res, () => (graphql && req.method !== 'GET' && isGraphqlPath(req.url) ? graphql(req, res) : app(req, res)));
    });
  });
  const metricsOn = config.metrics.enabled;
  const unwatchDatabase = metricsOn ? watchDatabase(orm, config.metrics.maxOperationNames) : () => undefined;
  /** Runs a transport's handling of one operation in its metrics scope (nothing when metrics are off). */
  const observed = <T>(transport: 'http' | 'ws', run: () => T): T => (metricsOn ? observing(transport, run) : run());

  /* ---------- WebSocket (graphql-ws) on the same port and path, through the same pipeline ---------- */

  const live = new LiveConnections(logger);
  // the cache forgets first, so the live connections' re-check reads the directory afresh
  events.target.addEventListener('CREDENTIALS_CHANGED', (e: CustomEvent) => {
    credentials.invalidate(e.detail as CredentialsChange);
    void live.changed(e.detail as CredentialsChange);
  });
  events.target.addEventListener(EVENTS_RESUMED, () => {
    credentials.invalidate();
    void live.changed({});
  });
  // a message as large as an HTTP body at most: `ws` closes a connection (1009) on a larger frame's header, before reading it
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_BODY_BYTES });
  wsServer.on('connection', sendWithoutWaitingForTheWire);
  if (metricsOn) wsServer.on('connection', (socket) => socket.once('close', websocketOpened()));
  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const creds = wsCredentials(ctx.connectionParams ?? {});
        const socket = ctx.extra.socket as WebSocket;
        try {
          const { viewer } = await pipeline.context(creds, randomUUID(), logger);
          // anonymous or bad credentials: graphql-ws closes with 4403 Forbidden
          if (!viewer) return false;
          ctx.extra.creds = creds;
          ctx.extra.forget = live.add(
            viewer,
            (code, reason) => socket.close(code, reason),
            async () => (await pipeline.context(creds, randomUUID(), logger)).viewer,
          );
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => ctx.extra.forget?.(),
      // the connection's language: its `locale` parameter, else the upgrade's Accept-Language
      onSubscribe: (ctx, _id, payload) => withLocale(wsLocale(ctx), () => observed('ws', () => wsOperation(pipeline, schema, logger, ctx, payload))),
      onNext: (_ctx, _id, _payload, args, result) => withLocale((args.contextValue as Context).locale, () => formatWsResult(pipeline, args.contextValue as Context, result)),
      // graphql-ws executes after onSubscribe returned: back in the operation's metrics scope
      execute: (args) =>
        withinOperation(args.contextValue as Context, () =>
          inWsSpan(args, async () => {
            try {
              const result = await execute(args);
              await pipeline.settled({ document: args.document, operationName: args.operationName });
              return result;
            } finally {
              pipeline.done(args.contextValue as Context);
            }
          }),
        ),
      // subscriptions are charged again for every event they deliver (README, "Subscriptions")
      // the caller's place (pipeline.guard took it) is freed once the operation has answered or started
      subscribe: (args) =>
        withinOperation(args.contextValue as Context, () =>
          inWsSpan(args, async () => {
            try {
              return startSubscription(pipeline, args, await execute.subscribe(args));
            } finally {
              pipeline.done(args.contextValue as Context);
            }
          }),
        ),
    },
    wsServer,
  );
  // graphql-ws takes every 'error' of a socket for an internal one (console.error with a stack, then 1011);
  // on a server's socket they are the client's protocol faults — a message past maxPayload above all —
  // which ws has already answered with their close code (1009…)
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (err: Error & { code?: string }) => logger.info({ code: err.code, reason: err.message }, 'websocket closed: the client broke the protocol'));
  });

  const wsShutdown: ApolloServerPlugin<Context> = {
    async serverWillStart() {
      return {
        async drainServer() {
          logger.debug({ clients: wsServer.clients.size }, 'closing subscriptions');
          await wsCleanup.dispose();
          logger.debug('subscriptions closed');
        },
      };
    },
  };

  /* ---------- HTTP (Apollo) ---------- */

  // documents sent by id: the SDK's manifest and a front-end's own (PERSISTED_DOCUMENTS_FILES)
  const persistedDocuments = PersistedDocuments.load(config.persisted.files);
  logger.info({ manifests: persistedDocuments.sources, registration: config.persisted.mode === 'apq' ? 'any client (APQ, bounded)' : 'manifests only' }, 'persisted documents loaded');

  const apollo = new ApolloServer<Context>({
    // Apollo's way to hand execution to another executor (its "gateway" interface): ours, the same as WebSocket's
    gateway: {
      async load() {
        return { executor: async (rc) => (await execute({ document: rc.document, operationName: rc.operationName, contextValue: rc.context, variableValues: rc.request.variables })) };
      },
      onSchemaLoadOrUpdate(cb) {
        cb({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async stop() {},
    },
    introspection: true, // gated per operation by the pipeline's introspection rule
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM/SIGINT and stops everything in order
    includeStacktraceInErrorResponses: false,
    // done before Apollo (core/graphql-http.ts): the same rule, a message saying which header to send, and GETs by persisted id exempt
    csrfPrevention: false,
    // automatic persisted queries, for any client (PERSISTED_QUERIES=apq, development's default): Apollo's bounded in-memory cache (30 MiB per instance);
    // otherwise only the manifests' ids are known, resolved before Apollo
    persistedQueries: config.persisted.mode === 'apq' ? {} : false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(), // no HTTP caching of GraphQL answers here; saves a hook per field
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      wsShutdown,
      landingPagePlugin(config),
      httpPipelinePlugin(pipeline),
    ],
    formatError: pipeline.formatError,
    // the same document bounds as the WebSocket's (pipeline.validateDocument)
    parseOptions: pipeline.parseOptions,
    validationRules: pipeline.validationRules,
  });
  await apollo.start();
  const answerGraphql = graphqlHttpHandler<Context>({
    apollo,
    maxBodyBytes: MAX_BODY_BYTES,
    bodyTimeoutMs: config.http.bodyTimeoutMs,
    // after the body is read: what follows (Apollo, every resolver) runs in the operation's metrics scope
    observed: (run) => observed('http', run),
    persisted: { documents: persistedDocuments, apq: config.persisted.mode === 'apq', getMaxAgeSeconds: config.persisted.getMaxAgeSeconds },
    context: async (req) => {
      const ctx = await pipeline.context(httpCredentials(req), req.id, req.log);
      nameCaller(req, ctx.viewer?.label);
      return ctx;
    },
  });
  graphql = (req, res) =>
    void answerGraphql(req, res).catch((err: unknown) => {
      req.log.error({ err }, 'request failed');
      if (res.headersSent) return void res.destroy();
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: API_MESSAGES.INTERNAL_SERVER_ERROR().render(), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.id } }] }));
    });

  mountExplorer(app, config);

  // /metrics on the public port (development, or production with METRICS_TOKEN); see config.metrics
  if (config.metrics.servedOn === 'public-port') {
    const handler = metricsHandler(config.metrics.token);
    app.get('/metrics', (req, res) => void handler(req, res));
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  // upload and download of files by short-lived signed URL (attachments/attachment.http.ts)
  app.use('/files', fileRoutes(orm, config));
  // printable reports: the same context (credentials, perimeter) as the API
  app.use(REPORTS_PATH, reportsRouter((req) => pipeline.context(httpCredentials(req), req.id, req.log)));

  // one-click links in mails (cancel a registration, decide a request, rate a resolution): a page, then a POST
  const mailActionOrigins: string[] = config.notifications.publicUrl ? [new URL(config.notifications.publicUrl).origin] : [];
  app.use(MAIL_ACTIONS_PATH, mailActionsRouter(orm, { secret: config.notifications.actionSecret, timeZone: config.notifications.timeZone, origins: mailActionOrigins }));
  // development and tests: the outbox's mails as their recipients would see them (never in production)
  if (!production) app.use(DEV_MAILS_PATH, devMailsRouter(orm));

  // GraphQL's GETs that are not a browser's page
  app.get('/graphql', (req, res) => graphql!(req, res));

  // anything that fails outside GraphQL
  app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message = status === 500 ? API_MESSAGES.INTERNAL_SERVER_ERROR().render() : API_MESSAGES.BAD_REQUEST().render();
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId: req.id } }] });
  });

  await new Promise<void>((ok, fail) => {
    httpServer.once('error', fail);
    httpServer.listen(config.port, config.host, () => ok());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const metricsServer = config.metrics.servedOn === 'own-port' ? await listenForMetrics(config) : null;
  if (config.metrics.enabled && config.metrics.servedOn === 'none') logger.info('metrics are not served: in production, set METRICS_PORT or METRICS_TOKEN');
  const webhooks = new WebhookDispatcher(orm, config.webhooks, logger);
  webhooks.start();
  const serviceLevels = new ServiceLevelJob(orm, config.serviceLevelPollMs, logger);
  serviceLevels.start();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  // the mail outbox's worker (notifications/): decides and delivers on every instance
  const notifications = await startNotifications({ orm, config, logger, selfUrl: `http://${host}:${port}` });
  // the retention job (privacy/): only when a RETENTION_* duration is set
  const retention = await startRetention(orm, config, logger);
  mailActionOrigins.push(`http://${host}:${port}`);
  // replies to ticket mails become comments (off without INBOUND_SMTP_PORT)
  const inbound = await startInboundSmtp(orm, config, logger);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    metricsPort: metricsServer ? (metricsServer.address() as AddressInfo).port : undefined,
    inboundSmtpPort: inbound?.port,
    httpServer,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop(); // stops accepting, drains in-flight HTTP, then WebSockets
        logger.debug('apollo stopped');
        wsServer.close();
        await webhooks.stop();
        pipeline.health.stop();
        await serviceLevels.stop();
        await inbound?.stop();
        await notifications.stop();
        await retention?.stop();
        await events.target.close();
        logger.debug('event connection closed');
        unwatchDatabase();
        if (metricsServer) {
          const closed = new Promise((ok) => metricsServer.close(ok));
          metricsServer.closeAllConnections(); // a scraper's keep-alive connection must not hold the shutdown
          await closed;
        }
      })()),
  };
}

type WsExtra = {
  creds?: Credentials;
  forget?: () => void;
  request?: IncomingMessage;
};

/** A WebSocket connection's language: the `locale` connection parameter, else its upgrade's Accept-Language. */
function wsLocale(ctx: WsContext<Record<string, unknown>, WsExtra>): Locale {
  const asked = ctx.connectionParams?.locale;
  return negotiateLocale(typeof asked === 'string' ? asked : ctx.extra.request?.headers['accept-language']);
}

/** Later work of a WebSocket operation, back in its metrics scope and its language. */
function withinOperation<T>(ctx: Context, run: () => T): T {
  return withLocale(ctx.locale, () => withinObservation(ctx.observation, run));
}

function httpCredentials(req: IncomingMessage): Credentials {
  return { authorization: req.headers.authorization ?? null, apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : null };
}


/** The pipeline's guards and result shaping as Apollo hooks (HTTP). */
function httpPipelinePlugin(pipeline: Pipeline): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // before Apollo parses it (a refusal thrown here is answered with its status, 400)
        async didResolveSource({ source }) {
          const tooLong = pipeline.lengthRefusal(source);
          if (tooLong) throw tooLong;
        },
        async didResolveOperation({ request, document, contextValue }) {
          await pipeline.guard(contextValue, { document, operationName: request.operationName, variables: request.variables }, { http: true });
        },
        async didEncounterErrors({ errors, contextValue }) {
          pipeline.logUnexpected(contextValue, errors);
        },
        async willSendResponse({ response, contextValue, document, request, operation }) {
          try {
            if (document) await pipeline.settled({ document, operationName: request.operationName });
          } finally {
            pipeline.done(contextValue);
          }
          if (response.body.kind !== 'single') return;
          // Apollo refuses any GET that is not a query with 405 and `Allow: POST`; a subscription would fare no better by POST
          if (response.http.status === 405 && operation?.operation === 'subscription') {
            const refusal = subscriptionOverHttp();
            response.body.singleResult = { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] };
            response.http.status = 400;
            response.http.headers.delete('allow');
          }
          const result = pipeline.finishResult(contextValue, response.body.singleResult);
          // a GET's answer with errors is not kept by any cache (a successful GET by persisted id may be: core/graphql-http.ts)
          if (result.errors?.length && request.http?.method === 'GET' && !response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          const unavailable = result.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
          if (unavailable) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(unavailable.extensions?.retryAfterSeconds ?? 5));
          }
        },
      };
    },
  };
}

/** A client-safe GraphQLError from any error, through the pipeline's formatting. */
function safeError(pipeline: Pipeline, e: unknown): GraphQLError {
  const error = e instanceof GraphQLError ? e : new GraphQLError(e instanceof Error ? e.message : String(e), { originalError: e instanceof Error ? e : undefined });
  const f = pipeline.formatError(error.toJSON(), error);
  const { http: _h, ...extensions } = (f.extensions ?? {}) as Record<string, unknown>;
  return new GraphQLError(f.message, { extensions });
}

/**
 * One WebSocket operation: the viewer re-read from the connection's credentials (so an
 * operation never runs on rights that ended), parse, the schema's validation, then the
 * same guards and budget as HTTP.
 */
async function wsOperation(pipeline: Pipeline, schema: import('graphql').GraphQLSchema, logger: Logger, ctx: WsContext<Record<string, unknown>, WsExtra>, payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const requestId = randomUUID();
  const log = logger.child({ requestId, ws: true });
  let opCtx: Context;
  try {
    opCtx = await pipeline.context(ctx.extra.creds ?? {}, requestId, log);
  } catch (e) {
    pipeline.logUnexpected({ logger: log }, [e instanceof GraphQLError ? e : new GraphQLError(String(e), { originalError: e as Error })]);
    return pipeline.refused({ observation: currentObservation() }, [safeError(pipeline, e)]);
  }
  const document = pipeline.validateDocument(payload.query);
  if (!('kind' in document)) return pipeline.refused(opCtx, [...document]);
  const op = { document, operationName: payload.operationName, variables: payload.variables };
  try {
    await pipeline.guard(opCtx, op);
  } catch (e) {
    pipeline.done(opCtx);
    return pipeline.refused(opCtx, [safeError(pipeline, e)]);
  }
  log.info({ operationName: getOperationAST(document, payload.operationName)?.name?.value ?? null, viewer: opCtx.viewer?.label }, 'ws operation');
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: opCtx };
}

function formatWsResult(pipeline: Pipeline, ctx: Context, result: ExecutionResult): ExecutionResult {
  if (result.errors?.length) pipeline.logUnexpected(ctx, result.errors);
  // built with only the keys it has (no delete: a subscription answers this for every event)
  const formatted: { errors?: GraphQLFormattedError[]; data?: unknown; extensions?: Record<string, unknown> } = result.errors
    ? { ...result, errors: result.errors.map((e) => pipeline.formatError(e.toJSON(), e)) }
    : 'extensions' in result
      ? { data: result.data, extensions: result.extensions }
      : { data: result.data };
  return pipeline.finishResult(ctx, formatted) as ExecutionResult;
}

const tracer = trace.getTracer('chorus-support');

/**
 * A WebSocket operation's own server span (HTTP has the request's), carrying its request
 * id, so its GraphQL and pg spans make one trace. Until answered; a subscription until set up.
 * Without OpenTelemetry the API's spans are no-ops.
 */
function inWsSpan<T>(args: ExecutionArgs, run: () => Promise<T>): Promise<T> {
  const ctx = args.contextValue as Context;
  const name = getOperationAST(args.document, args.operationName)?.name?.value ?? 'operation';
  return tracer.startActiveSpan(`graphql-ws ${name}`, { kind: SpanKind.SERVER, attributes: { [REQUEST_ID_ATTRIBUTE]: ctx.requestId } }, async (span) => {
    try {
      return await run();
    } finally {
      span.end();
    }
  });
}

/** /metrics alone on METRICS_PORT (its token, if any, still asked). */
async function listenForMetrics(config: Config): Promise<Server> {
  const handler = metricsHandler(config.metrics.token);
  const server = createServer((req, res) => {
    noSniffing(res);
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) return void handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only /metrics here.\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.metrics.port, config.metrics.host, () => ok());
  });
  return server;
}

/** A subscription that started: counted as answered (ok), followed by the running-subscriptions gauge, charged per event. */
function startSubscription(pipeline: Pipeline, args: ExecutionArgs, result: Awaited<ReturnType<Executor['subscribe']>>) {
  if (!(Symbol.asyncIterator in result)) return result; // refused: its errors are answered through onNext
  const ctx = args.contextValue as Context;
  pipeline.observe(ctx);
  const events = chargePerEvent(pipeline, args, result) as AsyncIterable<ExecutionResult>;
  return ctx.observation ? trackSubscription(events) : events;
}

/**
 * Charges a subscription's cost for every event it delivers; once the budget is spent, the
 * next event is THROTTLED instead and the subscription ends. The charge goes out with the
 * event rather than before it: waiting for it put a database round trip before every event an
 * application received (its events came last in a burst). The budget may thus be overdrawn by
 * the events that arrive while the charge that spends it is under way (one, or a few in a burst).
 */
function chargePerEvent(pipeline: Pipeline, args: ExecutionArgs, result: Awaited<ReturnType<Executor['subscribe']>>) {
  const ctx = args.contextValue as Context;
  if (!(Symbol.asyncIterator in result) || ctx.viewer?.kind !== 'APPLICATION') return result;
  const source = (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]();
  let charges: Promise<void> = Promise.resolve();
  let refusal: ExecutionResult | null = null;
  let ended = false;
  const done: IteratorResult<ExecutionResult> = { done: true, value: undefined };
  const end = () => {
    ended = true;
    return source.return ? source.return().then(() => done) : Promise.resolve(done);
  };
  const stream: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      if (ended) return done;
      const r = await source.next();
      if (r.done) return r;
      if (ended) return done;
      if (refusal) {
        void end();
        return { done: false, value: refusal };
      }
      charges = charges
        .then(() => pipeline.charge(ctx))
        .catch((e: unknown) => {
          refusal ??= { errors: [safeError(pipeline, e)] };
        });
      return r;
    },
    return: end,
    throw: (err?: unknown) => end().then(() => Promise.reject(err)),
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
