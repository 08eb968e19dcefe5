/**
 * Valid keys of the demo data, read from the running hub at the start of the run: fuzz inputs mix
 * them with garbage, so requests reach past "not found" into the code that handles real records.
 */
import { gql } from '../helpers/graphql.js';

export interface DemoIds {
  organizations: string[];
  establishments: string[];
  units: string[];
  poles: string[];
  professionals: string[];
  tensions: string[];
  /** `<unit>:<discipline>`-style and other composite keys seen in the data (BedAvailability ids). */
  bedAvailability: string[];
  all: string[];
}

type Edge<T> = { edges: Array<{ node: T }> };

/** Reads a few ids of each kind through the gateway as `authorization` (a user who sees them). */
export async function readDemoIds(graphqlUrl: string, authorization: string): Promise<DemoIds> {
  const { data, errors } = await gql<{
    organizations: Edge<{ id: string }>;
    establishments: Edge<{ id: string; units: Array<{ id: string }>; poles: Array<{ id: string }> }>;
    professionals: Edge<{ id: string }>;
    tensions: Edge<{ id: string }>;
  }>(
    graphqlUrl,
    `{ organizations(first: 4) { edges { node { id } } }
       establishments(first: 6) { edges { node { id units { id } poles { id } } } }
       professionals(first: 4) { edges { node { id } } }
       tensions(first: 4) { edges { node { id } } } }`,
    {},
    { authorization },
  );
  if (!data) throw new Error(`cannot read the demo ids: ${JSON.stringify(errors)}`);
  const establishments = data.establishments.edges.map((e) => e.node);
  const ids = {
    organizations: ['450000088', '360000053', ...data.organizations.edges.map((e) => e.node.id)],
    establishments: ['450002613', '180000010', '370004467', '360000137', ...establishments.map((e) => e.id)],
    units: ['370004467-4557', ...establishments.flatMap((e) => e.units.slice(0, 2).map((u) => u.id))],
    poles: establishments.flatMap((e) => e.poles.slice(0, 1).map((p) => p.id)),
    professionals: ['P000369', 'P000111', ...data.professionals.edges.map((e) => e.node.id)],
    tensions: ['T0007', ...data.tensions.edges.map((e) => e.node.id)],
    bedAvailability: ['370004467:ADULT_ICU', '360000137:ADULT_ICU'],
  };
  const unique = (list: string[]) => [...new Set(list)];
  const result = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, unique(v)])) as Omit<DemoIds, 'all'>;
  return { ...result, all: unique(Object.values(result).flat()) };
}
