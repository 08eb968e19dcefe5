/**
 * What ServiceRequest and Task share: ids, version, priority, requester and the hub's own code
 * systems for what no national one names (the request's and each unit's status, refusal reasons).
 * Canonicals live under https://ror-hub.fr/fhir/ like the subscription topics: they name, they
 * do not resolve (docs/admissions.md § FHIR).
 */
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../codes.js';
import type { AdmissionRequestRecord, AdmissionUrgency } from '../admissions/queries.js';
import type { Device, Meta, Practitioner, Reference, RequestPriority } from '../types.js';

const HUB = 'https://ror-hub.fr/fhir';

export const ADMISSION_SYSTEMS = {
  requestStatus: `${HUB}/CodeSystem/admission-request-status`,
  targetStatus: `${HUB}/CodeSystem/admission-target-status`,
  refusalReason: `${HUB}/CodeSystem/admission-refusal-reason`,
  withdrawal: `${HUB}/CodeSystem/admission-withdrawal`,
  output: `${HUB}/CodeSystem/admission-output`,
} as const;

export const ADMISSION_EXTENSIONS = {
  /** The patient's age in years (valueAge, UCUM `a`): the request carries no birth date. */
  patientAge: `${HUB}/StructureDefinition/patient-age`,
  /** How the receiving unit calls the requester back (valueString). */
  callbackContact: `${HUB}/StructureDefinition/admission-callback-contact`,
  /** Until when the request waits for an acceptance (valueDateTime). */
  expiresAt: `${HUB}/StructureDefinition/admission-expires-at`,
} as const;

export const UCUM = 'http://unitsofmeasure.org';

/** Urgency → request priority: now → stat, within the day → asap, 48 h → urgent, at the wished date → routine. */
export const PRIORITY: Readonly<Record<AdmissionUrgency, RequestPriority>> = {
  IMMEDIATE: 'stat',
  SAME_DAY: 'asap',
  WITHIN_48H: 'urgent',
  SCHEDULED: 'routine',
};

/** A request id is a UUID: a Task id is `<request id>-<unit id>`, split at the UUID's end. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const taskId = (requestId: string, unitId: string): string => `${requestId}-${unitId}`;

export function parseTaskId(id: string): { requestId: string; unitId: string } | null {
  const requestId = id.slice(0, 36);
  const unitId = id.slice(37);
  return UUID.test(requestId) && id[36] === '-' && unitId.length > 0 ? { requestId, unitId } : null;
}

export const isRequestId = (id: string): boolean => UUID.test(id);

/**
 * versionId is the request's version (every transition increments it, for every unit's Task
 * too): `If-Match: W/"<version>"` is the `expectedVersion` of the GraphQL answer or cancel.
 */
export const admissionMeta = (request: AdmissionRequestRecord): Meta => ({
  versionId: String(request.version),
  lastUpdated: new Date(request.updatedAt).toISOString(),
});

/**
 * Who asked: a signed-in professional is their Practitioner; an application acting for one
 * names that professional by idNat_PS (`8` + RPPS, a logical reference); otherwise the name only
 * (an application is a Device, a user without professional record has no resource).
 */
export function requesterOf(request: AdmissionRequestRecord): Reference<Practitioner | Device> {
  const { name, kind, professionalId, onBehalfOf } = request.requester;
  if (professionalId) return { reference: `Practitioner/${professionalId}`, display: name };
  if (onBehalfOf) return { type: 'Practitioner', identifier: { system: IDENTIFIER_SYSTEMS.idNatPs, value: `8${onBehalfOf}` }, display: `${name} (RPPS ${onBehalfOf})` };
  return kind === 'APPLICATION' ? { type: 'Device', display: name } : { display: name };
}

/** The requester as search and subscription filters compare it: reference, RPPS identifier, name. */
export function requesterKeys(request: AdmissionRequestRecord): string[] {
  const { name, professionalId, onBehalfOf } = request.requester;
  return [professionalId ? `Practitioner/${professionalId}` : null, professionalId, onBehalfOf ? `8${onBehalfOf}` : null, name].filter((v): v is string => v !== null);
}

/** The operational activity asked (TRE_R211), and the discipline as text. */
export function neededCode(request: AdmissionRequestRecord) {
  return {
    ...(request.activityCode ? { coding: [{ system: CODE_SYSTEMS.activiteOperationnelle, code: request.activityCode }] } : {}),
    ...(request.discipline ? { text: request.discipline } : {}),
  };
}
