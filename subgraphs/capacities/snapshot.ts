/**
 * Daily snapshots for the national reading (DGOS): every active unit's capacity frozen once a day,
 * with the unit's descriptive attributes as the offer subgraph gives them at that time, critical
 * care first. One row per day in capacity_snapshot: inserting it `on conflict do nothing` is what
 * makes taking a snapshot idempotent across processes.
 */
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { fetchUnits, type OfferUnit } from './offer-units.js';
import { toRecord } from './record.js';
import { snapshotRows, snapshots, unitCapacities, type SnapshotLineRow, type SnapshotRow } from './tables.js';

/** Critical care first, in this order (réanimation, soins intensifs, surveillance continue), then the others. */
export const CRITICAL_CARE = ['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE'] as const;

function rank(discipline: string): number {
  const i = (CRITICAL_CARE as readonly string[]).indexOf(discipline);
  return i === -1 ? CRITICAL_CARE.length : i;
}

/** Export order: critical care disciplines first, then by establishment and UF code. */
export function snapshotOrder(a: OfferUnit, b: OfferUnit): number {
  return rank(a.discipline) - rank(b.discipline) || a.establishment.id.localeCompare(b.establishment.id) || a.ufCode.localeCompare(b.ufCode) || a.id.localeCompare(b.id);
}

export function createSnapshotStore(orm: Orm) {
  return {
    list: (first: number): Promise<SnapshotRow[]> => orm.select().from(snapshots).orderBy(desc(snapshots.day)).limit(first),
    byDay: async (day: string): Promise<SnapshotRow | null> => {
      const [row] = await orm.select().from(snapshots).where(eq(snapshots.day, day));
      return row ?? null;
    },
    /** Lines of a snapshot after `position`, a page at a time (exports stream them). */
    lines: (day: string, afterPosition: number, limit: number): Promise<SnapshotLineRow[]> =>
      orm
        .select()
        .from(snapshotRows)
        .where(and(eq(snapshotRows.day, day), gt(snapshotRows.position, afterPosition)))
        .orderBy(asc(snapshotRows.position))
        .limit(limit),
  };
}

export type SnapshotStore = ReturnType<typeof createSnapshotStore>;

/**
 * Takes the snapshot of `day` unless one exists. Returns it, and whether this call took it.
 * The units are fetched before the transaction (an HTTP call has no place inside one); a process
 * that loses the race inserts nothing and returns the winner's snapshot.
 */
export async function takeSnapshot(orm: Orm, client: SubgraphClient, day: string, at: Date): Promise<{ snapshot: SnapshotRow; taken: boolean }>;
/** With `unlessEmpty`: null, and nothing written, when the offer has no active unit yet. */
export async function takeSnapshot(orm: Orm, client: SubgraphClient, day: string, at: Date, options: { unlessEmpty: true }): Promise<{ snapshot: SnapshotRow; taken: boolean } | null>;
export async function takeSnapshot(orm: Orm, client: SubgraphClient, day: string, at: Date, options: { unlessEmpty?: boolean } = {}): Promise<{ snapshot: SnapshotRow; taken: boolean } | null> {
  const store = createSnapshotStore(orm);
  const existing = await store.byDay(day);
  if (existing) return { snapshot: existing, taken: false };
  const units = (await fetchUnits(client)).sort(snapshotOrder);
  if (options.unlessEmpty && units.length === 0) return null;
  const capacities = new Map((await orm.select().from(unitCapacities)).map((r) => [r.unitId, r]));
  const taken = await orm.transaction(async (tx) => {
    const [header] = await tx.insert(snapshots).values({ day, takenAt: at, units: units.length }).onConflictDoNothing().returning();
    if (!header) return null;
    await insertInChunks(
      tx as unknown as Orm,
      snapshotRows,
      units.map((u, i) => {
        const capacity = capacities.get(u.id);
        return {
          day,
          position: i + 1,
          unitId: u.id,
          establishmentFiness: u.establishment.id,
          establishmentName: u.establishment.name,
          unitName: u.name,
          ufCode: u.ufCode,
          discipline: u.discipline,
          departmentCode: u.establishment.address.departmentCode,
          record: capacity ? (toRecord(capacity) as unknown as Record<string, unknown>) : null,
        };
      }),
    );
    return header;
  });
  return taken ? { snapshot: taken, taken: true } : { snapshot: (await store.byDay(day))!, taken: false };
}
