/**
 * The map of declarations (docs/het-follow-up.md § Map): one marker per establishment with a
 * declaration in progress or an open alert, among those the caller reads. Positions and names
 * come from the offer through the gateway (`Establishment` references): this part only says
 * where tension is and how high.
 */
import type { Identity } from '../../../platform/auth/identity.js';
import { establishmentsWith, requireSomeTensionRight, TENSION_READ } from '../access.js';
import { LEVELS } from '../levels.js';
import type { OfferEstablishments } from '../offer-establishments.js';
import type { DeclarationRow } from '../tables.js';
import { canReadAlert } from './access.js';
import type { HetStore } from './store.js';
import type { AlertRow } from './tables.js';

export interface MapMarker {
  establishmentId: string;
  tensions: DeclarationRow[];
  openAlerts: AlertRow[];
  /** The highest level of its declarations in progress; null with alerts only. */
  highestLevelCode: string | null;
}

const rankOf = (code: string) => LEVELS.find((l) => l.code === code)?.rank ?? 0;

export async function tensionMap(deps: { store: HetStore; offer: OfferEstablishments }, identity: Identity, departmentCode: string | null): Promise<MapMarker[]> {
  requireSomeTensionRight(identity, TENSION_READ.rights, 'read the map of declarations');
  const readable = establishmentsWith(identity, TENSION_READ.rights, TENSION_READ.scope);
  const inDepartment = departmentCode ? await deps.offer.inDepartment(departmentCode) : null;
  const ids = readable === 'ALL' ? (inDepartment ? [...inDepartment] : null) : [...readable].filter((id) => !inDepartment || inDepartment.has(id));
  const [tensions, alerts] = await Promise.all([
    deps.store.tensionsInProgress(ids),
    deps.store.alerts({ establishmentIds: ids, status: 'OPEN' }, 10_000),
  ]);
  const markers = new Map<string, MapMarker>();
  const markerOf = (establishmentId: string) =>
    markers.get(establishmentId) ?? markers.set(establishmentId, { establishmentId, tensions: [], openAlerts: [], highestLevelCode: null }).get(establishmentId)!;
  for (const t of tensions) {
    const m = markerOf(t.establishmentId);
    m.tensions.push(t);
    if (!m.highestLevelCode || rankOf(t.levelCode) > rankOf(m.highestLevelCode)) m.highestLevelCode = t.levelCode;
  }
  for (const a of alerts.filter((row) => canReadAlert(identity, row))) markerOf(a.establishmentId).openAlerts.push(a);
  return [...markers.values()].sort((a, b) => rankOf(b.highestLevelCode ?? 'VEILLE') - rankOf(a.highestLevelCode ?? 'VEILLE') || a.establishmentId.localeCompare(b.establishmentId));
}
