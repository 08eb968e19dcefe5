/**
 * Loads the demo region into the subgraphs, each through its own seed function (each owns its
 * tables). Every subgraph skips when it already holds data, so a restart seeds nothing.
 */
import type { Database } from '../../platform/db/client.js';
import type { SubgraphName } from '../../platform/config.js';
import { offerSubgraph } from '../../subgraphs/offer/index.js';
import { capacitiesSubgraph } from '../../subgraphs/capacities/index.js';
import { tensionsSubgraph } from '../../subgraphs/tensions/index.js';
import { professionalsSubgraph } from '../../subgraphs/professionals/index.js';
import { CODE_SYSTEMS as OFFER_SYSTEMS } from '../../subgraphs/offer/codes.js';
import { buildDemoRegion, CODE_LABELS, type DemoRegion } from './region.js';
import { buildDemoIdentities } from './identities.js';
import { seedDemoClients } from './clients.js';

function offerCodes(): Array<{ system: string; code: string; display: string }> {
  return (Object.keys(OFFER_SYSTEMS) as Array<keyof typeof OFFER_SYSTEMS>).flatMap((key) =>
    Object.entries(CODE_LABELS[key] ?? {}).map(([code, display]) => ({ system: OFFER_SYSTEMS[key], code, display })),
  );
}

/**
 * Seeds one subgraph's part of the region; true when rows were written. `nodeEnv` decides the
 * demo accounts (never in production: their password is published).
 */
export async function seedSubgraph(name: SubgraphName, db: Database, region: DemoRegion, nodeEnv = 'production'): Promise<boolean> {
  switch (name) {
    case 'offer':
      return offerSubgraph.seed(db, {
        codes: offerCodes(),
        organizations: region.organizations,
        establishments: region.establishments,
        units: region.units.map((u) => ({
          id: u.id,
          establishmentId: u.establishmentId,
          name: u.name,
          ufCode: u.ufCode,
          kind: u.kind,
          discipline: u.discipline,
          activityFieldCode: u.activityFieldCode,
          careModeCode: u.careModeCode,
          operationalActivityCodes: u.operationalActivityCodes,
          patientAgeMin: u.patientAgeMin,
          patientAgeMax: u.patientAgeMax,
          sensitive: u.sensitive,
        })),
      });
    case 'capacities':
      return capacitiesSubgraph.seed(db, { capacities: region.capacities.map((c) => ({ ...c, source: 'MANUAL' })) });
    case 'tensions':
      return tensionsSubgraph.seed(db, { tensions: region.tensions });
    case 'professionals': {
      const people = await professionalsSubgraph.seed(db, { professionals: region.professionals, identities: buildDemoIdentities(region), nodeEnv });
      const apps = await seedDemoClients(db, nodeEnv); // the three trust-circle demo applications
      return people || apps.length > 0;
    }
  }
}

/**
 * Seeds the subgraphs that are still empty, with the region as of `now` (capacity and tension
 * times are relative to it); demo accounts only when `nodeEnv` is given and not production.
 */
export async function seedDemoRegion(db: Database, names: readonly SubgraphName[], now = new Date(), nodeEnv = 'production'): Promise<SubgraphName[]> {
  const region = buildDemoRegion(now);
  const seeded: SubgraphName[] = [];
  for (const name of names) if (await seedSubgraph(name, db, region, nodeEnv)) seeded.push(name);
  return seeded;
}
