/**
 * Helpers of the professionals suites: a hub with a known internal secret, so tests can sign
 * identity envelopes as the gateway does, and identities whose grants carry their reach expanded
 * from the offer hierarchy the way the gateway expands it.
 */
import type { FormattedExecutionResult } from 'graphql';
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';
import { emptyReach, type Grant, type Identity, type Reach } from '../../platform/auth/identity.js';
import type { PerimeterKind, RightCode } from '../../platform/auth/rights.js';
import { rightsOfRoleOn, type RoleCode } from '../../platform/auth/roles.js';
import { gql } from './graphql.js';
import { startTestHub, type DatabaseKind, type TestHub } from './hub.js';

export const TEST_SECRET = 'professionals-suite-internal-secret-0123456789';
export const SYSTEM: Identity = { kind: 'system', subject: 'gateway' };
export const ANONYMOUS: Identity = { kind: 'anonymous' };

export function startProfessionalsHub(kind: DatabaseKind, extra: Record<string, string> = {}): Promise<TestHub> {
  return startTestHub(kind, { ROR_INTERNAL_SECRET: TEST_SECRET, ...extra });
}

export type Call = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<FormattedExecutionResult<T> & { status: number }>;

/** GraphQL on one subgraph as `identity`, with the envelope the gateway would forward. */
export function callAs(url: string, identity: Identity): Call {
  return (query, variables = {}) => gql(url, query, variables, identity.kind === 'anonymous' ? {} : { [IDENTITY_HEADER]: signIdentity(identity, TEST_SECRET) });
}

/** What a grant on a perimeter reaches, read from the offer subgraph as the gateway reads it. */
export async function reachOf(hub: TestHub, kind: PerimeterKind, id: string | null): Promise<Reach> {
  const reach = emptyReach();
  if (kind === 'TRANSVERSAL' || id === null) return reach;
  if (kind === 'UNIT') return { ...reach, units: [id] };
  if (kind === 'PROFESSIONAL') return { ...reach, professionals: [id] };
  const offer = callAs(hub.urls.subgraphs.offer, SYSTEM);
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
