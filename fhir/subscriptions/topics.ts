/**
 * The subscription topics: one registry that validation (which topic, which filter), the event
 * fan-out (which focus a change has, whether the owner may see it, what the filters compare) and
 * the CapabilityStatement all read, so none of them can accept what the others do not know.
 *
 * Canonical URLs live under https://ror-hub.fr/fhir/SubscriptionTopic/ (not resolvable: R4 has
 * no SubscriptionTopic resource, the URL only names the topic; docs/fhir-subscriptions.md).
 */
import type { Scope } from '../../platform/auth/identity.js';
import { taskId } from '../mappers/admission-common.js';
import { reportTaskId } from '../mappers/report-task.js';
import type { InboxRow } from './tables.js';

export type FocusType = 'Location' | 'HealthcareService' | 'Organization' | 'Task';

export interface Focus {
  type: FocusType;
  id: string;
}

/** A filter parameter a topic declares for one focus type, and how its value is compared. */
export interface TopicFilter {
  resourceType: FocusType;
  name: string;
  description: string;
  /** `reference`: `Organization/X` and `X` are the same value. */
  kind: 'token' | 'reference';
}

/**
 * What a filter can be compared with, per parameter name, read through the gateway as the
 * subscription's owner when an event arrives (fanout.ts).
 */
export type FocusFacts = Readonly<Record<string, readonly string[]>>;

export interface Topic {
  canonical: string;
  title: string;
  description: string;
  /** The change-feed topic it follows. */
  feedTopic: 'capacity' | 'offer' | 'tension' | 'admission' | 'feedback';
  /** The scope an application needs to subscribe (users: events are checked one by one). */
  scope: Scope;
  focusTypes: readonly FocusType[];
  filters: readonly TopicFilter[];
  /**
   * The focus a change has for a subscription wanting `wanted` types; null: not an event of this
   * topic. A list when one change concerns several resources (an admission request's Tasks).
   */
  focusOf(change: Pick<InboxRow, 'recordType' | 'recordId' | 'payload'>, wanted: ReadonlySet<FocusType>): Focus | readonly Focus[] | null;
}

const TOPIC_BASE = 'https://ror-hub.fr/fhir/SubscriptionTopic';

const idFilter = (resourceType: FocusType): TopicFilter => ({ resourceType, name: '_id', kind: 'token', description: `the ${resourceType} id` });
const organizationFilter = (resourceType: FocusType): TopicFilter => ({
  resourceType,
  name: 'organization',
  kind: 'reference',
  description: 'the establishment (EG, Organization/<FINESS ET>) the unit belongs to',
});
const partOfFilter: TopicFilter = {
  resourceType: 'Organization',
  name: 'partof',
  kind: 'reference',
  description: 'the legal entity (EJ, Organization/<FINESS EJ>) of the establishment',
};

export const CAPACITY_TOPIC: Topic = {
  canonical: `${TOPIC_BASE}/location-capacity`,
  title: 'Bed capacity changes',
  description: "A unit's capacity was entered, fed or imported: the focus is the unit's Location, which carries the capacity records.",
  feedTopic: 'capacity',
  scope: 'capacity.read',
  focusTypes: ['Location'],
  filters: [
    idFilter('Location'),
    { resourceType: 'Location', name: 'identifier', kind: 'token', description: 'the Location identifier value (`<region>/<unit id>`)' },
    organizationFilter('Location'),
  ],
  focusOf: (change, wanted) => (change.recordType === 'UNIT_CAPACITY' && wanted.has('Location') ? { type: 'Location', id: change.recordId } : null),
};

export const OFFER_TOPIC: Topic = {
  canonical: `${TOPIC_BASE}/offer`,
  title: 'Offer changes',
  description:
    'A legal entity, establishment or unit was created, edited, archived, reactivated, transferred or imported from FINESS. ' +
    'Legal entities and establishments are Organization; a unit is its HealthcareService, or its Location when the filters ask only for Location.',
  feedTopic: 'offer',
  scope: 'offer.read',
  focusTypes: ['HealthcareService', 'Location', 'Organization'],
  filters: [
    idFilter('HealthcareService'),
    organizationFilter('HealthcareService'),
    idFilter('Location'),
    organizationFilter('Location'),
    idFilter('Organization'),
    partOfFilter,
  ],
  focusOf: (change, wanted) => {
    if (change.recordType === 'UNIT') {
      if (wanted.has('HealthcareService')) return { type: 'HealthcareService', id: change.recordId };
      if (wanted.has('Location')) return { type: 'Location', id: change.recordId };
      return null;
    }
    if ((change.recordType === 'ESTABLISHMENT' || change.recordType === 'ORGANIZATION') && wanted.has('Organization')) {
      return { type: 'Organization', id: change.recordId };
    }
    return null; // pôles are not served as FHIR resources
  },
};

export const TENSION_TOPIC: Topic = {
  canonical: `${TOPIC_BASE}/establishment-tension`,
  title: 'Hospital-in-tension declarations',
  description:
    "A HET declaration was made, changed (level, discipline group, actions) or closed: the focus is the establishment's Organization. " +
    'The declaration itself has no FHIR resource in the ROR IG, so notifications carry no additional context: read it through GraphQL.',
  feedTopic: 'tension',
  scope: 'tension.read',
  focusTypes: ['Organization'],
  filters: [idFilter('Organization'), partOfFilter],
  focusOf: (change, wanted) => {
    const establishmentId = change.payload.establishmentId;
    if (change.recordType !== 'TENSION' || typeof establishmentId !== 'string' || !wanted.has('Organization')) return null;
    return { type: 'Organization', id: establishmentId };
  },
};

/** A unit's own answer changes its Task only; every other transition (creation, acceptance with its withdrawals, cancellation, expiry, admission) may change them all. */
const ONE_UNIT_ACTIONS = new Set(['REFUSED', 'PROPOSED', 'HOLD_RELEASED']);

export const ADMISSION_TOPIC: Topic = {
  canonical: `${TOPIC_BASE}/admission-task-status`,
  title: 'Direct admission requests: Task status',
  description:
    'An admission request was sent, answered (accepted, refused, another time proposed), withdrawn, cancelled, expired or completed: ' +
    'the focus is the Task of each unit concerned (Task/<request id>-<unit id>). Only the request\'s parties hear of it: its requester and the answerers of its units.',
  feedTopic: 'admission',
  scope: 'admission.request',
  focusTypes: ['Task'],
  filters: [
    { resourceType: 'Task', name: '_id', kind: 'token', description: 'the Task id (`<request id>-<unit id>`)' },
    { resourceType: 'Task', name: 'owner', kind: 'reference', description: 'the unit asked (HealthcareService/<unit id>) or its establishment (Organization/<FINESS ET>)' },
    { resourceType: 'Task', name: 'requester', kind: 'reference', description: 'who asked (Practitioner/<professional id>, or the requester\'s name)' },
    { resourceType: 'Task', name: 'status', kind: 'token', description: 'the Task status after the change (requested, on-hold, accepted, rejected, cancelled, completed)' },
    { resourceType: 'Task', name: 'focus', kind: 'reference', description: 'the request (ServiceRequest/<request id>)' },
  ],
  focusOf: (change, wanted) => {
    const { requestId, unitId, action, targets } = change.payload as { requestId?: unknown; unitId?: unknown; action?: unknown; targets?: unknown };
    if (change.recordType !== 'ADMISSION_REQUEST' || typeof requestId !== 'string' || !wanted.has('Task')) return null;
    const units = typeof unitId === 'string' && ONE_UNIT_ACTIONS.has(String(action))
      ? [unitId]
      : (Array.isArray(targets) ? targets : []).map((t: { unitId?: unknown }) => t.unitId).filter((u): u is string => typeof u === 'string');
    return units.map((u) => ({ type: 'Task' as const, id: taskId(requestId, u) }));
  },
};

export const REPORT_TASK_TOPIC: Topic = {
  canonical: `${TOPIC_BASE}/report-task-status`,
  title: 'Error reports (ror-task): Task status',
  description:
    'An error report was sent, answered by the regional team (completed or rejected, with its outputs) or closed: the focus is its ' +
    'Task (Task/report-<n>). Only those who may read the report hear of it: its sender and the regional team.',
  feedTopic: 'feedback',
  scope: 'offer.report',
  focusTypes: ['Task'],
  filters: [
    { resourceType: 'Task', name: '_id', kind: 'token', description: 'the Task id (`report-<n>`)' },
    { resourceType: 'Task', name: 'status', kind: 'token', description: 'the Task status after the change (requested, completed, rejected)' },
    { resourceType: 'Task', name: 'focus', kind: 'reference', description: 'the record reported on (Organization/<FINESS>, HealthcareService/<unit id>, Location/<unit id>)' },
  ],
  focusOf: (change, wanted) => (change.recordType === 'ERROR_REPORT' && wanted.has('Task') ? { type: 'Task', id: reportTaskId(change.recordId) } : null),
};

export const TOPICS: readonly Topic[] = [CAPACITY_TOPIC, OFFER_TOPIC, TENSION_TOPIC, ADMISSION_TOPIC, REPORT_TASK_TOPIC];

export function findTopic(canonical: string): Topic | undefined {
  return TOPICS.find((t) => t.canonical === canonical);
}

/** Change-feed topics any subscription topic follows (what the durable consumer copies). */
export const FEED_TOPICS: readonly string[] = [...new Set(TOPICS.map((t) => t.feedTopic))];
