import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, parse, subscribe, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { pinoHttp } from 'pino-http';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate } from './access/authenticate';
import { createJwtVerifier } from './access/credentials';
import type { Config } from './core/config';
import type { Context } from './core/context';
import type { MikroORM } from './core/database';
import { corsMiddleware } from './core/cors';
import { createEventBus } from './core/events';
import { LiveConnections, type CredentialsChange } from './core/live-connections';
import type { Logger } from './core/logger';
import { createPipeline, type Credentials, type Pipeline } from './core/pipeline';
import { landingPagePlugin, mountExplorer, wsCredentials } from './explorer';
import { REPORTS_PATH, reportsRouter } from './reports';
import { buildAppSchema } from './schema';
import { applicationCostBudget } from './integration/throttle';
import { WebhookDispatcher } from './integration/webhooks';
import { ServiceLevelJob } from './service-levels';
import { fileRoutes, S3FileStore, useFileStore } from './attachments';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  /** Stops taking requests, finishes those in flight, closes subscriptions and the event connection. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the HTTP + WebSocket server on an open ORM; `listen` on config.port (0 = any free port). */
export async function startServer(config: Config, orm: MikroORM, logger: Logger): Promise<RunningServer> {
  const clientUrl = orm.config.getClientUrl();
  const events = createEventBus(clientUrl, logger);
  await events.target.whenReady();
  const schema = await buildAppSchema(events.pubSub);
  const verify = await createJwtVerifier(config.jwt);
  const production = config.env === 'production';
  const pipeline = createPipeline({
    schema,
    config,
    orm,
    logger,
    pubSub: events.pubSub,
    authenticate: (em, creds) => authenticate(em, verify, creds, { production }),
    budget: applicationCostBudget,
  });

  // where new files' bytes go (ATTACHMENT_STORE); PostgreSQL unless an object store is configured
  if (config.files.store === 's3') useFileStore(new S3FileStore(config.files.s3!));

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  /* ---------- WebSocket (graphql-ws) on the same port and path, through the same pipeline ---------- */

  const live = new LiveConnections(logger);
  events.target.addEventListener('CREDENTIALS_CHANGED', (e: CustomEvent) => void live.changed(e.detail as CredentialsChange));
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
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
      onSubscribe: (ctx, _id, payload) => wsOperation(pipeline, schema, logger, ctx, payload),
      onNext: (_ctx, _id, _payload, args, result) => formatWsResult(pipeline, args.contextValue as Context, result),
      // subscriptions are charged again for every event they deliver (README, "Subscriptions")
      subscribe: async (args) => chargePerEvent(pipeline, args, await subscribe(args)),
    },
    wsServer,
  );

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

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true, // gated per operation by the pipeline's introspection rule
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM/SIGINT and stops everything in order
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginCacheControlDisabled(), // no HTTP caching of GraphQL answers here; saves a hook per field
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      wsShutdown,
      landingPagePlugin(config),
      httpPipelinePlugin(pipeline),
    ],
    formatError: pipeline.formatError,
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 && res.statusCode !== 503 ? 'error' : res.statusCode === 503 ? 'warn' : 'info'),
      customProps: (req) => ({ viewer: (req as { viewerLabel?: string }).viewerLabel }),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.use(corsMiddleware(config.cors));
  mountExplorer(app, config);

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
  app.use(REPORTS_PATH, reportsRouter((req) => pipeline.context(httpCredentials(req), String(req.id), req.log)));

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const ctx = await pipeline.context(httpCredentials(req), String(req.id), req.log);
        // the access log names the caller: a person's email, or an application and its key prefix
        (req as { viewerLabel?: string }).viewerLabel = ctx.viewer?.label;
        return ctx;
      },
    }),
  );

  // malformed JSON, oversized bodies and anything else that fails before GraphQL
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    const message =
      err.type === 'entity.parse.failed' ? 'The request body is not valid JSON.'
      : err.type === 'entity.too.large' ? 'The request body is too large.'
      : status === 500 ? 'Internal server error.'
      : err.message;
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId: String(req.id) } }] });
  });

  await new Promise<void>((ok, fail) => {
    httpServer.once('error', fail);
    httpServer.listen(config.port, config.host, () => ok());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const webhooks = new WebhookDispatcher(orm, config.webhooks, logger);
  webhooks.start();
  const serviceLevels = new ServiceLevelJob(orm, config.serviceLevelPollMs, logger);
  serviceLevels.start();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    httpServer,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop(); // stops accepting, drains in-flight HTTP, then WebSockets
        logger.debug('apollo stopped');
        wsServer.close();
        await webhooks.stop();
        pipeline.health.stop();
        await serviceLevels.stop();
        await events.target.close();
        logger.debug('event connection closed');
      })()),
  };
}

type WsExtra = {
  creds?: Credentials;
  forget?: () => void;
};

function httpCredentials(req: Request): Credentials {
  return { authorization: req.headers.authorization ?? null, apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : null };
}


/** The pipeline's guards and result shaping as Apollo hooks (HTTP). */
function httpPipelinePlugin(pipeline: Pipeline): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          await pipeline.guard(contextValue, { document, operationName: request.operationName, variables: request.variables });
        },
        async didEncounterErrors({ errors, contextValue }) {
          pipeline.logUnexpected(contextValue, errors);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = pipeline.finishResult(contextValue, response.body.singleResult);
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
    return [safeError(pipeline, e)];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (e) {
    return [new GraphQLError((e as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = validate(schema, document);
  if (invalid.length) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  const op = { document, operationName: payload.operationName, variables: payload.variables };
  try {
    await pipeline.guard(opCtx, op);
  } catch (e) {
    return [safeError(pipeline, e)];
  }
  log.info({ operationName: payload.operationName ?? null, viewer: opCtx.viewer?.label }, 'ws operation');
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: opCtx };
}

function formatWsResult(pipeline: Pipeline, ctx: Context, result: ExecutionResult): ExecutionResult {
  if (result.errors?.length) pipeline.logUnexpected(ctx, result.errors);
  const formatted: { errors?: GraphQLFormattedError[]; data?: unknown; extensions?: Record<string, unknown> } = {
    ...result,
    errors: result.errors?.map((e) => pipeline.formatError(e.toJSON(), e)),
  };
  if (!formatted.errors) delete formatted.errors;
  return pipeline.finishResult(ctx, formatted) as ExecutionResult;
}

/** Charges a subscription's cost for every event it delivers; when the budget is spent, it ends with THROTTLED. */
async function chargePerEvent(pipeline: Pipeline, args: ExecutionArgs, result: Awaited<ReturnType<typeof subscribe>>) {
  const ctx = args.contextValue as Context;
  if (!(Symbol.asyncIterator in result) || ctx.viewer?.kind !== 'APPLICATION') return result;
  const source = result as AsyncGenerator<ExecutionResult>;
  async function* charged(): AsyncGenerator<ExecutionResult> {
    try {
      for await (const event of source) {
        try {
          await pipeline.charge(ctx);
        } catch (e) {
          yield { errors: [safeError(pipeline, e)] };
          return;
        }
        yield event;
      }
    } finally {
      await source.return?.(undefined);
    }
  }
  return charged();
}
