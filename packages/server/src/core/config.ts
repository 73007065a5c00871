import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DocumentLimits } from './document-bounds';

/** The signing secret shipped for demos; production refuses it. */
/** An S3-compatible object store for file bytes (ATTACHMENT_STORE=s3). */
export interface S3Settings {
  /** Another service than AWS (MinIO, Ceph, Garage, a cloud's S3 API…); AWS itself when unset. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Static keys; the AWS default credential chain (environment, profile, instance role) when unset. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path rather than the host name (most S3-compatible servers need it; default with S3_ENDPOINT). */
  forcePathStyle: boolean;
  /** Put before each file's id to make its key. */
  keyPrefix: string;
  /** Size of each part of a multipart upload, and so the most bytes one upload holds in memory. */
  partBytes: number;
}

/** The largest request body /graphql reads, and the largest WebSocket message: one bound for both transports (a bulk import's rows fit). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const DEMO_JWT_SECRET = 'chorus-support-demo-secret-change-me-please-0123456789';

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().default('chorus-support'),
    JWT_AUDIENCE: z.string().default('chorus-support-api'),
    JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(31 * 86400).default(43200),
    CREDENTIALS_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(5000),
    CALLER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
    CALLER_QUEUE: z.coerce.number().int().min(0).max(100000).default(1000),
    DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(3000),
    DEMO_DATA: boolean.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(15),
    MAX_QUERY_COST: z.coerce.number().int().min(10).default(5000),
    MAX_QUERY_LENGTH: z.coerce.number().int().min(100).max(MAX_BODY_BYTES).default(65536),
    MAX_QUERY_TOKENS: z.coerce.number().int().min(50).default(5000),
    MAX_QUERY_SELECTIONS: z.coerce.number().int().min(10).default(200),
    MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(50),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    HTTP_BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
    WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1000),
    TICKET_REOPEN_DELAY_DAYS: z.coerce.number().min(0).max(365).default(15),
    INCIDENT_GROUPING_WINDOW_MINUTES: z.coerce.number().int().min(0).default(1440),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    SERVICE_LEVEL_POLL_MS: z.coerce.number().int().min(10).default(5000),
    // retention (RGPD): 0 = kept for ever (the default; the durations are the data controller's decision)
    RETENTION_TICKET_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
    RETENTION_CONVERSATION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
    RETENTION_FILE_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
    RETENTION_CRON: z
      .string()
      .regex(/^\S+ \S+ \S+ \S+ \S+$/, 'RETENTION_CRON: five crontab fields (minute hour day month weekday), UTC')
      .default('30 3 * * *'),
    ATTACHMENT_MAX_FILE_BYTES: z.coerce.number().int().min(1).max(1_000_000_000).default(25 * 1024 * 1024),
    ATTACHMENT_MAX_TICKET_BYTES: z.coerce.number().int().min(1).max(2_000_000_000).default(100 * 1024 * 1024),
    ATTACHMENT_MAX_FILES_PER_TICKET: z.coerce.number().int().min(1).max(1000).default(50),
    FILE_UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(900),
    FILE_DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(300),
    FILE_URL_SECRET: z.string().min(32, 'FILE_URL_SECRET must be at least 32 characters').optional(),
    FILE_UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
    FILE_UPLOADS_PER_CALLER: z.coerce.number().int().min(1).max(100).default(2),
    FILE_UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    FILE_UPLOAD_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86400).default(120),
    ATTACHMENT_STORE: z.enum(['postgres', 's3']).default('postgres'),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET: 3 to 63 lower-case letters, digits, dots or hyphens').optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: boolean.optional(),
    S3_KEY_PREFIX: z.string().max(200).regex(/^[A-Za-z0-9!_.*'()\/-]*$/, 'S3_KEY_PREFIX: letters, digits and !_.*\'()/- only').default('files/'),
    S3_PART_BYTES: z.coerce.number().int().min(5 * 1024 * 1024).max(512 * 1024 * 1024).default(8 * 1024 * 1024),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    GRAPHQL_BROWSER_PAGE: z.enum(['sandbox', 'explorer', 'none']).optional(),
    EXPLORER: boolean.optional(),
    CORS_ORIGINS: z.string().default(''),
    CORS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86400).default(600),
    PERSISTED_DOCUMENTS_FILES: z.string().default(''),
    PERSISTED_QUERIES: z.enum(['manifest', 'apq']).optional(),
    PERSISTED_GET_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    METRICS: boolean.optional(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().optional(),
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    METRICS_MAX_OPERATION_NAMES: z.coerce.number().int().min(1).max(10000).default(200),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps:// (implicit TLS)' }).optional(),
    MAIL_FROM: z.string().regex(/^[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, 'MAIL_FROM: an address, or "Name <address>"').default('Support Chorus <ne-pas-repondre@chorus-support.invalid>'),
    NOTIFICATIONS: z.enum(['on', 'off']).default('on'),
    NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    NOTIFICATION_POLL_MS: z.coerce.number().int().min(10).default(2000),
    NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    NOTIFICATION_TIME_ZONE: z.string().refine(validTimeZone, 'NOTIFICATION_TIME_ZONE: an IANA time zone such as Europe/Paris').default('Europe/Paris'),
    MAIL_ACTION_TTL_HOURS: z.coerce.number().int().min(1).max(90 * 24).default(14 * 24),
    MAIL_ACTION_SECRET: z.string().min(32, 'MAIL_ACTION_SECRET must be at least 32 characters').optional(),
    REPLY_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/, 'REPLY_DOMAIN: a domain name such as support.chorus.example').optional(),
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    INBOUND_SMTP_HOST: z.string().optional(),
    INBOUND_SMTP_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
    INBOUND_SMTP_RATE_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(30),
    TRAINING_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    // read by the OpenTelemetry SDK itself (core/telemetry.ts); checked here so a typo stops the start
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.ATTACHMENT_STORE === 's3' && !env.S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'ATTACHMENT_STORE=s3 needs S3_BUCKET' });
    if (!!env.S3_ACCESS_KEY_ID !== !!env.S3_SECRET_ACCESS_KEY)
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither: the AWS default credential chain)' });
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET && !env.JWKS_URL)
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'production needs JWT_SECRET or JWKS_URL' });
      if (env.JWT_SECRET === DEMO_JWT_SECRET)
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'production refuses the demo signing secret' });
      if (env.DEMO_DATA)
        ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'production refuses to load demo data' });
      if (env.WEBHOOK_ALLOWED_HOSTS)
        ctx.addIssue({ code: 'custom', path: ['WEBHOOK_ALLOWED_HOSTS'], message: 'production never lets webhooks reach private hosts' });
      if (env.NOTIFICATIONS === 'on' && !env.SMTP_URL)
        ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'production delivers notifications by mail: set SMTP_URL, or NOTIFICATIONS=off to run without mail' });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT)
      ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'METRICS_PORT must differ from PORT (leave it unset to serve /metrics on PORT)' });
    const explorerOn = env.EXPLORER ?? env.NODE_ENV !== 'production';
    if (env.GRAPHQL_BROWSER_PAGE === 'explorer' && !explorerOn)
      ctx.addIssue({ code: 'custom', path: ['GRAPHQL_BROWSER_PAGE'], message: 'GRAPHQL_BROWSER_PAGE=explorer needs EXPLORER=true' });
    for (const origin of splitList(env.CORS_ORIGINS)) {
      const problem = originProblem(origin);
      if (problem) ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: `"${origin}": ${problem}` });
    }
  });

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function splitList(v: string): string[] {
  return v.split(',').map((h) => h.trim()).filter(Boolean);
}

/** Why a CORS_ORIGINS entry is not an exact origin (scheme://host[:port]), or null when it is. */
function originProblem(origin: string): string | null {
  if (origin === '*') return 'a wildcard cannot go with credentials; list the origins';
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return 'not a URL; write scheme://host[:port]';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http and https origins';
  if (u.origin !== origin) return `not an exact origin (no path, no trailing slash, lowercase host): write ${u.origin}`;
  return null;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl?: string;
  embeddedPgDir: string;
  embeddedPgPort: number;
  redisUrl?: string;
  jwt: { secret?: string; jwksUrl?: string; issuer: string; audience: string; maxLifetimeSeconds: number };
  /** How long a verified person or API key is remembered (0: read on every request); announced changes drop it at once. */
  credentialsCacheMs: number;
  /** OpenTelemetry exports traces (OTEL_EXPORTER_OTLP_ENDPOINT): operations then execute on graphql-js, whose instrumentation gives their spans. */
  tracing: boolean;
  /** Operations one caller runs at once on an instance, and how many more may wait in line before THROTTLED. */
  admission: { concurrency: number; maxWaiting: number };
  /** The database pool: connections per instance, and how long a request waits for one before SERVICE_UNAVAILABLE. */
  db: { poolSize: number; acquireTimeoutMs: number };
  demoData: boolean;
  logLevel: string;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** The document's length, tokens, fields and aliases (core/document-bounds.ts), the same on every transport. */
  documentLimits: DocumentLimits;
  /** How long a client may take to send its request's headers, and the body of a GraphQL request. */
  http: { headersTimeoutMs: number; bodyTimeoutMs: number };
  shutdownTimeoutMs: number;
  /**
   * Webhooks: hosts allowed although private (not in production), https only (production), the
   * backoff; `resolve` replaces the system's resolver (tests: names that do not exist offline).
   */
  webhooks: {
    allowedHosts: string[];
    httpsOnly: boolean;
    resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
    retryBaseMs: number;
    maxAttempts: number;
    pollMs: number;
    timeoutMs: number;
  };
  /** The service desk's rules: how long after resolution (or closing) the requesting side may reopen a ticket. */
  tickets: { reopenDelayMs: number };
  /** Repeats of one flow's failure within this window join the first ticket (0: never). */
  incidentGroupingWindowMinutes: number;
  /** Length of a rate-limit window; an application's budget is scaled from its per-minute figure. */
  rateLimitWindowSeconds: number;
  /** How often the service-level job computes stale standings and announces crossings. */
  serviceLevelPollMs: number;
  /**
   * Retention (privacy/): days after which the purge job removes closed tickets (after their
   * closing), chatbot conversations (after their last activity) and the files of closed tickets;
   * 0 keeps them for ever. `cron`: when the job runs (UTC). No job runs while all three are 0.
   */
  retention: { ticketDays: number; conversationDays: number; fileDays: number; cron: string };
  /** Attachments and uploaded files (attachments/). */
  files: {
    maxFileBytes: number;
    maxTicketBytes: number;
    maxFilesPerTicket: number;
    uploadUrlTtlSeconds: number;
    downloadUrlTtlSeconds: number;
    /** Signs upload and download URLs; derived from JWT_SECRET when not given. */
    urlSecret: string;
    /** Uploads received at once on this instance (each holds a socket and a temporary file, no database connection); more get UPLOADS_BUSY. */
    uploadConcurrency: number;
    /** Uploads one person or application sends at once; more get TOO_MANY_UPLOADS. */
    uploadsPerCaller: number;
    /** An upload whose body sends no byte for this long is cut off (UPLOAD_IDLE_TIMEOUT). */
    uploadIdleTimeoutMs: number;
    /** An upload's body must have arrived whole within this time (UPLOAD_TOO_SLOW): a trickle cannot hold its place for long. */
    uploadTimeoutMs: number;
    /** Where clients reach this server (for absolute file URLs); relative URLs when unset. */
    publicUrl?: string;
    /** Where new files' bytes go: PostgreSQL (default) or an S3-compatible object store. */
    store: 'postgres' | 's3';
    /** The object store, when `store` is s3. */
    s3?: S3Settings;
  };
  /** What a browser gets at GET /graphql: Apollo Sandbox (needs its CDN), the local explorer, or nothing. */
  browserPage: 'sandbox' | 'explorer' | 'none';
  /** Whether the self-contained explorer is served at /explorer. */
  explorer: boolean;
  /** Origins whose browser pages may call the API (CORS); development adds the hosted Sandbox and localhost. */
  cors: { origins: string[]; allowLocalhost: boolean; maxAgeSeconds: number };
  /**
   * Documents sent by id (core/persisted-documents.ts): the manifests read at start besides
   * the SDK's; whether any client may also register documents by the APQ protocol (`apq`, a
   * bounded in-memory cache per instance) or only the manifests' ids are known (`manifest`);
   * how long a browser may keep the answer to a GET by id (`Cache-Control: private`).
   */
  persisted: { files: string[]; mode: 'manifest' | 'apq'; getMaxAgeSeconds: number };
  /**
   * /metrics: where it is served — on a port of its own, on the public port, or nowhere
   * (off, or production without a token or a port of its own) — and the bearer token it
   * asks for, if any.
   */
  metrics: { enabled: boolean; servedOn: 'own-port' | 'public-port' | 'none'; port?: number; host: string; token?: string; maxOperationNames: number };
  /**
   * Mail (notifications/): on unless NOTIFICATIONS=off; without `smtpUrl` mails are kept in
   * the outbox as HELD, readable by administrators. Retries wait retryBaseMs × 2^(attempt-1).
   */
  notifications: {
    enabled: boolean;
    smtpUrl?: string;
    mailFrom: string;
    maxAttempts: number;
    retryBaseMs: number;
    pollMs: number;
    /** The hour (0–23, in `timeZone`) daily digests go out. */
    digestHour: number;
    /** Dates in mails, and the digest hour, are in this zone. */
    timeZone: string;
    /** Where links in mails point (PUBLIC_URL, else this server's own address). */
    publicUrl?: string;
    /** One-click links in mails (notifications/mail-actions): their lifetime and signing key. */
    actionTtlSeconds: number;
    /** Signs one-click links and reply addresses; derived from JWT_SECRET when not given (as the file URLs' key). */
    actionSecret: string;
    /** The domain of reply addresses (reply+<code>@domain): REPLY_DOMAIN, else MAIL_FROM's. */
    replyDomain: string;
    /** The inbound SMTP listener for replies: off without a port. */
    inbound: { port?: number; host: string; maxBytes: number; ratePerHour: number };
    /** A reminder goes this many days before a session's first part (0: none). */
    reminderDays: number;
  };
}

/** The hosted Apollo Sandbox, allowed by default outside production. */
export const APOLLO_STUDIO_ORIGIN = 'https://studio.apollographql.com';

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embeddedPgDir: e.EMBEDDED_PG_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    redisUrl: e.REDIS_URL,
    jwt: {
      secret: e.JWT_SECRET ?? (production || e.JWKS_URL ? undefined : DEMO_JWT_SECRET),
      jwksUrl: e.JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      maxLifetimeSeconds: e.JWT_MAX_LIFETIME_SECONDS,
    },
    credentialsCacheMs: e.CREDENTIALS_CACHE_MS,
    tracing: Boolean(e.OTEL_EXPORTER_OTLP_ENDPOINT),
    admission: { concurrency: e.CALLER_CONCURRENCY, maxWaiting: e.CALLER_QUEUE },
    db: { poolSize: e.DB_POOL_SIZE, acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS },
    demoData: e.DEMO_DATA ?? !production,
    logLevel: e.LOG_LEVEL,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    maxQueryCost: e.MAX_QUERY_COST,
    documentLimits: { maxLength: e.MAX_QUERY_LENGTH, maxTokens: e.MAX_QUERY_TOKENS, maxSelections: e.MAX_QUERY_SELECTIONS, maxAliases: e.MAX_QUERY_ALIASES },
    http: { headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, bodyTimeoutMs: e.HTTP_BODY_TIMEOUT_MS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    webhooks: {
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
      httpsOnly: production,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      pollMs: e.WEBHOOK_POLL_MS,
      timeoutMs: 10_000,
    },
    tickets: { reopenDelayMs: e.TICKET_REOPEN_DELAY_DAYS * 86_400_000 },
    incidentGroupingWindowMinutes: e.INCIDENT_GROUPING_WINDOW_MINUTES,
    rateLimitWindowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    serviceLevelPollMs: e.SERVICE_LEVEL_POLL_MS,
    retention: { ticketDays: e.RETENTION_TICKET_DAYS, conversationDays: e.RETENTION_CONVERSATION_DAYS, fileDays: e.RETENTION_FILE_DAYS, cron: e.RETENTION_CRON },
    files: {
      maxFileBytes: e.ATTACHMENT_MAX_FILE_BYTES,
      maxTicketBytes: e.ATTACHMENT_MAX_TICKET_BYTES,
      maxFilesPerTicket: e.ATTACHMENT_MAX_FILES_PER_TICKET,
      uploadUrlTtlSeconds: e.FILE_UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: e.FILE_DOWNLOAD_URL_TTL_SECONDS,
      // without a secret of its own (JWKS deployments), URLs are signed with a per-process key: one instance only
      urlSecret:
        e.FILE_URL_SECRET ??
        createHash('sha256').update(`file-urls:${e.JWT_SECRET ?? (production || e.JWKS_URL ? randomBytes(32).toString('hex') : DEMO_JWT_SECRET)}`).digest('hex'),
      uploadConcurrency: e.FILE_UPLOAD_CONCURRENCY,
      uploadsPerCaller: e.FILE_UPLOADS_PER_CALLER,
      uploadIdleTimeoutMs: e.FILE_UPLOAD_IDLE_TIMEOUT_SECONDS * 1000,
      uploadTimeoutMs: e.FILE_UPLOAD_TIMEOUT_SECONDS * 1000,
      publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
      store: e.ATTACHMENT_STORE,
      s3:
        e.ATTACHMENT_STORE === 's3'
          ? {
              endpoint: e.S3_ENDPOINT,
              bucket: e.S3_BUCKET!,
              region: e.S3_REGION,
              credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : undefined,
              forcePathStyle: e.S3_FORCE_PATH_STYLE ?? !!e.S3_ENDPOINT,
              keyPrefix: e.S3_KEY_PREFIX,
              partBytes: e.S3_PART_BYTES,
            }
          : undefined,
    },
    explorer: e.EXPLORER ?? !production,
    browserPage: e.GRAPHQL_BROWSER_PAGE ?? (production ? 'none' : 'explorer'),
    cors: {
      origins: [...new Set([...splitList(e.CORS_ORIGINS), ...(production ? [] : [APOLLO_STUDIO_ORIGIN])])],
      allowLocalhost: e.NODE_ENV === 'development',
      maxAgeSeconds: e.CORS_MAX_AGE_SECONDS,
    },
    persisted: {
      files: splitList(e.PERSISTED_DOCUMENTS_FILES),
      mode: e.PERSISTED_QUERIES ?? (production ? 'manifest' : 'apq'),
      getMaxAgeSeconds: e.PERSISTED_GET_MAX_AGE_SECONDS,
    },
    metrics: {
      enabled: e.METRICS ?? true,
      servedOn: e.METRICS === false ? 'none' : e.METRICS_PORT !== undefined ? 'own-port' : production && !e.METRICS_TOKEN ? 'none' : 'public-port',
      port: e.METRICS_PORT,
      host: e.METRICS_HOST ?? e.HOST,
      token: e.METRICS_TOKEN,
      maxOperationNames: e.METRICS_MAX_OPERATION_NAMES,
    },
    notifications: {
      enabled: e.NOTIFICATIONS === 'on',
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      maxAttempts: e.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFICATION_RETRY_BASE_MS,
      pollMs: e.NOTIFICATION_POLL_MS,
      digestHour: e.NOTIFICATION_DIGEST_HOUR,
      timeZone: e.NOTIFICATION_TIME_ZONE,
      publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
      actionTtlSeconds: e.MAIL_ACTION_TTL_HOURS * 3600,
      actionSecret:
        e.MAIL_ACTION_SECRET ??
        createHash('sha256').update(`mail-actions:${e.JWT_SECRET ?? (production || e.JWKS_URL ? randomBytes(32).toString('hex') : DEMO_JWT_SECRET)}`).digest('hex'),
      replyDomain: (e.REPLY_DOMAIN ?? /@([^\s@<>]+)>?$/.exec(e.MAIL_FROM)![1]).toLowerCase(),
      inbound: { port: e.INBOUND_SMTP_PORT, host: e.INBOUND_SMTP_HOST ?? e.HOST, maxBytes: e.INBOUND_SMTP_MAX_BYTES, ratePerHour: e.INBOUND_SMTP_RATE_PER_HOUR },
      reminderDays: e.TRAINING_REMINDER_DAYS,
    },
  };
}
