/** Rules of the professionals subgraph, per request (batched reads). */
import DataLoader from 'dataloader';
import type { Assigned, ProfessionalStore } from './store.js';
import type { ProfessionalRow } from './tables.js';

/** TRE_G15 ProfessionSante, the health profession of a professional. */
export const PROFESSION_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante';
const PROFESSION_LABELS: Record<string, string> = { '10': 'Médecin', '60': 'Infirmier' };

function grouped(rows: Assigned[], keys: readonly string[]): ProfessionalRow[][] {
  return keys.map((k) => rows.filter((r) => r.key === k).map(({ key: _key, ...person }) => person));
}

export function createProfessionalService(store: ProfessionalStore) {
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const ofEstablishment = new DataLoader(async (ids: readonly string[]) => grouped(await store.ofEstablishments(ids), ids));
  const ofUnit = new DataLoader(async (ids: readonly string[]) => grouped(await store.ofUnits(ids), ids));
  return {
    professional: (id: string) => byId.load(id),
    ofEstablishment: (establishmentId: string) => ofEstablishment.load(establishmentId),
    ofUnit: (unitId: string) => ofUnit.load(unitId),
    establishmentsOf: async (professionalId: string) => (await store.establishmentIdsOf(professionalId)).map((r) => ({ id: r.id })),
    unitsOf: async (professionalId: string) => (await store.unitIdsOf(professionalId)).map((r) => ({ id: r.id })),
    profession: (code: string | null) =>
      code === null ? null : { system: PROFESSION_SYSTEM, code, display: PROFESSION_LABELS[code] ?? null },
  };
}

export type ProfessionalService = ReturnType<typeof createProfessionalService>;
