import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { authenticate, type Credentials } from './auth/authenticate';
import { createJwtVerifier } from './core/auth';
import type { Config } from './core/config';
import { loaderRegistry, type Context } from './core/context';
import type { MikroORM } from './core/database';
import { DomainError, PUBLIC_ERROR_CODES, toGraphQLError } from './core/errors';
import { unwrapResolverError } from '@apollo/server/errors';
import { corsMiddleware } from './core/cors';
import { createEventBus } from './core/events';
import type { Logger } from './core/logger';
import { costLimitPlugin, introspectionGatePlugin } from './core/plugins';
import { landingPagePlugin, mountExplorer, wsCredentials } from './explorer';
import { REPORTS_PATH, reportsRouter } from './reports';
import { buildAppSchema } from './schema';
import { applicationCostBudget } from './integration/throttle';
import { WebhookDispatcher } from './integration/webhooks';

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

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const newContext = async (requestId: string, log: Logger, creds: Credentials): Promise<Context> => {
    const em = orm.em.fork();
    return { em, viewer: await authenticate(em, verify, creds), requestId, logger: log, loader: loaderRegistry(), production, pubSub: events.pubSub, config };
  };

  // WebSocket subscriptions (graphql-ws) on the same port and path
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { ctx?: Context }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        try {
          const requestId = randomUUID();
          ctx.extra.ctx = await newContext(requestId, logger.child({ requestId, ws: true }), wsCredentials(params));
          // anonymous or bad credentials: graphql-ws closes with 4403 Forbidden
          return ctx.extra.ctx.viewer !== null;
        } catch {
          return false;
        }
      },
      // one forked EntityManager per operation, same viewer as the connection
      context: async (ctx) => {
        const base = ctx.extra.ctx!;
        return { ...base, em: base.em.fork(), loader: loaderRegistry(), requestId: randomUUID() };
      },
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

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true, // gated per request by introspectionGatePlugin
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM/SIGINT and stops everything in order
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    validationRules: [
      maxDepthRule({
        n: config.maxQueryDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        // report as a validation error (400) rather than throw (500)
        propagateOnRejection: false,
        onReject: [(ctx, err) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))],
      }),
    ],
    plugins: [
      ApolloServerPluginCacheControlDisabled(), // no HTTP caching of GraphQL answers here; saves a hook per field
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      wsShutdown,
      landingPagePlugin(config),
      costLimitPlugin(schema, config.maxQueryCost, applicationCostBudget),
      introspectionGatePlugin(production),
      unexpectedErrorsPlugin,
    ],
    formatError: maskError,
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
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
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

  app.use(REPORTS_PATH, reportsRouter((req) => newContext(String(req.id), req.log, httpCredentials(req))));

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = String(req.id);
        const ctx = await newContext(requestId, req.log, httpCredentials(req));
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
        await events.target.close();
        logger.debug('event connection closed');
      })()),
  };
}

function httpCredentials(req: Request): Credentials {
  return { authorization: req.headers.authorization ?? null, apiKey: typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : null };
}

function isPublic(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_ERROR_CODES.has(code);
}

/**
 * What a client may see of an error: a DomainError thrown by a query becomes its coded
 * error (here rather than in a per-field middleware, which would make every field async);
 * other coded errors pass as they are; anything else is masked.
 */
function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const coded = toGraphQLError(original);
    return { message: coded.message, path: formatted.path, locations: formatted.locations, extensions: coded.extensions };
  }
  const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
  if (isPublic(extensions.code)) return { ...formatted, extensions };
  return {
    message: 'Internal server error. Quote the request id when reporting it.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs unexpected errors in full and gives the client the request id to quote. */
const unexpectedErrorsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const e of errors) {
          if (!isPublic(e.extensions?.code) && !(e.originalError instanceof DomainError)) contextValue.logger.error({ err: e.originalError ?? e, path: e.path }, 'unexpected error');
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const e of response.body.singleResult.errors ?? []) {
          if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
        }
      },
    };
  },
};
