/**
 * A request as the API shows it: the row with its patient data decrypted (only callers who passed
 * the visibility rules get a view), federation references for units and establishments, and its
 * targets and history loaded lazily (graphql-js calls function-valued properties as resolvers).
 */
import type { DataCipher } from '../crypto.js';
import type { RequestEventRow, RequestRow, RequestTargetRow } from '../tables.js';

export interface TargetView {
  unit: { id: string };
  establishment: { id: string };
  status: string;
  answer: string | null;
  refusalReason: string | null;
  comment: string | null;
  proposedAt: Date | null;
  bedHeldUntil: Date | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface RequestView {
  id: string;
  status: string;
  version: number;
  patientAge: number;
  patientSex: string;
  discipline: string | null;
  activityCode: string | null;
  urgency: string;
  wishedAt: Date | null;
  clinicalSummary: string;
  patientName: string | null;
  callbackContact: string;
  requester: { name: string; kind: string; professionalId: string | null; onBehalfOf: string | null };
  acceptedUnit: { id: string } | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  targets: () => Promise<TargetView[]>;
  history: () => Promise<Array<Pick<RequestEventRow, 'at' | 'actor' | 'action' | 'unitId' | 'address'>>>;
}

export function targetView(t: RequestTargetRow): TargetView {
  return {
    unit: { id: t.unitId },
    establishment: { id: t.establishmentId },
    status: t.status,
    answer: t.answer,
    refusalReason: t.refusalReason,
    comment: t.comment,
    proposedAt: t.proposedAt,
    bedHeldUntil: t.bedHeldUntil,
    answeredBy: t.answeredBy,
    answeredAt: t.answeredAt,
  };
}

export function requestView(
  row: RequestRow,
  cipher: DataCipher,
  load: { targets: (id: string) => Promise<RequestTargetRow[]>; history: (id: string) => Promise<RequestEventRow[]> },
): RequestView {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    patientAge: row.patientAge,
    patientSex: row.patientSex,
    discipline: row.discipline,
    activityCode: row.activityCode,
    urgency: row.urgency,
    wishedAt: row.wishedAt,
    clinicalSummary: cipher.decrypt(row.clinicalSummaryEnc),
    patientName: row.patientNameEnc === null ? null : cipher.decrypt(row.patientNameEnc),
    callbackContact: row.callbackContact,
    requester: { name: row.requesterName, kind: row.requesterKind, professionalId: row.requesterProfessionalId, onBehalfOf: row.onBehalfOf },
    acceptedUnit: row.acceptedUnitId ? { id: row.acceptedUnitId } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
    closedAt: row.closedAt,
    targets: async () => (await load.targets(row.id)).map(targetView),
    history: () => load.history(row.id),
  };
}
