/**
 * The national code systems (NOS) of the offer, as data: one JSON file per system in ./systems/
 * (README.md there says where they come from). Read once at module load; the loader copies them
 * into `code_system`/`code`, and writes are validated against them (validate.ts).
 */
import { readFileSync } from 'node:fs';

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

export interface TerminologyCode {
  code: string;
  display: string;
  /** End of validity (NOS dateFin, YYYY-MM-DD): refused for new values, still displayed. */
  deprecatedOn?: string;
}

export interface TerminologySystem {
  key: CodeSystemKey;
  /** Canonical URL (https://mos.esante.gouv.fr/NOS/TRE_Rnnn-Name/FHIR/TRE-Rnnn-Name). */
  url: string;
  /** NOS name, e.g. TRE_R210-ActeSpecifique. */
  name: string;
  title: string;
  /** NOS release the codes come from; the loader skips a system already loaded at this version. */
  version: string;
  /** False when the file holds a documented subset of the release (see its `note`). */
  complete: boolean;
  note?: string;
  codes: TerminologyCode[];
}

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

/** Reads and checks one file: a broken file must fail at start-up, not at the first write. */
function readSystem(key: CodeSystemKey): TerminologySystem {
  const file = new URL(`./systems/${FILES[key]}.json`, import.meta.url);
  const system = JSON.parse(readFileSync(file, 'utf8')) as TerminologySystem;
  const expectedUrl = `https://mos.esante.gouv.fr/NOS/${system.name}/FHIR/${system.name.replace('_', '-')}`;
  if (system.key !== key || system.name !== FILES[key] || system.url !== expectedUrl || !system.version || !system.codes.length) {
    throw new Error(`terminology file ${FILES[key]}.json is inconsistent (key, name, url, version or codes)`);
  }
  const seen = new Set<string>();
  for (const c of system.codes) {
    if (!c.code || !c.display || seen.has(c.code)) throw new Error(`terminology ${system.name}: bad or duplicate code "${c.code}"`);
    if (c.deprecatedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(c.deprecatedOn)) throw new Error(`terminology ${system.name}: bad deprecatedOn on ${c.code}`);
    seen.add(c.code);
  }
  return system;
}

export const TERMINOLOGY: Readonly<Record<CodeSystemKey, TerminologySystem>> = Object.fromEntries(
  CODE_SYSTEM_KEYS.map((key) => [key, readSystem(key)]),
) as Record<CodeSystemKey, TerminologySystem>;
