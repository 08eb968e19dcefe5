/**
 * Units and their attributes, read from the offer subgraph that owns them (never from its tables):
 * the syntheses, the snapshot and the automatic feed's FINESS + UF keys need them.
 */
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { MAX_PAGE_SIZE } from '../../platform/pagination.js';

export interface OfferUnit {
  id: string;
  name: string;
  ufCode: string;
  kind: string;
  discipline: string;
  sseCapacity: number | null;
  sensitive: boolean;
  pole: { id: string; name: string } | null;
  establishment: {
    id: string;
    name: string;
    organization: { id: string };
    address: { departmentCode: string; departmentName: string | null; regionCode: string; regionName: string | null };
  };
}

/** What the offer's UnitFilter narrows on the server side (the rest is filtered here). */
export interface OfferUnitFilter {
  establishmentId?: string | null;
  establishmentIds?: string[] | null;
  departmentCode?: string | null;
  regionCode?: string | null;
  ufCode?: string | null;
}

const SELECTION = `id name ufCode kind discipline sseCapacity sensitive pole { id name }
  establishment { id name organization { id } address { departmentCode departmentName regionCode regionName } }`;

const UNITS = `query($filter: UnitFilter, $first: Int, $after: String) {
  units(filter: $filter, first: $first, after: $after) { edges { node { ${SELECTION} } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  units: { edges: Array<{ node: OfferUnit }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every active unit matching `filter`, page after page (the offer caps pages at 200). */
export async function fetchUnits(client: SubgraphClient, filter: OfferUnitFilter = {}): Promise<OfferUnit[]> {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined));
  const units: OfferUnit[] = [];
  let after: string | null = null;
  do {
    const page: Page = await client.query<Page>('offer', UNITS, { filter: clean, first: MAX_PAGE_SIZE, after });
    units.push(...page.units.edges.map((e) => e.node));
    after = page.units.pageInfo.hasNextPage ? page.units.pageInfo.endCursor : null;
  } while (after);
  return units;
}

/** The offer answers for at most this many establishments per query (its UnitFilter bound). */
const ESTABLISHMENTS_PER_QUERY = 1000;

/** Units by establishment FINESS and UF code: one paged offer query per 1,000 establishments named. */
export async function unitsByFinessAndUf(client: SubgraphClient, establishmentIds: readonly string[]): Promise<Map<string, OfferUnit>> {
  const byKey = new Map<string, OfferUnit>();
  const ids = [...new Set(establishmentIds)];
  for (let i = 0; i < ids.length; i += ESTABLISHMENTS_PER_QUERY) {
    const units = await fetchUnits(client, { establishmentIds: ids.slice(i, i + ESTABLISHMENTS_PER_QUERY) });
    for (const unit of units) byKey.set(feedKey(unit.establishment.id, unit.ufCode), unit);
  }
  return byKey;
}

export const feedKey = (establishmentFiness: string, ufCode: string) => `${establishmentFiness}|${ufCode}`;
