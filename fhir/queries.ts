/**
 * The GraphQL operations the FHIR adapter runs through the gateway, and the shapes of their
 * results (generated from these documents: schemas/operations.ts). Exported so the composed
 * supergraph can be checked against them in a test: a schema change that breaks the FHIR facade
 * then fails CI instead of a consumer's sync.
 *
 * Each operation asks for exactly the fields its mapper reads, nothing more.
 */
import type {
  FhirEstablishmentQuery,
  FhirEstablishmentUnitsQuery,
  FhirHealthcareServiceQuery,
  FhirLocationQuery,
  FhirOrganizationQuery,
  FhirPractitionerByNumberQuery,
  FhirPractitionerChangesQuery,
  FhirPractitionerFieldsFragment,
  FhirPractitionerQuery,
  FhirPractitionerRoleFieldsFragment,
  FhirPractitionerRoleQuery,
  FhirPractitionerRolesQuery,
  FhirPractitionersByIdsQuery,
  FhirUnitClassQuery,
} from '../schemas/operations.js';

/** Geographic establishment (EG), for Organization/{FINESS ET}. */
export const ESTABLISHMENT_QUERY = /* GraphQL */ `
  query FhirEstablishment($id: ID!) {
    establishment(id: $id) {
      id
      finess
      siret
      name
      category { system code display }
      organization { id }
      address { line houseNumber houseNumberSuffix streetType streetName namedPlace postBox postalCode city inseeCode regionCode }
      position { latitude longitude }
      switchboardPhone
      openedOn
      closedOn
      closingType { system code display }
      dropZone
      prices {
        type { system code display }
        unit { system code display }
        amount
        currency
        validFrom
        dependencyLevel { system code display }
        residentialType { system code display }
        welcomeType { system code display }
        specialPrice { system code display }
      }
      poles { name }
      managementPhone
      managementEmail
      alertPhones
      alertEmail
      createdAt
      updatedAt
    }
  }
`;

/** Legal entity (EJ), for Organization/{FINESS EJ}. Its establishments give the source region. */
export const ORGANIZATION_QUERY = /* GraphQL */ `
  query FhirOrganization($id: ID!) {
    organization(id: $id) {
      id
      finess
      name
      createdAt
      updatedAt
      establishments { address { regionCode } }
    }
  }
`;

/** Unit seen as an offer of care, for HealthcareService/{unit id}. */
export const HEALTHCARE_SERVICE_QUERY = /* GraphQL */ `
  query FhirHealthcareService($id: ID!) {
    unit(id: $id) {
      id
      name
      archived
      sensitive
      activityField { system code display }
      careMode { system code display }
      operationalActivities { system code display }
      patientAge { min max }
      psychiatricSectors
      category { system code display }
      maternityType { system code display }
      annualOpening { system code display }
      patientTypes { system code display }
      interventionZones { type { system code display } code }
      closure { from reopening description }
      entryTemplate
      specificActs { system code display }
      contacts { nature { system code display } role channel { system code display } value confidentiality { system code display } }
      openingHours { days allDay opens closes effectiveFrom effectiveUntil }
      establishment { id address { regionCode } }
      createdAt
      updatedAt
    }
  }
`;

/**
 * Unit seen as the place where beds live, for Location/{unit id}; capacity comes from its
 * subgraph. `address` and `position` are the unit's own when it has one, else its establishment's.
 * Callers without capacity read access get a FORBIDDEN error on `capacity` only (records.ts).
 * `notes` is not served: the capacity PATCH (capacity-patch/) reads this record and writes it back whole.
 */
export const LOCATION_QUERY = /* GraphQL */ `
  query FhirLocation($id: ID!) {
    unit(id: $id) {
      id
      name
      archived
      activityField { code }
      equipment { system code display }
      address { line houseNumber houseNumberSuffix streetType streetName namedPlace postBox postalCode city inseeCode regionCode }
      hasOwnAddress
      position { latitude longitude }
      establishment { id address { regionCode } updatedAt }
      capacity {
        nature
        installedBeds
        available { men women undifferentiated }
        closedBeds
        reopenedBeds
        reopenableBeds
        mobilisedBeds
        notes
        crisisType { code display }
        temporaryAssignment { code display }
        source
        updatedAt
        version
      }
      residentialCapacities { type { code display } count }
      equipmentLimits { equipmentType feature { code display } value unit }
      createdAt
      updatedAt
    }
  }
`;

/**
 * A professional as ror-practitioner reads it; the establishments give the source region. Shared
 * by every Practitioner lookup (read, by ids for `_include`, by RPPS/ADELI for `identifier`).
 */
export const PRACTITIONER_FIELDS = /* GraphQL */ `
  fragment FhirPractitionerFields on Professional {
    id
    lastName
    firstName
    sex
    rppsNumber
    adeliNumber
    archived
    establishments { address { regionCode } }
    createdAt
    updatedAt
  }
`;

/**
 * A situation (professional × unit) as ror-practitionerrole reads it. Only situations the caller
 * may see come back: the professionals subgraph applies the IG access profiles.
 */
export const PRACTITIONER_ROLE_FIELDS = /* GraphQL */ `
  fragment FhirPractitionerRoleFields on Situation {
    id
    identifier
    professional { id rppsNumber adeliNumber profession { system code display } specialty { system code display } archived createdAt updatedAt }
    unit { id archived }
    establishment { id address { regionCode } }
    exerciseMode { system code display }
  }
`;

/** Professional, for Practitioner/{professional id}. */
export const PRACTITIONER_QUERY = /* GraphQL */ `
  query FhirPractitioner($id: ID!) {
    professional(id: $id) { ...FhirPractitionerFields }
  }
  ${PRACTITIONER_FIELDS}
`;

/** Professionals by id, for `_include=PractitionerRole:practitioner` (at most 500 ids). */
export const PRACTITIONERS_BY_IDS_QUERY = /* GraphQL */ `
  query FhirPractitionersByIds($ids: [ID!]!) {
    professionalsByIds(ids: $ids) { ...FhirPractitionerFields }
  }
  ${PRACTITIONER_FIELDS}
`;

/** The holder of an RPPS or ADELI number (idNat_PS without its 8/0 prefix: mappers/practitioner.ts). */
export const PRACTITIONER_BY_NUMBER_QUERY = /* GraphQL */ `
  query FhirPractitionerByNumber($number: String!) {
    professionalByNumber(number: $number) { ...FhirPractitionerFields }
  }
  ${PRACTITIONER_FIELDS}
`;

/** Professionals changed at or after a time, keyset-paged: bulk export and incremental sync. */
export const PRACTITIONER_CHANGES_QUERY = /* GraphQL */ `
  query FhirPractitionerChanges($since: DateTime, $first: Int, $after: String) {
    professionalChanges(updatedSince: $since, first: $first, after: $after) {
      edges { node { ...FhirPractitionerFields situations { ...FhirPractitionerRoleFields } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${PRACTITIONER_FIELDS}
  ${PRACTITIONER_ROLE_FIELDS}
`;

/** Situation, for PractitionerRole/{professional id}.{unit id}. */
export const PRACTITIONER_ROLE_QUERY = /* GraphQL */ `
  query FhirPractitionerRole($id: ID!) {
    situation(id: $id) { ...FhirPractitionerRoleFields }
  }
  ${PRACTITIONER_ROLE_FIELDS}
`;

/**
 * Situations in units (`PractitionerRole?service=`, `_revinclude=PractitionerRole:service`) or of
 * professionals: pass exactly one of `unitIds` and `professionalIds` (at most 500 ids).
 */
export const PRACTITIONER_ROLES_QUERY = /* GraphQL */ `
  query FhirPractitionerRoles($unitIds: [ID!], $professionalIds: [ID!]) {
    situations(unitIds: $unitIds, professionalIds: $professionalIds) { ...FhirPractitionerRoleFields }
  }
  ${PRACTITIONER_ROLE_FIELDS}
`;

/**
 * What the access profiles decide on about a unit (sensitive, activity field), read by the version
 * store with its internal application to classify each version it keeps (history/).
 */
export const UNIT_CLASS_QUERY = /* GraphQL */ `
  query FhirUnitClass($id: ID!) {
    unit(id: $id) { id sensitive activityField { code } }
  }
`;

/**
 * Units of an establishment that take its address: their Location changes with it (the version
 * store queues them after the establishment's own change, history/feed.ts).
 */
export const ESTABLISHMENT_UNITS_QUERY = /* GraphQL */ `
  query FhirEstablishmentUnits($id: ID!) {
    establishment(id: $id) { id units(includeArchived: true) { id hasOwnAddress } }
  }
`;

/** Every document above, by operation name. */
export const FHIR_OPERATIONS = {
  FhirEstablishment: ESTABLISHMENT_QUERY,
  FhirOrganization: ORGANIZATION_QUERY,
  FhirHealthcareService: HEALTHCARE_SERVICE_QUERY,
  FhirLocation: LOCATION_QUERY,
  FhirPractitioner: PRACTITIONER_QUERY,
  FhirPractitionersByIds: PRACTITIONERS_BY_IDS_QUERY,
  FhirPractitionerByNumber: PRACTITIONER_BY_NUMBER_QUERY,
  FhirPractitionerChanges: PRACTITIONER_CHANGES_QUERY,
  FhirPractitionerRole: PRACTITIONER_ROLE_QUERY,
  FhirPractitionerRoles: PRACTITIONER_ROLES_QUERY,
  FhirUnitClass: UNIT_CLASS_QUERY,
  FhirEstablishmentUnits: ESTABLISHMENT_UNITS_QUERY,
} as const;

// ---- Result shapes: generated by graphql-codegen from these documents and the supergraph
// (schemas/operations.ts, `npm run codegen`, D129); the names below are the mappers' words for them.

export type EstablishmentData = FhirEstablishmentQuery;
export type OrganizationData = FhirOrganizationQuery;
export type HealthcareServiceData = FhirHealthcareServiceQuery;
export type LocationData = FhirLocationQuery;
export type PractitionerData = FhirPractitionerQuery;
export type PractitionersByIdsData = FhirPractitionersByIdsQuery;
export type PractitionerByNumberData = FhirPractitionerByNumberQuery;
export type PractitionerChangesData = FhirPractitionerChangesQuery;
export type PractitionerRoleData = FhirPractitionerRoleQuery;
export type PractitionerRolesData = FhirPractitionerRolesQuery;
export type UnitClassData = FhirUnitClassQuery;
export type EstablishmentUnitsData = FhirEstablishmentUnitsQuery;

export type EstablishmentRecord = NonNullable<EstablishmentData['establishment']>;
export type OrganizationRecord = NonNullable<OrganizationData['organization']>;
export type HealthcareServiceRecord = NonNullable<HealthcareServiceData['unit']>;
export type LocationRecord = NonNullable<LocationData['unit']>;

/**
 * The unit's fields the capacities subgraph answers only to capacity readers: a FORBIDDEN on one
 * of them hides that part of the Location from this caller (the field is null), nothing else.
 */
export const CAPACITY_PART_FIELDS: readonly string[] = ['capacity', 'residentialCapacities', 'equipmentLimits'];
export type CapacityRecord = NonNullable<LocationRecord['capacity']>;
export type CapacitySourceValue = CapacityRecord['source'];
export type PractitionerRecord = FhirPractitionerFieldsFragment;
export type PractitionerRoleRecord = FhirPractitionerRoleFieldsFragment;

/** A code as every selection above reads it (`{ system code display }`). */
export type GqlCoding = EstablishmentRecord['category'];
export type GqlAddress = EstablishmentRecord['address'];
export type GqlGeoPoint = NonNullable<EstablishmentRecord['position']>;
export type GqlContact = HealthcareServiceRecord['contacts'][number];
export type GqlTimeSlot = HealthcareServiceRecord['openingHours'][number];
export type GqlDayOfWeek = GqlTimeSlot['days'][number];
