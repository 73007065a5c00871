/** Reading /metrics as Prometheus does: the text format parsed by a parser library (prom2javascript), not a regex. */
import { Readable } from 'node:stream';
import { getMetricsFromStream, type PromData, type PromHistogramData, type PromMetrics } from 'prom2javascript';

export class Scrape {
  constructor(public readonly families: PromMetrics) {}

  family(name: string) {
    return this.families[name];
  }

  private series<T extends { labels: Record<string, string> }>(name: string, labels: Record<string, string>): T[] {
    return ((this.family(name)?.data ?? []) as unknown as T[]).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  }

  /** The sum of a counter's or gauge's series matching `labels` (0 when none). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.series<PromData>(name, labels).reduce((n, m) => n + m.value, 0);
  }

  /** A histogram's observation count and sum over the series matching `labels`. */
  histogram(name: string, labels: Record<string, string> = {}): { count: number; sum: number } {
    return this.series<PromHistogramData>(name, labels).reduce((h, m) => ({ count: h.count + m.count, sum: h.sum + (m.sum ?? 0) }), { count: 0, sum: 0 });
  }

  /** The distinct values a label takes in a family. */
  labelValues(name: string, label: string): Set<string> {
    return new Set(((this.family(name)?.data ?? []) as { labels: Record<string, string> }[]).map((m) => m.labels?.[label]).filter((v): v is string => v !== undefined));
  }
}

/**
 * A sample whose value is NaN is valid Prometheus text (prom-client writes `Nan` for the
 * event-loop lag gauges when no loop turn was sampled since the last scrape, which a busy
 * machine hits at any spacing) but this parser throws on it. Such a sample carries no
 * number for a test to read, so it is left out before parsing.
 */
function withoutNaN(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.startsWith('#') || !/\s[Nn]a[Nn](\s+-?\d+)?\s*$/.test(line))
    .join('\n');
}

/** GETs a metrics URL and parses it; throws with the status when it is not 200 in the Prometheus text format. */
export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
  if (!/^text\/plain; version=0\.0\.4/.test(res.headers.get('content-type') ?? '')) throw new Error(`not the Prometheus text format: ${res.headers.get('content-type')}`);
  return new Scrape(await getMetricsFromStream(Readable.from([withoutNaN(text)])));
}
