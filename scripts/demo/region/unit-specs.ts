/**
 * Unit templates: how each kind of SAE bed count becomes ROR units (discipline, TRE codes, UF
 * pole digit, plausible unit sizes, unit names and their TRE_R211 activities).
 */
import { AGE_CEILING } from '../../../subgraphs/offer/editing/rules.js';
import type { ActivityFieldCode, CareModeCode, OperationalActivityCode } from './codes.js';
import type { Discipline, UnitKind } from './types.js';

export interface UnitTemplate {
  name: string; // capitals without accents, as the ROR wants
  activities: readonly OperationalActivityCode[];
  ageMin?: number;
  ageMax?: number;
}

/** How one SAE bed count becomes ROR units. */
export interface UnitSpec {
  discipline: Discipline;
  kind: UnitKind;
  activityField: ActivityFieldCode;
  careMode: CareModeCode;
  /** First digit of the UF code. It groups UFs by pole, as hospital PAS systems often do. */
  ufPrefix: number;
  /** Plausible unit size. Counts above maxBeds are split into units of minBeds..maxBeds. */
  minBeds: number;
  maxBeds: number;
  ageMin: number;
  ageMax: number;
  /** Name used when the count fits in one unit (e.g. a local hospital's only medicine unit). */
  single: UnitTemplate;
  /** Names used in order when the count is split. Past the end, names repeat with a number. */
  split: readonly UnitTemplate[];
}

const tpl = (name: string, activities: readonly OperationalActivityCode[], ages?: [number, number]): UnitTemplate =>
  ages ? { name, activities, ageMin: ages[0], ageMax: ages[1] } : { name, activities };

/** Every range has both bounds; an adult one ends at the conventional "no upper age" (D197). */
const MAX_AGE = AGE_CEILING;
const ADULT: [number, number] = [18, MAX_AGE];
const CHILD: [number, number] = [0, 17];

/** Fills in the common defaults: champ MCO (01), full hospitalisation (28), first template when single. */
function defineSpec(
  base: Omit<UnitSpec, 'activityField' | 'careMode' | 'ageMin' | 'ageMax' | 'single' | 'split'> & {
    activityField?: ActivityFieldCode;
    careMode?: CareModeCode;
    ages: [number, number];
    templates: readonly UnitTemplate[];
    single?: UnitTemplate;
  },
): UnitSpec {
  const [first] = base.templates;
  if (!first) throw new Error(`no template for ${base.discipline}`);
  return {
    discipline: base.discipline,
    kind: base.kind,
    activityField: base.activityField ?? '01',
    careMode: base.careMode ?? '28',
    ufPrefix: base.ufPrefix,
    minBeds: base.minBeds,
    maxBeds: base.maxBeds,
    ageMin: base.ages[0],
    ageMax: base.ages[1],
    single: base.single ?? first,
    split: base.templates,
  };
}

export const MEDICINE = defineSpec({
  discipline: 'MEDICINE', kind: 'MCO', ufPrefix: 1, minBeds: 20, maxBeds: 40, ages: ADULT,
  templates: [
    tpl('MEDECINE POLYVALENTE', ['083']),
    tpl('CARDIOLOGIE', ['013']),
    tpl('PNEUMOLOGIE', ['114']),
    tpl('GASTRO-ENTEROLOGIE', ['046', '062']),
    tpl('MEDECINE GERIATRIQUE', ['050'], [75, MAX_AGE]),
    tpl('NEUROLOGIE', ['097', '098']),
    tpl('MEDECINE INTERNE', ['085']),
    tpl('NEPHROLOGIE', ['095']),
    tpl('ONCOLOGIE MEDICALE', ['102']),
    tpl('ENDOCRINOLOGIE DIABETOLOGIE', ['041', '039']),
    tpl('MALADIES INFECTIEUSES ET TROPICALES', ['077']),
    tpl('HEMATOLOGIE', ['055']),
    tpl('RHUMATOLOGIE', ['131']),
    tpl('DERMATOLOGIE', ['037']),
    tpl('MEDECINE VASCULAIRE', ['091']),
  ],
});

export const SURGERY = defineSpec({
  discipline: 'SURGERY', kind: 'MCO', ufPrefix: 2, minBeds: 20, maxBeds: 40, ages: ADULT,
  single: tpl('CHIRURGIE POLYVALENTE', ['033', '025']),
  templates: [
    tpl('CHIRURGIE ORTHOPEDIQUE ET TRAUMATOLOGIQUE', ['025', '145']),
    tpl('CHIRURGIE VISCERALE ET DIGESTIVE', ['033']),
    tpl('UROLOGIE', ['031']),
    tpl('CHIRURGIE VASCULAIRE', ['032']),
    tpl('ORL ET CHIRURGIE CERVICO-FACIALE', ['016']),
    tpl('CHIRURGIE GYNECOLOGIQUE', ['022']),
    tpl('NEUROCHIRURGIE', ['096']),
    tpl('CHIRURGIE THORACIQUE', ['030']),
    tpl('OPHTALMOLOGIE', ['103']),
    tpl('CHIRURGIE MAXILLO-FACIALE', ['023']),
    tpl('CHIRURGIE PLASTIQUE ET RECONSTRUCTRICE', ['178', '177']),
    tpl('CHIRURGIE CARDIAQUE', ['018']),
  ],
});

export const OBSTETRICS = defineSpec({
  discipline: 'OBSTETRICS', kind: 'MCO', ufPrefix: 3, minBeds: 15, maxBeds: 35, ages: [15, 55],
  single: tpl('MATERNITE', ['100', '282']),
  templates: [
    tpl('SUITES DE COUCHES', ['100', '282']),
    tpl('GROSSESSES PATHOLOGIQUES', ['100']),
    tpl('GYNECOLOGIE OBSTETRIQUE', ['100', '022']),
  ],
});

export const PAEDIATRICS = defineSpec({
  discipline: 'PAEDIATRICS', kind: 'MCO', ufPrefix: 3, minBeds: 10, maxBeds: 30, ages: CHILD,
  single: tpl('PEDIATRIE', ['088']),
  templates: [
    tpl('PEDIATRIE GENERALE', ['088']),
    tpl('NEONATOLOGIE', ['094'], [0, 1]),
    tpl('HEMATO-ONCOLOGIE PEDIATRIQUE', ['279']),
    tpl('PEDIATRIE ADOLESCENTS', ['088'], [11, 17]),
  ],
});

export const ADULT_ICU = defineSpec({
  discipline: 'ADULT_ICU', kind: 'MCO', ufPrefix: 4, minBeds: 8, maxBeds: 20, ages: ADULT,
  single: tpl('REANIMATION POLYVALENTE', ['127']),
  templates: [
    tpl('REANIMATION MEDICALE', ['126']),
    tpl('REANIMATION CHIRURGICALE', ['122']),
    tpl('REANIMATION NEUROCHIRURGICALE', ['129']),
  ],
});

export const PAEDIATRIC_ICU = defineSpec({
  discipline: 'PAEDIATRIC_ICU', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: CHILD,
  templates: [tpl('REANIMATION PEDIATRIQUE', ['130'])],
});

// SAE gives lit_sitot = USIC + USINV + other SI, so each part becomes its own kind of unit.
export const INTENSIVE_CARE_CARDIO = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: ADULT,
  templates: [tpl('SOINS INTENSIFS DE CARDIOLOGIE', ['354', '013'])],
});
export const INTENSIVE_CARE_NEURO = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 4, maxBeds: 12, ages: ADULT,
  templates: [tpl('SOINS INTENSIFS NEURO-VASCULAIRES', ['356', '098'])],
});
export const INTENSIVE_CARE_OTHER = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: ADULT,
  templates: [
    tpl('SOINS INTENSIFS POLYVALENTS', ['351']),
    tpl('SOINS INTENSIFS DE PNEUMOLOGIE', ['357']),
    tpl('SOINS INTENSIFS D\'HEMATOLOGIE', ['361']),
  ],
});

export const CONTINUOUS_CARE_ADULT = defineSpec({
  discipline: 'CONTINUOUS_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 20, ages: ADULT,
  single: tpl('SURVEILLANCE CONTINUE', ['373']),
  templates: [
    tpl('SURVEILLANCE CONTINUE MEDICALE', ['375']),
    tpl('SURVEILLANCE CONTINUE CHIRURGICALE', ['374']),
    tpl('SURVEILLANCE CONTINUE CARDIOLOGIQUE', ['376']),
    tpl('SURVEILLANCE CONTINUE POLYVALENTE', ['373']),
  ],
});
export const CONTINUOUS_CARE_CHILD = defineSpec({
  discipline: 'CONTINUOUS_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 4, maxBeds: 16, ages: CHILD,
  templates: [tpl('SURVEILLANCE CONTINUE PEDIATRIQUE', ['391'])],
});

export const SMR = defineSpec({
  discipline: 'SMR', kind: 'SMR', activityField: '02', ufPrefix: 6, minBeds: 20, maxBeds: 40, ages: ADULT,
  templates: [
    tpl('SMR POLYVALENT', ['172']),
    tpl('SMR GERIATRIQUE', ['241'], [75, MAX_AGE]),
    tpl('SMR LOCOMOTEUR', ['233']),
    tpl('SMR NEUROLOGIQUE', ['234']),
    tpl('SMR CARDIO-VASCULAIRE', ['235']),
    tpl('SMR RESPIRATOIRE', ['236']),
    tpl('SMR NUTRITION ET DIGESTIF', ['237']),
    tpl('SMR ADDICTOLOGIE', ['240']),
    tpl('SMR ONCO-HEMATOLOGIE', ['238']),
  ],
});

export const USIP_NAME = 'UNITE DE SOINS INTENSIFS PSYCHIATRIQUES';
export const PSYCHIATRY_ADULT = defineSpec({
  discipline: 'PSYCHIATRY', kind: 'PSYCHIATRY', activityField: '03', ufPrefix: 7, minBeds: 18, maxBeds: 35, ages: ADULT,
  single: tpl('PSYCHIATRIE ADULTE', ['229']),
  templates: [
    tpl("UNITE D'ADMISSION PSYCHIATRIE ADULTE", ['229']),
    tpl('PSYCHIATRIE ADULTE SECTEUR NORD', ['229']),
    tpl('PSYCHIATRIE DU SUJET AGE', ['051'], [65, MAX_AGE]),
    tpl(USIP_NAME, ['355']),
    tpl('PSYCHIATRIE ADULTE SECTEUR SUD', ['229']),
    tpl('REHABILITATION PSYCHOSOCIALE', ['231']),
    tpl('ADDICTOLOGIE', ['003']),
    tpl('PSYCHIATRIE ADULTE SECTEUR EST', ['229']),
    tpl('PSYCHIATRIE ADULTE SECTEUR OUEST', ['229']),
  ],
});
export const PSYCHIATRY_CHILD = defineSpec({
  discipline: 'PSYCHIATRY', kind: 'PSYCHIATRY', activityField: '03', ufPrefix: 7, minBeds: 6, maxBeds: 16, ages: CHILD,
  single: tpl('PSYCHIATRIE INFANTO-JUVENILE', ['227', '228']),
  templates: [
    tpl('PSYCHIATRIE DE L\'ENFANT', ['227'], [0, 11]),
    tpl('PSYCHIATRIE DE L\'ADOLESCENT', ['228'], [12, 17]),
  ],
});

// The ROR files USLD units as type MCO (training deck); the discipline keeps them apart.
export const LONG_STAY = defineSpec({
  discipline: 'LONG_STAY', kind: 'MCO', ufPrefix: 8, minBeds: 20, maxBeds: 40, ages: [60, MAX_AGE],
  templates: [tpl('UNITE DE SOINS DE LONGUE DUREE', ['333'])],
});

export const HAD = defineSpec({
  discipline: 'HAD', kind: 'HAD', careMode: '31', ufPrefix: 9, minBeds: 20, maxBeds: 60, ages: [0, MAX_AGE],
  single: tpl('HOSPITALISATION A DOMICILE', ['083']),
  templates: [
    tpl('HAD SECTEUR NORD', ['083']),
    tpl('HAD SECTEUR SUD', ['083']),
    tpl('HAD SECTEUR EST', ['083']),
    tpl('HAD SECTEUR OUEST', ['083']),
  ],
});

export const ED_SHORT_STAY_ADULT = defineSpec({
  discipline: 'ED_SHORT_STAY', kind: 'MCO', careMode: '13', ufPrefix: 5, minBeds: 4, maxBeds: 20, ages: [16, MAX_AGE],
  templates: [tpl("UNITE D'HOSPITALISATION DE COURTE DUREE", ['157'])],
});
export const ED_SHORT_STAY_CHILD = defineSpec({
  discipline: 'ED_SHORT_STAY', kind: 'MCO', careMode: '13', ufPrefix: 5, minBeds: 2, maxBeds: 12, ages: CHILD,
  templates: [tpl('UHCD PEDIATRIQUE', ['249'])],
});
