/**
 * Situations (a professional × one of their units: the IG's situation opérationnelle, served by
 * the FHIR adapter as PractitionerRole) and the lookups a FHIR facade needs on professionals: by
 * ids, by RPPS/ADELI number, and the keyset listing of changes for incremental sync.
 *
 * Who works where is filtered here, where the data is read, by the IG access profiles
 * (access.ts `seesSituationIn`), so GraphQL and FHIR clients get the same answer. The unit facts
 * the rule needs (sensitive, activity field) come from the offer through federation.
 */
import DataLoader from 'dataloader';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { requireProfessionalRead, seesEverySituation, seesSituationIn } from './access.js';
import { parseAdeli, parseRpps } from './normalize.js';
import type { UnitDirectory } from './offer-units.js';
import type { ChangeKey, ProfessionalStore, ProfessionalView, SituationRow } from './store.js';

export interface Situation extends SituationRow {
  /** `<professional id>.<unit id>`: neither contains a dot, and both are FHIR id characters. */
  id: string;
}

/** Most ids one lookup takes (a FHIR page of includes stays well below it). */
export const MAX_LOOKUP_IDS = 500;

/** identifiantSituationOperationnelle: `S` and the row's number, at least 7 digits (S0000042). */
export function situationIdentifier(situationNumber: number): string {
  return `S${String(situationNumber).padStart(7, '0')}`;
}

export function situationId(row: SituationRow): string {
  return `${row.professionalId}.${row.unitId}`;
}

/** The professional and unit of a situation id, or null when it cannot be one. */
export function parseSituationId(id: string): { professionalId: string; unitId: string } | null {
  const match = /^([A-Za-z0-9-]+)\.([A-Za-z0-9-]+)$/.exec(id);
  return match ? { professionalId: match[1]!, unitId: match[2]! } : null;
}

function requireIdList(name: string, ids: readonly string[]): void {
  if (ids.length > MAX_LOOKUP_IDS) {
    throw new HubError('BAD_USER_INPUT', `\`${name}\` takes at most ${MAX_LOOKUP_IDS} ids.`, { argumentName: name });
  }
}

function changeKey(after: string | null | undefined): ChangeKey | null {
  if (!after) return null;
  const key = decodeCursor(after);
  if (key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string' || Number.isNaN(Date.parse(key[0]))) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.', { argumentName: 'after' });
  }
  return key as ChangeKey;
}

/** An RPPS (11 digits) or ADELI (9 characters) number, as stored; BAD_USER_INPUT otherwise. */
function nationalNumber(raw: string): string {
  const number = parseRpps(raw) ?? parseAdeli(raw);
  if (!number) throw new HubError('BAD_USER_INPUT', `"${raw}" is neither an RPPS (11 digits) nor an ADELI (9 characters) number.`, { argumentName: 'number' });
  return number;
}

export function createSituationService(store: ProfessionalStore, directory: UnitDirectory) {
  const units = new DataLoader(async (ids: readonly string[]) => {
    const found = await directory.units(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const ofProfessional = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.situationsOfProfessionals(ids);
    return ids.map((id) => rows.filter((r) => r.professionalId === id));
  });

  /** The ids among `unitIds` whose situations the caller may see (an unknown unit: none). */
  const visibleUnits = async (identity: Identity, unitIds: readonly string[]): Promise<Set<string>> => {
    if (seesEverySituation(identity)) return new Set(unitIds);
    const found = await units.loadMany([...new Set(unitIds)]);
    return new Set(found.flatMap((u) => (u && !(u instanceof Error) && seesSituationIn(identity, u) ? [u.id] : [])));
  };

  const visibleSituations = async (identity: Identity, rows: readonly SituationRow[]): Promise<Situation[]> => {
    const visible = await visibleUnits(identity, rows.map((r) => r.unitId));
    return rows.filter((r) => visible.has(r.unitId)).map((r) => ({ ...r, id: situationId(r) }));
  };

  return {
    situation: async (identity: Identity, id: string): Promise<Situation | null> => {
      requireProfessionalRead(identity);
      const key = parseSituationId(id);
      if (!key) return null;
      const row = (await ofProfessional.load(key.professionalId)).find((r) => r.unitId === key.unitId);
      return row ? ((await visibleSituations(identity, [row]))[0] ?? null) : null;
    },

    /** Situations in these units (active professionals) or of these professionals: exactly one list. */
    situations: async (identity: Identity, unitIds: readonly string[] | null, professionalIds: readonly string[] | null): Promise<Situation[]> => {
      requireProfessionalRead(identity);
      if ((unitIds === null) === (professionalIds === null)) {
        throw new HubError('BAD_USER_INPUT', 'Give exactly one of `unitIds` and `professionalIds`.', { argumentName: unitIds === null ? 'unitIds' : 'professionalIds' });
      }
      if (unitIds !== null) {
        requireIdList('unitIds', unitIds);
        return unitIds.length ? visibleSituations(identity, await store.situationsOfUnits(unitIds)) : [];
      }
      requireIdList('professionalIds', professionalIds!);
      return visibleSituations(identity, (await ofProfessional.loadMany([...professionalIds!])).flatMap((rows) => (rows instanceof Error ? [] : rows)));
    },

    situationsOf: async (identity: Identity, professionalId: string): Promise<Situation[]> =>
      visibleSituations(identity, await ofProfessional.load(professionalId)),

    /** `unitIds` without those whose situations the caller may not see (Professional.units). */
    visibleUnitIds: async (identity: Identity, unitIds: readonly string[]): Promise<string[]> => {
      const visible = await visibleUnits(identity, unitIds);
      return unitIds.filter((id) => visible.has(id));
    },

    /** The ids among `unitIds` whose situations the caller may see (the search applies the same rule). */
    visibleUnitSet: visibleUnits,

    /** Whether the caller may learn who works in this unit (Unit.professionals). */
    seesUnitSituations: async (identity: Identity, unitId: string): Promise<boolean> => (await visibleUnits(identity, [unitId])).has(unitId),

    professionalsByIds: async (identity: Identity, ids: readonly string[]): Promise<ProfessionalView[]> => {
      requireProfessionalRead(identity);
      requireIdList('ids', ids);
      const rows = new Map((ids.length ? await store.byIds(ids) : []).map((r) => [r.id, r]));
      return [...new Set(ids)].flatMap((id) => rows.get(id) ?? []);
    },

    professionalByNumber: async (identity: Identity, raw: string): Promise<ProfessionalView | null> => {
      requireProfessionalRead(identity);
      const holder = await store.holderOfNumber(nationalNumber(raw));
      return holder ? ((await store.byIds([holder]))[0] ?? null) : null;
    },

    professionalChanges: async (
      identity: Identity,
      updatedSince: Date | null | undefined,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<ProfessionalView>> => {
      requireProfessionalRead(identity);
      const size = pageSize(first);
      const rows = await store.changedSince(updatedSince ?? null, changeKey(after), size + 1);
      // ProfessionalChangeConnection has no totalCount: a sync pages to the end instead.
      return toConnection(rows, size, Boolean(after), (p) => [p.updatedAt.toISOString(), p.id], () => Promise.resolve(0));
    },
  };
}

export type SituationService = ReturnType<typeof createSituationService>;
