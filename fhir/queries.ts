/**
 * The GraphQL operations the FHIR adapter runs through the gateway, and the shapes of their
 * results. Exported so the composed supergraph can be checked against them in a test: a schema
 * change that breaks the FHIR facade then fails CI instead of a consumer's sync.
 *
 * Each operation asks for exactly the fields its mapper reads, nothing more.
 */

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
      address { line postalCode city inseeCode regionCode }
      position { latitude longitude }
      switchboardPhone
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
      specificActs { system code display }
      contacts { nature { system code display } role channel { system code display } value confidentiality { system code display } }
      openingHours { days allDay opens closes }
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
      address { line postalCode city inseeCode regionCode }
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
        source
        updatedAt
        version
      }
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
    professional { id profession { system code display } specialty { system code display } archived createdAt updatedAt }
    unit { id archived }
    establishment { id address { regionCode } }
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

// ---- Result shapes (what the gateway returns for the selections above) ----

export interface GqlCoding {
  system: string;
  code: string;
  display?: string | null;
}

export interface GqlAddress {
  line?: string | null;
  postalCode?: string | null;
  city?: string | null;
  inseeCode?: string | null;
  regionCode: string;
}

export interface GqlGeoPoint {
  latitude: number;
  longitude: number;
}

export interface EstablishmentRecord {
  id: string;
  finess: string;
  siret?: string | null;
  name: string;
  category: GqlCoding;
  organization: { id: string };
  address: GqlAddress;
  position?: GqlGeoPoint | null;
  switchboardPhone?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationRecord {
  id: string;
  finess: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  establishments: { address: { regionCode: string } }[];
}

export interface HealthcareServiceRecord {
  id: string;
  name: string;
  archived: boolean;
  sensitive: boolean;
  activityField: GqlCoding;
  careMode: GqlCoding;
  operationalActivities: GqlCoding[];
  patientAge: { min?: number | null; max?: number | null };
  specificActs: GqlCoding[];
  contacts: GqlContact[];
  openingHours: GqlTimeSlot[];
  establishment: { id: string; address: { regionCode: string } };
  createdAt: string;
  updatedAt: string;
}

export interface GqlContact {
  nature: GqlCoding;
  role?: string | null;
  channel: GqlCoding;
  value: string;
  confidentiality: GqlCoding;
}

export type GqlDayOfWeek = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

export interface GqlTimeSlot {
  days: GqlDayOfWeek[];
  allDay: boolean;
  /** HH:MM, local time; null when allDay. */
  opens?: string | null;
  closes?: string | null;
}

export type CapacitySourceValue = 'MANUAL' | 'AUTOMATIC_FEED' | 'IMPORT';

export interface CapacityRecord {
  nature: 'BED' | 'PLACE';
  installedBeds: number;
  available: { men: number; women: number; undifferentiated: number };
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  notes?: string | null;
  source: CapacitySourceValue;
  updatedAt: string;
  version: number;
}

export interface LocationRecord {
  id: string;
  name: string;
  archived: boolean;
  /** TRE_R227 field of activity: gives Location.type (TRE_R343, mappers/location.ts). */
  activityField: { code: string };
  equipment: GqlCoding[];
  address: GqlAddress;
  hasOwnAddress: boolean;
  position?: GqlGeoPoint | null;
  establishment: {
    id: string;
    address: { regionCode: string };
    updatedAt: string;
  };
  capacity?: CapacityRecord | null;
  createdAt: string;
  updatedAt: string;
}

export interface EstablishmentData {
  establishment: EstablishmentRecord | null;
}
export interface OrganizationData {
  organization: OrganizationRecord | null;
}
export interface HealthcareServiceData {
  unit: HealthcareServiceRecord | null;
}
export interface LocationData {
  unit: LocationRecord | null;
}

export interface PractitionerRecord {
  id: string;
  lastName: string;
  firstName: string;
  sex?: 'FEMALE' | 'MALE' | null;
  rppsNumber?: string | null;
  adeliNumber?: string | null;
  archived: boolean;
  establishments: { address: { regionCode: string } }[];
  createdAt: string;
  updatedAt: string;
}

export interface PractitionerRoleRecord {
  id: string;
  professional: {
    id: string;
    profession?: GqlCoding | null;
    specialty?: GqlCoding | null;
    archived: boolean;
    createdAt: string;
    updatedAt: string;
  };
  unit: { id: string; archived: boolean };
  establishment: { id: string; address: { regionCode: string } };
}

export interface PractitionerData {
  professional: PractitionerRecord | null;
}
export interface PractitionersByIdsData {
  professionalsByIds: PractitionerRecord[];
}
export interface PractitionerByNumberData {
  professionalByNumber: PractitionerRecord | null;
}
export interface PractitionerChangesData {
  professionalChanges: {
    edges: { node: PractitionerRecord & { situations: PractitionerRoleRecord[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface PractitionerRoleData {
  situation: PractitionerRoleRecord | null;
}
export interface PractitionerRolesData {
  situations: PractitionerRoleRecord[];
}
export interface UnitClassData {
  unit: { id: string; sensitive: boolean; activityField: { code: string } } | null;
}
export interface EstablishmentUnitsData {
  establishment: { id: string; units: { id: string; hasOwnAddress: boolean }[] } | null;
}
