/** National code systems of a professional's record (NOS terminologies), with the labels we know. */
import { readFileSync } from 'node:fs';

export interface Coding {
  system: string;
  code: string;
  display: string | null;
}

/** TRE_G15 ProfessionSante, the health profession of a professional. */
export const PROFESSION_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante';

/** TRE_R38 SpecialiteOrdinale, the specialty of a health professional. */
export const SPECIALTY_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';

/** Labels of the common TRE_G15 codes; other well-formed codes are kept, with no label. */
const PROFESSION_LABELS: Record<string, string> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '40': 'Chirurgien-Dentiste',
  '50': 'Sage-Femme',
  '60': 'Infirmier',
  '70': 'Masseur-Kinésithérapeute',
  '80': 'Pédicure-Podologue',
  '91': 'Orthophoniste',
  '92': 'Orthoptiste',
};

/**
 * A TRE_G15 code is two digits. The terminology evolves (new professions enter RPPS), so a
 * well-formed code is accepted even when we hold no label for it.
 */
export function isProfessionCode(code: string): boolean {
  return /^\d{2}$/.test(code);
}

interface SpecialtyFile {
  system: string;
  version: string;
  concepts: Array<{ code: string; display: string }>;
}

/**
 * TRE_R38 codes as data (terminology/TRE_R38-SpecialiteOrdinale.json, the RPPS subset of the NOS
 * value set JDV_J107; provenance in the file's `note`). Read once, checked at load: a file that
 * names another system stops the module rather than accept codes of the wrong list.
 */
const SPECIALTIES: ReadonlyMap<string, string> = (() => {
  const file = JSON.parse(readFileSync(new URL('./terminology/TRE_R38-SpecialiteOrdinale.json', import.meta.url), 'utf8')) as SpecialtyFile;
  if (file.system !== SPECIALTY_SYSTEM || file.concepts.length === 0) throw new Error('terminology/TRE_R38-SpecialiteOrdinale.json is not the TRE_R38 code list');
  return new Map(file.concepts.map((c) => [c.code, c.display]));
})();

/** A TRE_R38 code of the list the hub holds (e.g. SM26 Qualifié en Médecine générale). */
export function isSpecialtyCode(code: string): boolean {
  return SPECIALTIES.has(code);
}

export function professionCoding(code: string | null): Coding | null {
  return code === null ? null : { system: PROFESSION_SYSTEM, code, display: PROFESSION_LABELS[code] ?? null };
}

export function specialtyCoding(code: string | null): Coding | null {
  return code === null ? null : { system: SPECIALTY_SYSTEM, code, display: SPECIALTIES.get(code) ?? null };
}

/** TRE_R23 ModeExercice: how a professional works in a unit (the IG's modeExerciceOffre). */
export const EXERCISE_MODE_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice';

/**
 * Every code of TRE_R23, with its NOS label (the ROR value set JDV_J217 and ANS's provisional
 * "JDV ROR - Mode d'Exercice" take them all). Source : ANS, Nomenclatures des Objets de Santé (NOS).
 */
const EXERCISE_MODE_LABELS: Readonly<Record<string, string>> = {
  S: 'Salarié',
  L: 'Libéral, indépendant, artisan, commerçant',
  B: 'Bénévole',
  I: 'Indirect',
};

export const EXERCISE_MODE_CODES: readonly string[] = Object.keys(EXERCISE_MODE_LABELS);

/** A closed table: only its four codes are accepted. */
export function isExerciseModeCode(code: string): boolean {
  return Object.hasOwn(EXERCISE_MODE_LABELS, code);
}

export function exerciseModeCoding(code: string | null): Coding | null {
  return code === null ? null : { system: EXERCISE_MODE_SYSTEM, code, display: EXERCISE_MODE_LABELS[code] ?? null };
}
