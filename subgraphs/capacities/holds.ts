/**
 * Bed holds for accepted admission requests (docs/admissions.md § Requests): internal mutations
 * answered to the system identity only (the admissions subgraph), written through the capacity
 * write path: the record's version + 1, a history row and a 'capacity' change-feed event, so
 * capacityChanged subscribers and FHIR see the bed go, with the answering user as updatedBy.
 *
 * Release rule: a bed not admitted goes back to the figure it was taken from only while the
 * record was not rewritten since the hold by anything but holds and releases (`synced_version`):
 * once the staff or the feed have entered new figures, those already count the bed.
 */
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Identity } from '../../platform/auth/identity.js';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { figuresOf } from './record.js';
import { checkCapacity, type CapacityFigures } from './rules.js';
import { txStatements as q, type CapacityStore, type WriteStamp } from './store.js';
import { bedHolds, type BedHoldRow, type UnitCapacityRow } from './tables.js';
import { record } from './writes.js';

type Bucket = 'WOMEN' | 'MEN' | 'UNDIFFERENTIATED';
const FIELD: Record<Bucket, 'availableWomen' | 'availableMen' | 'availableUndifferentiated'> = {
  WOMEN: 'availableWomen',
  MEN: 'availableMen',
  UNDIFFERENTIATED: 'availableUndifferentiated',
};

function requireSystem(identity: Identity): void {
  if (identity.kind === 'system') return;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  throw new HubError('FORBIDDEN', 'Bed holds are made by the hub itself (admission requests), not by callers.');
}

/** The patient's sex bucket when it has a free bed, else the undifferentiated one, else none. */
function bucketFor(figures: CapacityFigures, sex: string): Bucket | null {
  if (sex === 'FEMALE' && figures.availableWomen > 0) return 'WOMEN';
  if (sex === 'MALE' && figures.availableMen > 0) return 'MEN';
  return figures.availableUndifferentiated > 0 ? 'UNDIFFERENTIATED' : null;
}

const shifted = (figures: CapacityFigures, bucket: Bucket, by: number): CapacityFigures => ({ ...figures, [FIELD[bucket]]: figures[FIELD[bucket]] + by });

/** Writes `figures` on the locked row and carries the open holds in step with it to the new version. */
async function writeHeld(tx: Orm, row: UnitCapacityRow, figures: CapacityFigures, stamp: WriteStamp): Promise<UnitCapacityRow> {
  const updated = await q.updateIfVersion(tx, row.unitId, row.version, figures, stamp);
  if (!updated) throw new Error(`capacity of unit ${row.unitId} changed under its row lock`);
  await tx
    .update(bedHolds)
    .set({ syncedVersion: updated.version })
    .where(and(eq(bedHolds.unitId, row.unitId), isNull(bedHolds.releasedAt), eq(bedHolds.syncedVersion, row.version)));
  return updated;
}

export function createBedHoldService(store: CapacityStore, identity: Identity, now: () => Date = () => new Date()) {
  const stamp = (actor: string): WriteStamp => ({ source: 'MANUAL', updatedBy: actor, at: now() });
  return {
    hold: (args: { unitId: string; sex: string; until: Date; reference: string; actor: string }): Promise<BedHoldRow> => {
      requireSystem(identity);
      if (args.until.getTime() <= now().getTime()) throw new HubError('BAD_USER_INPUT', 'until must lie in the future.', { argumentName: 'until' });
      return store.transaction(async (tx) => {
        const [row] = await q.lockRows(tx, [args.unitId]);
        const bucket = row ? bucketFor(figuresOf(row), args.sex) : null;
        if (!row || !bucket) throw new HubError('CONFLICT', `Unit ${args.unitId} has no free bed to hold.`, { unitId: args.unitId });
        const at = stamp(args.actor);
        const updated = await writeHeld(tx, row, shifted(figuresOf(row), bucket, -1), at);
        const [hold] = await tx
          .insert(bedHolds)
          .values({ unitId: args.unitId, bucket, until: args.until, reference: args.reference, createdBy: args.actor, syncedVersion: updated.version })
          .returning();
        await record(tx, [{ row: updated, created: false }], at);
        return hold!;
      });
    },

    release: (id: string, admitted: boolean, actor: string): Promise<BedHoldRow> => {
      requireSystem(identity);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HubError('NOT_FOUND', `Bed hold ${id} does not exist.`);
      return store.transaction(async (tx) => {
        const [hold] = await tx.select().from(bedHolds).where(eq(bedHolds.id, id)).for('update');
        if (!hold) throw new HubError('NOT_FOUND', `Bed hold ${id} does not exist.`);
        if (hold.releasedAt) return hold; // released already (another process, a retry)
        let restored = false;
        if (!admitted) {
          const [row] = await q.lockRows(tx, [hold.unitId]);
          if (row && row.version === hold.syncedVersion) {
            const figures = shifted(figuresOf(row), hold.bucket as Bucket, 1);
            try {
              checkCapacity(figures, row.installedBeds);
              restored = true;
            } catch {
              restored = false; // cannot happen while in step; never write figures a rule refuses
            }
            if (restored) {
              const at = stamp(actor);
              await record(tx, [{ row: await writeHeld(tx, row, figures, at), created: false }], at);
            }
          }
        }
        const [released] = await tx
          .update(bedHolds)
          .set({ releasedAt: sql`now()`, admitted, restored })
          .where(eq(bedHolds.id, id))
          .returning();
        return released!;
      });
    },
  };
}

export type BedHoldService = ReturnType<typeof createBedHoldService>;

export interface BedHoldContext {
  bedHolds: BedHoldService;
}

export const holdResolvers: ResolverMap<BedHoldContext> = {
  Mutation: {
    holdBed: (_: unknown, args: { unitId: string; sex: string; until: Date; reference: string; actor: string }, ctx: BedHoldContext) => ctx.bedHolds.hold(args),
    releaseBedHold: (_: unknown, args: { id: string; admitted: boolean; actor: string }, ctx: BedHoldContext) => ctx.bedHolds.release(args.id, args.admitted, args.actor),
  },
};
