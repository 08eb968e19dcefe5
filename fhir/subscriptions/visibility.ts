/**
 * Whether a subscription's owner may see an event's focus right now, and the facts its filters
 * compare: one GraphQL read through the gateway's executor as the stored principal, so the same
 * rules as every other read decide (a directory application never hears of a sensitive unit, nor
 * of a capacity it may not read).
 */
import type { GraphQLExecutor, Principal } from '../../platform/executor.js';
import { getStatus, OperationOutcomeError } from '../outcomes.js';
import { fetchRecord } from '../records.js';
import type { Focus, FocusFacts, Topic } from './topics.js';
import { ADMISSION_REQUEST_FIELDS, type AdmissionRequestRecord } from '../admissions/queries.js';
import { parseTaskId, requesterKeys } from '../mappers/admission-common.js';
import { targetToTask } from '../mappers/task.js';
import { ERROR_REPORT_FIELDS, type ErrorReportRecord } from '../error-reports/queries.js';
import { parseReportTaskId, reportToTask } from '../mappers/report-task.js';

export const VISIBILITY_QUERIES = {
  FhirSubscriptionUnitCapacity: /* GraphQL */ `
    query FhirSubscriptionUnitCapacity($id: ID!) {
      unit(id: $id) { id establishment { id organization { id } address { regionCode } } capacity { version } }
    }
  `,
  FhirSubscriptionUnit: /* GraphQL */ `
    query FhirSubscriptionUnit($id: ID!) {
      unit(id: $id) { id establishment { id organization { id } address { regionCode } } }
    }
  `,
  FhirSubscriptionEstablishment: /* GraphQL */ `
    query FhirSubscriptionEstablishment($id: ID!) { establishment(id: $id) { id organization { id } } }
  `,
  FhirSubscriptionOrganization: /* GraphQL */ `
    query FhirSubscriptionOrganization($id: ID!) { organization(id: $id) { id } }
  `,
  FhirSubscriptionTension: /* GraphQL */ `
    query FhirSubscriptionTension($id: ID!) { tension(id: $id) { id establishment { id organization { id } } } }
  `,
  FhirSubscriptionAdmission: /* GraphQL */ `
    query FhirSubscriptionAdmission($id: ID!) { admissionRequest(id: $id) { ...FhirAdmissionRequestFields } }
    ${ADMISSION_REQUEST_FIELDS}
  `,
  FhirSubscriptionErrorReport: /* GraphQL */ `
    query FhirSubscriptionErrorReport($id: ID!) { errorReport(id: $id) { ...FhirErrorReportFields } }
    ${ERROR_REPORT_FIELDS}
  `,
} as const;

/** A ror-task's facts, read as the subscriber: null unless they may read the report (its sender, the regional team). */
async function reportTaskFacts(ctx: Parameters<typeof fetchRecord>[0], focus: Focus): Promise<Visibility> {
  const reportId = parseReportTaskId(focus.id);
  const record = reportId ? await fetchRecord<{ errorReport: ErrorReportRecord | null }, 'errorReport'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionErrorReport, 'errorReport', reportId) : null;
  const task = record ? reportToTask(record) : null;
  if (!task) return null;
  return { _id: [task.id!], status: [task.status], focus: [task.focus!.reference!.split('/')[1]!] };
}

/**
 * A Task's facts, read as the subscriber: null when the request is not theirs to see (the
 * admissions subgraph shows it to its requester and its units' answerers only) or the unit is
 * not one it was sent to.
 */
async function taskFacts(ctx: Parameters<typeof fetchRecord>[0], focus: Focus): Promise<Visibility> {
  const ids = parseTaskId(focus.id);
  if (!ids) return null;
  const request = await fetchRecord<{ admissionRequest: AdmissionRequestRecord | null }, 'admissionRequest'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionAdmission, 'admissionRequest', ids.requestId);
  const target = request?.targets.find((t) => t.unit.id === ids.unitId);
  if (!request || !target) return null;
  return {
    _id: [focus.id],
    owner: [target.unit.id, target.establishment.id],
    requester: requesterKeys(request).map((k) => k.replace(/^[A-Za-z]+\//, '')),
    status: [targetToTask(request, target).status],
    focus: [request.id],
  };
}

interface UnitRecord {
  id: string;
  establishment: { id: string; organization: { id: string }; address: { regionCode: string } };
  capacity?: { version: number } | null;
}

/** The event being checked: its focus and the change's own record (a TENSION's declaration id). */
export interface VisibilityQuestion {
  topic: Topic;
  focus: Focus;
  recordType: string;
  recordId: string;
}

/** Facts, or null when the owner may not see the focus (or it no longer exists). */
export type Visibility = FocusFacts | null;

const unitFacts = (unit: UnitRecord): FocusFacts => ({
  _id: [unit.id],
  identifier: [`${unit.establishment.address.regionCode}/${unit.id}`],
  organization: [unit.establishment.id],
});

/**
 * Asks the gateway as `principal`. Refusals (401: the application was disabled; 403; 404) mean
 * "not visible"; any other failure is thrown, so the fan-out retries the event instead of
 * dropping it.
 */
export async function checkVisibility(execute: GraphQLExecutor, principal: Principal, question: VisibilityQuestion): Promise<Visibility> {
  const ctx = { execute, caller: { principal } };
  try {
    const { topic, focus } = question;
    if (topic.feedTopic === 'admission') return await taskFacts(ctx, focus);
    if (topic.feedTopic === 'feedback') return await reportTaskFacts(ctx, focus);
    if (topic.feedTopic === 'capacity') {
      const unit = await fetchRecord<{ unit: UnitRecord | null }, 'unit'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionUnitCapacity, 'unit', focus.id, [['unit', 'capacity']]);
      return unit?.capacity ? unitFacts(unit) : null;
    }
    if (topic.feedTopic === 'tension') {
      type Data = { tension: { id: string; establishment: { id: string; organization: { id: string } } } | null };
      const tension = await fetchRecord<Data, 'tension'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionTension, 'tension', question.recordId);
      return tension ? { _id: [tension.establishment.id], partof: [tension.establishment.organization.id] } : null;
    }
    if (focus.type !== 'Organization') {
      const unit = await fetchRecord<{ unit: UnitRecord | null }, 'unit'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionUnit, 'unit', focus.id);
      return unit ? unitFacts(unit) : null;
    }
    if (question.recordType === 'ESTABLISHMENT') {
      type Data = { establishment: { id: string; organization: { id: string } } | null };
      const establishment = await fetchRecord<Data, 'establishment'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionEstablishment, 'establishment', focus.id);
      return establishment ? { _id: [establishment.id], partof: [establishment.organization.id] } : null;
    }
    const organization = await fetchRecord<{ organization: { id: string } | null }, 'organization'>(ctx, VISIBILITY_QUERIES.FhirSubscriptionOrganization, 'organization', focus.id);
    return organization ? { _id: [organization.id], partof: [] } : null;
  } catch (error) {
    if (error instanceof OperationOutcomeError && [401, 403, 404].includes(getStatus(error.outcome))) return null;
    throw error;
  }
}
