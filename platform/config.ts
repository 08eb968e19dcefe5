/**
 * Hub configuration, read once from environment variables and validated with ajv.
 * A wrong value stops start-up with one message naming every bad variable and what it expects.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from './graphql-limits.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The five subgraphs, in composition order. */
export const SUBGRAPH_NAMES = ['offer', 'capacities', 'tensions', 'professionals', 'admissions'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Database mode: embedded PGlite (on disk or in memory) or a PostgreSQL server. */
export type DatabaseConfig =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /**
       * A data-directory dump (`Database.dump`) a new database starts from instead of an empty
       * cluster, in memory or in an empty `dataDir`. Tests use it; the environment never sets it.
       */
      loadFrom?: string;
      /**
       * PostgreSQL's shared_buffers for the embedded database (ROR_PGLITE_SHARED_BUFFERS, e.g.
       * `16MB`; default PostgreSQL's 128MB). Every start zero-fills that much memory (D251).
       */
      sharedBuffers?: string;
    }
  | {
      kind: 'postgres';
      url: string;
      /** Most connections of the process's pool (ROR_DB_POOL_MAX; default 10), besides its LISTEN connections. */
      poolMax?: number;
    };

export interface HubConfig {
  readonly nodeEnv: string;
  readonly host: string;
  readonly gatewayPort: number;
  readonly publicUrl: string | null;
  /**
   * Where clients reach the gateway: ROR_PUBLIC_URL, else http://HOST:PORT (127.0.0.1 for a
   * wildcard HOST). The CLIs (`npm run token`, the import commands) talk to the hub there.
   */
  readonly hubUrl: string;
  readonly subgraphPorts: Readonly<Record<SubgraphName, number>>;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly database: DatabaseConfig;
  readonly seedDemo: boolean;
  readonly logLevel: LogLevel;
  /** Key of the gateway→subgraph identity envelope; null lets `npm start` draw one per process. */
  readonly internalSecret: string | null;
  /** Issuer URL of the embedded OpenID provider (served by the gateway at /oidc). */
  readonly oidcIssuer: string;
  /** Discovery URL of an external OpenID issuer to trust instead of the embedded one. */
  readonly externalOidcDiscoveryUrl: string | null;
  /** Audience (resource indicator) of the hub's access tokens. */
  readonly apiAudience: string;
  /** SMTP server for outgoing mail (smtp://host:port); null keeps mail queued in the outboxes. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Address of the regional team, which receives users' reports, suggestions and assistance requests. */
  readonly regionalTeamEmail: string;
  /** Address of the ARS crisis cell, which receives a mail at every tension declaration, change and closure. */
  readonly arsCrisisEmail: string;
  /** Days an archived professional is kept before the purge job deletes it. */
  readonly archiveRetentionDays: number;
  /** Days a change-feed event is kept once every reader has passed it; 0 keeps them all (docs/change-feed.md § Retention). */
  readonly feedRetentionDays: number;
  /**
   * Period of every purge job (archived professionals, closed admission requests, change feed,
   * FHIR subscription events, expired OpenID records); null: each job's own (hourly, 15 minutes
   * for OpenID records). Each period's purge runs once across all processes (platform/periodic-job.ts).
   */
  readonly purgeEveryMs: number | null;
  /** Time of day (HH:MM, Europe/Paris) after which the daily capacity snapshot is taken. */
  readonly snapshotTime: string;
  /** How often each capacities process checks whether the day's snapshot is due (and retries a failed one). */
  readonly snapshotCheckMs: number;
  /** Years of history behind the BJML (same ISO week of each past year; docs/emergency.md). */
  readonly bjmlYears: number;
  /** FHIR subscriptions' delivery timings (docs/fhir-subscriptions.md § Configuration). */
  readonly fhirSubscriptions: FhirSubscriptionTimings;
  /** FHIR bulk export (docs/fhir-bulk.md). */
  readonly bulkExport: BulkExportConfig;
  /** Longest wait for a clean close on SIGINT/SIGTERM before the process exits anyway (scripts/shutdown.ts). */
  readonly shutdownTimeoutMs: number;
  /** Time limits of the calls between components (docs/architecture.md § Timeouts). */
  readonly timeouts: TimeoutConfig;
  /** The public surface's protections: rate limits, CORS, metrics (docs/authorisation.md § Production surface). */
  readonly surface: SurfaceConfig;
  /** log2 of scrypt's N for new password hashes (17, OWASP; lower only in tests). */
  readonly passwordScryptLog2N: number;
  /** Identical concurrent subgraph fetches of one caller's queries share one request (gateway/shared-fetches.ts). */
  readonly gatewayDedup: boolean;
  /** Subgraphs of the gateway's own process are reached by Fastify inject, not a socket (gateway/in-process.ts). */
  readonly gatewayInProcess: boolean;
  /** What one GraphQL document may ask, at the gateway; subgraphs add headroom for query plans (docs/errors.md § Limits). */
  readonly graphqlLimits: GraphQLLimits;
  /** Direct admission requests (docs/admissions.md § Configuration). */
  readonly admissions: AdmissionsConfig;
  /** OpenTelemetry traces (docs/observability.md); null when off, the default. */
  readonly tracing: TracingConfig | null;
}

export interface AdmissionsConfig {
  /** Minutes a request waits for an answer before it expires. */
  readonly expiryMinutes: number;
  /** Minutes an accepted request's held bed stays held when the patient is not admitted. */
  readonly holdMinutes: number;
  /** Days a closed request (answered, refused, cancelled, expired) is kept before the purge deletes it. */
  readonly retentionDays: number;
  /** Minutes after which a capacity figure shown by the place search is flagged stale. */
  readonly staleMinutes: number;
  /**
   * Key (32 bytes, base64) encrypting patient names and clinical summaries at rest. Required by
   * the admissions subgraph in production; elsewhere, when unset, the subgraph keeps a key of its
   * own in its schema (docs/admissions.md).
   */
  readonly dataKey: string | null;
}

/** Where and how traces are exported, from the standard OTEL_* variables (docs/observability.md). */
export interface TracingConfig {
  /** Full URL of the OTLP/HTTP traces endpoint (…/v1/traces). */
  readonly endpoint: string;
  readonly protocol: 'http/json' | 'http/protobuf';
  /** Headers sent with each export (an API key…), from OTEL_EXPORTER_OTLP_(TRACES_)HEADERS. */
  readonly headers: Readonly<Record<string, string>>;
  /** OTEL_SERVICE_NAME; null: `ror-hub`, or `ror-hub-<component>` for a process serving one component. */
  readonly serviceName: string | null;
  /** Extra resource attributes (OTEL_RESOURCE_ATTRIBUTES). */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  readonly sampler: TraceSampler;
  /** Sampling ratio of the `traceidratio` samplers (OTEL_TRACES_SAMPLER_ARG), 0–1. */
  readonly samplerRatio: number;
  /** Longest wait before a batch of ended spans is exported (OTEL_BSP_SCHEDULE_DELAY, ms). */
  readonly scheduleDelayMs: number;
}

export const TRACE_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

export interface TimeoutConfig {
  /** A gateway→subgraph query or subscription event fetch, and a subgraph→subgraph call. */
  readonly subgraphMs: number;
  /** The gateway's identity lookups (grants, perimeters) before a request runs. */
  readonly identityMs: number;
  /** How long a broken resumable subscription keeps trying its subgraph before its clients get an error. */
  readonly resumeWindowMs: number;
}

export interface SurfaceConfig {
  /** Requests per minute and client (token subject, else IP) on /graphql and /fhir; 0: no limit. */
  readonly apiRatePerMinute: number;
  /** Requests per minute and IP on sign-in, password pages and the token endpoint; 0: no limit. */
  readonly signInRatePerMinute: number;
  /** Origins browsers may call the gateway from (CORS); empty: none. */
  readonly corsOrigins: readonly string[];
  /** Bearer token /metrics asks for; null: open in development and test, closed in production. */
  readonly metricsToken: string | null;
}

export interface FhirSubscriptionTimings {
  /** How often each process looks for work it was not woken for (other processes' events, due retries, heartbeats). */
  readonly pollMs: number;
  /** First retry delay of a failed rest-hook delivery; doubles at each failure. */
  readonly retryBaseMs: number;
  /** Longest retry delay, also the probe interval of a subscription in error. */
  readonly retryMaxMs: number;
  /** Consecutive failed deliveries after which a subscription goes to `error`. */
  readonly maxAttempts: number;
  /** Days a logged event is kept once no delivery needs it (D59). */
  readonly retentionDays: number;
}

export interface BulkExportConfig {
  /** Exports queued or running at once, whole hub: one more kick-off is answered 429. */
  readonly maxJobs: number;
  /** Seconds a finished export's files are kept (manifest `Expires`), then deleted. */
  readonly retentionSeconds: number;
  /** Resources per NDJSON file: a larger type is split into several files. */
  readonly resourcesPerFile: number;
  /** Whether this process runs export jobs (false: it only takes kick-offs and serves status and files). */
  readonly runJobs: boolean;
}

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1. */
export const OWASP_SCRYPT_LOG2N = 17;

const port = (fallback: number) => ({ type: 'integer', minimum: 0, maximum: 65535, default: fallback });
const url = { type: 'string', pattern: '^https?://' };
const subgraphPort = { type: 'integer', minimum: 0, maximum: 65535 } as const;
/** `key=value,key2=value2` (W3C Baggage-like, values percent-encoded), as OTEL_*_HEADERS and OTEL_RESOURCE_ATTRIBUTES are written. */
const OTEL_LIST = '^\\s*[^=,\\s]+\\s*=[^,]*(,\\s*[^=,\\s]+\\s*=[^,]*)*$';

/**
 * A subgraph's default port: PORT + 1 … + 5 in SUBGRAPH_NAMES order, so `PORT=4100 npm start`
 * moves the whole hub and does not collide with a hub on the default ports. PORT=0 (tests) keeps
 * every port ephemeral.
 */
export function defaultSubgraphPort(gatewayPort: number, name: SubgraphName): number {
  return gatewayPort === 0 ? 0 : gatewayPort + SUBGRAPH_NAMES.indexOf(name) + 1;
}

/** Every variable the hub reads, with its type and default. Documented in README "Configuration". */
export const ENV_SCHEMA = {
  type: 'object',
  properties: {
    NODE_ENV: { type: 'string', enum: ['development', 'production', 'test'], default: 'development' },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    PORT: port(4000),
    ROR_PUBLIC_URL: url,
    // No fixed default: a subgraph listens on PORT + 1…5 unless its own variable says otherwise.
    OFFER_PORT: subgraphPort,
    CAPACITIES_PORT: subgraphPort,
    TENSIONS_PORT: subgraphPort,
    PROFESSIONALS_PORT: subgraphPort,
    ADMISSIONS_PORT: subgraphPort,
    OFFER_URL: url,
    CAPACITIES_URL: url,
    TENSIONS_URL: url,
    PROFESSIONALS_URL: url,
    ADMISSIONS_URL: url,
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    ROR_DATA_DIR: { type: 'string', minLength: 1, default: '.data' },
    ROR_DB_IN_MEMORY: { type: 'boolean', default: false },
    ROR_DB_POOL_MAX: { type: 'integer', minimum: 2, maximum: 100, default: 10 },
    ROR_PGLITE_SHARED_BUFFERS: { type: 'string', pattern: '^[1-9][0-9]{0,5}(kB|MB|GB)$' },
    ROR_SEED_DEMO: { type: 'boolean', default: true },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
    ROR_INTERNAL_SECRET: { type: 'string', minLength: 32 },
    ROR_OIDC_DISCOVERY_URL: url,
    ROR_API_AUDIENCE: { type: 'string', minLength: 1, default: 'urn:ror-hub:api' },
    SMTP_URL: { type: 'string', pattern: '^smtps?://' },
    ROR_MAIL_FROM: { type: 'string', minLength: 3, default: 'ROR Hub <no-reply@ror-hub.localhost>' },
    ROR_REGIONAL_TEAM_EMAIL: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$', default: 'ror-team@ars.localhost' },
    ROR_ARS_CRISIS_EMAIL: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$', default: 'cellule-crise@ars.localhost' },
    ROR_ARCHIVE_RETENTION_DAYS: { type: 'integer', minimum: 1, default: 365 },
    ROR_FEED_RETENTION_DAYS: { type: 'integer', minimum: 0, maximum: 3_650, default: 30 },
    ROR_PURGE_EVERY_SECONDS: { type: 'integer', minimum: 1, maximum: 86_400 },
    ROR_SNAPSHOT_TIME: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '06:00' },
    ROR_SNAPSHOT_CHECK_SECONDS: { type: 'integer', minimum: 1, maximum: 3_600, default: 60 },
    ROR_BJML_YEARS: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
    ROR_FHIR_SUBSCRIPTION_POLL_MS: { type: 'integer', minimum: 10, default: 1_000 },
    ROR_FHIR_SUBSCRIPTION_RETRY_BASE_MS: { type: 'integer', minimum: 10, default: 2_000 },
    ROR_FHIR_SUBSCRIPTION_RETRY_MAX_MS: { type: 'integer', minimum: 10, default: 300_000 },
    ROR_FHIR_SUBSCRIPTION_MAX_ATTEMPTS: { type: 'integer', minimum: 1, maximum: 100, default: 6 },
    ROR_FHIR_SUBSCRIPTION_RETENTION_DAYS: { type: 'integer', minimum: 1, default: 30 },
    ROR_BULK_MAX_JOBS: { type: 'integer', minimum: 1, default: 2 },
    ROR_BULK_RETENTION_SECONDS: { type: 'integer', minimum: 1, default: 86400 },
    ROR_BULK_FILE_RESOURCES: { type: 'integer', minimum: 1, default: 50000 },
    ROR_BULK_RUN_JOBS: { type: 'boolean', default: true },
    ROR_SHUTDOWN_TIMEOUT_MS: { type: 'integer', minimum: 100, default: 10_000 },
    ROR_GATEWAY_DEDUP: { type: 'boolean', default: true },
    ROR_GATEWAY_IN_PROCESS: { type: 'boolean', default: true },
    ROR_SUBGRAPH_TIMEOUT_MS: { type: 'integer', minimum: 1, maximum: 600_000, default: 10_000 },
    ROR_SUBSCRIPTION_RESUME_WINDOW_MS: { type: 'integer', minimum: 100, maximum: 3_600_000, default: 60_000 },
    ROR_IDENTITY_TIMEOUT_MS: { type: 'integer', minimum: 1, maximum: 600_000, default: 3_000 },
    ROR_RATE_LIMIT_API: { type: 'integer', minimum: 0, default: 600 },
    ROR_RATE_LIMIT_SIGNIN: { type: 'integer', minimum: 0, default: 30 },
    ROR_CORS_ORIGINS: { type: 'string', pattern: '^\\s*(\\*|https?://[^\\s,/]+(\\s*,\\s*https?://[^\\s,/]+)*)\\s*$' },
    ROR_METRICS_TOKEN: { type: 'string', minLength: 16 },
    ROR_PASSWORD_SCRYPT_LOG2N: { type: 'integer', minimum: 10, maximum: 20, default: 17 },
    ROR_GRAPHQL_MAX_DEPTH: { type: 'integer', minimum: 1, default: DEFAULT_GRAPHQL_LIMITS.depth },
    ROR_GRAPHQL_MAX_ALIASES: { type: 'integer', minimum: 0, default: DEFAULT_GRAPHQL_LIMITS.aliases },
    ROR_GRAPHQL_MAX_TOKENS: { type: 'integer', minimum: 100, default: DEFAULT_GRAPHQL_LIMITS.tokens },
    ROR_GRAPHQL_MAX_DIRECTIVES: { type: 'integer', minimum: 0, default: DEFAULT_GRAPHQL_LIMITS.directives },
    ROR_GRAPHQL_MAX_COST: { type: 'integer', minimum: 1, default: DEFAULT_GRAPHQL_LIMITS.cost },
    ROR_ADMISSION_EXPIRY_MINUTES: { type: 'integer', minimum: 1, maximum: 10_080, default: 120 },
    ROR_ADMISSION_HOLD_MINUTES: { type: 'integer', minimum: 1, maximum: 10_080, default: 240 },
    ROR_ADMISSION_RETENTION_DAYS: { type: 'integer', minimum: 1, maximum: 3_650, default: 90 },
    ROR_ADMISSION_STALE_MINUTES: { type: 'integer', minimum: 1, maximum: 10_080, default: 720 },
    ROR_ADMISSION_DATA_KEY: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
    // OpenTelemetry's standard variables (the subset the hub honours; docs/observability.md).
    OTEL_SDK_DISABLED: { type: 'boolean', default: false },
    OTEL_TRACES_EXPORTER: { type: 'string', enum: ['otlp', 'none'] },
    OTEL_EXPORTER_OTLP_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url,
    OTEL_EXPORTER_OTLP_PROTOCOL: { type: 'string', enum: ['http/protobuf', 'http/json'] },
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: { type: 'string', enum: ['http/protobuf', 'http/json'] },
    OTEL_EXPORTER_OTLP_HEADERS: { type: 'string', pattern: OTEL_LIST },
    OTEL_EXPORTER_OTLP_TRACES_HEADERS: { type: 'string', pattern: OTEL_LIST },
    OTEL_SERVICE_NAME: { type: 'string', minLength: 1 },
    OTEL_RESOURCE_ATTRIBUTES: { type: 'string', pattern: OTEL_LIST },
    OTEL_TRACES_SAMPLER: { type: 'string', enum: TRACE_SAMPLERS, default: 'parentbased_always_on' },
    OTEL_TRACES_SAMPLER_ARG: { type: 'number', minimum: 0, maximum: 1, default: 1 },
    OTEL_BSP_SCHEDULE_DELAY: { type: 'integer', minimum: 1, maximum: 600_000, default: 5_000 },
  },
} as const;

type RawEnv = Record<string, string | number | boolean | undefined>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

function describe(error: ErrorObject, env: Record<string, string | undefined>): string {
  const name = error.instancePath.replace(/^\//, '');
  // Secrets and URLs that may embed a password are never echoed.
  const got = /SECRET|PASSWORD|DATABASE_URL|SMTP_URL|TOKEN|KEY|HEADERS/.test(name) ? '(value hidden)' : JSON.stringify(env[name]);
  const allowed = error.params as { allowedValues?: unknown[]; type?: string; pattern?: string; limit?: number };
  if (allowed.allowedValues) return `${name}=${got}: expected one of ${allowed.allowedValues.join(', ')}`;
  if (allowed.type) return `${name}=${got}: expected ${allowed.type === 'integer' ? 'an integer' : `a ${allowed.type}`}`;
  if (allowed.pattern) return `${name}=${got}: expected a value matching ${allowed.pattern}`;
  if (allowed.limit !== undefined && error.keyword === 'minLength') return `${name}=${got}: expected at least ${allowed.limit} characters`;
  return `${name}=${got}: ${error.message ?? 'invalid'}`;
}

/**
 * Ajv set to coerce strings ("4000", "true") and fill defaults. The schema is compiled once per
 * process, on first use (40–90 ms of CPU each time: tests read a configuration per hub and per
 * CLI call); the compiled function is synchronous and keeps nothing between calls but its last
 * `errors`, read right after the call.
 */
let compiledSchema: ValidateFunction | null = null;

function validateEnv(env: Record<string, string | undefined>): RawEnv {
  const known = Object.keys(ENV_SCHEMA.properties);
  // Empty strings count as unset: `PORT= npm start` should mean "default", not "invalid".
  const picked: RawEnv = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const validate = (compiledSchema ??= new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true }).compile(ENV_SCHEMA));
  if (!validate(picked)) throw new ConfigError((validate.errors ?? []).map((e) => describe(e, env)));
  return picked;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and validates the configuration.
 * @param env the variables to read (process.env by default; tests pass their own)
 * @throws ConfigError listing every invalid variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  const v = validateEnv(env);
  const host = v.HOST as string;
  const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const gatewayPort = v.PORT as number;
  const ports = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, (v[`${name.toUpperCase()}_PORT`] as number | undefined) ?? defaultSubgraphPort(gatewayPort, name)]),
  ) as Record<SubgraphName, number>;
  const overflow = SUBGRAPH_NAMES.filter((name) => ports[name] > 65535);
  if (overflow.length) {
    throw new ConfigError(overflow.map((name) => `PORT=${JSON.stringify(env.PORT)}: ${name} would listen on ${ports[name]} (PORT + ${SUBGRAPH_NAMES.indexOf(name) + 1}); set ${name.toUpperCase()}_PORT or a lower PORT`));
  }
  const urlOf = (name: SubgraphName) =>
    (v[`${name.toUpperCase()}_URL`] as string | undefined) ?? `http://${localHost}:${ports[name]}/graphql`;
  const database: DatabaseConfig = v.DATABASE_URL
    ? { kind: 'postgres', url: v.DATABASE_URL as string, poolMax: v.ROR_DB_POOL_MAX as number }
    : {
        kind: 'pglite',
        dataDir: v.ROR_DB_IN_MEMORY ? null : (v.ROR_DATA_DIR as string),
        ...(v.ROR_PGLITE_SHARED_BUFFERS ? { sharedBuffers: v.ROR_PGLITE_SHARED_BUFFERS as string } : {}),
      };
  // The cost is lowered only for tests (sign-ins would take 0.7 s of CPU each); never in production.
  const log2N = v.ROR_PASSWORD_SCRYPT_LOG2N as number;
  if (log2N < OWASP_SCRYPT_LOG2N && v.NODE_ENV !== 'test') {
    throw new ConfigError([`ROR_PASSWORD_SCRYPT_LOG2N=${log2N}: expected at least ${OWASP_SCRYPT_LOG2N} (OWASP) outside NODE_ENV=test`]);
  }
  const dataKey = (v.ROR_ADMISSION_DATA_KEY as string | undefined) ?? null;
  const publicUrl = (v.ROR_PUBLIC_URL as string | undefined) ?? null;
  const gatewayBase = (publicUrl ?? `http://${localHost}:${gatewayPort}`).replace(/\/$/, '');
  return deepFreeze({
    nodeEnv: v.NODE_ENV as string,
    host,
    gatewayPort,
    publicUrl,
    hubUrl: gatewayBase,
    subgraphPorts: ports,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, urlOf(n)])) as Record<SubgraphName, string>,
    database,
    seedDemo: v.ROR_SEED_DEMO as boolean,
    logLevel: v.LOG_LEVEL as LogLevel,
    internalSecret: (v.ROR_INTERNAL_SECRET as string | undefined) ?? null,
    oidcIssuer: `${gatewayBase}/oidc`,
    externalOidcDiscoveryUrl: (v.ROR_OIDC_DISCOVERY_URL as string | undefined) ?? null,
    apiAudience: v.ROR_API_AUDIENCE as string,
    smtpUrl: (v.SMTP_URL as string | undefined) ?? null,
    mailFrom: v.ROR_MAIL_FROM as string,
    regionalTeamEmail: v.ROR_REGIONAL_TEAM_EMAIL as string,
    arsCrisisEmail: v.ROR_ARS_CRISIS_EMAIL as string,
    archiveRetentionDays: v.ROR_ARCHIVE_RETENTION_DAYS as number,
    feedRetentionDays: v.ROR_FEED_RETENTION_DAYS as number,
    purgeEveryMs: v.ROR_PURGE_EVERY_SECONDS === undefined ? null : (v.ROR_PURGE_EVERY_SECONDS as number) * 1000,
    snapshotTime: v.ROR_SNAPSHOT_TIME as string,
    snapshotCheckMs: (v.ROR_SNAPSHOT_CHECK_SECONDS as number) * 1000,
    bjmlYears: v.ROR_BJML_YEARS as number,
    fhirSubscriptions: {
      pollMs: v.ROR_FHIR_SUBSCRIPTION_POLL_MS as number,
      retryBaseMs: v.ROR_FHIR_SUBSCRIPTION_RETRY_BASE_MS as number,
      retryMaxMs: v.ROR_FHIR_SUBSCRIPTION_RETRY_MAX_MS as number,
      maxAttempts: v.ROR_FHIR_SUBSCRIPTION_MAX_ATTEMPTS as number,
      retentionDays: v.ROR_FHIR_SUBSCRIPTION_RETENTION_DAYS as number,
    },
    bulkExport: {
      maxJobs: v.ROR_BULK_MAX_JOBS as number,
      retentionSeconds: v.ROR_BULK_RETENTION_SECONDS as number,
      resourcesPerFile: v.ROR_BULK_FILE_RESOURCES as number,
      runJobs: v.ROR_BULK_RUN_JOBS as boolean,
    },
    shutdownTimeoutMs: v.ROR_SHUTDOWN_TIMEOUT_MS as number,
    gatewayDedup: v.ROR_GATEWAY_DEDUP as boolean,
    gatewayInProcess: v.ROR_GATEWAY_IN_PROCESS as boolean,
    timeouts: {
      subgraphMs: v.ROR_SUBGRAPH_TIMEOUT_MS as number,
      resumeWindowMs: v.ROR_SUBSCRIPTION_RESUME_WINDOW_MS as number,
      identityMs: v.ROR_IDENTITY_TIMEOUT_MS as number,
    },
    surface: {
      apiRatePerMinute: v.ROR_RATE_LIMIT_API as number,
      signInRatePerMinute: v.ROR_RATE_LIMIT_SIGNIN as number,
      corsOrigins: ((v.ROR_CORS_ORIGINS as string | undefined) ?? '').split(',').map((o) => o.trim()).filter(Boolean),
      metricsToken: (v.ROR_METRICS_TOKEN as string | undefined) ?? null,
    },
    passwordScryptLog2N: log2N,
    graphqlLimits: {
      depth: v.ROR_GRAPHQL_MAX_DEPTH as number,
      aliases: v.ROR_GRAPHQL_MAX_ALIASES as number,
      tokens: v.ROR_GRAPHQL_MAX_TOKENS as number,
      directives: v.ROR_GRAPHQL_MAX_DIRECTIVES as number,
      cost: v.ROR_GRAPHQL_MAX_COST as number,
    },
    admissions: {
      expiryMinutes: v.ROR_ADMISSION_EXPIRY_MINUTES as number,
      holdMinutes: v.ROR_ADMISSION_HOLD_MINUTES as number,
      retentionDays: v.ROR_ADMISSION_RETENTION_DAYS as number,
      staleMinutes: v.ROR_ADMISSION_STALE_MINUTES as number,
      dataKey,
    },
    tracing: tracingConfig(v),
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a lone `%` is taken literally rather than refusing the start
  }
}

/** `k=v,k2=v2` with percent-encoded values into an object. */
function otelList(text: string | undefined): Record<string, string> {
  if (!text) return {};
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1).trim();
      return [pair.slice(0, at).trim(), safeDecode(value)];
    }),
  );
}

/**
 * Traces are off unless asked for: OpenTelemetry's own default exporter is `otlp`, but a hub
 * that nobody pointed at a collector would then post spans to localhost:4318 for nothing. They
 * are on when an OTLP endpoint is set or OTEL_TRACES_EXPORTER=otlp, and off whatever else is set
 * when OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none (the specification's switches).
 */
function tracingConfig(v: RawEnv): TracingConfig | null {
  const exporter = v.OTEL_TRACES_EXPORTER as string | undefined;
  const base = v.OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined;
  const traces = v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as string | undefined;
  if (v.OTEL_SDK_DISABLED || exporter === 'none') return null;
  if (exporter !== 'otlp' && !base && !traces) return null;
  // The specification: the signal's own endpoint is used as is, the general one gets /v1/traces.
  const endpoint = traces ?? `${(base ?? 'http://localhost:4318').replace(/\/$/, '')}/v1/traces`;
  return {
    endpoint,
    protocol: ((v.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? v.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf') as TracingConfig['protocol']),
    headers: { ...otelList(v.OTEL_EXPORTER_OTLP_HEADERS as string | undefined), ...otelList(v.OTEL_EXPORTER_OTLP_TRACES_HEADERS as string | undefined) },
    serviceName: (v.OTEL_SERVICE_NAME as string | undefined) ?? null,
    resourceAttributes: otelList(v.OTEL_RESOURCE_ATTRIBUTES as string | undefined),
    sampler: v.OTEL_TRACES_SAMPLER as TraceSampler,
    samplerRatio: v.OTEL_TRACES_SAMPLER_ARG as number,
    scheduleDelayMs: v.OTEL_BSP_SCHEDULE_DELAY as number,
  };
}
