/**
 * What the Tensions sub-views share: French labels of the declarations' enums, who may write a
 * declaration (to hide buttons the API would refuse; it decides in the end), field states.
 */
import type { ConsoleTensionFragment, CrisisPlanKind, MailDeliveryStatus, TensionTimelineKind } from '../../gql/graphql';
import { grantsOf, type Me } from '../../rights';

export type Tension = ConsoleTensionFragment;

export const TIMELINE_KINDS: Record<TensionTimelineKind, string> = {
  DECLARED: 'Déclaration',
  LEVEL_CHANGED: 'Changement de niveau',
  DISCIPLINE_GROUP_CHANGED: 'Changement de groupe de disciplines',
  ACTION_ADDED: 'Action',
  CLOSED: 'Levée de la tension',
};

/** The feed's action names (TensionChange.action), as a sentence fragment. */
export const CHANGE_ACTIONS: Record<string, string> = {
  DECLARE: 'déclaration',
  UPDATE: 'modification',
  ADD_ACTIONS: 'actions ajoutées',
  CLOSE: 'levée',
};

export const MAIL_STATUSES: Record<MailDeliveryStatus, string> = { PENDING: 'En attente d’envoi', SENT: 'Envoyé', FAILED: 'Échec' };

export const PLAN_KINDS: Record<CrisisPlanKind, string> = { BLANC: 'Plan blanc', BLEU: 'Plan bleu' };

/** Badge colour of a level by rank: watch, tension, then plan blanc. */
export function levelSeverity(rank: number): 'info' | 'warning' | 'error' | 'new' {
  if (rank === 0) return 'info';
  if (rank <= 1) return 'new';
  if (rank <= 3) return 'warning';
  return 'error';
}

/** Whether one of the user's grants of `right` covers the establishment (or is transversal). */
export function coversEstablishment(me: Me, right: string, establishment: { id: string; organization: { id: string } }): boolean {
  return grantsOf(me, right).some(
    (grant) =>
      grant.perimeterKind === 'TRANSVERSAL' ||
      (grant.perimeterKind === 'ESTABLISHMENT' && grant.perimeterId === establishment.id) ||
      (grant.perimeterKind === 'ORGANIZATION' && grant.perimeterId === establishment.organization.id),
  );
}

export function mayDeclare(me: Me): boolean {
  return grantsOf(me, 'OruTension_tension_creation').length > 0;
}

export function mayUpdate(me: Me, tension: Tension): boolean {
  return tension.status === 'IN_PROGRESS' && coversEstablishment(me, 'OruTension_tension_creation', tension.establishment);
}

export function mayClose(me: Me, tension: Tension): boolean {
  return tension.status === 'IN_PROGRESS' && (mayUpdate(me, tension) || coversEstablishment(me, 'OruTension_alerte_cloture', tension.establishment));
}

/** Who made a change: the author of its first timeline entry (the feed's actor). */
export function authorOf(entries: ReadonlyArray<{ author: string }>): string {
  return entries[0]?.author ?? 'inconnu';
}
