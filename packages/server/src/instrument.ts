/**
 * Imported first by main.ts: OpenTelemetry must patch `http`, `graphql` and `pg` before
 * anything requires them (a no-op without OTEL_EXPORTER_OTLP_ENDPOINT).
 */
import { startTelemetry } from './core/telemetry';

export const telemetry = startTelemetry();
