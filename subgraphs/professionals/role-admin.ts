/**
 * Role administration: assigning a role or granting a single right on a perimeter, and revoking.
 * Only holders of OuruRorCredentials_adminRoles covering the perimeter may do it; a right goes
 * only on a perimeter kind that allows it (platform/auth/rights.ts), a role only where at least
 * one of its rights does.
 */
import type { Identity, Target } from '../../platform/auth/identity.js';
import { territoryByCode, TERRITORIES } from '../../platform/territories.js';
import { isRightCode, PERIMETER_KINDS, RIGHTS, rightGrantableOn, type PerimeterKind, type RightCode } from '../../platform/auth/rights.js';
import { rightsOfRoleOn, ROLES, type RoleCode } from '../../platform/auth/roles.js';
import { HubError } from '../../platform/errors.js';
import { actorOf, professionalTarget, requireAdminOn } from './access.js';
import { actorName } from '../../platform/auth/identity.js';
import { professionalChange } from './changes.js';
import { currentRecord, refuseArchived, requireSignedIn } from './checks.js';
import { badInput } from './input.js';
import { isFinessNumber } from './normalize.js';
import type { UnitDirectory } from './offer-units.js';
import type { NewAssignment } from './role-store.js';
import type { ProfessionalStore } from './store.js';
import type { RoleAssignmentRow } from './tables.js';

/** A ROLE_ASSIGNMENT event: codes and ids only, what a follower needs to recompute someone's rights. */
function assignmentChange(row: RoleAssignmentRow, action: 'CREATE' | 'DELETE', actor: string) {
  const { professionalId, role, right, perimeterKind, perimeterId } = row;
  return professionalChange('ROLE_ASSIGNMENT', String(row.id), action, actor, { professionalId, role, right, perimeterKind, perimeterId });
}

export interface AssignmentPayload {
  assignment: RoleAssignmentRow;
  grantedRights: RightCode[];
  ignoredRights: RightCode[];
}

/**
 * The perimeter as an authorisation target, after checking its id has the right shape; a unit is
 * looked up in the offer (it must exist; its ancestry comes from there, not from its id).
 */
async function perimeterTarget(store: ProfessionalStore, directory: UnitDirectory, kind: PerimeterKind, id: string | null | undefined): Promise<Target> {
  if (kind === 'TRANSVERSAL') {
    if (id) throw badInput('perimeterId', 'A TRANSVERSAL perimeter has no id: leave perimeterId out.');
    return { kind };
  }
  if (!id) throw badInput('perimeterId', `A ${kind} perimeter needs its id in perimeterId.`);
  switch (kind) {
    case 'ORGANIZATION':
    case 'ESTABLISHMENT':
      if (!isFinessNumber(id)) throw badInput('perimeterId', `"${id}" is not a FINESS number (9 characters).`);
      return { kind, id };
    case 'UNIT': {
      const unit = (await directory.units([id])).get(id);
      if (!unit) throw badInput('perimeterId', `No unit ${id} in the offer of care.`);
      return { kind, id, establishmentId: unit.establishmentId, organizationId: unit.organizationId };
    }
    case 'PROFESSIONAL':
      return (await currentRecord(store, id)).target;
    case 'TERRITORY':
      if (!territoryByCode(id)) throw badInput('perimeterId', `No territory ${id}: one of ${TERRITORIES.map((t) => t.code).join(', ')}.`);
      return { kind, id };
  }
}

function allowedKindsOf(right: RightCode): PerimeterKind[] {
  return PERIMETER_KINDS.filter((k) => rightGrantableOn(right, k));
}

export function createRoleService(store: ProfessionalStore, directory: UnitDirectory) {
  /** Checks the caller and the grantee, then stores the assignment once (assigning twice keeps one row). */
  const saveAssignment = async (identity: Identity, draft: Omit<NewAssignment, 'grantedBy'>): Promise<RoleAssignmentRow> => {
    const target = await perimeterTarget(store, directory, draft.perimeterKind as PerimeterKind, draft.perimeterId);
    requireAdminOn(identity, target);
    refuseArchived((await currentRecord(store, draft.professionalId)).person);
    const assignment: NewAssignment = { ...draft, perimeterId: draft.perimeterId ?? null, grantedBy: actorOf(identity) };
    return store.transaction(async (tx) => {
      await tx.roles.lockProfessional(draft.professionalId);
      const held = await tx.roles.same(assignment);
      if (held) return held; // assigning twice changes nothing, so publishes nothing
      const row = await tx.roles.insert(assignment);
      await tx.appendChanges([assignmentChange(row, 'CREATE', actorName(identity))]);
      return row;
    });
  };

  return {
    assignRole: async (identity: Identity, professionalId: string, role: RoleCode, kind: PerimeterKind, perimeterId: string | null | undefined): Promise<AssignmentPayload> => {
      requireSignedIn(identity);
      const { granted, refused } = rightsOfRoleOn(role, kind);
      if (granted.length === 0) {
        throw badInput('perimeterKind', `Role ${role} (${ROLES[role].label}) grants none of its rights on a ${kind} perimeter: assign it on a kind its rights allow (e.g. ORGANIZATION).`);
      }
      const assignment = await saveAssignment(identity, { professionalId, role, right: null, perimeterKind: kind, perimeterId: perimeterId ?? null });
      return { assignment, grantedRights: granted, ignoredRights: refused };
    },

    grantRight: async (identity: Identity, professionalId: string, right: string, kind: PerimeterKind, perimeterId: string | null | undefined): Promise<AssignmentPayload> => {
      requireSignedIn(identity);
      if (!isRightCode(right)) throw badInput('right', `Unknown right "${right}": use a code of the rights catalogue (e.g. ORU_CAPACITE_DISPONIBLE_SHOW).`);
      if (!rightGrantableOn(right, kind)) {
        throw badInput('perimeterKind', `Right ${right} (${RIGHTS[right].meaning}) cannot be granted on a ${kind} perimeter; allowed kinds: ${allowedKindsOf(right).join(', ')}.`);
      }
      const assignment = await saveAssignment(identity, { professionalId, role: null, right, perimeterKind: kind, perimeterId: perimeterId ?? null });
      return { assignment, grantedRights: [right], ignoredRights: [] };
    },

    revokeRoleAssignment: async (identity: Identity, rawId: string): Promise<RoleAssignmentRow> => {
      requireSignedIn(identity);
      const id = Number(rawId);
      const row = Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? await store.roles.byId(id) : null; // serial: int4
      if (!row) throw new HubError('NOT_FOUND', `No role assignment ${rawId}.`);
      requireAdminOn(identity, await storedPerimeterTarget(store, directory, row));
      await store.transaction(async (tx) => {
        // A concurrent revocation may have deleted it already: only the one that deletes publishes.
        if (await tx.roles.delete(row.id)) await tx.appendChanges([assignmentChange(row, 'DELETE', actorName(identity))]);
      });
      return row;
    },
  };
}

/** The target of a stored assignment's perimeter, even if its professional record or its unit is gone. */
async function storedPerimeterTarget(store: ProfessionalStore, directory: UnitDirectory, row: RoleAssignmentRow): Promise<Target> {
  if (row.perimeterKind === 'UNIT' && row.perimeterId) {
    const unit = (await directory.units([row.perimeterId])).get(row.perimeterId);
    return { kind: 'UNIT', id: row.perimeterId, establishmentId: unit?.establishmentId, organizationId: unit?.organizationId };
  }
  if (row.perimeterKind !== 'PROFESSIONAL' || !row.perimeterId) return perimeterTarget(store, directory, row.perimeterKind as PerimeterKind, row.perimeterId);
  return professionalTarget(row.perimeterId, (await store.establishmentsOf([row.perimeterId])).map((r) => r.id));
}

export type RoleService = ReturnType<typeof createRoleService>;
