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

/** Every document above, by operation name. */
export const FHIR_OPERATIONS = {
  FhirEstablishment: ESTABLISHMENT_QUERY,
  FhirOrganization: ORGANIZATION_QUERY,
  FhirHealthcareService: HEALTHCARE_SERVICE_QUERY,
  FhirLocation: LOCATION_QUERY,
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
