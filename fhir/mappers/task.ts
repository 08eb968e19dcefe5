/**
 * Task/{request id}-{unit id}: the request's fulfilment by one unit asked (FHIR workflow
 * pattern: the ServiceRequest is the order, each Task one performer's part). `owner` is the
 * unit's HealthcareService, `status` its answer:
 *
 * | unit (AdmissionTargetStatus) | Task.status | statusReason |
 * |---|---|---|
 * | PENDING | requested | |
 * | PROPOSED | on-hold (waiting for the requester; `restriction.period.start` = proposed time) | |
 * | ACCEPTED | accepted | |
 * | REFUSED | rejected | refusal reason |
 * | WITHDRAWN | cancelled | another unit accepted, request cancelled or expired |
 * | COMPLETED | completed | |
 *
 * `businessStatus` keeps the hub's own code. Every Task of a request shares its version.
 */
import type { AdmissionRequestRecord, AdmissionTargetRecord, AdmissionTargetStatus } from '../admissions/queries.js';
import type { CodeableConcept, Task, TaskStatus } from '../types.js';
import { ADMISSION_SYSTEMS, PRIORITY, admissionMeta, requesterOf, taskId } from './admission-common.js';

export const TASK_STATUS: Readonly<Record<AdmissionTargetStatus, TaskStatus>> = {
  PENDING: 'requested',
  PROPOSED: 'on-hold',
  ACCEPTED: 'accepted',
  REFUSED: 'rejected',
  WITHDRAWN: 'cancelled',
  COMPLETED: 'completed',
};

const REFUSAL_DISPLAY = { NO_BED: 'No free bed', NOT_SUITED: 'The unit does not suit the patient', OTHER: 'Other reason' } as const;

function withdrawal(request: AdmissionRequestRecord): CodeableConcept {
  const [code, display] =
    request.status === 'CANCELLED' ? ['CANCELLED', 'The requester cancelled the request']
    : request.status === 'EXPIRED' ? ['EXPIRED', 'No acceptance before the expiry delay']
    : ['OTHER_UNIT_ACCEPTED', 'Another unit accepted first'];
  return { coding: [{ system: ADMISSION_SYSTEMS.withdrawal, code, display }] };
}

function statusReason(request: AdmissionRequestRecord, target: AdmissionTargetRecord): CodeableConcept | undefined {
  if (target.status === 'REFUSED' && target.refusalReason) {
    return { coding: [{ system: ADMISSION_SYSTEMS.refusalReason, code: target.refusalReason, display: REFUSAL_DISPLAY[target.refusalReason] }], ...(target.comment ? { text: target.comment } : {}) };
  }
  if (target.status === 'WITHDRAWN') return withdrawal(request);
  return undefined;
}

const iso = (value: string | null): string | undefined => (value ? new Date(value).toISOString() : undefined);

export function targetToTask(request: AdmissionRequestRecord, target: AdmissionTargetRecord): Task {
  const reason = statusReason(request, target);
  const end = iso(target.answeredAt) ?? (target.status === 'WITHDRAWN' ? iso(request.closedAt ?? request.updatedAt) : undefined);
  const proposed = target.status === 'PROPOSED' ? iso(target.proposedAt) : undefined;
  const held = iso(target.bedHeldUntil);
  return {
    resourceType: 'Task',
    id: taskId(request.id, target.unit.id),
    meta: admissionMeta(request),
    basedOn: [{ reference: `ServiceRequest/${request.id}` }],
    status: TASK_STATUS[target.status],
    ...(reason ? { statusReason: reason } : {}),
    businessStatus: { coding: [{ system: ADMISSION_SYSTEMS.targetStatus, code: target.status }] },
    intent: 'order',
    priority: PRIORITY[request.urgency],
    focus: { reference: `ServiceRequest/${request.id}` },
    executionPeriod: { start: new Date(request.createdAt).toISOString(), ...(end ? { end } : {}) },
    authoredOn: new Date(request.createdAt).toISOString(),
    lastModified: new Date(request.updatedAt).toISOString(),
    requester: requesterOf(request),
    owner: { reference: `HealthcareService/${target.unit.id}` },
    location: { reference: `Location/${target.unit.id}` },
    ...(target.comment && target.status !== 'REFUSED' ? { note: [{ text: target.comment, ...(target.answeredBy ? { authorString: target.answeredBy } : {}) }] } : {}),
    ...(proposed ? { restriction: { period: { start: proposed } } } : {}),
    ...(held ? { output: [{ type: { coding: [{ system: ADMISSION_SYSTEMS.output, code: 'bed-held-until', display: 'A bed is held for the patient until' }] }, valueDateTime: held }] } : {}),
  };
}

export const requestToTasks = (request: AdmissionRequestRecord): Task[] => request.targets.map((t) => targetToTask(request, t));
