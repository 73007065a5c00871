import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { Role } from './roles';
import type { PubSub } from './events';
import type { Config } from './config';
import type { Observation } from './metrics';
import type { Locale } from './i18n';
import { unauthenticated } from './errors';

/** Who is calling: a person (bearer JWT) or a business application (API key). */
export interface Viewer {
  kind: 'PERSON' | 'APPLICATION';
  /** Raw id of the person or of the application client. */
  id: string;
  roles: ReadonlySet<Role>;
  /** The person's structure; null for an application. */
  structureId: string | null;
  /** The person's (or the application's) ministry. */
  ministryId: string | null;
  /** Structures an application may file for; empty for a person. */
  applicationStructureIds: readonly string[];
  /** Structures where the person holds a running CCA assignment: where they open and follow tickets (the one meaning of "the CCA's structure"). */
  ccaStructureIds: readonly string[];
  /** For an SN1 agent: the structures of their ministry, whose tickets they handle; empty otherwise. */
  sn1StructureIds: readonly string[];
  /** When the credentials stop holding (the token's exp, the API key's expiry); null when they do not expire. */
  expiresAt: Date | null;
  /** For logs: the API key prefix or the person's email. */
  label: string;
  /** The person's email (what history events write for them); null for an application. */
  email: string | null;
}

/**
 * The caller of an operation that needs one. `@Authorized` has refused anonymous callers
 * before a resolver runs; a path it does not guard (a field of a type, a node fetcher, a
 * report) still gets the coded UNAUTHENTICATED error rather than a crash on null.
 */
export function requireViewer(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return !!viewer && roles.some((r) => viewer.roles.has(r));
}

/** Everything a resolver may use for one request or one WebSocket operation. */
export interface Context {
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  /** Request-scoped dataloaders, created on first use. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V>;
  /**
   * A value of the request computed once, for what has no key to batch on (the viewer's
   * DAF perimeter…): the first call runs `compute`, later ones share its promise (a failure
   * is not kept: the next call computes again).
   */
  memo<T>(key: MemoKey<T>, compute: () => Promise<T>): Promise<T>;
  /** The server's validated configuration. */
  config: Config;
  /** Publishes events to subscribers on every server instance. */
  pubSub: PubSub;
  /** Computed query cost, reported in `extensions.cost`. */
  cost?: number;
  /** Frees this operation's place in its caller's share of the instance (core/admission.ts). */
  release?: () => void;
  /** What the caller's budget says after this operation, reported in `extensions.rateLimit`. */
  rateLimit?: Record<string, unknown> | null;
  /** Set when the operation is an introspection query. */
  production: boolean;
  /** The language of the caller's texts (Accept-Language, French by default): what services render messages in. */
  locale: Locale;
  /** What /metrics learns of this operation (absent when metrics are off, and for a WebSocket's connection check). */
  observation?: Observation;
}

export function loaderRegistry(): Context['loader'] {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return <K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>) => {
    let l = loaders.get(name);
    if (!l) {
      l = new DataLoader<K, V>(batch, { cache: true }) as DataLoader<unknown, unknown>;
      loaders.set(name, l);
    }
    return l as DataLoader<K, V>;
  };
}

/** Names a per-request value and its type, for `ctx.memo`; two keys never share a value, whatever their names. */
export interface MemoKey<T> {
  readonly name: string;
  /** Never set: carries T. */
  readonly value?: T;
}

export const memoKey = <T>(name: string): MemoKey<T> => ({ name });

export function memoRegistry(): Context['memo'] {
  const values = new Map<MemoKey<unknown>, Promise<unknown>>();
  return <T>(key: MemoKey<T>, compute: () => Promise<T>): Promise<T> => {
    let value = values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      values.set(key, value);
      value.catch(() => values.delete(key));
    }
    return value;
  };
}

/** For a DataLoader batch: each key's rows, in the keys' order (rows keep their order). */
export function groupByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}
