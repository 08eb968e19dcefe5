/**
 * Deterministic demo region: Centre-Val de Loire (code_region 24).
 *
 * Real establishments come from FINESS (January 2021). Real bed counts come from DREES SAE 2021.
 * The rest is synthetic and stable from one run to the next: the split of beds into ROR units,
 * UF codes, current availability, a few professionals and a handful of tension declarations.
 * Every random choice uses a PRNG seeded from FINESS numbers. The builder never calls
 * Math.random or the clock, so two builds are deep-equal.
 *
 * Data: ./data/*.csv (see ./data/README.md). Source : FINESS, data.gouv.fr; DREES SAE 2021.
 */
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type UnitKind = 'MCO' | 'SMR' | 'PSYCHIATRY' | 'MEDICO_TECHNICAL' | 'ELDERLY' | 'DISABLED' | 'HAD';
export type Discipline =
  | 'MEDICINE'
  | 'SURGERY'
  | 'OBSTETRICS'
  | 'PAEDIATRICS'
  | 'ADULT_ICU'
  | 'PAEDIATRIC_ICU'
  | 'INTENSIVE_CARE'
  | 'CONTINUOUS_CARE'
  | 'SMR'
  | 'PSYCHIATRY'
  | 'LONG_STAY'
  | 'HAD'
  | 'ED_SHORT_STAY';

export interface DemoOrganization {
  id: string /* FINESS EJ */;
  name: string;
}
export interface DemoEstablishment {
  id: string /* FINESS ET (nofinesset) */;
  organizationId: string;
  siret: string | null;
  name: string;
  categoryCode: string;
  categoryLabel: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  departmentCode: string;
  regionCode: string;
  regionName: string;
  latitude: number | null;
  longitude: number | null;
  switchboardPhone: string | null;
}
export interface DemoUnit {
  id: string;
  establishmentId: string;
  name: string;
  ufCode: string;
  kind: UnitKind;
  discipline: Discipline;
  activityFieldCode: string; // TRE_R227 code: 01 MCO, 02 SMR, 03 PSY
  careModeCode: string; // TRE_R213 code, e.g. 28 Hospitalisation complète, 31 HAD, 13 UHCD
  operationalActivityCodes: string[]; // TRE_R211 codes (at least one)
  patientAgeMin: number | null;
  patientAgeMax: number | null;
  sensitive: boolean;
}
export interface DemoCapacity {
  unitId: string;
  installedBeds: number;
  availableBeds: number;
  updatedAt: Date;
}
export interface DemoProfessional {
  id: string;
  lastName: string;
  firstName: string;
  professionCode: string | null /* TRE_G15: 10 Médecin, 60 Infirmier */;
  rppsNumber: string | null;
  establishmentIds: string[];
  unitIds: string[];
}
export type PlanLevel = 'HET_1' | 'HET_2' | 'HET_3' | 'PLAN_BLANC_1' | 'PLAN_BLANC_2';
export interface DemoTension {
  id: string;
  establishmentId: string;
  disciplineGroup: string;
  level: PlanLevel;
  status: 'IN_PROGRESS' | 'CLOSED';
  startedAt: Date;
  endedAt: Date | null;
}
export interface DemoRegion {
  organizations: DemoOrganization[];
  establishments: DemoEstablishment[];
  units: DemoUnit[];
  capacities: DemoCapacity[];
  professionals: DemoProfessional[];
  tensions: DemoTension[];
}

// ---------------------------------------------------------------------------------------------
// Code systems and labels
// ---------------------------------------------------------------------------------------------

/** Canonical code-system URLs (pattern https://mos.esante.gouv.fr/NOS/TRE_Xnnn-Name/FHIR/TRE-Xnnn-Name). */
export const CODE_SYSTEMS = {
  activityField: 'https://mos.esante.gouv.fr/NOS/TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite',
  careMode: 'https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge',
  operationalActivity:
    'https://mos.esante.gouv.fr/NOS/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle',
  profession: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  finessCategory: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement',
} as const;

const ACTIVITY_FIELD_LABELS = {
  '01': 'Médecine Chirurgie Obstétrique (MCO)',
  '02': 'Soins Médicaux et de réadaptation (SMR)',
  '03': 'Psychiatrie (PSY)',
} as const;
type ActivityFieldCode = keyof typeof ACTIVITY_FIELD_LABELS;

const CARE_MODE_LABELS = {
  '13': 'Hospitalisation courte durée (UHCD)',
  '28': 'Hospitalisation complète (HC)',
  '31': 'Hospitalisation à domicile (HAD)',
} as const;
type CareModeCode = keyof typeof CARE_MODE_LABELS;

/**
 * The TRE_R211 codes the unit templates may use. Every code is active in the ANS TRE_R211
 * CodeSystem (version 20260730120000), and the labels are copied from it. Templates are typed
 * against this table, so a template cannot emit a code that has no label.
 */
const OPERATIONAL_ACTIVITY_LABELS = {
  '003': 'Alcoologie',
  '013': 'Cardiologie générale',
  '016': 'Chirurgie cervico-faciale et Oto-rhino-laryngologie (ORL)',
  '018': 'Chirurgie cardiaque et gros vaisseaux (cardio-vasculaire)',
  '022': 'Chirurgie gynécologique',
  '023': 'Chirurgie maxillo-faciale',
  '025': 'Chirurgie orthopédique et traumatologique',
  '030': 'Chirurgie thoracique et pulmonaire',
  '031': 'Urologie (chirurgie urologique)',
  '032': 'Chirurgie vasculaire et endovasculaire',
  '033': 'Chirurgie digestive et viscérale fonctionnelle (hors carcinologie)',
  '037': 'Dermatologie',
  '039': 'Diabétologie',
  '041': 'Endocrinologie',
  '046': 'Gastro-entérologie',
  '050': 'Gériatrie, Gérontologie',
  '051': 'Psychiatrie du sujet âgé (et géronto-psychiatrie)',
  '055': 'Hématologie',
  '062': 'Hépatologie',
  '077': 'Maladies infectieuses et tropicales',
  '083': 'Médecine polyvalente',
  '085': 'Médecine interne',
  '088': 'Médecine pédiatrique',
  '091': 'Médecine vasculaire (Angiologie, Phlébologie)',
  '094': 'Néonatalogie',
  '095': 'Néphrologie',
  '096': 'Neurochirurgie',
  '097': 'Neurologie',
  '098': 'Neurologie vasculaire',
  '100': 'Obstétrique',
  '102': 'Oncologie médicale (cancérologie)',
  '103': 'Ophtalmologie',
  '114': 'Pneumologie',
  '122': 'Réanimation chirurgicale',
  '126': 'Réanimation médicale',
  '127': 'Réanimation polyvalente',
  '129': 'Réanimation spécialisée neurochirurgicale',
  '130': 'Réanimation spécialisée pédiatrique',
  '131': 'Rhumatologie',
  '145': 'Traumatologie',
  '157': 'Urgences polyvalentes hospitalières',
  '172': 'Réadaptation polyvalente',
  '177': 'Chirurgie reconstructrice',
  '178': 'Chirurgie plastique et esthétique',
  '227': 'Psychiatrie de l’enfant (pédopsychiatrie)',
  '228': 'Psychiatrie de l’adolescent (pédopsychiatrie)',
  '229': 'Psychiatrie adulte',
  '231': 'Evaluation et soins de réhabilitation psychosociale',
  '233': "Réadaptation des affections de l'appareil locomoteur",
  '234': 'Réadaptation des affections du système nerveux',
  '235': 'Réadaptation des affections cardio-vasculaires',
  '236': 'Réadaptation des affections respiratoires',
  '237': 'Réadaptation des affections du système digestif, endocrino-métaboliques et nutrition',
  '238': 'Réadaptation des affections onco-hématologiques',
  '240': 'Réadaptation des affections liées aux conduites addictives',
  '241': 'Réadaptation gériatrique',
  '249': 'Urgences pédiatriques hospitalières',
  '279': 'Oncologie médicale pédiatrique (cancérologie)',
  '282': 'Périnatalité (suivi de grossesse)',
  '333': 'Soins de longue durée (SLD)',
  '351': 'Soins intensifs polyvalents',
  '354': 'Soins intensifs spécialisés cardiologie (USIC)',
  '355': 'Soins intensifs spécialisés en psychiatrie',
  '356': 'Soins intensifs spécialisés neurologie vasculaire (USINV)',
  '357': 'Soins intensifs spécialisés pneumologie',
  '361': 'Soins intensifs spécialisés hématologie (USIH)',
  '373': 'Surveillance continue polyvalente',
  '374': 'Surveillance continue chirurgicale',
  '375': 'Surveillance continue médicale',
  '376': 'Surveillance continue spécialisée cardiologie',
  '391': 'Surveillance continue spécialisée pédiatrique',
} as const;
type OperationalActivityCode = keyof typeof OPERATIONAL_ACTIVITY_LABELS;

/**
 * TRE_G15 codes. Only 10 and 60 are used, because they are the two codes we are sure of.
 * Pharmacien is 21 in TRE_G15, not 50: 50 is Sage-femme.
 */
const PROFESSION_LABELS = { '10': 'Médecin', '60': 'Infirmier' } as const;
type ProfessionCode = keyof typeof PROFESSION_LABELS;

/** The 19 FINESS categories kept in the source extract. Labels follow categories.csv. */
const FINESS_CATEGORY_LABELS = {
  '101': 'Centre Hospitalier Régional (C.H.R.)',
  '106': 'Centre hospitalier, ex Hôpital local',
  '109': 'Etablissement de santé privé autorisé en SSR',
  '114': 'Hôpital des armées',
  '122': 'Etablissement Soins Obstétriques Chirurgico-Gynécologiques',
  '127': 'Hospitalisation à Domicile',
  '128': 'Etablissement de Soins Chirurgicaux',
  '129': 'Etablissement de Soins Médicaux',
  '131': 'Centre de Lutte Contre Cancer',
  '156': 'Centre Médico-Psychologique (C.M.P.)',
  '161': 'Maison de Santé pour Maladies Mentales',
  '292': 'Centre Hospitalier Spécialisé lutte Maladies Mentales',
  '355': 'Centre Hospitalier (C.H.)',
  '362': 'Etablissement de Soins Longue Durée',
  '365': 'Etablissement de Soins Pluridisciplinaire',
  '425': "Centre d'Accueil Thérapeutique à temps partiel (C.A.T.T.P.)",
  '430': 'Centre Postcure Malades Mentaux',
  '444': 'Centre Crise Accueil Permanent',
  '697': 'Groupement de coopération sanitaire - Etablissement de santé',
} as const;

/** Display labels for every code the builder emits, per system key of CODE_SYSTEMS. */
export const CODE_LABELS: Record<keyof typeof CODE_SYSTEMS, Record<string, string>> = {
  activityField: ACTIVITY_FIELD_LABELS,
  careMode: CARE_MODE_LABELS,
  operationalActivity: OPERATIONAL_ACTIVITY_LABELS,
  profession: PROFESSION_LABELS,
  finessCategory: FINESS_CATEGORY_LABELS,
};

// ---------------------------------------------------------------------------------------------
// Constants of the demo
// ---------------------------------------------------------------------------------------------

const REGION_CODE = '24';
const REGION_NAME = 'Centre-Val de Loire';
const DEPARTMENTS: ReadonlySet<string> = new Set(['18', '28', '36', '37', '41', '45']);

/**
 * Default "now" of the demo. Capacities are stamped a few minutes to hours before the reference
 * instant and the synthetic tensions started days before it, so that a region seeded today looks
 * current. The builder never reads the clock: the seeder passes the seeding time, tests rely on
 * this default.
 */
export const DEFAULT_REFERENCE_INSTANT = new Date('2026-11-23T06:00:00Z');
const HOUR_MS = 3_600_000;

const FINESS_FILE = new URL('./data/finess-cvl.csv', import.meta.url);
const SAE_FILE = new URL('./data/sae2021-cvl.csv', import.meta.url);

// ---------------------------------------------------------------------------------------------
// CSV reading
// ---------------------------------------------------------------------------------------------

type CsvRow = Readonly<Record<string, string>>;

/**
 * Splits one ';'-separated line with RFC 4180 quoting. A quoted field may contain ';' and
 * doubled quotes. The source files have no multi-line fields, so reading line by line is
 * enough.
 */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ';') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

function readCsv(file: URL): CsvRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const header = splitCsvLine(lines[0] ?? '');
  const rows: CsvRow[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const values = splitCsvLine(line);
    if (values.length !== header.length) {
      throw new Error(`${file.pathname}: expected ${header.length} fields, got ${values.length}: ${line}`);
    }
    rows.push(Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])));
  }
  return rows;
}

/** Reads a column that must be present. A typo in a column name then fails instead of giving ''. */
function col(row: CsvRow, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`missing CSV column ${name}`);
  return value;
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function optionalNumber(value: string): number | null {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

/** SAE counts: an empty cell means "not in that bordereau", i.e. no beds. */
function count(row: CsvRow | undefined, name: string): number {
  if (!row) return 0;
  const n = Number.parseInt(col(row, name), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Cleans a FINESS `rs`. Three values were quoted twice upstream: one CSV unquoting still leaves
 * `"POUPONNIERE ""BEAU SITE"" CHR TOURS"`, so that layer is removed as well. Runs of spaces
 * are collapsed, because FINESS pads short names. Accents are kept: they are FINESS values.
 */
function cleanFinessName(rs: string): string {
  let name = rs.trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    name = name.slice(1, -1).replace(/""/g, '"');
  }
  return name.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** FNV-1a 32-bit hash: a stable seed from a string such as a FINESS number plus a purpose. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], bounds included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: a small, fast PRNG, good enough for demo data. Each use gets its own seed (for
 * example `units:370000861`), so adding a unit in one place does not shift the values elsewhere.
 */
function rngFor(key: string): Rng {
  let state = hashString(key);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}

// ---------------------------------------------------------------------------------------------
// Establishments and organizations
// ---------------------------------------------------------------------------------------------

function toEstablishment(row: CsvRow): DemoEstablishment {
  return {
    id: col(row, 'nofinesset'),
    organizationId: col(row, 'nofinessej'),
    siret: optional(col(row, 'siret')),
    name: cleanFinessName(col(row, 'rs')),
    categoryCode: col(row, 'categetab'),
    categoryLabel: col(row, 'libcategetab'),
    addressLine: optional(col(row, 'adresse')),
    postalCode: optional(col(row, 'code_postal')),
    city: optional(col(row, 'commune')),
    inseeCode: optional(col(row, 'code_insee_commune')),
    departmentCode: col(row, 'departement'),
    regionCode: col(row, 'code_region'),
    regionName: REGION_NAME,
    latitude: optionalNumber(col(row, 'latitude')),
    longitude: optionalNumber(col(row, 'longitude')),
    switchboardPhone: optional(col(row, 'telephone')),
  };
}

/** Categories whose sites are satellites (USLD, CATTP, CMP...) rather than the EJ's main site. */
const SATELLITE_CATEGORIES: ReadonlySet<string> = new Set(['156', '362', '425', '430', '444']);

/**
 * FINESS has no EJ names, so each EJ takes the name of its main site. The main site is the
 * non-satellite ET with the most beds in the demo, ties going to the lowest FINESS number.
 * Satellite ETs (USLD, CMP, CATTP...) count only when the EJ has nothing else. For a public CH
 * this gives the name of the main hospital (e.g. "CH DREUX"). For the CHRU de Tours it gives
 * its largest site, Bretonneau.
 */
function buildOrganizations(
  establishments: readonly DemoEstablishment[],
  bedsByEstablishment: ReadonlyMap<string, number>,
): DemoOrganization[] {
  const byEj = new Map<string, DemoEstablishment[]>();
  for (const est of establishments) {
    const list = byEj.get(est.organizationId) ?? [];
    list.push(est);
    byEj.set(est.organizationId, list);
  }
  const rank = (e: DemoEstablishment): [number, number] => [
    SATELLITE_CATEGORIES.has(e.categoryCode) ? 1 : 0,
    -(bedsByEstablishment.get(e.id) ?? 0),
  ];
  return [...byEj.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, sites]) => {
      const main = [...sites].sort((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        return ra[0] - rb[0] || ra[1] - rb[1] || a.id.localeCompare(b.id);
      })[0];
      if (!main) throw new Error(`EJ ${id} has no establishment`);
      return { id, name: main.name };
    });
}

// ---------------------------------------------------------------------------------------------
// Unit templates
// ---------------------------------------------------------------------------------------------

interface UnitTemplate {
  name: string; // capitals without accents, as the ROR wants
  activities: readonly OperationalActivityCode[];
  ageMin?: number | null;
  ageMax?: number | null;
}

/** How one SAE bed count becomes ROR units. */
interface UnitSpec {
  discipline: Discipline;
  kind: UnitKind;
  activityField: ActivityFieldCode;
  careMode: CareModeCode;
  /** First digit of the UF code. It groups UFs by pole, as hospital PAS systems often do. */
  ufPrefix: number;
  /** Plausible unit size. Counts above maxBeds are split into units of minBeds..maxBeds. */
  minBeds: number;
  maxBeds: number;
  ageMin: number | null;
  ageMax: number | null;
  /** Name used when the count fits in one unit (e.g. a local hospital's only medicine unit). */
  single: UnitTemplate;
  /** Names used in order when the count is split. Past the end, names repeat with a number. */
  split: readonly UnitTemplate[];
}

const tpl = (name: string, activities: readonly OperationalActivityCode[], ages?: [number | null, number | null]): UnitTemplate =>
  ages ? { name, activities, ageMin: ages[0], ageMax: ages[1] } : { name, activities };

const ADULT: [number, null] = [18, null];
const CHILD: [number, number] = [0, 17];

/** Fills in the common defaults: champ MCO (01), full hospitalisation (28), first template when single. */
function defineSpec(
  base: Omit<UnitSpec, 'activityField' | 'careMode' | 'ageMin' | 'ageMax' | 'single' | 'split'> & {
    activityField?: ActivityFieldCode;
    careMode?: CareModeCode;
    ages: [number | null, number | null];
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

const MEDICINE = defineSpec({
  discipline: 'MEDICINE', kind: 'MCO', ufPrefix: 1, minBeds: 20, maxBeds: 40, ages: ADULT,
  templates: [
    tpl('MEDECINE POLYVALENTE', ['083']),
    tpl('CARDIOLOGIE', ['013']),
    tpl('PNEUMOLOGIE', ['114']),
    tpl('GASTRO-ENTEROLOGIE', ['046', '062']),
    tpl('MEDECINE GERIATRIQUE', ['050'], [75, null]),
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

const SURGERY = defineSpec({
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

const OBSTETRICS = defineSpec({
  discipline: 'OBSTETRICS', kind: 'MCO', ufPrefix: 3, minBeds: 15, maxBeds: 35, ages: [15, null],
  single: tpl('MATERNITE', ['100', '282']),
  templates: [
    tpl('SUITES DE COUCHES', ['100', '282']),
    tpl('GROSSESSES PATHOLOGIQUES', ['100']),
    tpl('GYNECOLOGIE OBSTETRIQUE', ['100', '022']),
  ],
});

const PAEDIATRICS = defineSpec({
  discipline: 'PAEDIATRICS', kind: 'MCO', ufPrefix: 3, minBeds: 10, maxBeds: 30, ages: CHILD,
  single: tpl('PEDIATRIE', ['088']),
  templates: [
    tpl('PEDIATRIE GENERALE', ['088']),
    tpl('NEONATOLOGIE', ['094'], [0, 1]),
    tpl('HEMATO-ONCOLOGIE PEDIATRIQUE', ['279']),
    tpl('PEDIATRIE ADOLESCENTS', ['088'], [11, 17]),
  ],
});

const ADULT_ICU = defineSpec({
  discipline: 'ADULT_ICU', kind: 'MCO', ufPrefix: 4, minBeds: 8, maxBeds: 20, ages: ADULT,
  single: tpl('REANIMATION POLYVALENTE', ['127']),
  templates: [
    tpl('REANIMATION MEDICALE', ['126']),
    tpl('REANIMATION CHIRURGICALE', ['122']),
    tpl('REANIMATION NEUROCHIRURGICALE', ['129']),
  ],
});

const PAEDIATRIC_ICU = defineSpec({
  discipline: 'PAEDIATRIC_ICU', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: CHILD,
  templates: [tpl('REANIMATION PEDIATRIQUE', ['130'])],
});

// SAE gives lit_sitot = USIC + USINV + other SI, so each part becomes its own kind of unit.
const INTENSIVE_CARE_CARDIO = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: ADULT,
  templates: [tpl('SOINS INTENSIFS DE CARDIOLOGIE', ['354', '013'])],
});
const INTENSIVE_CARE_NEURO = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 4, maxBeds: 12, ages: ADULT,
  templates: [tpl('SOINS INTENSIFS NEURO-VASCULAIRES', ['356', '098'])],
});
const INTENSIVE_CARE_OTHER = defineSpec({
  discipline: 'INTENSIVE_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 16, ages: ADULT,
  templates: [
    tpl('SOINS INTENSIFS POLYVALENTS', ['351']),
    tpl('SOINS INTENSIFS DE PNEUMOLOGIE', ['357']),
    tpl('SOINS INTENSIFS D\'HEMATOLOGIE', ['361']),
  ],
});

const CONTINUOUS_CARE_ADULT = defineSpec({
  discipline: 'CONTINUOUS_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 6, maxBeds: 20, ages: ADULT,
  single: tpl('SURVEILLANCE CONTINUE', ['373']),
  templates: [
    tpl('SURVEILLANCE CONTINUE MEDICALE', ['375']),
    tpl('SURVEILLANCE CONTINUE CHIRURGICALE', ['374']),
    tpl('SURVEILLANCE CONTINUE CARDIOLOGIQUE', ['376']),
    tpl('SURVEILLANCE CONTINUE POLYVALENTE', ['373']),
  ],
});
const CONTINUOUS_CARE_CHILD = defineSpec({
  discipline: 'CONTINUOUS_CARE', kind: 'MCO', ufPrefix: 4, minBeds: 4, maxBeds: 16, ages: CHILD,
  templates: [tpl('SURVEILLANCE CONTINUE PEDIATRIQUE', ['391'])],
});

const SMR = defineSpec({
  discipline: 'SMR', kind: 'SMR', activityField: '02', ufPrefix: 6, minBeds: 20, maxBeds: 40, ages: ADULT,
  templates: [
    tpl('SMR POLYVALENT', ['172']),
    tpl('SMR GERIATRIQUE', ['241'], [75, null]),
    tpl('SMR LOCOMOTEUR', ['233']),
    tpl('SMR NEUROLOGIQUE', ['234']),
    tpl('SMR CARDIO-VASCULAIRE', ['235']),
    tpl('SMR RESPIRATOIRE', ['236']),
    tpl('SMR NUTRITION ET DIGESTIF', ['237']),
    tpl('SMR ADDICTOLOGIE', ['240']),
    tpl('SMR ONCO-HEMATOLOGIE', ['238']),
  ],
});

const USIP_NAME = 'UNITE DE SOINS INTENSIFS PSYCHIATRIQUES';
const PSYCHIATRY_ADULT = defineSpec({
  discipline: 'PSYCHIATRY', kind: 'PSYCHIATRY', activityField: '03', ufPrefix: 7, minBeds: 18, maxBeds: 35, ages: ADULT,
  single: tpl('PSYCHIATRIE ADULTE', ['229']),
  templates: [
    tpl("UNITE D'ADMISSION PSYCHIATRIE ADULTE", ['229']),
    tpl('PSYCHIATRIE ADULTE SECTEUR NORD', ['229']),
    tpl('PSYCHIATRIE DU SUJET AGE', ['051'], [65, null]),
    tpl(USIP_NAME, ['355']),
    tpl('PSYCHIATRIE ADULTE SECTEUR SUD', ['229']),
    tpl('REHABILITATION PSYCHOSOCIALE', ['231']),
    tpl('ADDICTOLOGIE', ['003']),
    tpl('PSYCHIATRIE ADULTE SECTEUR EST', ['229']),
    tpl('PSYCHIATRIE ADULTE SECTEUR OUEST', ['229']),
  ],
});
const PSYCHIATRY_CHILD = defineSpec({
  discipline: 'PSYCHIATRY', kind: 'PSYCHIATRY', activityField: '03', ufPrefix: 7, minBeds: 6, maxBeds: 16, ages: CHILD,
  single: tpl('PSYCHIATRIE INFANTO-JUVENILE', ['227', '228']),
  templates: [
    tpl('PSYCHIATRIE DE L\'ENFANT', ['227'], [0, 11]),
    tpl('PSYCHIATRIE DE L\'ADOLESCENT', ['228'], [12, 17]),
  ],
});

// The ROR files USLD units as type MCO (training deck); the discipline keeps them apart.
const LONG_STAY = defineSpec({
  discipline: 'LONG_STAY', kind: 'MCO', ufPrefix: 8, minBeds: 20, maxBeds: 40, ages: [60, null],
  templates: [tpl('UNITE DE SOINS DE LONGUE DUREE', ['333'])],
});

const HAD = defineSpec({
  discipline: 'HAD', kind: 'HAD', careMode: '31', ufPrefix: 9, minBeds: 20, maxBeds: 60, ages: [null, null],
  single: tpl('HOSPITALISATION A DOMICILE', ['083']),
  templates: [
    tpl('HAD SECTEUR NORD', ['083']),
    tpl('HAD SECTEUR SUD', ['083']),
    tpl('HAD SECTEUR EST', ['083']),
    tpl('HAD SECTEUR OUEST', ['083']),
  ],
});

const ED_SHORT_STAY_ADULT = defineSpec({
  discipline: 'ED_SHORT_STAY', kind: 'MCO', careMode: '13', ufPrefix: 5, minBeds: 4, maxBeds: 20, ages: [16, null],
  templates: [tpl("UNITE D'HOSPITALISATION DE COURTE DUREE", ['157'])],
});
const ED_SHORT_STAY_CHILD = defineSpec({
  discipline: 'ED_SHORT_STAY', kind: 'MCO', careMode: '13', ufPrefix: 5, minBeds: 2, maxBeds: 12, ages: CHILD,
  templates: [tpl('UHCD PEDIATRIQUE', ['249'])],
});

/** One bed count to turn into units. */
interface BedRequest {
  spec: UnitSpec;
  beds: number;
}

/**
 * Maps one SAE row to bed requests. The list is in a fixed order so that UF codes and names stay
 * stable. USLD beds are handled separately (see relocateLongStay), because SAE often reports them
 * on another site of the same EJ.
 */
function bedRequests(sae: CsvRow | undefined, longStayBeds: number): BedRequest[] {
  const siTotal = count(sae, 'lit_sitot');
  const usic = Math.min(count(sae, 'lit_usic'), siTotal);
  const usinv = Math.min(count(sae, 'lit_siunv'), siTotal - usic);
  const requests: BedRequest[] = [
    { spec: MEDICINE, beds: count(sae, 'mco_lit_med') },
    { spec: SURGERY, beds: count(sae, 'mco_lit_chi') },
    { spec: OBSTETRICS, beds: count(sae, 'mco_lit_obs') },
    { spec: PAEDIATRICS, beds: count(sae, 'mco_lit_ped') },
    { spec: ADULT_ICU, beds: count(sae, 'lit_reaadu') },
    { spec: PAEDIATRIC_ICU, beds: count(sae, 'lit_reaenf') },
    { spec: INTENSIVE_CARE_CARDIO, beds: usic },
    { spec: INTENSIVE_CARE_NEURO, beds: usinv },
    { spec: INTENSIVE_CARE_OTHER, beds: siTotal - usic - usinv },
    { spec: CONTINUOUS_CARE_ADULT, beds: count(sae, 'lit_survadu') },
    { spec: CONTINUOUS_CARE_CHILD, beds: count(sae, 'lit_survenf') },
    { spec: ED_SHORT_STAY_ADULT, beds: count(sae, 'urg_gen_lit_uhcd') },
    { spec: ED_SHORT_STAY_CHILD, beds: count(sae, 'urg_ped_lit_uhcd') },
    { spec: SMR, beds: count(sae, 'smr_lits') },
    { spec: PSYCHIATRY_ADULT, beds: count(sae, 'psy_gen_lits_temps_plein') },
    { spec: PSYCHIATRY_CHILD, beds: count(sae, 'psy_inf_lits_temps_plein') },
    { spec: LONG_STAY, beds: longStayBeds },
    { spec: HAD, beds: count(sae, 'had_places') },
  ];
  return requests.filter((r) => r.beds > 0);
}

/**
 * Fallback sizes for sites with no SAE row whose category clearly implies a unit: an HAD (127)
 * or a USLD (362). They are modest and stable per FINESS number. The 2021 files never reach this
 * path, because every CVL HAD has an SAE row and every orphan USLD gets beds moved from its EJ.
 */
function fallbackRequests(est: DemoEstablishment): BedRequest[] {
  const rng = rngFor(`fallback:${est.id}`);
  if (est.categoryCode === '127') return [{ spec: HAD, beds: rng.int(20, 40) }];
  if (est.categoryCode === '362') return [{ spec: LONG_STAY, beds: rng.int(30, 60) }];
  return [];
}

/**
 * SAE reports an EJ's USLD beds on one of its sanitary sites, while FINESS lists the USLD as its
 * own ET (category 362) with no SAE row. The ROR holds the long-stay unit on the USLD site, so
 * the beds move there (split evenly when an EJ has several such ETs). The regional total stays
 * the SAE one. Returns the USLD beds to use per establishment.
 */
function relocateLongStay(
  establishments: readonly DemoEstablishment[],
  saeById: ReadonlyMap<string, CsvRow>,
): Map<string, number> {
  const beds = new Map<string, number>();
  for (const est of establishments) beds.set(est.id, count(saeById.get(est.id), 'usld_lits'));

  const byEj = new Map<string, DemoEstablishment[]>();
  for (const est of establishments) byEj.set(est.organizationId, [...(byEj.get(est.organizationId) ?? []), est]);

  for (const sites of byEj.values()) {
    const orphans = sites.filter((e) => e.categoryCode === '362' && !saeById.has(e.id));
    const donors = sites.filter((e) => e.categoryCode !== '362' && (beds.get(e.id) ?? 0) > 0);
    if (orphans.length === 0 || donors.length === 0) continue;
    const total = donors.reduce((sum, d) => sum + (beds.get(d.id) ?? 0), 0);
    for (const d of donors) beds.set(d.id, 0);
    orphans.forEach((o, i) => {
      const share = Math.floor(total / orphans.length) + (i < total % orphans.length ? 1 : 0);
      beds.set(o.id, share);
    });
  }
  return beds;
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/**
 * Splits `total` beds into units of plausible size (minBeds..maxBeds), keeping the sum exact.
 * Sizes are made slightly uneven, because real units rarely have identical counts.
 */
function splitBeds(total: number, minBeds: number, maxBeds: number, rng: Rng): number[] {
  if (total <= maxBeds) return [total];
  const fewest = Math.ceil(total / maxBeds);
  const most = Math.max(fewest, Math.floor(total / minBeds));
  const target = minBeds + (maxBeds - minBeds) * (0.45 + 0.25 * rng.next());
  const n = Math.min(most, Math.max(fewest, Math.round(total / target)));
  const sizes = Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  for (let i = 0; i + 1 < n; i++) {
    const shift = rng.int(0, 3);
    const a = sizes[i] ?? 0;
    const b = sizes[i + 1] ?? 0;
    if (a + shift <= maxBeds && b - shift >= minBeds) {
      sizes[i] = a + shift;
      sizes[i + 1] = b - shift;
    }
  }
  return sizes;
}

/** The k-th template of a split. Past the end of the list, names repeat with " 2", " 3", etc. */
function templateAt(spec: UnitSpec, k: number, unitCount: number): UnitTemplate {
  if (unitCount === 1) return spec.single;
  const template = spec.split[k % spec.split.length];
  if (!template) throw new Error(`no template for ${spec.discipline}`);
  const round = Math.floor(k / spec.split.length);
  return round === 0 ? template : { ...template, name: `${template.name} ${round + 1}` };
}

/** A 4-digit UF code: the pole digit, then 3 digits. It is unique within the establishment. */
function nextUfCode(prefix: number, used: Set<string>, rng: Rng): string {
  let n = rng.int(100, 989);
  for (let tries = 0; tries < 1000; tries++) {
    const code = `${prefix}${String(n).padStart(3, '0')}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    n = (n + 1) % 1000;
  }
  throw new Error(`UF codes exhausted for prefix ${prefix}`);
}

interface PlannedUnit {
  unit: DemoUnit;
  beds: number;
}

function buildEstablishmentUnits(est: DemoEstablishment, requests: readonly BedRequest[]): PlannedUnit[] {
  const rng = rngFor(`units:${est.id}`);
  const usedUf = new Set<string>();
  const planned: PlannedUnit[] = [];
  for (const { spec, beds } of requests) {
    const sizes = splitBeds(beds, spec.minBeds, spec.maxBeds, rng);
    sizes.forEach((size, k) => {
      const template = templateAt(spec, k, sizes.length);
      const ufCode = nextUfCode(spec.ufPrefix, usedUf, rng);
      planned.push({
        beds: size,
        unit: {
          id: `${est.id}-${ufCode}`,
          establishmentId: est.id,
          name: template.name,
          ufCode,
          kind: spec.kind,
          discipline: spec.discipline,
          activityFieldCode: spec.activityField,
          careModeCode: spec.careMode,
          operationalActivityCodes: [...template.activities],
          patientAgeMin: template.ageMin !== undefined ? template.ageMin : spec.ageMin,
          patientAgeMax: template.ageMax !== undefined ? template.ageMax : spec.ageMax,
          sensitive: false,
        },
      });
    });
  }
  return planned;
}

/**
 * Marks one unit as sensitive ("unité sensible": hidden from access profiles 0, 2 and 3), so the
 * demo exercises that rule. It is the first intensive psychiatric care unit in FINESS order.
 */
function markSensitiveUnit(units: DemoUnit[]): void {
  const usip = units.find((u) => u.discipline === 'PSYCHIATRY' && u.name === USIP_NAME);
  if (usip) usip.sensitive = true;
}

// ---------------------------------------------------------------------------------------------
// Capacities
// ---------------------------------------------------------------------------------------------

const CRITICAL_CARE: ReadonlySet<Discipline> = new Set(['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE']);

/**
 * Current availability. Critical care usually has 0 to 2 free beds. Other units have 0 to 15 %
 * of their installed beds free. Each unit is stamped up to 12 hours before the reference instant,
 * as after a night of automatic feeds and manual entries.
 */
function buildCapacity(unit: DemoUnit, installedBeds: number, referenceMs: number): DemoCapacity {
  const rng = rngFor(`capacity:${unit.id}`);
  const availableBeds = CRITICAL_CARE.has(unit.discipline)
    ? Math.min(installedBeds, rng.int(0, 2))
    : Math.floor(installedBeds * 0.15 * rng.next());
  const minutesAgo = rng.int(0, 12 * 60);
  return { unitId: unit.id, installedBeds, availableBeds, updatedAt: new Date(referenceMs - minutesAgo * 60_000) };
}

// ---------------------------------------------------------------------------------------------
// Professionals
// ---------------------------------------------------------------------------------------------

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

/** Luhn check digit, as carried by real RPPS numbers. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
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

function buildProfessionals(
  establishments: readonly DemoEstablishment[],
  unitsByEstablishment: ReadonlyMap<string, DemoUnit[]>,
  bedsByEstablishment: ReadonlyMap<string, number>,
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
      const unitIds = [rng.pick(units).id];
      if (neighbours.length > 0 && rng.next() < SECOND_SITE_RATE) {
        const other = rng.pick(neighbours);
        establishmentIds.push(other.id);
        unitIds.push(rng.pick(unitsByEstablishment.get(other.id) ?? []).id);
      }
      professionals.push({
        id: `P${String(professionals.length + 1).padStart(6, '0')}`,
        lastName: normaliseName(rng.pick(LAST_NAMES)),
        firstName: normaliseName(rng.pick(FIRST_NAMES)),
        professionCode: profession,
        rppsNumber: profession === '10' ? rppsNumber(rng, usedRpps) : null,
        establishmentIds,
        unitIds,
      });
    }
  }
  return professionals;
}

// ---------------------------------------------------------------------------------------------
// Tensions
// ---------------------------------------------------------------------------------------------

const CRITICAL_CARE_GROUP = 'Réanimation, soins intensifs adultes et surveillance continue';

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
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC_2', status: 'CLOSED',
      startedAt: new Date('2020-03-16T15:16:00+01:00'), endedAt: new Date('2020-05-29T18:00:00+02:00'),
    },
    {
      establishmentId: '280504267', // CH Chartres Louis Pasteur - Le Coudray
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC_2', status: 'CLOSED',
      startedAt: new Date('2020-03-16T15:34:00+01:00'), endedAt: new Date('2020-05-27T17:30:00+02:00'),
    },
    {
      establishmentId: '370004467', // CHRU Tours - Trousseau (Chambray-lès-Tours)
      disciplineGroup: CRITICAL_CARE_GROUP, level: 'PLAN_BLANC_2', status: 'CLOSED',
      startedAt: new Date('2020-03-17T13:58:00+01:00'), endedAt: new Date('2020-06-02T12:00:00+02:00'),
    },
    {
      establishmentId: '360000137', // CH Châteauroux
      disciplineGroup: 'Médecine', level: 'HET_1', status: 'CLOSED',
      startedAt: hoursBefore(334.25), endedAt: hoursBefore(206.67),
    },
    {
      establishmentId: '180000010', // CH Bourges - Jacques Coeur
      disciplineGroup: 'Urgences', level: 'HET_2', status: 'IN_PROGRESS',
      startedAt: hoursBefore(69.5), endedAt: null,
    },
    {
      establishmentId: '410000020', // CH Blois Simone Veil
      disciplineGroup: 'Médecine', level: 'HET_1', status: 'IN_PROGRESS',
      startedAt: hoursBefore(36.75), endedAt: null,
    },
    {
      establishmentId: '280000084', // CH Dreux
      disciplineGroup: 'Urgences', level: 'HET_1', status: 'IN_PROGRESS',
      startedAt: hoursBefore(9.33), endedAt: null,
    },
  ];
}

function buildTensions(establishmentIds: ReadonlySet<string>, referenceMs: number): DemoTension[] {
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

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

function readEstablishments(): DemoEstablishment[] {
  return readCsv(FINESS_FILE)
    .filter((row) => col(row, 'code_region') === REGION_CODE && DEPARTMENTS.has(col(row, 'departement')))
    .map(toEstablishment)
    .sort((a, b) => a.id.localeCompare(b.id));
}

function readSae(): Map<string, CsvRow> {
  const rows = readCsv(SAE_FILE).filter((row) => col(row, 'code_region') === REGION_CODE);
  return new Map(rows.map((row) => [col(row, 'nofinesset'), row]));
}

/** Builds the whole demo region from the copied FINESS and SAE files. It is pure apart from reading them. */
export function buildDemoRegion(referenceInstant: Date = DEFAULT_REFERENCE_INSTANT): DemoRegion {
  const referenceMs = referenceInstant.getTime();
  const establishments = readEstablishments();
  const saeById = readSae();
  const longStayBeds = relocateLongStay(establishments, saeById);

  const units: DemoUnit[] = [];
  const bedsByUnit = new Map<string, number>();
  const unitsByEstablishment = new Map<string, DemoUnit[]>();
  const bedsByEstablishment = new Map<string, number>();
  for (const est of establishments) {
    const sae = saeById.get(est.id);
    const requests = bedRequests(sae, longStayBeds.get(est.id) ?? 0);
    // Only a site absent from SAE can fall back to a category-implied unit: an SAE respondent
    // with no beds (e.g. a day hospital) really has none.
    const planned = buildEstablishmentUnits(est, sae || requests.length > 0 ? requests : fallbackRequests(est));
    for (const { unit, beds } of planned) {
      units.push(unit);
      bedsByUnit.set(unit.id, beds);
    }
    unitsByEstablishment.set(est.id, planned.map((p) => p.unit));
    bedsByEstablishment.set(est.id, planned.reduce((sum, p) => sum + p.beds, 0));
  }
  markSensitiveUnit(units);

  return {
    organizations: buildOrganizations(establishments, bedsByEstablishment),
    establishments,
    units,
    capacities: units.map((u) => buildCapacity(u, bedsByUnit.get(u.id) ?? 0, referenceMs)),
    professionals: buildProfessionals(establishments, unitsByEstablishment, bedsByEstablishment),
    tensions: buildTensions(new Set(establishments.map((e) => e.id)), referenceMs),
  };
}
