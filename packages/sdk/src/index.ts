/**
 * @chorus-support/sdk — a typed client for the chorus-support GraphQL API.
 *
 * @example
 * ```ts
 * import { createClient } from '@chorus-support/sdk';
 *
 * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey: process.env.CHORUS_API_KEY });
 * const { viewer } = await chorus.Viewer();
 * console.log(viewer.kind, viewer.roles);
 * ```
 *
 * @packageDocumentation
 */
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { ChorusApiError, toApiError } from './errors.js';
import {
  getSdk,
  TicketUpdatedDocument,
  UploadPurpose,
  type AddTicketAttachmentMutation,
  type AddKnowledgeImageMutation,
  type FileIncidentInput,
  type FileIncidentMutation,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferencesQuery,
  type PeopleFilter,
  type PeopleQuery,
  type SdkFunctionWrapper,
  type SetNotificationPreferenceMutation,
  type TicketFilter,
  type TicketsQuery,
  type TicketUpdatedSubscription,
} from './generated.js';
import { isRetryable, retryDelayMs, sleep, type RetryPolicy } from './retry.js';
import { putBytes, type FileSource, type UploadResult } from './files.js';

export * from './generated.js';
export * from './open-enums.js';
export * from './errors.js';
export type { RetryPolicy } from './retry.js';
export type { FileSource, UploadResult } from './files.js';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A person's bearer token (JWT). */
  token?: string;
  /** A business application's API key (`csk_…`). */
  apiKey?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Extra attempts for safe failures (default 2); see RetryPolicy. */
  retries?: number | Partial<RetryPolicy>;
  /** WebSocket URL for subscriptions (default: `url` with ws(s)://). */
  wsUrl?: string;
  /** WebSocket implementation for subscriptions where there is no global one (Node 20: `import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
}

/**
 * Operations whose mutations are safe to resend: FileIncident carries an idempotency key;
 * AddTicketAttachment and AddKnowledgeImage name their upload, which attaches once (a resend returns the same one).
 */
const IDEMPOTENT = new Set<string>(['FileIncident', 'AddTicketAttachment', 'AddKnowledgeImage']);

/** What `incidents.file` and `files.attach` report for one file. */
export type AttachmentOutcome = AddTicketAttachmentMutation['addTicketAttachment'] & { name: string };

type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Walks a connection page by page: `for await (const item of paginate((after) => …)) {}` */
export async function* paginate<T>(fetchPage: (after: string | null) => Promise<Page<T>>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    for (const node of page.nodes) yield node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** Builds the credentials headers for HTTP (and the WebSocket connection parameters). */
export function credentialHeaders(options: Pick<ClientOptions, 'token' | 'apiKey'>): Record<string, string> {
  if (options.token && options.apiKey) throw new Error('Pass either token or apiKey, not both.');
  if (options.token) return { authorization: `Bearer ${options.token}` };
  if (options.apiKey) return { 'x-api-key': options.apiKey };
  return {};
}

export type ChorusClient = ReturnType<typeof getSdk> & {
  /**
   * People of the directory, every page (people may read it; an application may not).
   *
   * @example
   * ```ts
   * import { createClient, Role } from '@chorus-support/sdk';
   *
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', token: process.env.CHORUS_TOKEN });
   * for await (const person of chorus.people.iterate({ role: Role.CCA })) console.log(person.email, person.structure.code);
   * ```
   */
  people: { iterate(filter?: PeopleFilter, pageSize?: number): AsyncGenerator<PeopleQuery['people']['edges'][number]['node']> };
  /** Incidents on exchange flows, for business applications. */
  incidents: {
    /**
     * Files an incident. Without `idempotencyKey`, one is made for this call and reused by
     * every retry of it, so a retried call never opens a second ticket. To survive a crash
     * of your own process too, derive the key from the flow (e.g. `${flowId}:${attempt}`).
     * Expected refusals come back in `userErrors`, and then `ticket` is null.
     *
     * @example
     * ```ts
     * import { createClient, FlowDirection } from '@chorus-support/sdk';
     *
     * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey: process.env.CHORUS_API_KEY });
     * const { currentApplication } = await chorus.CurrentApplication();
     * const flowId = `GAIA-DP-${Date.now()}`;
     * const { ticket, userErrors } = await chorus.incidents.file({
     *   structureId: currentApplication.structures[0].id,
     *   flow: { id: flowId, type: 'DP', direction: FlowDirection.TO_CHORUS, exchangedAt: new Date().toISOString() },
     *   errorMessage: 'Tiers inconnu dans le référentiel',
     *   occurredAt: new Date().toISOString(),
     *   idempotencyKey: `${flowId}:1`,
     * });
     * if (!ticket) throw new Error(userErrors.map((e) => `${e.code}: ${e.message}`).join('\n'));
     * console.log(ticket.reference, ticket.status);
     * ```
     */
    file(
      input: Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string; attachments?: FileSource[] },
    ): Promise<FileIncidentMutation['fileIncident'] & { attachments: AttachmentOutcome[] }>;
    /** Every change of a ticket, as it happens (WebSocket). */
    follow(ticketId: string): AsyncIterableIterator<ExecutionResult<TicketUpdatedSubscription>>;
  };
  /**
   * Files on tickets. `attach` asks for an upload URL, PUTs the bytes (streamed), then
   * attaches them; the same bytes on one ticket are stored once, so attaching again
   * (a retry) never duplicates. A refusal comes back in `userErrors` (attach) or as a
   * ChorusApiError whose `errors[0].extensions.reason` says why (the bytes: EMPTY_FILE,
   * FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, TRUNCATED_UPLOAD).
   */
  files: {
    upload(source: FileSource, purpose?: UploadPurpose): Promise<UploadResult>;
    attach(ticketId: string, source: FileSource): Promise<AttachmentOutcome>;
    /**
     * Adds an image to a knowledge item (knowledge editors): uploads it (purpose KNOWLEDGE_IMAGE,
     * images only, type read from the bytes) and, with `nodeId`, shows it among that dialog
     * node's texts at `position`, with `altText`. The chatbot then answers with an IMAGE block there.
     */
    addKnowledgeImage(itemId: string, source: FileSource, placement?: { nodeId: string; position?: number; altText?: string }): Promise<AddKnowledgeImageMutation['addKnowledgeImage']>;
  };
  /**
   * Tickets you may see, every page.
   *
   * @example
   * ```ts
   * import { createClient, TicketStatus } from '@chorus-support/sdk';
   *
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey: process.env.CHORUS_API_KEY });
   * for await (const t of chorus.tickets.iterate({ status: [TicketStatus.SUBMITTED, TicketStatus.IN_PROGRESS] })) {
   *   console.log(t.reference, t.status, t.level);
   * }
   * ```
   */
  tickets: { iterate(filter?: TicketFilter, pageSize?: number): AsyncGenerator<TicketsQuery['tickets']['edges'][number]['node']> };
  /**
   * The caller's mail preferences: for each kind, IMMEDIATE (the default), DAILY_DIGEST or NONE.
   * A refusal (an application has no mailbox) comes back in `userErrors`.
   *
   * @example
   * ```ts
   * import { createClient, NotificationDelivery, NotificationKind } from '@chorus-support/sdk';
   *
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', token: process.env.CHORUS_TOKEN });
   * const { preferences, userErrors } = await chorus.notifications.setPreference(NotificationKind.TICKET_PUBLIC_COMMENT, NotificationDelivery.DAILY_DIGEST);
   * if (!preferences) throw new Error(userErrors.map((e) => `${e.code}: ${e.message}`).join('\n'));
   * console.log(await chorus.notifications.preferences());
   * ```
   */
  notifications: {
    preferences(): Promise<NotificationPreferencesQuery['notificationPreferences']>;
    setPreference(kind: NotificationKind, delivery: NotificationDelivery): Promise<SetNotificationPreferenceMutation['setNotificationPreference']>;
  };
  /** Subscribes over WebSocket (graphql-ws) with the same credentials; iterate the results, `return()` to stop. */
  subscribe<TResult = unknown, TVariables extends Record<string, unknown> = Record<string, unknown>>(document: DocumentNode, variables?: TVariables): AsyncIterableIterator<ExecutionResult<TResult>>;
  /** Closes the WebSocket, if one was opened. */
  close(): Promise<void>;
};

/**
 * Returns the typed operations. Failures throw a ChorusApiError subclass carrying the
 * GraphQL code and the request id; a mutation's expected failures come back in its
 * `userErrors`, never as exceptions. Network errors, 5xx answers and THROTTLED are
 * retried with backoff when that is safe (queries; idempotent mutations; THROTTLED).
 */
export function createClient(options: ClientOptions): ChorusClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const policy: RetryPolicy = {
    retries: 2,
    baseDelayMs: 200,
    maxThrottleWaitMs: 60_000,
    ...(typeof options.retries === 'number' ? { retries: options.retries } : options.retries),
  };
  const baseFetch = options.fetch ?? globalThis.fetch;
  // a timeout per attempt, combined with the caller's own signal
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return baseFetch(input, { ...init, signal });
  };
  const credentials = credentialHeaders(options);
  const http = new GraphQLClient(options.url, { fetch: timedFetch, headers: { ...options.headers, ...credentials } });

  const wrapper: SdkFunctionWrapper = async (action, operationName, operationType) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await action();
      } catch (e) {
        const error: ChorusApiError = toApiError(e);
        if (attempt >= policy.retries || !isRetryable(error, operationType ?? 'query', IDEMPOTENT.has(operationName))) throw error;
        await sleep(retryDelayMs(error, attempt, policy));
      }
    }
  };
  const sdk = getSdk(http, wrapper);

  let ws: WsClient | null = null;
  const websocket = (): WsClient => {
    if (ws) return ws;
    const impl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!impl) throw new Error('Subscriptions need a WebSocket: pass webSocketImpl (e.g. the `ws` package) on Node.js 20.');
    ws = createWsClient({
      url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
      webSocketImpl: impl,
      connectionParams: options.apiKey ? { apiKey: options.apiKey } : options.token ? { authorization: `Bearer ${options.token}` } : {},
      retryAttempts: 5,
      shouldRetry: () => true,
    });
    return ws;
  };

  const subscribe = <TResult, TVariables extends Record<string, unknown>>(document: DocumentNode, variables?: TVariables) =>
    websocket().iterate<TResult>({ query: print(document), variables }) as AsyncIterableIterator<ExecutionResult<TResult>>;

  const upload = async (source: FileSource, purpose: UploadPurpose = UploadPurpose.TICKET_ATTACHMENT): Promise<UploadResult> => {
    const asked = (await sdk.CreateUpload({ input: { fileName: source.name, purpose } })).createUpload;
    if (!asked.upload) throw new ChorusApiError(asked.userErrors[0]?.message ?? 'createUpload failed', { code: 'BAD_USER_INPUT', errors: asked.userErrors.map((u) => ({ message: u.message, extensions: { code: u.code } })) });
    const received = await putBytes(baseFetch, new URL(asked.upload.url, options.url).toString(), source, policy, timeoutMs);
    return { ...received, uploadId: asked.upload.id };
  };
  const attach = async (ticketId: string, source: FileSource): Promise<AttachmentOutcome> => {
    const { uploadId } = await upload(source);
    const added = (await sdk.AddTicketAttachment({ input: { ticketId, uploadId, internal: source.internal ?? false } })).addTicketAttachment;
    return { ...added, name: source.name };
  };

  const addKnowledgeImage = async (itemId: string, source: FileSource, placement?: { nodeId: string; position?: number; altText?: string }) => {
    const { uploadId } = await upload(source, UploadPurpose.KNOWLEDGE_IMAGE);
    return (await sdk.AddKnowledgeImage({ input: { itemId, uploadId, ...placement } })).addKnowledgeImage;
  };

  return Object.assign(sdk, {
    files: { upload, attach, addKnowledgeImage },
    incidents: {
      file: async ({ attachments, ...input }: Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string; attachments?: FileSource[] }) => {
        const filed = (await sdk.FileIncident({ input: { ...input, idempotencyKey: input.idempotencyKey ?? `sdk:${globalThis.crypto.randomUUID()}` } })).fileIncident;
        const outcomes: AttachmentOutcome[] = [];
        // one after the other: each file streams on its own; a repeat of the same call finds them already there
        if (filed.ticket) for (const source of attachments ?? []) outcomes.push(await attach(filed.ticket.id, source));
        return { ...filed, attachments: outcomes };
      },
      follow: (ticketId: string) => subscribe<TicketUpdatedSubscription, { id: string }>(TicketUpdatedDocument, { id: ticketId }),
    },
    tickets: {
      iterate: (filter?: TicketFilter, pageSize = 100) => paginate((after) => sdk.Tickets({ first: pageSize, after, filter }).then((r) => ({ nodes: r.tickets.edges.map((e) => e.node), pageInfo: r.tickets.pageInfo }))),
    },
    notifications: {
      preferences: async () => (await sdk.NotificationPreferences()).notificationPreferences,
      setPreference: async (kind: NotificationKind, delivery: NotificationDelivery) => (await sdk.SetNotificationPreference({ input: { kind, delivery } })).setNotificationPreference,
    },
    people: {
      iterate: (filter?: PeopleFilter, pageSize = 100) => paginate((after) => sdk.People({ first: pageSize, after, filter }).then((r) => ({ nodes: r.people.edges.map((e) => e.node), pageInfo: r.people.pageInfo }))),
    },
    subscribe,
    async close() {
      await ws?.dispose();
      ws = null;
    },
  });
}
