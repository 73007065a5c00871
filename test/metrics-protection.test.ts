/**
 * Who may read /metrics. In production it is absent from the public port unless
 * METRICS_TOKEN is set (then the bearer token is required), or served on a port of its
 * own (METRICS_PORT), away from the API.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../packages/server/src/core/config';
import { createTestDatabase } from './support/db';
import { scrape } from './support/metrics';
import { startTestServer } from './support/server';

const db = await createTestDatabase();
afterAll(() => db.drop()); // registered first: runs after the servers stopped

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'metrics-test-secret-0123456789-abcdefghijkl', DEMO_DATA: 'false', NOTIFICATIONS: 'off' };
const TOKEN = 'scrape-token-0123456789-abcdef';
const base = (s: { url: string }) => s.url.replace(/\/graphql$/, '');

const plain = await startTestServer({ databaseUrl: db.url, env: PRODUCTION });
const withToken = await startTestServer({ databaseUrl: db.url, env: { ...PRODUCTION, METRICS_TOKEN: TOKEN } });
const ownPort = await startTestServer({ databaseUrl: db.url, env: { ...PRODUCTION, METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' } });

describe('/metrics in production', () => {
  it('is absent from the public port when no token is set', async () => {
    const res = await fetch(`${base(plain)}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('chorus_graphql_operations_total');
    // the API itself still answers
    expect((await plain.gql(`{ __typename }`)).body.data).toEqual({ __typename: 'Query' });
  });

  it('with METRICS_TOKEN, is refused without the bearer token or with another, and served with it', async () => {
    const none = await fetch(`${base(withToken)}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('chorus_');
    const wrong = await fetch(`${base(withToken)}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    // an API token is not the metrics token
    const apiLike = await fetch(`${base(withToken)}/metrics`, { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' } });
    expect(apiLike.status).toBe(401);
    const s = await scrape(`${base(withToken)}/metrics`, TOKEN);
    expect(s.family('chorus_graphql_operations_total')?.type).toBe('counter');
  });

  it('with METRICS_PORT, is served on its own port and not on the public one', async () => {
    expect(ownPort.metricsPort).toBeGreaterThan(0);
    expect(ownPort.metricsPort).not.toBe(ownPort.port);
    expect((await fetch(`${base(ownPort)}/metrics`)).status).toBe(404);
    const s = await scrape(`http://127.0.0.1:${ownPort.metricsPort}/metrics`);
    expect(s.family('chorus_db_pool_waiting')?.type).toBe('gauge');
    // nothing of the API there
    expect((await fetch(`http://127.0.0.1:${ownPort.metricsPort}/graphql`)).status).toBe(404);
  });

  it('the settings are checked at start', () => {
    expect(() => loadConfig({ ...PRODUCTION, METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...PRODUCTION, PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...PRODUCTION, OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(loadConfig(PRODUCTION).metrics.servedOn).toBe('none');
    expect(loadConfig({ ...PRODUCTION, METRICS: 'false', METRICS_TOKEN: TOKEN }).metrics.servedOn).toBe('none');
    expect(loadConfig({ NODE_ENV: 'development' }).metrics.servedOn).toBe('public-port');
  });
});
