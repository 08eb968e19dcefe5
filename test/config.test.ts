/** Configuration: defaults, coercion, and start-up refusal naming each bad variable. */
import { describe, it, expect } from 'vitest';
import { ConfigError, loadConfig } from '../platform/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database under .data and the documented ports', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '.data' });
    expect(config.gatewayPort).toBe(4000);
    expect(config.subgraphPorts).toEqual({ offer: 4001, capacities: 4002, tensions: 4003, professionals: 4004, admissions: 4005 });
    expect(config.subgraphUrls.tensions).toBe('http://127.0.0.1:4003/graphql');
    expect(Object.isFrozen(config.subgraphPorts)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, in-memory PGlite on request', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db', poolMax: 10 });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ROR_DB_POOL_MAX: '4' }).database).toMatchObject({ poolMax: 4 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ROR_DB_POOL_MAX: '1' })).toThrow('ROR_DB_POOL_MAX');
    expect(loadConfig({ ROR_DB_IN_MEMORY: 'true' }).database).toEqual({ kind: 'pglite', dataDir: null });
    expect(loadConfig({ ROR_PGLITE_SHARED_BUFFERS: '16MB' }).database).toEqual({ kind: 'pglite', dataDir: '.data', sharedBuffers: '16MB' });
    expect(() => loadConfig({ ROR_PGLITE_SHARED_BUFFERS: '16' })).toThrow('ROR_PGLITE_SHARED_BUFFERS="16"');
  });

  it('coerces numbers and booleans, treats empty values as unset', () => {
    const config = loadConfig({ PORT: '8080', ROR_SEED_DEMO: 'false', OFFER_PORT: '' });
    expect(config.gatewayPort).toBe(8080);
    expect(config.seedDemo).toBe(false);
    expect(config.subgraphPorts.offer).toBe(8081); // unset: PORT + 1
  });

  it('reads the GraphQL limits, with documented defaults, and refuses a zero depth', () => {
    expect(loadConfig({}).graphqlLimits).toEqual({ depth: 15, aliases: 30, tokens: 10000, directives: 50, cost: 100000 });
    expect(loadConfig({ ROR_GRAPHQL_MAX_DEPTH: '8', ROR_GRAPHQL_MAX_COST: '5000' }).graphqlLimits).toMatchObject({ depth: 8, cost: 5000, aliases: 30 });
    expect(() => loadConfig({ ROR_GRAPHQL_MAX_DEPTH: '0' })).toThrow('ROR_GRAPHQL_MAX_DEPTH="0"');
  });

  it('keeps change-feed events 30 days by default, all of them with 0, and refuses a negative retention', () => {
    expect(loadConfig({}).feedRetentionDays).toBe(30);
    expect(loadConfig({ ROR_FEED_RETENTION_DAYS: '0' }).feedRetentionDays).toBe(0);
    expect(() => loadConfig({ ROR_FEED_RETENTION_DAYS: '-1' })).toThrow('ROR_FEED_RETENTION_DAYS="-1"');
  });

  it('leaves traces off unless an OTLP endpoint or exporter is set, and off whatever is set with the standard switches', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'hub', OTEL_TRACES_SAMPLER: 'always_on' }).tracing).toBeNull();
    const on = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing;
    expect(on).toMatchObject({ endpoint: 'http://collector:4318/v1/traces', protocol: 'http/protobuf', sampler: 'parentbased_always_on', samplerRatio: 1, serviceName: null });
    // The signal's own endpoint is taken as is; the specification's default endpoint with OTEL_TRACES_EXPORTER=otlp alone.
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces' }).tracing?.endpoint).toBe('https://b/otlp/traces');
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing?.endpoint).toBe('http://localhost:4318/v1/traces');
    for (const off of [{ OTEL_SDK_DISABLED: 'true' }, { OTEL_TRACES_EXPORTER: 'none' }]) {
      expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...off }).tracing).toBeNull();
    }
    const full = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc%20def, x-tenant=ars',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=cvl',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).tracing;
    expect(full).toMatchObject({ protocol: 'http/json', headers: { 'api-key': 'abc def', 'x-tenant': 'cvl' }, resourceAttributes: { 'deployment.environment.name': 'prod' }, samplerRatio: 0.25 });
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow('OTEL_TRACES_SAMPLER="sometimes": expected one of');
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' })).toThrow('OTEL_EXPORTER_OTLP_HEADERS=(value hidden)');
  });

  it('never echoes a secret it refuses', () => {
    expect(() => loadConfig({ ROR_INTERNAL_SECRET: 'short-secret' })).toThrow('ROR_INTERNAL_SECRET=(value hidden): expected at least 32 characters');
  });

  it('refuses bad values with one message naming every variable and what it expects', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', TENSIONS_PORT: '70000' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT="abc": expected an integer');
    expect(message).toContain('LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent');
    expect(message).toContain('DATABASE_URL=(value hidden): expected a value matching ^postgres(ql)?://');
    expect(message).not.toContain('mysql://x');
    expect(message).toContain('TENSIONS_PORT="70000"');
    expect((caught as ConfigError).problems).toHaveLength(4);
  });
});
