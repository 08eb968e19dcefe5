/** French labels and rights of the HET follow-up views (schemas/tensions.het.graphql). */
import type { HetAlertOutcome } from '../../../gql/graphql';
import { grantsOf, type Me } from '../../../rights';
import { coversEstablishment } from '../shared';

export const ALERT_OUTCOMES: Record<HetAlertOutcome, string> = {
  DECLARED: 'Une déclaration de tension a suivi',
  RESOLVED: 'Situation rétablie',
  UNFOUNDED: 'Alerte sans suite',
};

export const ALERT_ACTIONS: Record<string, string> = { CREATE: 'nouvelle alerte', ACKNOWLEDGE: 'prise en compte', CLOSE: 'clôture' };

/** The ARS's record of HET episodes (docs/het-follow-up.md § Rights): transversal grants only. */
export const PROCEDURE_RIGHTS = ['ORU_HET_PROCEDURE_SHOW', 'ORU_HET_PROCEDURE_EDIT'] as const;

export const mayRaiseAlerts = (me: Me): boolean => grantsOf(me, 'ORU_ALERTE_NEW').length > 0;

type Place = { id: string; organization: { id: string } };

/** Buttons only where the API would accept (it decides in the end). */
export const mayAcknowledge = (me: Me, e: Place): boolean => ['ORU_ALERTE', 'ORU_ALERTE_NEW'].some((r) => coversEstablishment(me, r, e));
export const mayCloseAlert = (me: Me, e: Place): boolean => ['OruTension_alerte_cloture', 'ORU_ALERTE_NEW'].some((r) => coversEstablishment(me, r, e));

export const readsProcedures = (me: Me): boolean => PROCEDURE_RIGHTS.some((r) => grantsOf(me, r).some((g) => g.perimeterKind === 'TRANSVERSAL'));
export const editsProcedures = (me: Me): boolean => grantsOf(me, 'ORU_HET_PROCEDURE_EDIT').some((g) => g.perimeterKind === 'TRANSVERSAL');
