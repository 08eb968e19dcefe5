/**
 * Available MEDICINE + SURGERY beds of an establishment, asked where they live: the unit list from
 * the offer subgraph, their capacity from the capacities subgraph (`_entities` on Unit, with the
 * `sseCapacity` its @requires needs), both as the system identity (decision D30).
 */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

const DOWNSTREAM = new Set(['MEDICINE', 'SURGERY']);

interface UnitNode {
  id: string;
  discipline: string;
  sseCapacity: number | null;
}

/** The establishment's active MEDICINE and SURGERY units, from the offer subgraph. */
async function downstreamUnits(client: SubgraphClient, establishmentId: string): Promise<UnitNode[]> {
  const units: UnitNode[] = [];
  let after: string | null = null;
  do {
    const page: { units: { edges: Array<{ node: UnitNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await client.query(
      'offer',
      'query($id: ID!, $after: String) { units(filter: { establishmentId: $id }, first: 200, after: $after) { edges { node { id discipline sseCapacity } } pageInfo { hasNextPage endCursor } } }',
      { id: establishmentId, after },
    );
    units.push(...page.units.edges.map((e) => e.node).filter((u) => DOWNSTREAM.has(u.discipline)));
    after = page.units.pageInfo.hasNextPage ? page.units.pageInfo.endCursor : null;
  } while (after);
  return units;
}

/** Null when the establishment has no such unit with a recorded capacity. */
export async function availableDownstreamBeds(client: SubgraphClient, establishmentId: string): Promise<number | null> {
  const units = await downstreamUnits(client, establishmentId);
  if (units.length === 0) return null;
  const data = await client.query<{ _entities: Array<{ capacity: { availableBeds: number } | null } | null> }>(
    'capacities',
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { capacity { availableBeds } } } }',
    { r: units.map((u) => ({ __typename: 'Unit', id: u.id, sseCapacity: u.sseCapacity })) },
  );
  const known = data._entities.filter((e) => e?.capacity).map((e) => e!.capacity!.availableBeds);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/**
 * The same beds at the end of each day of [from, to] (Europe/Paris), from the capacities
 * subgraph's history (`availableBedsByDay`): shown beside the ED's RPU series.
 */
export async function downstreamBedsByDay(client: SubgraphClient, establishmentId: string, from: string, to: string): Promise<Array<{ day: string; availableBeds: number | null }>> {
  const units = await downstreamUnits(client, establishmentId);
  const data = await client.query<{ availableBedsByDay: Array<{ day: string; availableBeds: number | null }> }>(
    'capacities',
    'query($ids: [ID!]!, $from: String!, $to: String!) { availableBedsByDay(unitIds: $ids, from: $from, to: $to) { day availableBeds } }',
    { ids: units.map((u) => u.id), from, to },
  );
  return data.availableBedsByDay;
}

interface DepartmentUnitNode extends UnitNode {
  establishment: { id: string };
}

/**
 * The same figure for every establishment of a département at once (the département table): one
 * paged offer query for its units, one capacities query for their records.
 */
export async function availableDownstreamBedsOfDepartment(client: SubgraphClient, departmentCode: string): Promise<Map<string, number | null>> {
  const units: DepartmentUnitNode[] = [];
  let after: string | null = null;
  do {
    const page: { units: { edges: Array<{ node: DepartmentUnitNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await client.query(
      'offer',
      'query($d: String!, $after: String) { units(filter: { departmentCode: $d }, first: 200, after: $after) { edges { node { id discipline sseCapacity establishment { id } } } pageInfo { hasNextPage endCursor } } }',
      { d: departmentCode, after },
    );
    units.push(...page.units.edges.map((e) => e.node).filter((u) => DOWNSTREAM.has(u.discipline)));
    after = page.units.pageInfo.hasNextPage ? page.units.pageInfo.endCursor : null;
  } while (after);
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
