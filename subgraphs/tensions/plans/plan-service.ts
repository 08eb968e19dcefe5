/** Rules of Plan blanc / Plan bleu forms, per request: rights, validation, optimistic concurrency. */
import DataLoader from 'dataloader';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { actorName as actorOf } from '../../../platform/auth/identity.js';
import { mayOnEstablishment, PLAN_RIGHTS, requireOnEstablishment, type PlanKind } from './access.js';
import { checkPlanContent } from './plan-schema.js';
import type { PlanStore } from './store.js';
import type { PlanRow, PlanVersionRow } from './tables.js';

export function createPlanService(deps: { store: PlanStore; client: SubgraphClient }, identity: Identity) {
  const { store } = deps;
  const loaders = {
    BLANC: new DataLoader(async (ids: readonly string[]) => byEstablishment('BLANC', ids)),
    BLEU: new DataLoader(async (ids: readonly string[]) => byEstablishment('BLEU', ids)),
  };
  async function byEstablishment(kind: PlanKind, ids: readonly string[]): Promise<Array<PlanRow | null>> {
    const rows = new Map((await store.plansOf(kind, ids)).map((r) => [r.establishmentId, r]));
    return ids.map((id) => rows.get(id) ?? null);
  }

  return {
    plan: async (kind: PlanKind, establishmentId: string): Promise<PlanRow | null> => {
      requireOnEstablishment(identity, PLAN_RIGHTS[kind].read, establishmentId);
      return loaders[kind].load(establishmentId);
    },

    /** The plans of this kind the caller may read ("my plans"); none for applications. */
    myPlans: async (kind: PlanKind): Promise<PlanRow[]> => {
      if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Sign in to list plans.');
      if (identity.kind === 'client') return [];
      return (await store.allPlans(kind)).filter((p) => mayOnEstablishment(identity, PLAN_RIGHTS[kind].read, p.establishmentId));
    },

    versions: (kind: PlanKind, establishmentId: string): Promise<PlanVersionRow[]> => {
      requireOnEstablishment(identity, PLAN_RIGHTS[kind].read, establishmentId);
      return store.versionsOf(kind, establishmentId);
    },

    /**
     * Writes the whole form. `expectedVersion` 0 creates it (the create right), n updates version n
     * (the edit right); a stale one is CONFLICT with the current plan in `extensions.current`.
     */
    save: async (kind: PlanKind, establishmentId: string, content: unknown, expectedVersion: number): Promise<PlanRow> => {
      const rights = PLAN_RIGHTS[kind];
      requireOnEstablishment(identity, expectedVersion === 0 ? rights.create : rights.edit, establishmentId);
      if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
        throw new HubError('BAD_USER_INPUT', 'expectedVersion must be 0 (a new plan) or the version read.', { field: 'expectedVersion' });
      }
      const checked = checkPlanContent(content);
      const [found] = await deps.client.entities<{ id: string }>('offer', 'Establishment', [establishmentId], 'id');
      if (!found) throw new HubError('NOT_FOUND', `Unknown establishment ${establishmentId}.`, { field: 'establishmentId' });
      const saved = await store.savePlan(kind, establishmentId, checked, expectedVersion, actorOf(identity));
      if (saved) {
        loaders[kind].clear(establishmentId);
        return saved;
      }
      const [current] = await store.plansOf(kind, [establishmentId]);
      const seen = current ? `version ${current.version}` : 'no plan yet';
      throw new HubError('CONFLICT', `The Plan ${kind === 'BLANC' ? 'blanc' : 'bleu'} of establishment ${establishmentId} changed: ${seen}, not ${expectedVersion}. Read it and save again.`, {
        current: current ? { version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt.toISOString() } : null,
      });
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
