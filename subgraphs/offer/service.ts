/**
 * Rules of the offer subgraph, per request: batched loading (one SQL per entity type per
 * request, whatever the number of references the gateway sends), pagination, code labels.
 */
import DataLoader from 'dataloader';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { HubError } from '../../platform/errors.js';
import { byId, groupBy } from '../../platform/batch.js';
import { CODE_SYSTEMS } from './codes.js';
import { seesConfidential } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { EstablishmentCriteria, OfferStore, UnitCriteria } from './store.js';
import type { EstablishmentRow, OrganizationRow, UnitRow } from './tables.js';

export interface Coding {
  system: string;
  code: string;
  display: string | null;
}

function afterId(after: string | null | undefined): string | null {
  if (!after) return null;
  const [id] = decodeCursor(after);
  if (typeof id !== 'string') throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.');
  return id;
}

/**
 * The directory itself (legal entities, establishments, units) is public data; sensitive units
 * are visible only to callers who see confidential data (hub users, applications of profile 1).
 */
export function createOfferService(store: OfferStore, identity: Identity) {
  const confidential = seesConfidential(identity);
  const visible = (unit: UnitRow | null) => (unit && (confidential || !unit.sensitive) ? unit : null);
  const organizations = new DataLoader((ids: readonly string[]) => store.organizationsByIds(ids).then((r) => byId(r, ids)));
  const establishments = new DataLoader((ids: readonly string[]) => store.establishmentsByIds(ids).then((r) => byId(r, ids)));
  const units = new DataLoader((ids: readonly string[]) => store.unitsByIds(ids).then((r) => byId(r, ids)));
  const establishmentsOf = new DataLoader((ids: readonly string[]) =>
    store.establishmentsOfOrganizations(ids).then((r) => groupBy(r, ids, (e) => e.organizationId)),
  );
  const unitsOf = (includeArchived: boolean) =>
    new DataLoader((ids: readonly string[]) =>
      store.unitsOfEstablishments(ids, includeArchived).then((r) => groupBy(r, ids, (u) => u.establishmentId)),
    );
  const activeUnitsOf = unitsOf(false);
  const allUnitsOf = unitsOf(true);
  let labels: Promise<Map<string, string>> | null = null;

  /** Labels of every code of the systems we use, read once per request. */
  const labelOf = async (system: string, code: string): Promise<string | null> => {
    labels ??= store
      .codesOf(Object.values(CODE_SYSTEMS))
      .then((rows) => new Map(rows.map((r) => [`${r.system}|${r.code}`, r.display])));
    return (await labels).get(`${system}|${code}`) ?? null;
  };

  return {
    organization: (id: string): Promise<OrganizationRow | null> => organizations.load(id),
    establishment: (id: string): Promise<EstablishmentRow | null> => establishments.load(id),
    unit: async (id: string): Promise<UnitRow | null> => visible(await units.load(id)),
    establishmentsOf: (organizationId: string) => establishmentsOf.load(organizationId),
    unitsOf: async (establishmentId: string, includeArchived: boolean) =>
      (await (includeArchived ? allUnitsOf : activeUnitsOf).load(establishmentId)).filter((u) => visible(u)),

    coding: async (system: string, code: string): Promise<Coding> => ({ system, code, display: await labelOf(system, code) }),

    listEstablishments: async (
      criteria: EstablishmentCriteria,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<EstablishmentRow>> => {
      const size = pageSize(first);
      const rows = await store.listEstablishments(criteria, afterId(after), size + 1);
      return toConnection(rows, size, Boolean(after), (e) => [e.id], () => store.countEstablishments(criteria));
    },

    listUnits: async (
      criteria: UnitCriteria,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<UnitRow>> => {
      const size = pageSize(first);
      const scoped = { ...criteria, includeSensitive: confidential };
      const rows = await store.listUnits(scoped, afterId(after), size + 1);
      return toConnection(rows, size, Boolean(after), (u) => [u.id], () => store.countUnits(scoped));
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
