/**
 * The national code systems (NOS) of the offer: the JSON files of platform/terminology/systems/
 * (README.md there says where they come from), read once at module load; the loader copies them
 * into `code_system`/`code`, and writes are validated against them (validate.ts).
 */
import { readCodeSystem, type NationalCode, type NationalCodeSystem } from '../../../platform/terminology/code-systems.js';

/** Keys the code uses for each system; the JSON files name theirs with the same key. */
export const CODE_SYSTEM_KEYS = [
  'activityField',
  'careMode',
  'operationalActivity',
  'specificAct',
  'equipment',
  'contactNature',
  'channel',
  'confidentiality',
  'finessCategory',
  'legalStatus',
  'organisationCategory',
  'maternityType',
  'annualOpening',
  'patientType',
  'territorialDivisionType',
  'closingType',
  'priceType',
  'priceUnit',
  'dependencyLevel',
  'residentialType',
  'welcomeType',
  'specialPrice',
] as const;
export type CodeSystemKey = (typeof CODE_SYSTEM_KEYS)[number];

export type TerminologyCode = NationalCode;
export type TerminologySystem = NationalCodeSystem & { key: CodeSystemKey };

const FILES: Record<CodeSystemKey, string> = {
  activityField: 'TRE_R227-ChampActivite',
  careMode: 'TRE_R213-ModePriseEnCharge',
  operationalActivity: 'TRE_R211-ActiviteOperationnelle',
  specificAct: 'TRE_R210-ActeSpecifique',
  equipment: 'TRE_R212-Equipement',
  contactNature: 'TRE_R287-NatureContact',
  channel: 'TRE_R200-CanalCommunication',
  confidentiality: 'TRE_R283-NiveauConfidentialite',
  finessCategory: 'TRE_R66-CategorieEtablissement',
  legalStatus: 'TRE_R72-FinessStatutJuridique',
  organisationCategory: 'TRE_R244-CategorieOrganisation',
  maternityType: 'TRE_R253-TypeMaternite',
  annualOpening: 'TRE_R238-OuvertureAnnuelle',
  patientType: 'TRE_R239-PublicPrisEnCharge',
  territorialDivisionType: 'TRE_R201-TypeDivisionTerritoriale',
  closingType: 'TRE_R286-TypeFermeture',
  priceType: 'TRE_R246-TypeTarif',
  priceUnit: 'TRE_R228-UnitePrix',
  dependencyLevel: 'TRE_R237-GroupeTarifaireDependance',
  residentialType: 'TRE_R242-TypeHabitation',
  welcomeType: 'TRE_R240-TemporaliteAccueil',
  specialPrice: 'TRE_R250-ConditionTarifaire',
};

/** The file of `key`, which must name itself with that key. */
function readSystem(key: CodeSystemKey): TerminologySystem {
  const system = readCodeSystem(FILES[key]);
  if (system.key !== key) throw new Error(`terminology file ${FILES[key]}.json is inconsistent (key ${system.key}, expected ${key})`);
  return system as TerminologySystem;
}

export const TERMINOLOGY: Readonly<Record<CodeSystemKey, TerminologySystem>> = Object.fromEntries(
  CODE_SYSTEM_KEYS.map((key) => [key, readSystem(key)]),
) as Record<CodeSystemKey, TerminologySystem>;
