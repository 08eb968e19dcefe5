/**
 * Reads of professionals, per request: batched (one SQL statement per kind of load, whatever the
 * number of references the gateway sends), paginated, and checked (any hub user, applications
 * with `professional.read`; last login and role assignments need more).
 */
import DataLoader from 'dataloader';
import { groupBy } from '../../platform/batch.js';
import { requireRight } from '../../platform/auth/authorize.js';
import type { Identity, Target } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { isSelf, mayReadRoles, professionalTarget, requireProfessionalRead, requireUser } from './access.js';
import type { AccountSummary } from './accounts.js';
import { defaultGrantsOf } from './default-grants.js';
import { nameOf } from './input.js';
import { normalizeName } from './normalize.js';
import type { NameKey, ProfessionalCriteria, ProfessionalStore, ProfessionalView } from './store.js';
import type { RoleAssignmentRow } from './tables.js';

export interface ProfessionalFilter {
  name?: string | null;
  establishmentId?: string | null;
  unitId?: string | null;
  professionCode?: string | null;
  jobTitle?: string | null;
  identifier?: string | null;
  includeArchived?: boolean | null;
}

/** Rights of those who manage accounts: they may see a record's login and account state. */
const ACCOUNT_READERS: RightCode[] = ['ORU_PROFESSIONNEL_EDIT', 'ORU_PROFESSIONNEL_CHANGE_PASSWORD', 'ORU_PROFESSIONNEL_SHOW_LAST_LOGIN'];

function afterKey(after: string | null | undefined): NameKey | null {
  if (!after) return null;
  const key = decodeCursor(after);
  if (key.length !== 3 || !key.every((k) => typeof k === 'string')) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.', { argumentName: 'after' });
  }
  return key as NameKey;
}

/** The identifier as stored: hub ids in capitals, numbers without the spaces people type. */
function identifierOf(raw: string | null | undefined): string | null {
  const id = raw?.replace(/\s+/g, '').toUpperCase();
  return id ? id : null;
}

function criteriaOf(filter: ProfessionalFilter): ProfessionalCriteria {
  return {
    ...filter,
    name: filter.name ? normalizeName(filter.name) || null : null,
    jobTitle: filter.jobTitle?.trim() || null,
    identifier: identifierOf(filter.identifier),
  };
}

export function createReadService(store: ProfessionalStore) {
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const ofEstablishment = new DataLoader(async (ids: readonly string[]) => groupBy(await store.ofEstablishments(ids), ids, (r) => r.key));
  const ofUnit = new DataLoader(async (ids: readonly string[]) => groupBy(await store.ofUnits(ids), ids, (r) => r.key));
  const soleOfUnit = new DataLoader(async (ids: readonly string[]) => groupBy(await store.soleOfUnits(ids), ids, (r) => r.key));
  const establishmentsOf = new DataLoader(async (ids: readonly string[]) =>
    groupBy(await store.establishmentsOf(ids), ids, (r) => r.professionalId).map((rows) => rows.map((r) => r.id)),
  );
  const unitsOf = new DataLoader(async (ids: readonly string[]) =>
    groupBy(await store.unitsOf(ids), ids, (r) => r.professionalId).map((rows) => rows.map((r) => r.id)),
  );
  const accountOf = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.accounts.ofProfessionals(ids)).map((a) => [a.professionalId, a]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const rolesOf = new DataLoader(async (ids: readonly string[]) => groupBy(await store.roles.ofProfessionals(ids), ids, (r) => r.professionalId));

  const targetOf = async (p: ProfessionalView): Promise<Target> => professionalTarget(p.id, await establishmentsOf.load(p.id));

  return {
    professional: (identity: Identity, id: string): Promise<ProfessionalView | null> => {
      requireProfessionalRead(identity);
      return byId.load(id);
    },

    me: (identity: Identity): Promise<ProfessionalView | null> => byId.load(requireUser(identity, '`me`').professionalId),

    listProfessionals: async (
      identity: Identity,
      filter: ProfessionalFilter,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<ProfessionalView>> => {
      requireProfessionalRead(identity);
      const size = pageSize(first);
      const criteria = criteriaOf(filter);
      const rows = await store.list(criteria, afterKey(after), size + 1);
      return toConnection(rows, size, Boolean(after), (p) => [p.lastName, p.firstName, p.id], () => store.count(criteria));
    },

    similarProfessionals: async (identity: Identity, lastName: string, firstName: string) => {
      requireProfessionalRead(identity);
      const name = `${nameOf('lastName', lastName)} ${nameOf('firstName', firstName)}`;
      return (await store.similar(name)).map((s) => ({ professional: s.person, similarity: s.similarity }));
    },

    ofEstablishment: (identity: Identity, establishmentId: string): Promise<ProfessionalView[]> => {
      requireProfessionalRead(identity);
      return ofEstablishment.load(establishmentId);
    },

    ofUnit: (identity: Identity, unitId: string): Promise<ProfessionalView[]> => {
      requireProfessionalRead(identity);
      return ofUnit.load(unitId);
    },

    /** Read like `ofUnit`; the offer asks it (system identity) before archiving the unit. */
    soleOfUnit: (identity: Identity, unitId: string): Promise<ProfessionalView[]> => {
      requireProfessionalRead(identity);
      return soleOfUnit.load(unitId);
    },

    establishmentIdsOf: (professionalId: string): Promise<string[]> => establishmentsOf.load(professionalId),
    unitIdsOf: (professionalId: string): Promise<string[]> => unitsOf.load(professionalId),
    /** The person themselves, and whoever manages the record's account (edit, passwords, last login). */
    account: async (identity: Identity, p: ProfessionalView): Promise<AccountSummary | null> => {
      if (!isSelf(identity, p.id)) requireRight(identity, ACCOUNT_READERS, await targetOf(p));
      return accountOf.load(p.id);
    },

    lastLoginAt: async (identity: Identity, p: ProfessionalView): Promise<Date | null> => {
      requireRight(identity, 'ORU_PROFESSIONNEL_SHOW_LAST_LOGIN', await targetOf(p));
      return (await accountOf.load(p.id))?.lastLoginAt ?? null;
    },

    /** Read like roleAssignments: what the person's function brings them (default-grants.ts). */
    defaultGrants: async (identity: Identity, p: ProfessionalView) => {
      const target = await targetOf(p);
      if (!mayReadRoles(identity, target)) {
        throw new HubError('FORBIDDEN', `Only the professional and holders of OuruRorCredentials_adminRoles covering professional ${p.id} see their grants.`);
      }
      return defaultGrantsOf(p.jobTitle, await establishmentsOf.load(p.id)).map((g) => ({ rights: g.rights, perimeterKind: g.kind, perimeterId: g.id }));
    },

    roleAssignments: async (identity: Identity, p: ProfessionalView): Promise<RoleAssignmentRow[]> => {
      const target = await targetOf(p);
      if (!mayReadRoles(identity, target)) {
        throw new HubError('FORBIDDEN', `Only the professional and holders of OuruRorCredentials_adminRoles covering professional ${p.id} see their role assignments.`);
      }
      return rolesOf.load(p.id);
    },
  };
}

export type ReadService = ReturnType<typeof createReadService>;
