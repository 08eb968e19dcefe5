/**
 * Loads the demo region into the subgraphs, each through its own seed function (each owns its
 * tables). Every subgraph skips when it already holds data, so a restart seeds nothing.
 */
import type { Database } from '../../platform/db/client.js';
import type { AdmissionsConfig, SubgraphName } from '../../platform/config.js';
import { offerSubgraph } from '../../subgraphs/offer/index.js';
import { capacitiesSubgraph } from '../../subgraphs/capacities/index.js';
import { buildTerritoryDemo } from './region/territory.js';
import { tensionsSubgraph } from '../../subgraphs/tensions/index.js';
import { professionalsSubgraph } from '../../subgraphs/professionals/index.js';
import { admissionsSubgraph } from '../../subgraphs/admissions/index.js';
import { buildDemoRegion, type DemoRegion } from './region.js';
import { buildDemoIdentities, cptsMembersOf } from './identities.js';
import { seedDemoClients } from './clients.js';
import { seedDemoEmergency } from './rpu/seed.js';
import { lazyObject } from './lazy.js';

/** The region of each establishment, which the professionals subgraph stores with each placement (the PractitionerRole `_tag`). */
function establishmentRegionsOf(region: DemoRegion): Record<string, string> {
  return Object.fromEntries(region.establishments.map((e) => [e.id, e.regionCode]));
}

/**
 * Seeds one subgraph's part of the region; true when rows were written. `nodeEnv` decides the
 * demo accounts (never in production: their password is published). Each part is built only when
 * the subgraph reads it, i.e. when it is still empty (`lazyObject`).
 */
export async function seedSubgraph(
  name: SubgraphName,
  db: Database,
  region: DemoRegion,
  nodeEnv = 'production',
  passwordLog2N?: number,
  admissions?: Pick<AdmissionsConfig, 'dataKey'>,
): Promise<boolean> {
  switch (name) {
    case 'offer':
      // Codes come from the offer's terminology files, which seedOffer syncs first.
      return offerSubgraph.seed(db, lazyObject(() => ({
        organizations: region.organizations,
        establishments: region.establishments,
        poles: region.poles,
        contacts: region.contacts,
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
          poleId: u.poleId,
          sseCapacity: u.sseCapacity,
          specificActCodes: u.specificActCodes,
          equipmentCodes: u.equipmentCodes,
          psychiatricSectors: u.psychiatricSectors,
          categoryCode: u.categoryCode,
          annualOpeningCode: u.annualOpeningCode,
          patientTypeCodes: u.patientTypeCodes,
          interventionZones: u.interventionZones,
          openingHours: u.openingHours,
          visitingHours: u.visitingHours,
          accessDetails: u.accessDetails,
        })),
      })));
    case 'capacities':
      return capacitiesSubgraph.seed(db, lazyObject(() => ({ capacities: region.capacities.map((c) => ({ ...c, source: 'MANUAL' as const })), ...buildTerritoryDemo(region) })));
    case 'tensions':
      return [await tensionsSubgraph.seed(db, lazyObject(() => ({ tensions: region.tensions, crisis: { professionalIds: cptsMembersOf(region).map((p) => p.id) } }))), await seedDemoEmergency(db)].some(Boolean); // + RPU (scripts/demo/rpu/seed.ts)
    case 'professionals': {
      const people = await professionalsSubgraph.seed(db, lazyObject(() => ({ professionals: region.professionals, establishmentRegions: establishmentRegionsOf(region), identities: buildDemoIdentities(region), nodeEnv, passwordLog2N })));
      const apps = await seedDemoClients(db, nodeEnv); // the three trust-circle demo applications
      return people || apps.length > 0;
    }
    case 'admissions':
      // Past requests of the demo accounts (so, as them, not in production), encrypted with the configured key.
      return admissionsSubgraph.seed(db, { get requests() { return region.admissions; }, nodeEnv, admissions }); // the region read only when used
  }
}

/**
 * Seeds the subgraphs that are still empty, with the region as of `now` (capacity and tension
 * times are relative to it); demo accounts and past admission requests only when `nodeEnv` is
 * given and not production; `admissions` carries the data key that encrypts those requests.
 */
export async function seedDemoRegion(
  db: Database,
  names: readonly SubgraphName[],
  now = new Date(),
  nodeEnv = 'production',
  passwordLog2N?: number,
  admissions?: Pick<AdmissionsConfig, 'dataKey'>,
): Promise<SubgraphName[]> {
  const region = lazyObject(() => buildDemoRegion(now)); // built only if a subgraph is still empty
  const seeded: SubgraphName[] = [];
  for (const name of names) if (await seedSubgraph(name, db, region, nodeEnv, passwordLog2N, admissions)) seeded.push(name);
  return seeded;
}
