/**
 * Expands a grant's perimeter into the concrete ids it covers, from the offer hierarchy, so each
 * subgraph can decide on an id it knows (a unit id, an establishment id) without reading the
 * offer subgraph's tables.
 */
import { emptyReach, type Reach } from '../../platform/auth/identity.js';
import type { PerimeterKind } from '../../platform/auth/rights.js';
import type { SubgraphQuery } from './subgraph-client.js';
import type { EstablishmentTreeQuery, OrganizationTreeQuery } from '../../schemas/operations.js';

const ORGANIZATION_TREE = /* GraphQL */ `
  query OrganizationTree($id: ID!) {
    organization(id: $id) { id establishments { id units(includeArchived: true) { id } } }
  }
`;

const ESTABLISHMENT_TREE = /* GraphQL */ `
  query EstablishmentTree($id: ID!) {
    establishment(id: $id) { id units(includeArchived: true) { id } }
  }
`;


export async function expandReach(query: SubgraphQuery, offerUrl: string, kind: PerimeterKind, id: string | null): Promise<Reach> {
  const reach = emptyReach();
  if (kind === 'TRANSVERSAL' || id === null) return reach;
  if (kind === 'UNIT') return { ...reach, units: [id] };
  if (kind === 'PROFESSIONAL') return { ...reach, professionals: [id] };
  // A territory covers what its départements hold: decided on the target's département (platform/auth/authorize.ts).
  if (kind === 'TERRITORY') return reach;
  if (kind === 'ESTABLISHMENT') {
    const { establishment } = await query<EstablishmentTreeQuery>(offerUrl, ESTABLISHMENT_TREE, { id });
    return { ...reach, establishments: [id], units: establishment?.units.map((u) => u.id) ?? [] };
  }
  const { organization } = await query<OrganizationTreeQuery>(offerUrl, ORGANIZATION_TREE, { id });
  const establishments = organization?.establishments ?? [];
  return {
    ...reach,
    organizations: [id],
    establishments: establishments.map((e) => e.id),
    units: establishments.flatMap((e) => e.units.map((u) => u.id)),
  };
}
