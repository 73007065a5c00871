/**
 * OpenTelemetry traces, only when the standard OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: without it nothing is loaded and nothing is
 * exported. The SDK reads the other standard variables itself (OTEL_EXPORTER_OTLP_PROTOCOL
 * — http/protobuf by default, http/json or grpc —, OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER…).
 *
 * The instrumentations patch `http`, `graphql`, `pg` and `pino` as they are required, so
 * this runs before any of them is: `src/instrument.ts` is main.ts's first import.
 */
import type { IncomingMessage } from 'node:http';

/** Paths probed often and worth no trace. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

export interface Telemetry {
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

export function startTelemetry(env: NodeJS.ProcessEnv = process.env): Telemetry | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  env.OTEL_SERVICE_NAME ??= 'chorus-support';
  // traces only: the metrics are Prometheus' (/metrics), the logs are the JSON lines on stdout
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';

  // required here, not imported: without an endpoint none of this is loaded
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { PinoInstrumentation } = require('@opentelemetry/instrumentation-pino') as typeof import('@opentelemetry/instrumentation-pino');

  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.has((req.url ?? '').split('?')[0]),
        // outgoing calls: webhooks (and the JWKS) inside a trace only, not the exporter's own posts
        requireParentforOutgoingSpans: true,
      }),
      // parse, validate and execute spans with the operation's name; one span per field
      // resolver would cost more than it tells (the pg spans say where the time goes)
      new GraphQLInstrumentation({ ignoreResolveSpans: true, mergeItems: true }),
      // statements of a request only: the background jobs' polling would flood the traces
      new PgInstrumentation({ requireParentSpan: true }),
      // trace_id and span_id in each log line written inside a span
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
