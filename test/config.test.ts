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
