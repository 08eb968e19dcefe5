/**
 * FINESS establishment categories (categetab → label) and legal statuses, from the terminology
 * files (TRE_R66, TRE_R72; subgraphs/offer/terminology): an import refuses other codes.
 */
import { codeStatus } from '../terminology/validate.js';
import { TERMINOLOGY } from '../terminology/systems.js';

export const FINESS_CATEGORIES: ReadonlyMap<string, string> = new Map(TERMINOLOGY.finessCategory.codes.map((c) => [c.code, c.display]));

/** True when `code` is a FINESS legal status (TRE_R72) still in use. */
export const isLegalStatus = (code: string): boolean => codeStatus('legalStatus', code) === 'ACTIVE';
