/**
 * The FHIR R4 data model, from @medplum/fhirtypes (issue 19: the R4 types, complete and
 * maintained, instead of a hand-written slice), with the few narrower names this adapter uses.
 */
import type {
  Bundle as R4Bundle,
  BundleEntry as R4BundleEntry,
  CapabilityStatementRestResource,
  HealthcareService,
  Location,
  OperationOutcome,
  OperationOutcomeIssue,
  Organization,
  Practitioner,
  PractitionerRole,
  ServiceRequest,
  Task,
  CapabilityStatement,
} from '@medplum/fhirtypes';

export type {
  Address,
  Annotation,
  BundleLink,
  CapabilityStatement,
  CapabilityStatementRestResourceSearchParam as CapabilitySearchParam,
  CodeableConcept,
  Coding,
  ContactPoint,
  Device,
  Extension,
  HealthcareService,
  HealthcareServiceAvailableTime as AvailableTime,
  HumanName,
  Identifier,
  Location,
  Meta,
  OperationOutcome,
  OperationOutcomeIssue,
  Organization,
  OrganizationContact,
  Patient,
  Period,
  Practitioner,
  PractitionerRole,
  Quantity,
  Range,
  Reference,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';

export type CapabilityStatementResource = CapabilityStatementRestResource;
export type DayOfWeekCode = NonNullable<NonNullable<HealthcareService['availableTime']>[number]['daysOfWeek']>[number];
export type RequestPriority = NonNullable<ServiceRequest['priority']>;
export type TaskStatus = Task['status'];
export type IssueSeverity = OperationOutcomeIssue['severity'];
export type IssueType = OperationOutcomeIssue['code'];
/** R4 interaction codes on a resource type (CapabilityStatement.rest.resource.interaction.code). */
export type TypeInteraction = NonNullable<CapabilityStatementRestResource['interaction']>[number]['code'];

/** The ROR resources the registry serves (they carry meta and extensions). */
export type DomainResource = Organization | HealthcareService | Location | Practitioner | PractitionerRole | ServiceRequest | Task;

/** A resource a search can return (matches and included ones). */
export type FhirSearchResource = DomainResource;

export type BundleEntry = R4BundleEntry<FhirSearchResource | OperationOutcome>;

/** A searchset Bundle (fhir/search/). */
export type Bundle = R4Bundle<FhirSearchResource | OperationOutcome> & { type: 'searchset' };

/** A history Bundle (FHIR R4 http.html#history): newest version first. */
export type HistoryBundle = R4Bundle<DomainResource> & { type: 'history' };

/** Every resource this adapter can answer with. */
export type FhirResource = DomainResource | OperationOutcome | CapabilityStatement | HistoryBundle | Bundle;
