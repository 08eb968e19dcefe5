/** French labels of territorial bed management (docs/territory.md). */
import type { BedBlockerDestination, MaturityLevel } from '../../gql/graphql';
import { DISCIPLINES } from '../../labels';

export const DESTINATIONS: Record<BedBlockerDestination, string> = {
  SMR: 'SMR',
  EHPAD: 'EHPAD',
  USLD: 'USLD',
  HAD: 'HAD',
  PSYCHIATRY: 'Psychiatrie',
  HOME_SUPPORT: 'Domicile avec aides',
  DISABILITY_FACILITY: 'Structure pour personnes handicapées',
  OTHER: 'Autre',
};

export const disciplineLabel = (code: string): string => (DISCIPLINES as Record<string, string>)[code] ?? code;

/** "2 h", "45 min", "1 j 2 h": an answer delay as bed managers say it. */
export function delay(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} j` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ');
}

export const CAUSES: Record<string, string> = { CAPACITY: 'lits', BED_BLOCKER: 'patients en attente d’aval', CONTACT: 'contact', MATURITY: 'indice de maturité' };

export const MATURITY_LEVELS: Record<MaturityLevel, string> = { INITIAL: 'Initiale', DEVELOPING: 'En progression', MATURE: 'Mature' };

/** A criterion of the maturity index: met, not met, or not declared yet. */
export const criterionMark = (met: boolean | null | undefined) => (met === true ? 'Oui' : met === false ? 'Non' : 'Non déclaré');
