/**
 * The Subscriptions R5 Backport IG (hl7.fhir.uv.subscriptions-backport 1.1.0) on R4: canonical
 * URLs of its profiles, extensions, operations and server CapabilityStatement, and the R4 shapes
 * this feature reads and writes (Subscription, Parameters, Bundle).
 */
import type { Extension, Meta, Reference } from '../types.js';

const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport';

export const BACKPORT_URLS = {
  subscriptionProfile: `${BACKPORT}/StructureDefinition/backport-subscription`,
  statusProfile: `${BACKPORT}/StructureDefinition/backport-subscription-status-r4`,
  filterCriteria: `${BACKPORT}/StructureDefinition/backport-filter-criteria`,
  heartbeatPeriod: `${BACKPORT}/StructureDefinition/backport-heartbeat-period`,
  timeout: `${BACKPORT}/StructureDefinition/backport-timeout`,
  maxCount: `${BACKPORT}/StructureDefinition/backport-max-count`,
  payloadContent: `${BACKPORT}/StructureDefinition/backport-payload-content`,
  topicCanonical: `${BACKPORT}/StructureDefinition/capabilitystatement-subscriptiontopic-canonical`,
  serverCapability: `${BACKPORT}/CapabilityStatement/backport-subscription-server-r4`,
  statusOperation: `${BACKPORT}/OperationDefinition/backport-subscription-status`,
  eventsOperation: `${BACKPORT}/OperationDefinition/backport-subscription-events`,
  bindingTokenOperation: `${BACKPORT}/OperationDefinition/backport-subscription-get-ws-binding-token`,
} as const;

export type PayloadContent = 'empty' | 'id-only' | 'full-resource';
export type ChannelType = 'rest-hook' | 'websocket';
export type SubscriptionStatus = 'requested' | 'active' | 'error' | 'off';
export type NotificationType = 'handshake' | 'heartbeat' | 'event-notification' | 'query-status' | 'query-event';

/** An extension carrying one of the value types this feature uses (wider than fhir/types.ts's Extension). */
export type BackportExtension = Extension & { valueUnsignedInt?: number; valuePositiveInt?: number; valueCanonical?: string };

/** A primitive's sibling element (`_criteria`, `_payload`): extensions on the value. */
export interface PrimitiveElement {
  extension?: BackportExtension[];
}

export interface Subscription {
  resourceType: 'Subscription';
  id?: string;
  meta?: Meta;
  status: SubscriptionStatus;
  end?: string;
  reason: string;
  criteria: string;
  _criteria?: PrimitiveElement;
  error?: string;
  channel: {
    extension?: BackportExtension[];
    type: string;
    endpoint?: string;
    payload?: string;
    _payload?: PrimitiveElement;
    header?: string[];
  };
}

export interface ParametersParameter {
  name: string;
  valueString?: string;
  valueCode?: string;
  valueCanonical?: string;
  valueInstant?: string;
  valueUrl?: string;
  valueReference?: Reference;
  valueCodeableConcept?: { text?: string };
  part?: ParametersParameter[];
}

export interface Parameters {
  resourceType: 'Parameters';
  id?: string;
  meta?: Meta;
  parameter: ParametersParameter[];
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: Record<string, unknown>;
  search?: { mode: 'match' | 'include' | 'outcome' };
  request?: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string };
  response?: { status: string };
}

export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  meta?: Meta;
  type: 'history' | 'searchset';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry: BundleEntry[];
}
