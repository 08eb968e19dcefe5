/**
 * ARS follow-up indicators over a period [from, to) (docs/tensions.md § Indicators), counted from
 * the timelines, so a declaration backdated or raised later counts when it happened:
 * - alerts: declarations whose DECLARED entry falls in the period;
 * - triggers: declarations that reached HET_2 or above in the period (declared at that level, or
 *   raised to it from below);
 * - ARS involvements: declarations that reached PLAN_BLANC or above in the period, or recorded the
 *   action "demande d'appui de l'ARS" (TERR_APPUI_ARS) in it.
 * Each declaration counts at most once per indicator.
 */
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import type { TensionStore } from './store.js';
import type { OfferEstablishments } from './offer-establishments.js';
import type { ReferenceReader } from './reference-reader.js';
import { requireRegionalRead } from './access.js';
import { ARS_RANK, TRIGGER_RANK } from './levels.js';
import { ARS_SUPPORT_ACTION } from './repertoire.js';

interface IndicatorDeps {
  store: TensionStore;
  offer: OfferEstablishments;
  reference: ReferenceReader;
  identity: Identity;
}

export interface HetIndicators {
  from: Date;
  to: Date;
  departmentCode: string | null;
  alerts: number;
  triggers: number;
  arsInvolvements: number;
}

export async function computeIndicators(deps: IndicatorDeps, from: Date, to: Date, departmentCode: string | null): Promise<HetIndicators> {
  requireRegionalRead(deps.identity);
  if (!(from < to)) throw new HubError('BAD_USER_INPUT', '`from` must be before `to`.', { field: 'from' });
  const establishments = departmentCode ? [...(await deps.offer.inDepartment(departmentCode))] : null;
  const [levels, entries] = await Promise.all([
    deps.reference.levels(),
    deps.store.entriesUntil(['DECLARED', 'LEVEL_CHANGED', 'ACTION_ADDED'], to, establishments),
  ]);
  const rankOf = (code: string) => levels.get(code)?.rank ?? 0;
  const alerts = new Set<string>();
  const triggers = new Set<string>();
  const ars = new Set<string>();
  const previousRank = new Map<string, number>();
  for (const entry of entries) {
    const before = previousRank.get(entry.declarationId) ?? -1;
    const rank = rankOf(entry.levelCode);
    previousRank.set(entry.declarationId, rank);
    if (entry.at < from) continue;
    if (entry.kind === 'DECLARED') alerts.add(entry.declarationId);
    if (entry.kind === 'ACTION_ADDED') {
      if (entry.actionCode === ARS_SUPPORT_ACTION) ars.add(entry.declarationId);
      continue;
    }
    if (before < TRIGGER_RANK && rank >= TRIGGER_RANK) triggers.add(entry.declarationId);
    if (before < ARS_RANK && rank >= ARS_RANK) ars.add(entry.declarationId);
  }
  return { from, to, departmentCode, alerts: alerts.size, triggers: triggers.size, arsInvolvements: ars.size };
}
