/**
 * Tensions: three real March 2020 Plan blanc declarations and four synthetic ones around the
 * reference instant. Levels and discipline groups are codes of the tensions subgraph's data
 * ("Plan blanc 2" of the ROR Centre-Val de Loire is the level PLAN_BLANC, its regional label).
 */
import { HOUR_MS } from './constants.js';
import type { DemoTension } from './types.js';

/** Discipline group codes (subgraphs/tensions/discipline-groups.ts): "Réanimation, soins intensifs adultes et surveillance continue". */
const CRITICAL_CARE_GROUP = 'REA_SI_SC';

/**
 * The first three are real March 2020 Plan blanc declarations in the ROR Centre-Val de Loire.
 * Their times are Paris time (UTC+1 before 29 March 2020). Their end dates are assumed: late May
 * 2020, when the plans blancs were lifted. The last four are synthetic, around the reference
 * instant: one recently closed and three in progress.
 */
function tensionDeclarations(referenceMs: number): Array<Omit<DemoTension, 'id'>> {
  const hoursBefore = (hours: number) => new Date(referenceMs - hours * HOUR_MS);
  return [
    {
      establishmentId: '450002613', // CHR Orléans - Hôpital de la Source
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC', status: 'CLOSED',
      startedAt: new Date('2020-03-16T15:16:00+01:00'), endedAt: new Date('2020-05-29T18:00:00+02:00'),
    },
    {
      establishmentId: '280504267', // CH Chartres Louis Pasteur - Le Coudray
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC', status: 'CLOSED',
      startedAt: new Date('2020-03-16T15:34:00+01:00'), endedAt: new Date('2020-05-27T17:30:00+02:00'),
    },
    {
      establishmentId: '370004467', // CHRU Tours - Trousseau (Chambray-lès-Tours)
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC', status: 'CLOSED',
      startedAt: new Date('2020-03-17T13:58:00+01:00'), endedAt: new Date('2020-06-02T12:00:00+02:00'),
    },
    {
      establishmentId: '360000137', // CH Châteauroux
      disciplineGroup: 'MEDECINE', level: 'HET_1', status: 'CLOSED',
      startedAt: hoursBefore(334.25), endedAt: hoursBefore(206.67),
    },
    {
      establishmentId: '180000010', // CH Bourges - Jacques Coeur
      disciplineGroup: 'URGENCES', level: 'HET_2', status: 'IN_PROGRESS',
      startedAt: hoursBefore(69.5), endedAt: null,
    },
    {
      establishmentId: '410000020', // CH Blois Simone Veil
      disciplineGroup: 'MEDECINE', level: 'HET_1', status: 'IN_PROGRESS',
      startedAt: hoursBefore(36.75), endedAt: null,
    },
    {
      establishmentId: '280000084', // CH Dreux
      disciplineGroup: 'URGENCES', level: 'HET_1', status: 'IN_PROGRESS',
      startedAt: hoursBefore(9.33), endedAt: null,
    },
  ];
}

export function buildTensions(establishmentIds: ReadonlySet<string>, referenceMs: number): DemoTension[] {
  return tensionDeclarations(referenceMs).map((declaration, i) => {
    if (!establishmentIds.has(declaration.establishmentId)) {
      throw new Error(`tension on unknown establishment ${declaration.establishmentId}`);
    }
    // Fresh Date objects each time, so callers who mutate one build do not change the next.
    return {
      ...declaration,
      id: `T${String(i + 1).padStart(4, '0')}`,
      startedAt: new Date(declaration.startedAt.getTime()),
      endedAt: declaration.endedAt ? new Date(declaration.endedAt.getTime()) : null,
    };
  });
}
