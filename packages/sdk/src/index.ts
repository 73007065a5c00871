/**
 * @chorus-support/sdk — a typed client for the chorus-support GraphQL API.
 *
 * @example
 * ```ts
 * import { createClient } from '@chorus-support/sdk';
 *
 * const apiKey = process.env.CHORUS_API_KEY;
 * if (!apiKey) throw new Error('Set CHORUS_API_KEY.');
 * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey });
 * const { viewer } = await chorus.Viewer();
 * console.log(viewer.kind, viewer.roles);
 * ```
 *
 * @packageDocumentation
 */
import { print } from 'graphql';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLClient } from 'graphql-request';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { ChorusApiError, ForbiddenError, UnauthenticatedError, toApiError } from './errors.js';
import { getSdk, type SdkFunctionWrapper } from './generated.js';
import {
  TicketUpdatedDocument,
  UploadPurpose,
  type AddTicketAttachmentMutation,
  type AddKnowledgeImageMutation,
  type FileIncidentInput,
  type FileIncidentMutation,
  type FileIncidentsMutation,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferencesQuery,
  type PeopleFilter,
  type PeopleQuery,
  type SavedViewTicketsQuery,
  type SetNotificationPreferenceMutation,
  type LinkTicketsMutation,
  type MergeTicketMutation,
  type SetParentTicketMutation,
  type TicketFilter,
  type TicketLinkKind,
  type TicketsQuery,
  type UnlinkTicketsMutation,
  type TicketUpdatedSubscription,
} from './documents.js';
import { IDEMPOTENT_OPERATIONS, retryPolicy, withRetries, type RetryPolicy } from './retry.js';
import { putBytes, type FileSource, type UploadResult } from './files.js';
import { sendingPersistedIds } from './persisted.js';
import { Credentials, type CredentialOptions } from './credentials.js';
import { errorFromResponse, networkError } from './response-error.js';
import type { VariablesArgument } from './request.js';

export * from './documents.js';
export * from './generated.js';
export * from './open-enums.js';
export * from './errors.js';
export { credentialHeaders, type CredentialOptions } from './credentials.js';
export type { RetryPolicy } from './retry.js';
export type { FileSource, UploadResult } from './files.js';
export type { VariablesArgument } from './request.js';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface ClientOptions extends CredentialOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** Extra attempts for safe failures (default 2); see RetryPolicy. */
  retries?: number | Partial<RetryPolicy> | undefined;
  /** WebSocket URL for subscriptions (default: `url` with ws(s)://). */
  wsUrl?: string | undefined;
  /** WebSocket implementation for subscriptions where there is no global one (Node 20: `import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
}

/** WebSocket close codes of the server: the token expired; access withdrawn (revoked key, deactivated person, changed rights). */
export const CLOSE_CODES = { CREDENTIALS_EXPIRED: 4401, ACCESS_CHANGED: 4403 } as const;

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

export type ChorusClient = ReturnType<typeof getSdk> & {
  /**
   * People of the directory, every page (people may read it; an application may not).
   *
   * @example
   * ```ts
   * import { createClient, Role } from '@chorus-support/sdk';
   *
   * const token = process.env.CHORUS_TOKEN;
   * if (!token) throw new Error('Set CHORUS_TOKEN.');
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', token });
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
     * const apiKey = process.env.CHORUS_API_KEY;
     * if (!apiKey) throw new Error('Set CHORUS_API_KEY.');
     * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey });
     * const { currentApplication } = await chorus.CurrentApplication();
     * const structure = currentApplication.structures[0];
     * if (!structure) throw new Error('This application files for no structure.');
     * const flowId = `GAIA-DP-${Date.now()}`;
     * const { ticket, userErrors } = await chorus.incidents.file({
     *   structureId: structure.id,
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
    /**
     * Files up to 100 incidents in one call (a night's batch): each gets a key (yours, or
     * one made for this call and reused by its retries) and its own result, in order; the
     * refused ones (their `userErrors`) do not stop the others. More than 100: call it per
     * hundred. Charged to the budget per incident.
     */
    fileMany(
      inputs: readonly (Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string })[],
    ): Promise<FileIncidentsMutation['fileIncidents']>;
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
   * const apiKey = process.env.CHORUS_API_KEY;
   * if (!apiKey) throw new Error('Set CHORUS_API_KEY.');
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey });
   * for await (const t of chorus.tickets.iterate({ status: [TicketStatus.SUBMITTED, TicketStatus.IN_PROGRESS] })) {
   *   console.log(t.reference, t.status, t.level);
   * }
   * ```
   */
  tickets: {
    iterate(filter?: TicketFilter, pageSize?: number): AsyncGenerator<TicketsQuery['tickets']['edges'][number]['node']>;
    /**
     * Links two tickets (support levels): RELATED, or `ticketId` DUPLICATE_OF / CAUSED_BY
     * `otherTicketId`. Linking twice is one link (`changed` is then false); refusals
     * (TICKET_LINK_SELF, TICKET_LINK_CYCLE, NOT_FOUND for a ticket you may not see) come back in `userErrors`.
     */
    link(ticketId: string, otherTicketId: string, kind: TicketLinkKind): Promise<LinkTicketsMutation['linkTickets']>;
    /** Removes a link made by `link` (same ids and kind); nothing to remove: `changed` is false. */
    unlink(ticketId: string, otherTicketId: string, kind: TicketLinkKind): Promise<UnlinkTicketsMutation['unlinkTickets']>;
    /**
     * Merges the duplicate `ticket` (its id and the version you read) into its original `intoId`
     * (support levels, same structure): the duplicate is closed with `mergedInto`, its comments
     * and files move to the original. Refusals come back in `userErrors`.
     */
    merge(ticket: { id: string; version: number }, intoId: string, reason?: string): Promise<MergeTicketMutation['mergeTicket']>;
    /** Sets (or, with null, clears) the parent of `ticket` (support levels); refusals come back in `userErrors`. */
    setParent(ticket: { id: string; version: number }, parentId: string | null): Promise<SetParentTicketMutation['setParentTicket']>;
  };
  /**
   * The caller's mail preferences: for each kind, IMMEDIATE (the default), DAILY_DIGEST or NONE.
   * A refusal (an application has no mailbox) comes back in `userErrors`.
   *
   * @example
   * ```ts
   * import { createClient, NotificationDelivery, NotificationKind } from '@chorus-support/sdk';
   *
   * const token = process.env.CHORUS_TOKEN;
   * if (!token) throw new Error('Set CHORUS_TOKEN.');
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', token });
   * const { preferences, userErrors } = await chorus.notifications.setPreference(NotificationKind.TICKET_PUBLIC_COMMENT, NotificationDelivery.DAILY_DIGEST);
   * if (!preferences) throw new Error(userErrors.map((e) => `${e.code}: ${e.message}`).join('\n'));
   * console.log(await chorus.notifications.preferences());
   * ```
   */
  notifications: {
    preferences(): Promise<NotificationPreferencesQuery['notificationPreferences']>;
    setPreference(kind: NotificationKind, delivery: NotificationDelivery): Promise<SetNotificationPreferenceMutation['setNotificationPreference']>;
  };
  /**
   * Saved ticket views (support agents): a view's tickets, every page, in the view's order and
   * under the caller's own perimeter — what `Tickets` gives with the view's filter. Nothing for a
   * view the caller may not read.
   */
  savedViews: { tickets(viewId: string, pageSize?: number): AsyncGenerator<NonNullable<SavedViewTicketsQuery['savedView']>['tickets']['nodes'][number]> };
  /**
   * Subscribes over WebSocket (graphql-ws) with the same credentials: give a subscription
   * document of the SDK (`TicketEventsDocument`…), the results are typed after it. Iterate
   * them; `return()` (or `break`) stops. The connection is made again after a network failure;
   * when the token expires (close code 4401) it reconnects once with a fresh one from
   * `getToken` (or `setToken`) and the subscription goes on; when there is none, the iteration
   * throws an `UnauthenticatedError`. A refused or withdrawn access (4403: revoked key,
   * deactivated person, changed rights) throws a `ForbiddenError` at once, never retried:
   * subscribe again to go on with the rights you have now.
   *
   * @example
   * ```ts
   * import WebSocket from 'ws';
   * import { createClient, TicketEventsDocument, ChorusApiError } from '@chorus-support/sdk';
   *
   * const apiKey = process.env.CHORUS_API_KEY;
   * if (!apiKey) throw new Error('Set CHORUS_API_KEY.');
   * const chorus = createClient({ url: process.env.CHORUS_URL ?? 'http://localhost:4000/graphql', apiKey, webSocketImpl: WebSocket });
   * const events = chorus.subscribe(TicketEventsDocument, { filter: {} });
   * const stop = setTimeout(() => void events.return?.(), 500);
   * try {
   *   for await (const { data } of events) console.log(data?.ticketEvents.kind, data?.ticketEvents.ticket.reference);
   * } catch (e) {
   *   if (e instanceof ChorusApiError) console.error(`subscription ended: ${e.code}`);
   *   else throw e;
   * } finally {
   *   clearTimeout(stop);
   *   await chorus.close();
   * }
   * console.log('stopped');
   * ```
   */
  subscribe<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...variables: VariablesArgument<TVariables>): AsyncIterableIterator<ExecutionResult<TResult>>;
  /** Uses this bearer token from now on: for HTTP requests and the next WebSocket connection (for a client made with `token` or `getToken`). */
  setToken(token: string): void;
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
  const policy: RetryPolicy = retryPolicy(options.retries);
  const baseFetch = options.fetch ?? globalThis.fetch;
  // a timeout per attempt, combined with the caller's own signal
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return baseFetch(input, { ...init, signal });
  };
  const credentials = new Credentials(options);
  // operations go by their document's id (the server knows the SDK's documents), with the document only if asked
  const http = new GraphQLClient(options.url, { fetch: sendingPersistedIds(timedFetch), headers: { ...options.headers } });

  // the credentials are asked for again before every attempt (a getToken callback may renew them)
  const wrapper: SdkFunctionWrapper = (action, operationName, operationType) =>
    withRetries(
      { operationType: operationType ?? 'query', idempotent: IDEMPOTENT_OPERATIONS.has(operationName), renewable: credentials.renewable },
      policy,
      async () => action(await credentials.headers()),
      toApiError,
    );
  const sdk = getSdk(http, wrapper);

  /* ---------- subscriptions ---------- */

  let ws: WsClient | null = null;
  /** Connections acknowledged so far: a subscription retries a 4401 once per connection it had. */
  let connections = 0;
  /** The parameters the current connection was opened with, and those a 4401 got for the next one. */
  let usedParams = '';
  let freshParams: Record<string, string> | null = null;
  let renewal: { connection: number; renewed: Promise<boolean> } | null = null;
  const websocket = (): WsClient => {
    if (ws) return ws;
    const impl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!impl) throw new Error('Subscriptions need a WebSocket: pass webSocketImpl (e.g. the `ws` package) on Node.js 20.');
    ws = createWsClient({
      url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
      webSocketImpl: impl,
      // asked at every (re)connection
      connectionParams: async () => {
        const params = freshParams ?? (await credentials.connectionParams());
        freshParams = null;
        usedParams = JSON.stringify(params);
        return params;
      },
      retryAttempts: 5,
      // network failures are retried; the server's verdict on the credentials is not
      shouldRetry: (e) => !isCloseEvent(e) || (e.code !== CLOSE_CODES.ACCESS_CHANGED && e.code !== CLOSE_CODES.CREDENTIALS_EXPIRED),
      on: { connected: () => void connections++ },
    });
    return ws;
  };
  /** After a 4401: whether the credentials now give another token (asked once for all the connection's subscriptions). */
  const renewAfterExpiry = (connection: number): Promise<boolean> => {
    if (renewal?.connection !== connection) {
      const renewed = credentials
        .connectionParams()
        .then((params) => {
          if (JSON.stringify(params) === usedParams) return false;
          freshParams = params;
          return true;
        })
        .catch(() => false);
      renewal = { connection, renewed };
    }
    return renewal.renewed;
  };

  const subscribe = <TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables]: VariablesArgument<TVariables>): AsyncIterableIterator<ExecutionResult<TResult>> => {
    const payload = { query: print(document), variables: variables as Record<string, unknown> | undefined };
    let current: AsyncIterableIterator<ExecutionResult<TResult>> | null = null;
    let finished = false;
    let retriedOnConnection = -1;
    // return() ends a next() that waits for an event (graphql-ws's own iterator would wait on)
    let stop = () => {};
    const stopped = new Promise<IteratorReturnResult<undefined>>((resolve) => (stop = () => resolve({ done: true, value: undefined })));
    const iterator: AsyncIterableIterator<ExecutionResult<TResult>> = {
      async next() {
        for (;;) {
          if (finished) return { done: true, value: undefined };
          current ??= websocket().iterate<TResult>(payload) as AsyncIterableIterator<ExecutionResult<TResult>>;
          try {
            const step = await Promise.race([current.next(), stopped]);
            if (step.done) finished = true;
            return step;
          } catch (e) {
            if (finished) return { done: true, value: undefined };
            // the token expired: once per connection, go on over a new one with a fresh token
            const connection = connections;
            if (isCloseEvent(e) && e.code === CLOSE_CODES.CREDENTIALS_EXPIRED && retriedOnConnection !== connection && (await renewAfterExpiry(connection))) {
              retriedOnConnection = connection;
              current = null;
              continue;
            }
            finished = true;
            throw subscriptionError(e);
          }
        }
      },
      async return() {
        finished = true;
        stop();
        await current?.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  };

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
      fileMany: async (inputs: readonly (Omit<FileIncidentInput, 'idempotencyKey'> & { idempotencyKey?: string })[]) =>
        (await sdk.FileIncidents({ input: { incidents: inputs.map((i) => ({ ...i, idempotencyKey: i.idempotencyKey ?? `sdk:${globalThis.crypto.randomUUID()}` })) } })).fileIncidents,
      follow: (ticketId: string) => subscribe(TicketUpdatedDocument, { id: ticketId }),
    },
    tickets: {
      iterate: (filter?: TicketFilter, pageSize = 100) => paginate((after) => sdk.Tickets({ first: pageSize, after, filter }).then((r) => ({ nodes: r.tickets.edges.map((e) => e.node), pageInfo: r.tickets.pageInfo }))),
      link: async (ticketId: string, otherTicketId: string, kind: TicketLinkKind) => (await sdk.LinkTickets({ input: { ticketId, otherTicketId, kind } })).linkTickets,
      unlink: async (ticketId: string, otherTicketId: string, kind: TicketLinkKind) => (await sdk.UnlinkTickets({ input: { ticketId, otherTicketId, kind } })).unlinkTickets,
      merge: async (ticket: { id: string; version: number }, intoId: string, reason?: string) => (await sdk.MergeTicket({ input: { id: ticket.id, version: ticket.version, intoId, reason } })).mergeTicket,
      setParent: async (ticket: { id: string; version: number }, parentId: string | null) => (await sdk.SetParentTicket({ input: { id: ticket.id, version: ticket.version, parentId } })).setParentTicket,
    },
    notifications: {
      preferences: async () => (await sdk.NotificationPreferences()).notificationPreferences,
      setPreference: async (kind: NotificationKind, delivery: NotificationDelivery) => (await sdk.SetNotificationPreference({ input: { kind, delivery } })).setNotificationPreference,
    },
    savedViews: {
      tickets: (viewId: string, pageSize = 100) =>
        paginate((after) => sdk.SavedViewTickets({ id: viewId, first: pageSize, after }).then((r) => r.savedView?.tickets ?? { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } })),
    },
    people: {
      iterate: (filter?: PeopleFilter, pageSize = 100) => paginate((after) => sdk.People({ first: pageSize, after, filter }).then((r) => ({ nodes: r.people.edges.map((e) => e.node), pageInfo: r.people.pageInfo }))),
    },
    subscribe,
    setToken: (token: string) => credentials.setToken(token),
    async close() {
      await ws?.dispose();
      ws = null;
    },
  });
}

function isCloseEvent(e: unknown): e is { code: number; reason: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number' && 'reason' in e;
}

/** What ended a subscription, as the SDK's typed errors: close codes 4401/4403, the operation's GraphQL errors, or a lost connection. */
export function subscriptionError(e: unknown): ChorusApiError {
  if (e instanceof ChorusApiError) return e;
  if (isCloseEvent(e)) {
    const message = e.reason || `WebSocket closed (${e.code})`;
    if (e.code === CLOSE_CODES.CREDENTIALS_EXPIRED) return new UnauthenticatedError(message, { code: 'UNAUTHENTICATED', cause: e });
    if (e.code === CLOSE_CODES.ACCESS_CHANGED) return new ForbiddenError(message, { code: 'FORBIDDEN', cause: e });
    return networkError(new Error(`WebSocket closed (${e.code}${e.reason ? `: ${e.reason}` : ''})`), 'The subscription connection was lost');
  }
  if (Array.isArray(e)) return errorFromResponse(null, e as GraphQLFormattedError[] as ChorusApiError['errors'], null, e);
  return networkError(e, 'The subscription connection was lost');
}
