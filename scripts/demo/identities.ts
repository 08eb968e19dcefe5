/**
 * Demo identities: one hub account per role of rights.md, on real perimeters of the demo region,
 * each attached to a demo professional who works there (the ARS team gets a record of its own).
 * Seeded only outside production; all share DEMO_PASSWORD. Documented in docs/demo-identities.md.
 */
import type { SeedIdentity } from '../../subgraphs/professionals/seed.js';
import type { DemoProfessional, DemoRegion } from './region.js';
import { luhnCheckDigit } from '../../platform/luhn.js';
import { DEMO_CPTS_ID } from '../../subgraphs/tensions/crisis/seed.js';

export const DEMO_PASSWORD = 'Demo-ROR-2026!';

type Assignment = SeedIdentity['assignments'][number];

/** The person behind an identity: assigned to `unitId` if anyone is, else the first (by id) at the establishment. */
function staffOf(region: DemoRegion, establishmentId: string, unitId?: string): DemoProfessional {
  const here = region.professionals.filter((p) => p.establishmentIds.includes(establishmentId)).sort((a, b) => a.id.localeCompare(b.id));
  const person = here.find((p) => unitId !== undefined && p.unitIds.includes(unitId)) ?? here[0];
  if (!person) throw new Error(`The demo region has no professional at establishment ${establishmentId}`);
  return person;
}

function organizationOf(region: DemoRegion, establishmentId: string): string {
  const establishment = region.establishments.find((e) => e.id === establishmentId);
  if (!establishment) throw new Error(`Establishment ${establishmentId} is not in the demo region`);
  return establishment.organizationId;
}

/** The first adult ICU unit (by id) of an establishment, or its first unit: a deterministic choice. */
function icuUnitOf(region: DemoRegion, establishmentId: string): string {
  const units = region.units.filter((u) => u.establishmentId === establishmentId).sort((a, b) => a.id.localeCompare(b.id));
  const unit = units.find((u) => u.discipline === 'ADULT_ICU') ?? units[0];
  if (!unit) throw new Error(`Establishment ${establishmentId} has no unit in the demo region`);
  return unit.id;
}

function identity(login: string, person: DemoProfessional, ...assignments: Assignment[]): SeedIdentity {
  return { login, password: DEMO_PASSWORD, professionalId: person.id, assignments };
}

function withOwnRecord(seed: SeedIdentity, person: DemoProfessional): SeedIdentity {
  return { ...seed, newProfessional: person };
}

/** The regional ARS team is no hospital's staff: a record of its own, after the region's last id. */
export function arsTeamOf(region: DemoRegion): DemoProfessional {
  const last = Math.max(...region.professionals.map((p) => Number(p.id.slice(1))));
  return {
    id: `P${String(last + 1).padStart(6, '0')}`,
    lastName: 'EQUIPE REGIONALE ARS',
    firstName: 'CENTRE VAL DE LOIRE',
    professionCode: null,
    jobTitle: 'Coordination régionale ROR',
    rppsNumber: null,
    establishmentIds: [],
    unitIds: [],
    exerciseModeCodes: {},
  };
}

/**
 * A general practitioner in town (Orléans), who asks hospitals for beds: no establishment, a
 * record of its own after the ARS team's, with a valid RPPS number (its Luhn digit computed).
 */
export function townDoctorOf(region: DemoRegion): DemoProfessional {
  const ars = arsTeamOf(region);
  const body = '1009945023'; // 10 digits, then the Luhn check digit
  return {
    id: `P${String(Number(ars.id.slice(1)) + 1).padStart(6, '0')}`,
    lastName: 'MARTIN',
    firstName: 'CLAIRE',
    professionCode: '10',
    rppsNumber: `${body}${luhnCheckDigit(body)}`,
    establishmentIds: [],
    unitIds: [],
    exerciseModeCodes: {},
  };
}

/**
 * A territorial coordinator of the regional emergency observatory (ORU): no establishment, a record
 * of its own after the town doctor's (docs/territory.md).
 */
export function territorialCoordinatorOf(region: DemoRegion): DemoProfessional {
  const doctor = townDoctorOf(region);
  return {
    id: `P${String(Number(doctor.id.slice(1)) + 1).padStart(6, '0')}`,
    lastName: 'COORDINATION TERRITORIALE',
    firstName: 'SECTEUR CENTRE',
    professionCode: null,
    rppsNumber: null,
    establishmentIds: [],
    unitIds: [],
    exerciseModeCodes: {},
  };
}

/** The n-th professional (by id) of an establishment: another person than staffOf's. */
function nthStaffOf(region: DemoRegion, establishmentId: string, n: number): DemoProfessional {
  const here = region.professionals.filter((p) => p.establishmentIds.includes(establishmentId)).sort((a, b) => a.id.localeCompare(b.id));
  const person = here[n];
  if (!person) throw new Error(`The demo region has fewer than ${n + 1} professionals at establishment ${establishmentId}`);
  return person;
}

/**
 * The demo CPTS around Orléans (subgraphs/tensions/crisis/seed.ts): its coordinator first, then its
 * members: the GP, and professionals of establishments of its territory (Orléans, Olivet, Saran).
 */
export function cptsMembersOf(region: DemoRegion): DemoProfessional[] {
  // The coordinator is a record no other test or demo account uses (CHR Orléans' first ones are
  // the change-feed and rescue-e-mail tests' subjects, and an account of their own would clash).
  return [
    nthStaffOf(region, '450000245', 1),
    townDoctorOf(region),
    nthStaffOf(region, '450002613', 1),
    nthStaffOf(region, '450002613', 2),
    nthStaffOf(region, '450000294', 1),
  ];
}

export function buildDemoIdentities(region: DemoRegion): SeedIdentity[] {
  const toursUnit = icuUnitOf(region, '370004467');
  const ars = arsTeamOf(region);
  return [
    identity('ref.etab.orleans', staffOf(region, '450002613'), { role: 'ESTABLISHMENT_REFERENT', perimeterKind: 'ORGANIZATION', perimeterId: '450000088' }),
    identity('ref.uo.tours', staffOf(region, '370004467', toursUnit), { role: 'UNIT_REFERENT', perimeterKind: 'UNIT', perimeterId: toursUnit }),
    identity('decl.tension.bourges', staffOf(region, '180000010'), { role: 'TENSION_DECLARANT', perimeterKind: 'ESTABLISHMENT', perimeterId: '180000010' }),
    identity('ref.planblanc.chartres', staffOf(region, '280504267'), { role: 'PLAN_BLANC_REFERENT', perimeterKind: 'ESTABLISHMENT', perimeterId: '280504267' }),
    identity('ref.planbleu.blois', staffOf(region, '410000020'), {
      role: 'PLAN_BLEU_REFERENT',
      perimeterKind: 'ORGANIZATION',
      perimeterId: organizationOf(region, '410000020'),
    }),
    identity('saisie.lits.chateauroux', staffOf(region, '360000137'), {
      role: 'BED_ENTRY',
      perimeterKind: 'ORGANIZATION',
      perimeterId: organizationOf(region, '360000137'),
    }),
    withOwnRecord(
      identity(
        'admin.ars',
        ars,
        { role: 'ESTABLISHMENT_REFERENT', perimeterKind: 'TRANSVERSAL', perimeterId: null },
        { right: 'ORU_CAPACITE_DISPONIBLE_SHOW', perimeterKind: 'TRANSVERSAL', perimeterId: null },
        // The regional follow-up of direct admissions: aggregates only (docs/admissions.md § Indicators).
        { right: 'ORU_ADMISSION_INDICATEURS', perimeterKind: 'TRANSVERSAL', perimeterId: null },
        // The regional follow-up of CPTS crisis cells (docs/crisis.md § Rights): reads, never acts.
        { right: 'ORU_CPTS_CRISE_SHOW', perimeterKind: 'TRANSVERSAL', perimeterId: null },
        // The ARS's record of HET episodes (docs/het-follow-up.md § Rights): procedure steps, RETEX, surveys.
        { role: 'ARS_HET_REFERENT', perimeterKind: 'TRANSVERSAL', perimeterId: null },
      ),
      ars,
    ),
    // Direct admissions (docs/admissions.md): a GP who asks, and the CHR Orléans bed manager who answers.
    // The GP is also a member of the demo CPTS (docs/crisis.md): reads its protocol, sends field data.
    withOwnRecord(
      identity(
        'medecin.ville.orleans',
        townDoctorOf(region),
        { role: 'ADMISSION_REQUESTER', perimeterKind: 'TRANSVERSAL', perimeterId: null },
        { role: 'CPTS_MEMBER', perimeterKind: 'ORGANIZATION', perimeterId: DEMO_CPTS_ID },
      ),
      townDoctorOf(region),
    ),
    identity('gestionnaire.lits.orleans', nthStaffOf(region, '450010442', 0), { role: 'BED_MANAGER', perimeterKind: 'ORGANIZATION', perimeterId: '450000088' }),
    // The CPTS crisis protocol (docs/crisis.md): the demo CPTS's coordinator.
    identity('coord.cpts.orleans', cptsMembersOf(region)[0]!, { role: 'CPTS_CRISIS_COORDINATOR', perimeterKind: 'ORGANIZATION', perimeterId: DEMO_CPTS_ID }),
    // Territorial bed management (docs/territory.md): the coordinator of the Centre sector (Indre-et-Loire, Loir-et-Cher).
    withOwnRecord(
      identity('coord.territoire.centre', territorialCoordinatorOf(region), { role: 'TERRITORIAL_COORDINATOR', perimeterKind: 'TERRITORY', perimeterId: 'CVL-CENTRE' }),
      territorialCoordinatorOf(region),
    ),
  ];
}
