/**
 * Rules of the offer subgraph, per request: batched loading (one SQL per entity type per
 * request, whatever the number of references the gateway sends), pagination, code labels.
 */
import DataLoader from 'dataloader';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { byId, groupBy } from '../../platform/batch.js';
import { hasRightSomewhere, hasScope, seesConfidential } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { EstablishmentCriteria, OfferStore, Ranked, UnitCriteria } from './store.js';
import { filterHash, nameWords, orderingOf, readAfter, searchCursor, validateEstablishmentIds, validateNear, validatePatientAge, type Near } from './search.js';
import type { EstablishmentPriceRow, EstablishmentRow, OrganizationRow, PoleRow, UnitContactRow, UnitRow } from './tables.js';

/** Confidentiality level (TRE_R283) of contacts shown to public access profiles. */
export const OPEN_ACCESS_CONFIDENTIALITY = '1';
/** TRE_R283 2: visible to professionals. */
const PROFESSIONALS_CONFIDENTIALITY = '2';

/**
 * TRE_R287 natures of the contacts to ask for a place: reception (01), admission (03), the ward's
 * care staff such as the nurse manager (05), secretariat (07), bed-management cell (16). Not the
 * medical, alert, on-call or management lines.
 */
const ADMISSION_CONTACT_NATURES = new Set(['01', '03', '05', '07', '16']);

export interface Coding {
  system: string;
  code: string;
  display: string | null;
}

/** The `EstablishmentFilter` of the schema. */
export interface EstablishmentFilter extends Omit<EstablishmentCriteria, 'nameWords' | 'near'> {
  name?: string | null;
  near?: Near | null;
}

/** The `UnitFilter` of the schema. */
export interface UnitFilter extends Omit<UnitCriteria, 'nameWords' | 'near' | 'includeSensitive'> {
  name?: string | null;
  near?: Near | null;
}

/**
 * One page of a search: validates the filter, picks the ordering, checks the cursor belongs to
 * this filter, reads size + 1 rows and builds the connection (cursor = filter hash, id, ordering value).
 */
async function searchPage<F extends { name?: string | null; near?: Near | null; patientAge?: number | null }, C, R extends { id: string }>(
  filter: F,
  first: number | null | undefined,
  after: string | null | undefined,
  toCriteria: (filter: F, words: string[] | null, near: Near | null) => C,
  list: (criteria: C, ordering: ReturnType<typeof orderingOf>, after: ReturnType<typeof readAfter>, limit: number) => Promise<Array<Ranked<R>>>,
  count: (criteria: C) => Promise<number>,
  maxSize?: number,
): Promise<Connection<Ranked<R>>> {
  const size = pageSize(first, maxSize);
  const near = validateNear(filter.near);
  validatePatientAge(filter.patientAge);
  const words = nameWords(filter.name);
  const ordering = orderingOf(near, words);
  const hash = filterHash(filter, ordering);
  const criteria = toCriteria(filter, words, near);
  const rows = await list(criteria, ordering, readAfter(after, hash), size + 1);
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: searchCursor(hash, node.id, ordering === 'ID' ? null : node.rank), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => count(criteria),
  };
}

/**
 * The directory itself (legal entities, establishments, units) is public data; sensitive units
 * are visible only to callers who see confidential data (hub users, applications of profile 1).
 */
export function createOfferService(store: OfferStore, identity: Identity) {
  const confidential = seesConfidential(identity);
  const requester = hasRightSomewhere(identity, ['ORU_ADMISSION_DEMANDE']) || hasScope(identity, 'admission.request');
  const visible = (unit: UnitRow | null) => (unit && (confidential || !unit.sensitive) ? unit : null);
  const organizations = new DataLoader((ids: readonly string[]) => store.organizationsByIds(ids).then((r) => byId(r, ids)));
  const establishments = new DataLoader((ids: readonly string[]) => store.establishmentsByIds(ids).then((r) => byId(r, ids)));
  // A unit's establishment comes in the same read (the unit's name, address and position show it):
  // primed so that `establishment(id)` reads nothing more for it (D218).
  const units = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.unitsWithEstablishmentsByIds(ids);
    for (const r of rows) establishments.prime(r.establishment.id, r.establishment);
    return byId(
      rows.map((r) => r.unit),
      ids,
    );
  });
  const establishmentsOf = new DataLoader((ids: readonly string[]) =>
    store.establishmentsOfOrganizations(ids).then((r) => groupBy(r, ids, (e) => e.organizationId)),
  );
  const unitsOf = (includeArchived: boolean) =>
    new DataLoader((ids: readonly string[]) =>
      store.unitsOfEstablishments(ids, includeArchived).then((r) => groupBy(r, ids, (u) => u.establishmentId)),
    );
  const activeUnitsOf = unitsOf(false);
  const allUnitsOf = unitsOf(true);
  const polesById = new DataLoader((ids: readonly string[]) => store.polesByIds(ids).then((r) => byId(r, ids)));
  const polesOf = (includeArchived: boolean) =>
    new DataLoader((ids: readonly string[]) =>
      store.polesOfEstablishments(ids, includeArchived).then((r) => groupBy(r, ids, (p) => p.establishmentId)),
    );
  const activePolesOf = polesOf(false);
  const allPolesOf = polesOf(true);
  const poleUnits = (includeArchived: boolean) =>
    new DataLoader((ids: readonly string[]) => store.unitsOfPoles(ids, includeArchived).then((r) => groupBy(r, ids, (u) => u.poleId ?? '')));
  const activePoleUnits = poleUnits(false);
  const allPoleUnits = poleUnits(true);
  const pricesOf = new DataLoader((ids: readonly string[]) => store.pricesOfEstablishments(ids).then((r) => groupBy(r, ids, (p) => p.establishmentId)));
  const contactsOf = new DataLoader((ids: readonly string[]) => store.contactsOfUnits(ids).then((r) => groupBy(r, ids, (c) => c.unitId)));
  // The labels a request shows, read in one batch by primary key (not every label of every system:
  // some 700 rows mapped per request, whatever it showed; issue 16's profile).
  const labels = new DataLoader(
    async (keys: readonly string[]) => {
      const rows = await store.labelsOf(keys.map((k) => k.split('\u0000') as [string, string]));
      const found = new Map(rows.map((r) => [`${r.system}\u0000${r.code}`, r.display]));
      return keys.map((k) => found.get(k) ?? null);
    },
    { maxBatchSize: 1000 },
  );
  const labelOf = (system: string, code: string): Promise<string | null> => labels.load(`${system}\u0000${code}`);

  return {
    organization: (id: string): Promise<OrganizationRow | null> => organizations.load(id),
    establishment: (id: string): Promise<EstablishmentRow | null> => establishments.load(id),
    /** Every legal entity (all are public), by FINESS EJ number: full reads such as the FHIR bulk export. */
    listOrganizations: async (first: number | null | undefined, after: string | null | undefined, maxSize?: number): Promise<Connection<OrganizationRow>> => {
      const size = pageSize(first, maxSize);
      const afterId = after ? String(decodeCursor(after)[0]) : null;
      const rows = await store.listOrganizations(afterId, size + 1);
      return toConnection(rows, size, Boolean(after), (o) => [o.id], () => store.countOrganizations());
    },
    unit: async (id: string): Promise<UnitRow | null> => visible(await units.load(id)),
    establishmentsOf: (organizationId: string) => establishmentsOf.load(organizationId),
    unitsOf: async (establishmentId: string, includeArchived: boolean) =>
      (await (includeArchived ? allUnitsOf : activeUnitsOf).load(establishmentId)).filter((u) => visible(u)),

    coding: async (system: string, code: string): Promise<Coding> => ({ system, code, display: await labelOf(system, code) }),
    /** The codings of several codes of one system (labels from the same per-request read). */
    codings: (system: string, codes: readonly string[]): Promise<Coding[]> =>
      Promise.all(codes.map(async (code) => ({ system, code, display: await labelOf(system, code) }))),

    pole: (id: string): Promise<PoleRow | null> => polesById.load(id),
    polesOf: (establishmentId: string, includeArchived: boolean): Promise<PoleRow[]> =>
      (includeArchived ? allPolesOf : activePolesOf).load(establishmentId),
    unitsOfPole: async (poleId: string, includeArchived: boolean): Promise<UnitRow[]> =>
      (await (includeArchived ? allPoleUnits : activePoleUnits).load(poleId)).filter((u) => visible(u)),

    /** An establishment's prices, in order (public, as the IG exposes them to every profile). */
    pricesOf: (establishmentId: string): Promise<EstablishmentPriceRow[]> => pricesOf.load(establishmentId),

    /** A unit's contacts; confidential ones (level other than 1) only for callers who see confidential data. */
    contactsOf: async (unitId: string): Promise<UnitContactRow[]> =>
      (await contactsOf.load(unitId)).filter((c) => confidential || c.confidentialityCode === OPEN_ACCESS_CONFIDENTIALITY),

    /**
     * The contacts to ask a unit for a place (docs/admissions.md § Place search): the natures of
     * ADMISSION_CONTACT_NATURES; professionals' level (TRE_R283 2) also for callers who may request
     * admissions, confidential levels as `contactsOf` shows them.
     */
    admissionContactsOf: async (unitId: string): Promise<UnitContactRow[]> =>
      (await contactsOf.load(unitId)).filter(
        (c) =>
          ADMISSION_CONTACT_NATURES.has(c.natureCode) &&
          (confidential || c.confidentialityCode === OPEN_ACCESS_CONFIDENTIALITY || (requester && c.confidentialityCode === PROFESSIONALS_CONFIDENTIALITY)),
      ),

    codeSystems: () => store.codeSystems(),
    codeSystem: (id: string) => store.codeSystem(id),
    /** Codes of a loaded system, by code; deprecated ones (deprecated_on reached) only when asked. */
    codesOfSystem: async (url: string, includeDeprecated: boolean): Promise<Coding[]> => {
      const today = new Date().toISOString().slice(0, 10);
      const rows = await store.codesOf([url]);
      return rows
        .filter((r) => includeDeprecated || r.deprecatedOn === null || r.deprecatedOn > today)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map((r) => ({ system: r.system, code: r.code, display: r.display }));
    },

    listEstablishments: (
      filter: EstablishmentFilter,
      first: number | null | undefined,
      after: string | null | undefined,
      maxSize?: number,
    ): Promise<Connection<Ranked<EstablishmentRow>>> =>
      searchPage(
        filter,
        first,
        after,
        ({ name: _name, near: _near, ...rest }, nameWords, near): EstablishmentCriteria => ({ ...rest, nameWords, near }),
        store.listEstablishments,
        store.countEstablishments,
        maxSize,
      ),

    /**
     * Sensitive units are left out for callers who do not see confidential data, whatever the
     * filter. `maxSize` raises the page bound for the bulk export's pages (export-page.ts).
     */
    listUnits: (filter: UnitFilter, first: number | null | undefined, after: string | null | undefined, maxSize?: number): Promise<Connection<Ranked<UnitRow>>> => {
      validateEstablishmentIds(filter.establishmentIds);
      return searchPage(
        filter,
        first,
        after,
        ({ name: _name, near: _near, ...rest }, nameWords, near): UnitCriteria => ({ ...rest, nameWords, near, includeSensitive: confidential }),
        store.listUnits,
        store.countUnits,
        maxSize,
      );
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
