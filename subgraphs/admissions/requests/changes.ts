/**
 * The change-feed events of requests (topic `admission`), one per transition, appended in the
 * transition's transaction. The payload carries who may see the request (its requester and its
 * units), so a subscription filters without reading the tables, and never the patient's data.
 */
import { appendChanges } from '../../../platform/changes/append.js';
import type { ChangeEvent } from '../../../platform/changes/feed.js';
import type { Orm } from '../../../platform/db/client.js';
import type { RequestRow, RequestTargetRow } from '../tables.js';
import type { Parties } from './access.js';

export const ADMISSION_TOPIC = 'admission';

export interface AdmissionEventPayload extends Parties {
  requestId: string;
  action: string;
  unitId: string | null;
  version: number;
  status: string;
  at: string;
}

export function appendAdmissionChange(t: Orm, row: RequestRow, targets: readonly RequestTargetRow[], action: string, actor: string, at: Date, unitId: string | null = null) {
  const payload: AdmissionEventPayload = {
    requestId: row.id,
    action,
    unitId,
    version: row.version,
    status: row.status,
    at: at.toISOString(),
    requesterKind: row.requesterKind,
    requesterSubject: row.requesterSubject,
    targets: targets.map((x) => ({ unitId: x.unitId, establishmentId: x.establishmentId, organizationId: x.organizationId })),
  };
  return appendChanges(t, [{ topic: ADMISSION_TOPIC, recordType: 'ADMISSION_REQUEST', recordId: row.id, action, actor, payload: payload as unknown as Record<string, unknown> }]);
}

export const payloadOf = (event: ChangeEvent) => event.payload as unknown as AdmissionEventPayload;
