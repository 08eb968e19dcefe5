/**
 * Helpers of the professionals suites: a hub with a known internal secret, so tests can sign
 * identity envelopes as the gateway does, and identities whose grants carry their reach expanded
 * from the offer hierarchy the way the gateway expands it.
 */
import type { FormattedExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';
import { emptyReach, type Grant, type Identity, type Reach } from '../../platform/auth/identity.js';
import type { PerimeterKind, RightCode } from '../../platform/auth/rights.js';
import { rightsOfRoleOn, type RoleCode } from '../../platform/auth/roles.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import type { RunningHub } from '../../scripts/hub.js';
import { gql } from './graphql.js';
import { createScratchDatabase, fromSnapshot, startTestHub, templateFor, testEnv, type DatabaseKind, type TestHub } from './hub.js';
import { startTestIssuer, type TestIssuer } from './test-issuer.js';

export const TEST_SECRET = 'professionals-suite-internal-secret-0123456789';
export const SYSTEM: Identity = { kind: 'system', subject: 'gateway' };
export const ANONYMOUS: Identity = { kind: 'anonymous' };

export function startProfessionalsHub(kind: DatabaseKind, extra: Record<string, string> = {}): Promise<TestHub> {
  return startTestHub(kind, { ROR_INTERNAL_SECRET: TEST_SECRET, ...extra });
}

export type Call = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<FormattedExecutionResult<T> & { status: number }>;

/** GraphQL on one subgraph as `identity`, with the envelope the gateway would forward (anonymous callers get one too). */
export function callAs(url: string, identity: Identity, subgraph = 'professionals'): Call {
  return async (query, variables = {}) => gql(url, query, variables, { [IDENTITY_HEADER]: await signIdentity(identity, TEST_SECRET, subgraph) });
}

/** What a grant on a perimeter reaches, read from the offer subgraph as the gateway reads it. */
export async function reachOf(hub: TestHub, kind: PerimeterKind, id: string | null): Promise<Reach> {
  const reach = emptyReach();
  if (kind === 'TRANSVERSAL' || id === null) return reach;
  if (kind === 'UNIT') return { ...reach, units: [id] };
  if (kind === 'PROFESSIONAL') return { ...reach, professionals: [id] };
  const offer = callAs(hub.urls.subgraphs.offer, SYSTEM, 'offer');
  type Tree = { id: string; units: Array<{ id: string }> };
  if (kind === 'ESTABLISHMENT') {
    const { data } = await offer<{ establishment: Tree | null }>(`query($id: ID!) { establishment(id: $id) { id units(includeArchived: true) { id } } }`, { id });
    return { ...reach, establishments: [id], units: data?.establishment?.units.map((u) => u.id) ?? [] };
  }
  const { data } = await offer<{ organization: { establishments: Tree[] } | null }>(
    `query($id: ID!) { organization(id: $id) { establishments { id units(includeArchived: true) { id } } } }`,
    { id },
  );
  const establishments = data?.organization?.establishments ?? [];
  return { ...reach, organizations: [id], establishments: establishments.map((e) => e.id), units: establishments.flatMap((e) => e.units.map((u) => u.id)) };
}

export interface GrantSpec {
  role?: RoleCode;
  rights?: RightCode[];
  kind: PerimeterKind;
  id: string | null;
}

/** A user identity as the gateway builds it: effective rights per assignment, reach expanded. */
export async function userIdentity(hub: TestHub, professionalId: string, specs: GrantSpec[], login = `user.${professionalId.toLowerCase()}`): Promise<Identity> {
  const grants: Grant[] = await Promise.all(
    specs.map(async (s) => ({
      rights: s.role ? rightsOfRoleOn(s.role, s.kind).granted : (s.rights ?? []),
      kind: s.kind,
      id: s.id,
      reach: await reachOf(hub, s.kind, s.id),
    })),
  );
  return { kind: 'user', subject: `account-of-${professionalId}`, login, professionalId, grants };
}

export function clientIdentity(scopes: Array<'professional.read' | 'offer.read'>): Identity {
  return { kind: 'client', subject: 'test-app', name: 'Test application', scopes, accessLevel: 2 };
}

export function codeOf(result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

export interface GatewayHub {
  hub: TestHub;
  issuer: TestIssuer;
  /** GraphQL through the gateway, with a bearer token for this demo login (or none). */
  as(login: string | null): Promise<Call>;
  /** GraphQL through the gateway as a trust-circle application with these scopes. */
  asApplication(scopes: string): Promise<Call>;
  close(): Promise<void>;
}

/**
 * A whole hub trusting a test OpenID issuer, so tests go through the gateway with real bearer
 * tokens: a user token names a login (the gateway then reads that account's grants), an
 * application token carries scopes. `logger` lets a test read every log line.
 */
export async function startGatewayHub(kind: DatabaseKind, options: { env?: Record<string, string>; logger?: Logger } = {}): Promise<GatewayHub> {
  const issuer = await startTestIssuer();
  const env = testEnv({ ROR_INTERNAL_SECRET: TEST_SECRET, ROR_OIDC_DISCOVERY_URL: issuer.discoveryUrl, ...options.env });
  const scratch = kind === 'postgres' ? await createScratchDatabase(templateFor(loadConfig(env))) : null;
  const config = fromSnapshot(loadConfig({ ...env, ...(scratch ? { DATABASE_URL: scratch.url } : {}) }));
  const { startHub } = await import('../../scripts/hub.js'); // loaded with the hub, not with this file
  const running: RunningHub = await startHub(config, options.logger ?? createLogger(config.logLevel));
  const close = async () => {
    await running.close();
    await scratch?.drop();
    await issuer.close();
  };
  const hub: TestHub = { ...running, kind, close };
  const through = (authorization: string | null): Call => (query, variables = {}) =>
    gql(hub.urls.graphql, query, variables, authorization ? { authorization } : {});
  return {
    hub,
    issuer,
    // A fresh jti makes each token distinct: the gateway caches identities per token.
    as: async (login) => through(login ? `Bearer ${await issuer.mint({ sub: login, preferred_username: login, jti: randomUUID() })}` : null),
    asApplication: async (scope) => through(`Bearer ${await issuer.mint({ client_id: 'test-app', scope, ror_access_level: 2 })}`),
    close,
  };
}
