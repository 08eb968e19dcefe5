/**
 * Available MEDICINE + SURGERY beds of an establishment (or of every establishment of a
 * département), asked where they live: the unit list from the offer subgraph, their capacity from
 * the capacities subgraph (`_entities` on Unit, with the `sseCapacity` its @requires needs), both
 * as the system identity (decision D30).
 */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

const DOWNSTREAM = new Set(['MEDICINE', 'SURGERY']);

interface UnitNode {
  id: string;
  discipline: string;
  sseCapacity: number | null;
  establishment: { id: string };
}

type UnitsFilter = { establishmentId: string } | { departmentCode: string };

/** The active MEDICINE and SURGERY units an offer filter names, every page. */
async function downstreamUnits(client: SubgraphClient, filter: UnitsFilter): Promise<UnitNode[]> {
  const units: UnitNode[] = [];
  let after: string | null = null;
  do {
    const page: { units: { edges: Array<{ node: UnitNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await client.query(
      'offer',
      'query($filter: UnitFilter, $after: String) { units(filter: $filter, first: 200, after: $after) { edges { node { id discipline sseCapacity establishment { id } } } pageInfo { hasNextPage endCursor } } }',
      { filter, after },
    );
    units.push(...page.units.edges.map((e) => e.node).filter((u) => DOWNSTREAM.has(u.discipline)));
    after = page.units.pageInfo.hasNextPage ? page.units.pageInfo.endCursor : null;
  } while (after);
  return units;
}

/**
 * By establishment: the sum of its units' available beds; null when none of them has a record.
 * Establishments without such units are absent. One offer query (paged) and one capacities query.
 */
async function availableByEstablishment(client: SubgraphClient, filter: UnitsFilter): Promise<Map<string, number | null>> {
  const units = await downstreamUnits(client, filter);
  const beds = new Map<string, number | null>();
  if (units.length === 0) return beds;
  const data = await client.query<{ _entities: Array<{ capacity: { availableBeds: number } | null } | null> }>(
    'capacities',
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { capacity { availableBeds } } } }',
    { r: units.map((u) => ({ __typename: 'Unit', id: u.id, sseCapacity: u.sseCapacity })) },
  );
  units.forEach((unit, i) => {
    const capacity = data._entities[i]?.capacity;
    const id = unit.establishment.id;
    if (!beds.has(id)) beds.set(id, null);
    if (capacity) beds.set(id, (beds.get(id) ?? 0) + capacity.availableBeds);
  });
  return beds;
}

/** Null when the establishment has no such unit with a recorded capacity. */
export async function availableDownstreamBeds(client: SubgraphClient, establishmentId: string): Promise<number | null> {
  return (await availableByEstablishment(client, { establishmentId })).get(establishmentId) ?? null;
}

/** Every establishment of a département at once (the département table). */
export function availableDownstreamBedsOfDepartment(client: SubgraphClient, departmentCode: string): Promise<Map<string, number | null>> {
  return availableByEstablishment(client, { departmentCode });
}

/**
 * The same beds at the end of each day of [from, to] (Europe/Paris), from the capacities
 * subgraph's history (`availableBedsByDay`): shown beside the ED's RPU series.
 */
export async function downstreamBedsByDay(client: SubgraphClient, establishmentId: string, from: string, to: string): Promise<Array<{ day: string; availableBeds: number | null }>> {
  const units = await downstreamUnits(client, { establishmentId });
  const data = await client.query<{ availableBedsByDay: Array<{ day: string; availableBeds: number | null }> }>(
    'capacities',
    'query($ids: [ID!]!, $from: String!, $to: String!) { availableBedsByDay(unitIds: $ids, from: $from, to: $to) { day availableBeds } }',
    { ids: units.map((u) => u.id), from, to },
  );
  return data.availableBedsByDay;
}
