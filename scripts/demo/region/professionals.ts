/**
 * Professionals: a few synthetic doctors and nurses per staffed site, with RPPS-like numbers.
 */
import { luhnCheckDigit } from '../../../platform/luhn.js';
import type { ProfessionCode } from './codes.js';
import { type Rng, rngFor } from './rng.js';
import type { DemoEstablishment, DemoProfessional, DemoUnit, Discipline } from './types.js';

const LAST_NAMES = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT',
  'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'MULLER', 'LEFEVRE', 'FAURE', 'ANDRE',
  'MERCIER', 'BLANC', 'GUERIN', 'BOYER', 'GARNIER', 'CHEVALIER', 'FRANCOIS', 'LEGRAND', 'GAUTHIER', 'GARCIA',
  'PERRIN', 'ROBIN', 'CLEMENT', 'MORIN', 'NICOLAS', 'HENRY', 'ROUSSEL', 'MATHIEU', 'GAUTIER', 'MASSON',
  'MARCHAND', 'DUVAL', 'DENIS', 'DUMONT', 'MARIE', 'LEMAIRE', 'NOEL', 'MEYER', 'DUFOUR', 'MEUNIER',
  'BRUN', 'BLANCHARD', 'GIRAUD', 'JOLY', 'RIVIERE', 'LUCAS', 'BRUNET', 'GAILLARD', 'BARBIER', 'ARNAUD',
  'MARTINEZ', 'GERARD', 'ROCHE', 'RENARD', 'SCHMITT', 'ROY', 'LEROUX', 'COLIN', 'VIDAL', 'CARON',
  'PICARD', 'ROGER', 'FABRE', 'AUBERT', 'LEMOINE', 'RENAUD', 'DUMAS', 'LACROIX', 'OLIVIER', 'PHILIPPE',
  'BOURGEOIS', 'PIERRE', 'BENOIT', 'REY', 'LECLERC', 'PAYET', 'ROLLAND', 'LECLERCQ', 'GUILLAUME', 'LECOMTE',
] as const;

const FIRST_NAMES = [
  'MARIE', 'NATHALIE', 'ISABELLE', 'SYLVIE', 'CATHERINE', 'SANDRINE', 'CELINE', 'AURELIE', 'JULIE', 'CAMILLE',
  'EMILIE', 'SOPHIE', 'CLAIRE', 'LAURE', 'HELENE', 'CHLOE', 'MANON', 'PAULINE', 'ELODIE', 'AGNES',
  'JEAN', 'PHILIPPE', 'MICHEL', 'ALAIN', 'PATRICK', 'NICOLAS', 'CHRISTOPHE', 'PIERRE', 'FREDERIC', 'LAURENT',
  'STEPHANE', 'DAVID', 'JULIEN', 'SEBASTIEN', 'THOMAS', 'ANTOINE', 'MAXIME', 'GUILLAUME', 'FRANCOIS', 'OLIVIER',
] as const;

/** Capitals, no accents, no hyphens or apostrophes, as in the RPPS export. */
function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[-']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** An 11-digit RPPS-like number: "10", 8 random digits, then a Luhn check digit. */
function rppsNumber(rng: Rng, used: Set<string>): string {
  for (;;) {
    const body = `10${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    const rpps = `${body}${luhnCheckDigit(body)}`;
    if (!used.has(rpps)) {
      used.add(rpps);
      return rpps;
    }
  }
}

/** A few people per site: 2 at a small one, 3 at a mid-size one, 4 at a large one. */
function professionalCount(beds: number): number {
  if (beds < 60) return 2;
  if (beds < 250) return 3;
  return 4;
}

/** About one person in eight also works at another site of the same département. */
const SECOND_SITE_RATE = 0.12;

/**
 * FINESS legal statuses (TRE_R72) of private for-profit companies: 70–79 (SNC, SARL, SA, société
 * civile…) and 91–99 (SELAS, SAS…). The other ones are public bodies, social security and
 * non-profit private bodies (associations, foundations, mutuals).
 */
const COMMERCIAL_STATUS = /^(7\d|9[1-9])$/;

/**
 * How the person works in a unit (TRE_R23), a plausible rule and no source (the seeds and FINESS
 * say nothing of it): in a private for-profit clinic doctors are libéraux (L) and their fees are
 * their own, while nurses are the clinic's employees; in public and non-profit establishments
 * everyone is salaried (S). Volunteers (B) and indirect exercise (I) do not occur in the demo.
 */
function exerciseModeOf(profession: ProfessionCode, legalStatus: string | null): 'L' | 'S' {
  return profession === '10' && legalStatus !== null && COMMERCIAL_STATUS.test(legalStatus) ? 'L' : 'S';
}

const JOB_TITLES: Record<ProfessionCode, string> = { '10': 'Médecin', '60': 'Infirmier' };

/**
 * The ordinal specialty (TRE_R38) of a person by the discipline of their first unit, a plausible
 * rule and no source, like the exercise mode: the IG's PractitionerRole needs a savoir-faire
 * (specialty[expertiseType] 1..1), so every demo professional has one. Doctors get the unit's
 * medical specialty; nurses the specialised or advanced-practice one that fits the unit (IBODE in
 * surgery, IADE in critical care, puériculture with children, IPA elsewhere), though most real
 * nurses have none and would then not be served as a PractitionerRole (docs/professionals.md).
 */
const SPECIALTIES: Record<Discipline, Record<ProfessionCode, string>> = {
  MEDICINE: { '10': 'SM27', '60': 'SI01' },
  SURGERY: { '10': 'SM14', '60': 'SI06' },
  OBSTETRICS: { '10': 'SM20', '60': 'SI08' },
  PAEDIATRICS: { '10': 'SM40', '60': 'SI08' },
  ADULT_ICU: { '10': 'SM46', '60': 'SI07' },
  PAEDIATRIC_ICU: { '10': 'SM90', '60': 'SI08' },
  INTENSIVE_CARE: { '10': 'SM46', '60': 'SI07' },
  CONTINUOUS_CARE: { '10': 'SM02', '60': 'SI07' },
  SMR: { '10': 'SM29', '60': 'SI01' },
  PSYCHIATRY: { '10': 'SM42', '60': 'SI04' },
  LONG_STAY: { '10': 'SM18', '60': 'SI01' },
  HAD: { '10': 'SM54', '60': 'SI01' },
  ED_SHORT_STAY: { '10': 'SM59', '60': 'SI05' },
};

/** The switchboard as a work phone (digits only), the form the API stores. */
function workPhoneOf(est: DemoEstablishment): string | null {
  const digits = est.switchboardPhone?.replace(/\D/g, '') ?? '';
  return digits.length >= 6 ? digits : null;
}

/** Doctors get an MSSanté mailbox in their establishment's domain (synthetic, like the names). */
function mssanteOf(profession: ProfessionCode, lastName: string, firstName: string, est: DemoEstablishment): string | null {
  if (profession !== '10') return null;
  const part = (name: string) => name.toLowerCase().replace(/ /g, '-');
  return `${part(firstName)}.${part(lastName)}@${est.id}.mssante.fr`;
}

export function buildProfessionals(
  establishments: readonly DemoEstablishment[],
  unitsByEstablishment: ReadonlyMap<string, DemoUnit[]>,
  bedsByEstablishment: ReadonlyMap<string, number>,
  legalStatusOf: (establishment: DemoEstablishment) => string | null = () => null,
): DemoProfessional[] {
  const staffed = establishments.filter((e) => (unitsByEstablishment.get(e.id)?.length ?? 0) > 0);
  const usedRpps = new Set<string>();
  const professionals: DemoProfessional[] = [];
  for (const est of staffed) {
    const rng = rngFor(`professionals:${est.id}`);
    const units = unitsByEstablishment.get(est.id) ?? [];
    const neighbours = staffed.filter((e) => e.departmentCode === est.departmentCode && e.id !== est.id);
    const n = professionalCount(bedsByEstablishment.get(est.id) ?? 0);
    for (let i = 0; i < n; i++) {
      // The first person is always a doctor and the second a nurse, so every staffed site has both.
      const profession: ProfessionCode = i === 0 ? '10' : i === 1 ? '60' : rng.pick(['10', '60'] as const);
      const establishmentIds = [est.id];
      const first = rng.pick(units);
      const unitIds = [first.id];
      const exerciseModeCodes: Record<string, string> = { [unitIds[0]!]: exerciseModeOf(profession, legalStatusOf(est)) };
      if (neighbours.length > 0 && rng.next() < SECOND_SITE_RATE) {
        const other = rng.pick(neighbours);
        establishmentIds.push(other.id);
        const unitId = rng.pick(unitsByEstablishment.get(other.id) ?? []).id;
        unitIds.push(unitId);
        exerciseModeCodes[unitId] = exerciseModeOf(profession, legalStatusOf(other));
      }
      const id = `P${String(professionals.length + 1).padStart(6, '0')}`;
      const lastName = normaliseName(rng.pick(LAST_NAMES));
      const firstName = normaliseName(rng.pick(FIRST_NAMES));
      professionals.push({
        id,
        lastName,
        firstName,
        professionCode: profession,
        specialtyCode: SPECIALTIES[first.discipline][profession],
        jobTitle: JOB_TITLES[profession],
        workPhone: workPhoneOf(est),
        mssanteAddress: mssanteOf(profession, lastName, firstName, est),
        // Nurses are in the RPPS too (moved there from ADELI). Their numbers come from a stream of
        // their own, so the site's stream (names, units) is the same as before they had one.
        rppsNumber: rppsNumber(profession === '10' ? rng : rngFor(`rpps:${id}`), usedRpps),
        establishmentIds,
        unitIds,
        exerciseModeCodes,
      });
    }
  }
  return professionals;
}
