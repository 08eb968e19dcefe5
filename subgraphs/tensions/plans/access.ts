/**
 * Who may do what with solidarity establishments, notification settings and Plan blanc / Plan bleu
 * forms (docs/tension-plans.md § Rights), from rights.md. Deny by default; grants carry their
 * reach, so every decision is made on the establishment id alone.
 */
import { hasRight, requireRight } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { HubError } from '../../../platform/errors.js';

export type PlanKind = 'BLANC' | 'BLEU';

/**
 * Solidarity establishments and the establishment's own notification address are part of how it
 * declares tensions: its declarants (who rely on its neighbours) or its referent (who keeps the
 * establishment's record) set them. rights.md has no right of its own for them: our choice.
 */
export const TENSION_SETUP: RightCode[] = ['OruTension_tension_creation', 'ORU_ROR_ETABLISSEMENT_EDIT'];

interface PlanRights {
  read: RightCode[];
  /** Writing the first version. */
  create: RightCode[];
  /** Writing a new version of an existing plan. */
  edit: RightCode[];
}

/**
 * Plan blanc: no "new" right exists, its editor writes the first version. Plan bleu: NEW creates,
 * EDIT changes. Who edits a plan reads it (the Plan blanc referent edits the Plan bleu of its
 * establishment without the transversal/structure SHOW right).
 */
export const PLAN_RIGHTS: Record<PlanKind, PlanRights> = {
  BLANC: { read: ['ORU_PLAN_BLANC_SHOW', 'ORU_PLAN_BLANC_EDIT'], create: ['ORU_PLAN_BLANC_EDIT'], edit: ['ORU_PLAN_BLANC_EDIT'] },
  BLEU: { read: ['ORU_PLAN_BLEU_SHOW', 'ORU_PLAN_BLEU_EDIT', 'ORU_PLAN_BLEU_NEW'], create: ['ORU_PLAN_BLEU_NEW'], edit: ['ORU_PLAN_BLEU_EDIT'] },
};

const establishment = (id: string) => ({ kind: 'ESTABLISHMENT' as const, id });

/** Applications never read nor write these forms: no scope covers them (FORBIDDEN naming the rights). */
export function requireOnEstablishment(identity: Identity, rights: readonly RightCode[], establishmentId: string): void {
  if (identity.kind === 'client') {
    throw new HubError('FORBIDDEN', `Applications may not do this: it needs ${rights.join(' or ')} on establishment ${establishmentId}.`, {
      rights: [...rights],
      perimeter: establishment(establishmentId),
    });
  }
  requireRight(identity, rights, establishment(establishmentId));
}

export function mayOnEstablishment(identity: Identity, rights: readonly RightCode[], establishmentId: string): boolean {
  return rights.some((r) => hasRight(identity, r, establishment(establishmentId)));
}

