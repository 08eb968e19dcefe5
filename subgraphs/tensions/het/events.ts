/**
 * The change-feed event of a manual alert: topic `tension` (the crisis cell's mailer and live
 * readers follow it), record `HET_ALERT` + alert id, actions CREATE, ACKNOWLEDGE, CLOSE. The
 * payload is the alert as the change left it, so followers need no read.
 */
import type { NewChange } from '../../../platform/changes/tables.js';
import type { AlertRow } from './tables.js';

export const ALERT_RECORD = 'HET_ALERT';
export type AlertAction = 'CREATE' | 'ACKNOWLEDGE' | 'CLOSE';

export interface AlertEventPayload {
  establishmentId: string;
  unitId: string | null;
  disciplineGroupCode: string;
  reason: string;
  message: string;
  status: string;
  outcome: string | null;
  tensionId: string | null;
  version: number;
}

export function alertChange(action: AlertAction, actor: string, row: AlertRow): NewChange {
  const payload: AlertEventPayload = {
    establishmentId: row.establishmentId,
    unitId: row.unitId,
    disciplineGroupCode: row.disciplineGroupCode,
    reason: row.reason,
    message: row.message,
    status: row.status,
    outcome: row.outcome,
    tensionId: row.tensionId,
    version: row.version,
  };
  return { topic: 'tension', recordType: ALERT_RECORD, recordId: row.id, action, payload: payload as unknown as Record<string, unknown>, actor };
}
