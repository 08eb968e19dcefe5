/**
 * The département's emergency table (docs/emergency.md § Département table): for each ED of the
 * département, the day's RPU indicators, the week's BJML and the medicine + surgery beds available
 * now, with totals — one call instead of one per establishment. Rows are those the caller may
 * read: tension read rights on the establishment, or ORU_TERRITOIRE_PILOTAGE on its territory.
 */
import { hasRight, requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { TENSION_READ } from '../access.js';
import { canReadEmergency } from './access.js';
import type { Bjml } from './bjml.js';
import { addDays } from './dates.js';
import type { DailyIndicators } from './indicators.js';

const DEPARTMENT = /^(\d{2}|2A|2B|97\d)$/;
/** An ED is one that sent RPU over the 30 days up to the day shown. */
const RECENT_DAYS = 30;

export interface DepartmentRow {
  establishmentId: string;
  indicators: DailyIndicators | null;
  bjml: Bjml & { establishmentId: string };
  availableDownstreamBeds: number | null;
}

export interface DepartmentTableDeps {
  client: SubgraphClient;
  establishmentsBetween: (from: string, to: string) => Promise<string[]>;
  dayOf: (establishmentId: string, day: string) => Promise<DailyIndicators | null>;
  bjmlOf: (establishmentId: string) => Promise<Bjml & { establishmentId: string }>;
  /** Medicine + surgery beds available now, by establishment of the département (one lookup for all). */
  availableBeds: (departmentCode: string) => Promise<Map<string, number | null>>;
}

export function checkDepartment(code: string): string {
  if (!DEPARTMENT.test(code)) throw new HubError('BAD_USER_INPUT', `departmentCode must be a département code (2 characters, or 97x), got "${code.slice(0, 10)}".`, { field: 'departmentCode' });
  return code;
}

const mayRead = (identity: Identity, id: string, departmentCode: string) =>
  canReadEmergency(identity, id) || hasRight(identity, 'ORU_TERRITOIRE_PILOTAGE', { kind: 'ESTABLISHMENT', id, departmentCode });

export async function departmentTable(deps: DepartmentTableDeps, identity: Identity, departmentCode: string, day: string) {
  requireRightSomewhere(identity, { rights: [...TENSION_READ.rights, 'ORU_TERRITOIRE_PILOTAGE'], scope: TENSION_READ.scope });
  checkDepartment(departmentCode);
  const recent = await deps.establishmentsBetween(addDays(day, -RECENT_DAYS), day);
  const places = recent.length ? await deps.client.entities<{ id: string; address: { departmentCode: string } }>('offer', 'Establishment', recent, 'id address { departmentCode }') : [];
  const inDepartment = places.filter((p) => p?.address.departmentCode === departmentCode).map((p) => p!.id).sort();
  const readable = inDepartment.filter((id) => mayRead(identity, id, departmentCode));
  if (inDepartment.length > 0 && readable.length === 0) {
    throw new HubError('FORBIDDEN', `You may read none of the emergency departments of département ${departmentCode}.`, { rights: [...TENSION_READ.rights, 'ORU_TERRITOIRE_PILOTAGE'] });
  }
  const beds = readable.length ? await deps.availableBeds(departmentCode) : new Map<string, number | null>();
  const rows: DepartmentRow[] = await Promise.all(
    readable.map(async (id) => {
      const [indicators, bjml] = await Promise.all([deps.dayOf(id, day), deps.bjmlOf(id)]);
      return { establishmentId: id, indicators, bjml, availableDownstreamBeds: beds.get(id) ?? null };
    }),
  );
  return { departmentCode, day, year: rows[0]?.bjml.year ?? null, week: rows[0]?.bjml.week ?? null, rows, totals: totalsOf(rows) };
}

function totalsOf(rows: readonly DepartmentRow[]) {
  const sum = (f: (r: DepartmentRow) => number | null | undefined) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
  const computed = rows.filter((r) => r.bjml.quality === 'OK');
  return {
    emergencyDepartments: rows.length,
    visits: sum((r) => r.indicators?.visits),
    admitted: sum((r) => r.indicators?.admitted),
    presentAt15: sum((r) => r.indicators?.present15),
    bjml: computed.reduce((s, r) => s + (r.bjml.bjml ?? 0), 0),
    mean: computed.reduce((s, r) => s + (r.bjml.mean ?? 0), 0),
    p75: computed.reduce((s, r) => s + (r.bjml.p75 ?? 0), 0),
    bjmlNotComputed: rows.length - computed.length,
    availableDownstreamBeds: sum((r) => r.availableDownstreamBeds),
  };
}
