/**
 * ServiceRequest/{request id}: the direct admission request (docs/admissions.md § FHIR). The
 * patient has no resource of their own: a contained Patient carries sex and age (the extension
 * patient-age), and the name only when one was given. Only the request's two parties ever get
 * this resource (GraphQL shows a request to nobody else), so the clinical summary (`note`) and
 * the name are theirs to read.
 */
import type { AdmissionRequestRecord, AdmissionRequestStatus } from '../admissions/queries.js';
import type { Patient, ServiceRequest } from '../types.js';
import { ADMISSION_EXTENSIONS, ADMISSION_SYSTEMS, PRIORITY, UCUM, admissionMeta, neededCode, requesterOf } from './admission-common.js';

/** Pending and accepted requests are in progress; closed without admission is revoked. */
export const SERVICE_REQUEST_STATUS: Readonly<Record<AdmissionRequestStatus, ServiceRequest['status']>> = {
  PENDING: 'active',
  ACCEPTED: 'active',
  COMPLETED: 'completed',
  REFUSED: 'revoked',
  CANCELLED: 'revoked',
  EXPIRED: 'revoked',
};

export const PATIENT_REF = '#patient';

export function patientOf(request: AdmissionRequestRecord): Patient {
  return {
    resourceType: 'Patient',
    id: 'patient',
    extension: [{ url: ADMISSION_EXTENSIONS.patientAge, valueAge: { value: request.patientAge, unit: 'a', system: UCUM, code: 'a' } }],
    ...(request.patientName ? { name: [{ use: 'official' as const, family: request.patientName }] } : {}),
    gender: request.patientSex === 'FEMALE' ? 'female' : 'male',
  };
}

export function requestToServiceRequest(request: AdmissionRequestRecord): ServiceRequest {
  const code = neededCode(request);
  return {
    resourceType: 'ServiceRequest',
    id: request.id,
    meta: {
      ...admissionMeta(request),
      // The hub's own status, finer than ServiceRequest.status (revoked: refused, cancelled or expired).
      tag: [{ system: ADMISSION_SYSTEMS.requestStatus, code: request.status }],
    },
    contained: [patientOf(request)],
    extension: [
      { url: ADMISSION_EXTENSIONS.callbackContact, valueString: request.callbackContact },
      { url: ADMISSION_EXTENSIONS.expiresAt, valueDateTime: new Date(request.expiresAt).toISOString() },
    ],
    status: SERVICE_REQUEST_STATUS[request.status],
    intent: 'order',
    priority: PRIORITY[request.urgency],
    ...(Object.keys(code).length ? { code } : {}),
    subject: { reference: PATIENT_REF },
    ...(request.wishedAt ? { occurrenceDateTime: new Date(request.wishedAt).toISOString() } : {}),
    authoredOn: new Date(request.createdAt).toISOString(),
    requester: requesterOf(request),
    performer: request.targets.map((t) => ({ reference: `HealthcareService/${t.unit.id}` })),
    note: [{ text: request.clinicalSummary }],
  };
}
