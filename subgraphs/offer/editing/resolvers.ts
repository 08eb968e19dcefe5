/**
 * Resolvers of the editing mutations and of the `history` fields: argument plumbing only. The
 * subgraph merges them into its own map with `withEditing` (subgraphs/offer/index.ts).
 */
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { Database } from '../../../platform/db/client.js';
import type { HubConfig } from '../../../platform/config.js';
import { createSubgraphClient } from '../../../platform/subgraph-client.js';
import type { AuditEventRow, EstablishmentRow, OrganizationRow, PoleRow, UnitRow } from '../tables.js';
import { auditEventView, createHistory, type HistoryArgs } from './history.js';
import { createProfessionalsPort } from './professionals.js';
import { createEditingStore } from './store.js';
import { createStructureEditing, type EstablishmentUpdate } from './structure.js';
import type { UnitFieldsInput, UnitInput } from './unit-input.js';
import { createUnitEditing } from './units.js';
import type { ChangeFeed, ChangeEvent } from '../../../platform/changes/feed.js';
import { createOfferRecordChanges, offerChangeOf, type OfferChangeRecordType } from './subscription.js';

/** What the editing resolvers find in the subgraph's context. */
export interface EditingContext {
  editing: EditingService;
}

/** Given the subgraph's dependencies once, builds the per-request editing service. */
export function editingContext(deps: { db: Database; config: HubConfig; internalSecret: string; feed: ChangeFeed }) {
  const store = createEditingStore(deps.db.orm);
  const professionals = createProfessionalsPort(createSubgraphClient(deps.config, deps.internalSecret));
  const recordChanges = createOfferRecordChanges(store, deps.feed);
  return (identity: Identity) => ({
    ...createStructureEditing(store, identity),
    ...createUnitEditing(store, identity, professionals),
    history: createHistory(store, identity),
    recordChanges: (recordType: OfferChangeRecordType, recordId: string, after?: string | null) => recordChanges(identity, recordType, recordId, after),
  });
}

export type EditingService = ReturnType<ReturnType<typeof editingContext>>;

type Ctx = EditingContext;
type Id = { id: string };

export const editingResolvers = {
  Mutation: {
    updateEstablishment: (_: unknown, a: Id & { input: EstablishmentUpdate; expectedUpdatedAt?: Date | null }, ctx: Ctx) =>
      ctx.editing.updateEstablishment(a.id, a.input, a.expectedUpdatedAt),
    createPole: (_: unknown, a: { establishmentId: string; name: string }, ctx: Ctx) => ctx.editing.createPole(a.establishmentId, a.name),
    renamePole: (_: unknown, a: Id & { name: string }, ctx: Ctx) => ctx.editing.renamePole(a.id, a.name),
    archivePole: (_: unknown, a: Id, ctx: Ctx) => ctx.editing.archivePole(a.id),
    reactivatePole: (_: unknown, a: Id, ctx: Ctx) => ctx.editing.reactivatePole(a.id),
    createUnit: (_: unknown, a: { establishmentId: string; input: UnitInput }, ctx: Ctx) => ctx.editing.createUnit(a.establishmentId, a.input),
    updateUnit: (_: unknown, a: Id & { input: UnitFieldsInput; expectedUpdatedAt?: Date | null }, ctx: Ctx) => ctx.editing.updateUnit(a.id, a.input, a.expectedUpdatedAt),
    changeUnitType: (_: unknown, a: Id & { kind: string; discipline: string }, ctx: Ctx) => ctx.editing.changeUnitType(a.id, a.kind, a.discipline),
    archiveUnit: (_: unknown, a: Id, ctx: Ctx) => ctx.editing.archiveUnit(a.id),
    reactivateUnit: (_: unknown, a: Id, ctx: Ctx) => ctx.editing.reactivateUnit(a.id),
    transferUnit: (_: unknown, a: Id & { toEstablishmentId: string; withProfessionals: boolean }, ctx: Ctx) =>
      ctx.editing.transferUnit(a.id, a.toEstablishmentId, a.withProfessionals),
    copyUnit: (_: unknown, a: Id & { name: string; ufCode: string; establishmentId?: string | null }, ctx: Ctx) =>
      ctx.editing.copyUnit(a.id, a.name, a.ufCode, a.establishmentId),
  },
  Subscription: {
    offerRecordChanged: {
      subscribe: (_: unknown, a: { recordType: OfferChangeRecordType; recordId: string; after?: string | null }, ctx: Ctx) => ctx.editing.recordChanges(a.recordType, a.recordId, a.after),
      resolve: (event: ChangeEvent) => offerChangeOf(event),
    },
  },
  Organization: { history: (o: OrganizationRow, a: HistoryArgs, ctx: Ctx) => ctx.editing.history.ofOrganization(o, a) },
  Establishment: { history: (e: EstablishmentRow, a: HistoryArgs, ctx: Ctx) => ctx.editing.history.ofEstablishment(e, a) },
  Pole: { history: (p: PoleRow, a: HistoryArgs, ctx: Ctx) => ctx.editing.history.ofPole(p, a) },
  Unit: { history: (u: UnitRow, a: HistoryArgs, ctx: Ctx) => ctx.editing.history.ofUnit(u, a) },
  AuditEventEdge: { node: (e: { node: AuditEventRow }) => auditEventView(e.node) },
  AuditEventConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};

/** The subgraph's resolver map with the editing resolvers added, type by type. */
export function withEditing<C>(base: ResolverMap<C>): ResolverMap<C> {
  const merged: Record<string, unknown> = { ...base };
  for (const [type, fields] of Object.entries(editingResolvers)) {
    merged[type] = { ...((base as Record<string, object | undefined>)[type] ?? {}), ...fields };
  }
  return merged as ResolverMap<C>;
}
