/**
 * The resource handlers: one entry per FHIR resource type, naming its IG profile and the
 * interactions it implements. The router dispatches through this registry and the
 * CapabilityStatement is generated from it, so the statement cannot claim an interaction the
 * server does not serve (or hide one it does).
 *
 * Handlers are small named functions returning `[outcome, resource?]`; throws (GraphQL errors,
 * broken records) are turned into outcomes in one place, the plugin's error handler.
 */
import { PROFILES } from './codes.js';
import { establishmentToOrganization, legalEntityToOrganization } from './mappers/organization.js';
import { unitToHealthcareService } from './mappers/healthcare-service.js';
import { unitToLocation } from './mappers/location.js';
import { isExposedPractitioner, isExposedSituation, professionalToPractitioner, situationToPractitionerRole } from './mappers/practitioner.js';
import { allOk, notFound, unsupportedInteraction } from './outcomes.js';
import {
  ESTABLISHMENT_QUERY,
  HEALTHCARE_SERVICE_QUERY,
  LOCATION_QUERY,
  CAPACITY_PART_FIELDS,
  ORGANIZATION_QUERY,
  PRACTITIONER_QUERY,
  PRACTITIONER_ROLE_QUERY,
  type EstablishmentData,
  type HealthcareServiceData,
  type LocationData,
  type OrganizationData,
  type PractitionerData,
  type PractitionerRoleData,
} from './queries.js';
import { fetchRecord, type HandlerContext } from './records.js';
import { CAPACITY_PATCH_DOCUMENTATION, patchLocation } from './capacity-patch/handler.js';
import { historyOf, versionOf } from './history/interactions.js';
import type {
  Bundle,
  HealthcareService,
  HistoryBundle,
  Location,
  OperationOutcome,
  Organization,
  Practitioner,
  PractitionerRole,
  ServiceRequest,
  Task,
  TypeInteraction,
} from './types.js';
import type { SearchType } from './search/definitions.js';
import { runSearch } from './search/engine.js';
import { findSearchType } from './search/registry.js';
import { healthcareServiceSearch } from './search/types/healthcare-service.js';
import { locationSearch } from './search/types/location.js';
import { organizationSearch } from './search/types/organization.js';
import { practitionerRoleSearch } from './search/types/practitioner-role.js';
import { practitionerSearch } from './search/types/practitioner.js';
import { TASK_WRITE_DOCUMENTATION, patchTask, readServiceRequest, readTask, updateTask } from './admissions/handlers.js';
import { healthcareServiceWrites } from './write/healthcare-service.js';
import { createWith, patchWith, updateWith, type WritableType } from './write/interactions.js';
import { organizationWrites } from './write/organization.js';
import { practitionerRoleWrites, practitionerWrites } from './write/practitioner.js';
import { JSON_PATCH } from './write/patch.js';
import { serviceRequestSearch } from './admissions/search.js';
import { taskSearch } from './error-reports/search.js';
import { REPORT_TASK_DOCUMENTATION, createReportTask, patchReportTask, readReportTask } from './error-reports/handlers.js';
import { parseReportTaskId } from './mappers/report-task.js';

export type { HandlerContext } from './records.js';

export type HandlerResult<R> = [OperationOutcome, R?];

/** How FHIR JSON bodies are labelled (R4 http.html#mime-type; plain JSON as clients send it too). */
const FHIR_JSON_MEDIA_TYPES = ['application/fhir+json', 'application/json+fhir', 'application/json'];

export type ReadOperation<R> = (id: string, ctx: HandlerContext) => Promise<HandlerResult<R>>;

/** A patch of `[type]/[id]` (id given) or a conditional patch `[type]?criteria` (id undefined, criteria in ctx.request). */
export type PatchOperation<R> = (id: string | undefined, ctx: HandlerContext) => Promise<HandlerResult<R>>;

/** A create of `[type]` with the resource in ctx.request.body (If-None-Exist in ctx.request). */
export type CreateOperation<R> = (ctx: HandlerContext) => Promise<HandlerResult<R>>;

/** An update of `[type]/[id]` with the resource in ctx.request.body (no update-as-create). */
export type UpdateOperation<R> = (id: string, ctx: HandlerContext) => Promise<HandlerResult<R>>;

export type VreadOperation<R> = (id: string, versionId: string, ctx: HandlerContext) => Promise<HandlerResult<R>>;

export type HistoryOperation = (id: string, ctx: HandlerContext) => Promise<HandlerResult<HistoryBundle>>;

export type SearchOperation = (ctx: HandlerContext) => Promise<HandlerResult<Bundle>>;

/** The interactions a handler may implement; add a key here when a new one is built. */
export interface ResourceInteractions<R> {
  read?: ReadOperation<R>;
  create?: CreateOperation<R>;
  patch?: PatchOperation<R>;
  update?: UpdateOperation<R>;
  vread?: VreadOperation<R>;
  'history-instance'?: HistoryOperation;
  'search-type'?: SearchOperation;
}

export interface ResourceHandler<R = Organization | HealthcareService | Location | Practitioner | PractitionerRole | ServiceRequest | Task> {
  resourceType: R extends { resourceType: infer T } ? T : string;
  profile: string;
  /** Other profiles its resources may claim (Task: the IG's ror-task besides admission Tasks). */
  otherProfiles?: readonly string[];
  interactions: ResourceInteractions<R>;
  /** What the CapabilityStatement says of an interaction (e.g. which conditional forms a patch takes). */
  documentation?: Partial<Record<TypeInteraction, string>>;
  /** Whether its create takes If-None-Exist (CapabilityStatement conditionalCreate). */
  conditionalCreate?: boolean;
  /** Media types its patch takes (a FHIRPath Patch is a FHIR resource, a JSON Patch its own type); others get 415. */
  patchMediaTypes?: readonly string[];
  /** Parameters, sorts and includes of its search (fhir/search/): the parser and the CapabilityStatement read them. */
  search?: SearchType;
}

/** The search interaction of a type (fhir/search/engine.ts). */
function searchWith(type: SearchType): SearchOperation {
  return async (ctx) => {
    if (!ctx.search) throw new Error('A search needs its request parameters');
    return [allOk, await runSearch(type, ctx.search, ctx, findSearchType)];
  };
}

/** Organization/{FINESS}: an EG (FINESS ET) first, then an EJ (FINESS EJ). */
async function readOrganization(id: string, ctx: HandlerContext): Promise<HandlerResult<Organization>> {
  const establishment = await fetchRecord<EstablishmentData, 'establishment'>(ctx, ESTABLISHMENT_QUERY, 'establishment', id);
  if (establishment) return [allOk, establishmentToOrganization(establishment)];
  const legalEntity = await fetchRecord<OrganizationData, 'organization'>(ctx, ORGANIZATION_QUERY, 'organization', id);
  if (legalEntity) return [allOk, legalEntityToOrganization(legalEntity)];
  return [notFound('Organization', id)];
}

/** HealthcareService/{unit id}. */
async function readHealthcareService(id: string, ctx: HandlerContext): Promise<HandlerResult<HealthcareService>> {
  const unit = await fetchRecord<HealthcareServiceData, 'unit'>(ctx, HEALTHCARE_SERVICE_QUERY, 'unit', id);
  return unit ? [allOk, unitToHealthcareService(unit)] : [notFound('HealthcareService', id)];
}

/**
 * Location/{unit id}. A caller without capacity read access (e.g. a directory application
 * without `capacity.read`) gets the place without its capacity records; sensitive units stay
 * hidden below access profile 1 because the gateway does not return them at all.
 */
async function readLocation(id: string, ctx: HandlerContext): Promise<HandlerResult<Location>> {
  const unit = await fetchRecord<LocationData, 'unit'>(ctx, LOCATION_QUERY, 'unit', id, CAPACITY_PART_FIELDS.map((f) => ['unit', f]));
  return unit ? [allOk, unitToLocation(unit)] : [notFound('Location', id)];
}

/**
 * Practitioner/{professional id}. Applications need `professional.read` (403 otherwise, as in
 * GraphQL); hub users all read professionals.
 */
async function readPractitioner(id: string, ctx: HandlerContext): Promise<HandlerResult<Practitioner>> {
  const professional = await fetchRecord<PractitionerData, 'professional'>(ctx, PRACTITIONER_QUERY, 'professional', id);
  return professional && isExposedPractitioner(professional) ? [allOk, professionalToPractitioner(professional)] : [notFound('Practitioner', id)];
}

/**
 * PractitionerRole/{professional id}.{unit id}. 404 when the caller may not see that situation
 * (the professionals subgraph applies the IG access profiles: sensitive units, activity fields).
 */
async function readPractitionerRole(id: string, ctx: HandlerContext): Promise<HandlerResult<PractitionerRole>> {
  const situation = await fetchRecord<PractitionerRoleData, 'situation'>(ctx, PRACTITIONER_ROLE_QUERY, 'situation', id);
  return situation && isExposedSituation(situation) ? [allOk, situationToPractitionerRole(situation)] : [notFound('PractitionerRole', id)];
}

/**
 * read, then vread and instance history from the version store (history/), which checks the
 * current read with the caller's credentials first: history never shows what a read would not.
 */
function versionedInteractions<R extends Organization | HealthcareService | Location | Practitioner | PractitionerRole>(
  resourceType: R['resourceType'],
  read: ReadOperation<R>,
): ResourceInteractions<R> {
  return {
    read,
    vread: (id, versionId, ctx) => versionOf(resourceType, id, versionId, read, ctx),
    'history-instance': (id, ctx) => historyOf(resourceType, id, read, ctx),
  };
}

/**
 * What the CapabilityStatement says of the offer writes (fhir/write/, docs/fhir-write.md): the
 * IG's own documentation of the interaction first, then the hub's terms.
 */
const IG_FIRST_LEVEL = "Seuls les attributs de 'premier niveau' peuvent être mis à jour avec l'interaction patch.";
const WRITE_RIGHTS = 'Users by role and perimeter as in GraphQL; applications with offer.write within the establishments they are registered for.';
const PROFESSIONAL_WRITE_RIGHTS = 'Users by role and perimeter as in GraphQL; applications with professional.write within the establishments they are registered for.';
const WRITE_DOCUMENTATION = {
  HealthcareService: {
    create:
      'Creates a unit (GraphQL createUnit): providedBy Organization/<FINESS ET>, one identifier 1<FINESS ET>/<UF code>, and only the elements the hub records (docs/fhir-write.md); ' +
      `any other element is a 422 naming it. Conditional create: If-None-Exist: identifier=<value>. ORU_ROR_UNITE_NEW. ${WRITE_RIGHTS}`,
    update: `Replaces the recorded elements of a unit (GraphQL updateUnit); If-Match honoured. ORU_ROR_UNITE_EDIT. ${WRITE_RIGHTS}`,
    patch: `${IG_FIRST_LEVEL} JSON Patch (application/json-patch+json) or FHIRPath Patch (Parameters); If-Match honoured. ORU_ROR_UNITE_EDIT. ${WRITE_RIGHTS}`,
  },
  Organization: {
    create:
      'EGs and EJs come from the FINESS import: only a conditional create (If-None-Exist: identifier=<FINESS ET or idNat_Struct>) is answered, with the existing EG (200); ' +
      'any other create is a 422 naming that rule.',
    update: `${IG_FIRST_LEVEL} An EG's contacts by purpose (TRE_R287 06 Standard, 10 Direction, 08 Alerte-Tension-SSE; GraphQL updateEstablishment); the rest comes from FINESS. ORU_ROR_ETABLISSEMENT_EDIT. ${WRITE_RIGHTS}`,
    patch: `${IG_FIRST_LEVEL} JSON Patch or FHIRPath Patch of an EG's contact; If-Match honoured. ORU_ROR_ETABLISSEMENT_EDIT. ${WRITE_RIGHTS}`,
  },
  Practitioner: {
    create:
      'Creates a professional record (GraphQL createProfessional): name (family, one given), gender, idNat_PS (8 + RPPS or 0 + ADELI). Conditional create: If-None-Exist: identifier=<idNat_PS>. ' +
      `ORU_PROFESSIONNEL_NEW. ${PROFESSIONAL_WRITE_RIGHTS}`,
    update: `Replaces name, gender and idNat_PS (GraphQL updateProfessional); If-Match honoured. ORU_PROFESSIONNEL_EDIT. ${PROFESSIONAL_WRITE_RIGHTS}`,
    patch: `${IG_FIRST_LEVEL} JSON Patch or FHIRPath Patch; If-Match honoured. ORU_PROFESSIONNEL_EDIT. ${PROFESSIONAL_WRITE_RIGHTS}`,
  },
  PractitionerRole: {
    create:
      "Attaches a professional to a unit (GraphQL updateProfessional's unitIds): practitioner and healthcareService required; the id is <professional id>.<unit id>. " +
      `ORU_PROFESSIONNEL_EDIT covering the professional and the unit's establishment. ${PROFESSIONAL_WRITE_RIGHTS}`,
    update: `Sets code (TRE_G15) and specialty (TRE_R38): the professional's, shared by all their roles. ORU_PROFESSIONNEL_EDIT. ${PROFESSIONAL_WRITE_RIGHTS}`,
    patch: `${IG_FIRST_LEVEL} code and specialty, as update. ${PROFESSIONAL_WRITE_RIGHTS}`,
  },
} as const;

/** JSON Patch and FHIRPath Patch (a Parameters resource). */
const WRITE_PATCH_MEDIA_TYPES = [JSON_PATCH, ...FHIR_JSON_MEDIA_TYPES];

const organizationWritable: WritableType<Organization> = { resourceType: 'Organization', read: readOrganization, ...organizationWrites };

const organizationHandler: ResourceHandler<Organization> = {
  resourceType: 'Organization',
  profile: PROFILES.organization,
  interactions: {
    ...versionedInteractions('Organization', readOrganization),
    create: createWith(organizationWritable),
    update: updateWith(organizationWritable),
    patch: patchWith(organizationWritable),
    'search-type': searchWith(organizationSearch),
  },
  documentation: WRITE_DOCUMENTATION.Organization,
  conditionalCreate: true,
  patchMediaTypes: WRITE_PATCH_MEDIA_TYPES,
  search: organizationSearch,
};

const healthcareServiceWritable: WritableType<HealthcareService> = { resourceType: 'HealthcareService', read: readHealthcareService, ...healthcareServiceWrites };

const healthcareServiceHandler: ResourceHandler<HealthcareService> = {
  resourceType: 'HealthcareService',
  profile: PROFILES.healthcareService,
  interactions: {
    ...versionedInteractions('HealthcareService', readHealthcareService),
    create: createWith(healthcareServiceWritable),
    update: updateWith(healthcareServiceWritable),
    patch: patchWith(healthcareServiceWritable),
    'search-type': searchWith(healthcareServiceSearch),
  },
  documentation: WRITE_DOCUMENTATION.HealthcareService,
  conditionalCreate: true,
  patchMediaTypes: WRITE_PATCH_MEDIA_TYPES,
  search: healthcareServiceSearch,
};

const locationHandler: ResourceHandler<Location> = {
  resourceType: 'Location',
  profile: PROFILES.location,
  interactions: { ...versionedInteractions('Location', readLocation), patch: patchLocation, 'search-type': searchWith(locationSearch) },
  documentation: { patch: CAPACITY_PATCH_DOCUMENTATION },
  patchMediaTypes: FHIR_JSON_MEDIA_TYPES, // the national FHIRPath Patch
  search: locationSearch,
};

const practitionerWritable: WritableType<Practitioner> = { resourceType: 'Practitioner', read: readPractitioner, ...practitionerWrites };

const practitionerHandler: ResourceHandler<Practitioner> = {
  resourceType: 'Practitioner',
  profile: PROFILES.practitioner,
  interactions: {
    ...versionedInteractions('Practitioner', readPractitioner),
    create: createWith(practitionerWritable),
    update: updateWith(practitionerWritable),
    patch: patchWith(practitionerWritable),
    'search-type': searchWith(practitionerSearch),
  },
  documentation: WRITE_DOCUMENTATION.Practitioner,
  conditionalCreate: true,
  patchMediaTypes: WRITE_PATCH_MEDIA_TYPES,
  search: practitionerSearch,
};

const practitionerRoleWritable: WritableType<PractitionerRole> = { resourceType: 'PractitionerRole', read: readPractitionerRole, ...practitionerRoleWrites };

const practitionerRoleHandler: ResourceHandler<PractitionerRole> = {
  resourceType: 'PractitionerRole',
  profile: PROFILES.practitionerRole,
  interactions: {
    ...versionedInteractions('PractitionerRole', readPractitionerRole),
    create: createWith(practitionerRoleWritable),
    update: updateWith(practitionerRoleWritable),
    patch: patchWith(practitionerRoleWritable),
    'search-type': searchWith(practitionerRoleSearch),
  },
  documentation: WRITE_DOCUMENTATION.PractitionerRole,
  patchMediaTypes: WRITE_PATCH_MEDIA_TYPES,
  search: practitionerRoleSearch,
};

/**
 * Direct admissions (docs/admissions.md § FHIR): no ROR IG profile exists for them, so the R4
 * base definitions. No vread nor history: a request's past is its GraphQL `history` (who did
 * what, when), and closed requests are purged after the retention period.
 */
const serviceRequestHandler: ResourceHandler<ServiceRequest> = {
  resourceType: 'ServiceRequest',
  profile: 'http://hl7.org/fhir/StructureDefinition/ServiceRequest',
  interactions: { read: readServiceRequest, 'search-type': searchWith(serviceRequestSearch) },
  search: serviceRequestSearch,
};

/**
 * Two kinds of Task share the type (docs/feedback.md § FHIR Task): error reports (ror-task,
 * Task/report-<n>: created, read, searched, answered by PATCH) and admission Tasks
 * (Task/<request id>-<unit id>, docs/admissions.md § FHIR). The id says which an interaction is on.
 */
const isReport = (id: string | undefined): boolean => id !== undefined && parseReportTaskId(id) !== null;

const taskHandler: ResourceHandler<Task> = {
  resourceType: 'Task',
  profile: 'http://hl7.org/fhir/StructureDefinition/Task',
  otherProfiles: [PROFILES.task],
  interactions: {
    read: (id, ctx) => (isReport(id) ? readReportTask(id, ctx) : readTask(id, ctx)),
    create: createReportTask,
    patch: (id, ctx) => (isReport(id) ? patchReportTask(id!, ctx) : patchTask(id, ctx)),
    update: (id, ctx) => (isReport(id) ? Promise.resolve([unsupportedInteraction('Task (ror-task)', 'update')]) : updateTask(id, ctx)),
    'search-type': searchWith(taskSearch),
  },
  patchMediaTypes: WRITE_PATCH_MEDIA_TYPES,
  documentation: {
    read: REPORT_TASK_DOCUMENTATION.read,
    create: REPORT_TASK_DOCUMENTATION.create,
    patch: `${REPORT_TASK_DOCUMENTATION.patch} ${TASK_WRITE_DOCUMENTATION}`,
    update: `Admission Tasks only. ${TASK_WRITE_DOCUMENTATION}`,
  },
  search: taskSearch,
};

export type AnyResourceHandler =
  | ResourceHandler<Organization>
  | ResourceHandler<HealthcareService>
  | ResourceHandler<Location>
  | ResourceHandler<Practitioner>
  | ResourceHandler<PractitionerRole>
  | ResourceHandler<ServiceRequest>
  | ResourceHandler<Task>;

export const RESOURCE_HANDLERS: readonly AnyResourceHandler[] = [
  organizationHandler,
  healthcareServiceHandler,
  locationHandler,
  practitionerHandler,
  practitionerRoleHandler,
  serviceRequestHandler,
  taskHandler,
];

export function findHandler(resourceType: string): AnyResourceHandler | undefined {
  return RESOURCE_HANDLERS.find((h) => h.resourceType === resourceType);
}

/** The interaction codes a handler implements, in the registry's (stable) key order. */
export function implementedInteractions(handler: AnyResourceHandler): TypeInteraction[] {
  const interactions: ResourceInteractions<unknown> = handler.interactions;
  return (Object.keys(interactions) as (keyof ResourceInteractions<unknown>)[]).filter(
    (code) => interactions[code] !== undefined,
  );
}
