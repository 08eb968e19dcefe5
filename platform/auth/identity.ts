/**
 * Who is calling, as the gateway verified it and every subgraph re-checks it. Grants carry their
 * reach (the concrete legal entities, establishments and units they cover), expanded by the
 * gateway from the offer hierarchy, so a subgraph decides without reading another's tables.
 */
import type { PerimeterKind, RightCode } from './rights.js';

/** Scopes a trust-circle application can hold. */
export const SCOPES = ['offer.read', 'offer.write', 'capacity.read', 'capacity.write', 'tension.read', 'professional.read', 'professional.write', 'bulk.export', 'admission.request', 'offer.report'] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes whose writes stay within the application's registered perimeter (ApplicationPerimeter). */
export const PERIMETER_SCOPES: readonly Scope[] = ['capacity.write', 'offer.write', 'professional.write'];

/**
 * Confidentiality access level of the national IG (profils 0–3): 1 sees everything, 0 is public
 * access; 0, 2 and 3 lose sensitive units and confidential contacts.
 */
export type AccessLevel = 0 | 1 | 2 | 3;

export interface Reach {
  organizations: string[];
  establishments: string[];
  units: string[];
  professionals: string[];
}

/** One role assignment (or direct right grant) as effective rights on a perimeter. */
export interface Grant {
  rights: RightCode[];
  kind: PerimeterKind;
  /** Perimeter id (FINESS EJ/ET, unit id, professional id); null for TRANSVERSAL. */
  id: string | null;
  /** What the perimeter covers; empty for TRANSVERSAL (which covers everything). */
  reach: Reach;
}

export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'user'; subject: string; login: string; professionalId: string; grants: Grant[] }
  | { kind: 'client'; subject: string; name: string; scopes: Scope[]; accessLevel: AccessLevel; perimeter?: ApplicationPerimeter }
  /** The gateway itself, for its own lookups (perimeters, grants). Never given to a caller. */
  | { kind: 'system'; subject: 'gateway' };

/**
 * Where an application may write (capacity.write, offer.write, professional.write), from its registration (docs/identity.md): the
 * establishments (FINESS ET) it is registered for, or the whole region for a regional platform.
 * Absent: the application writes nothing, whatever its scopes (deny by default).
 */
export type ApplicationPerimeter = { kind: 'REGION' } | { kind: 'ESTABLISHMENTS'; establishments: string[] };

/** The registration column's form (`write_establishments`): FINESS ET, or `*` alone for the region; empty or null: none. */
export function perimeterFromRegistration(values: readonly string[] | null | undefined): ApplicationPerimeter | undefined {
  if (!values || values.length === 0) return undefined;
  if (values.includes('*')) return { kind: 'REGION' };
  return { kind: 'ESTABLISHMENTS', establishments: [...values] };
}

export const ANONYMOUS: Identity = Object.freeze({ kind: 'anonymous' });

/** What an authorisation check is about, with the ancestry the caller knows. */
export type Target =
  | { kind: 'TRANSVERSAL' }
  | { kind: 'ORGANIZATION'; id: string }
  | { kind: 'ESTABLISHMENT'; id: string; organizationId?: string; departmentCode?: string }
  | { kind: 'UNIT'; id: string; establishmentId?: string; organizationId?: string; departmentCode?: string }
  | { kind: 'PROFESSIONAL'; id: string; establishmentIds?: string[] }
  /** A sector of territorial bed management (platform/territories.ts), by code. */
  | { kind: 'TERRITORY'; id: string };

export function emptyReach(): Reach {
  return { organizations: [], establishments: [], units: [], professionals: [] };
}

export function describeTarget(target: Target): string {
  const names: Record<Target['kind'], string> = {
    TRANSVERSAL: 'the whole region (transversal)',
    ORGANIZATION: 'legal entity',
    ESTABLISHMENT: 'establishment',
    UNIT: 'unit',
    PROFESSIONAL: 'professional',
    TERRITORY: 'territory',
  };
  return target.kind === 'TRANSVERSAL' ? names.TRANSVERSAL : `${names[target.kind]} ${target.id}`;
}

/** Who made a change, as audit rows, events and `updatedBy` name them: login, application name, or the kind. */
export function actorName(identity: Identity): string {
  if (identity.kind === 'user') return identity.login;
  if (identity.kind === 'client') return identity.name;
  return identity.kind;
}
