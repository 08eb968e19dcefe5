/**
 * Test-only: GraphQL-shaped records as the gateway returns them for the FHIR queries, modelled on
 * real FINESS data (CHR d'Orléans, Centre-Val de Loire). Used by test/fhir-*.test.ts; not
 * imported by the plugin.
 */
import type {
  CapacityRecord,
  EstablishmentRecord,
  HealthcareServiceRecord,
  LocationRecord,
  OrganizationRecord,
} from '../../../fhir/queries.js';

const R66 = 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement';
const R227 = 'https://mos.esante.gouv.fr/NOS/TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite';
const R213 = 'https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge';
const R211 = 'https://mos.esante.gouv.fr/NOS/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle';
const R210 = 'https://mos.esante.gouv.fr/NOS/TRE_R210-ActeSpecifique/FHIR/TRE-R210-ActeSpecifique';
const R212 = 'https://mos.esante.gouv.fr/NOS/TRE_R212-Equipement/FHIR/TRE-R212-Equipement';
const R287 = 'https://mos.esante.gouv.fr/NOS/TRE_R287-NatureContact/FHIR/TRE-R287-NatureContact';
const R200 = 'https://mos.esante.gouv.fr/NOS/TRE_R200-CanalCommunication/FHIR/TRE-R200-CanalCommunication';
const R283 = 'https://mos.esante.gouv.fr/NOS/TRE_R283-NiveauConfidentialite/FHIR/TRE-R283-NiveauConfidentialite';

export const EG_ID = '450002613';
export const EJ_ID = '450000088';
export const UNIT_ID = 'u-0042';

export function establishmentRecord(overrides: Partial<EstablishmentRecord> = {}): EstablishmentRecord {
  return {
    id: EG_ID,
    finess: EG_ID,
    siret: '26450009100030',
    name: "CHR ORLÉANS - HÔPITAL DE LA SOURCE",
    category: { system: R66, code: '101', display: 'Centre Hospitalier Régional (C.H.R.)' },
    organization: { id: EJ_ID },
    address: {
      line: "14 AV DE L'HOPITAL",
      houseNumber: '14',
      houseNumberSuffix: null,
      streetType: 'AV',
      streetName: "DE L'HOPITAL",
      namedPlace: null,
      postBox: null,
      postalCode: '45067',
      city: 'ORLEANS CEDEX 2',
      inseeCode: '45234',
      regionCode: '24',
    },
    position: { latitude: 47.837906, longitude: 1.924398 },
    switchboardPhone: '0238514444',
    openedOn: '1975-10-01',
    closedOn: null,
    closingType: null,
    dropZone: null,
    prices: [],
    poles: [],
    managementPhone: null,
    managementEmail: null,
    alertPhones: [],
    alertEmail: null,
    createdAt: '2023-02-01T08:00:00.000Z',
    updatedAt: '2026-03-10T09:30:00.000Z',
    ...overrides,
  };
}

export function legalEntityRecord(overrides: Partial<OrganizationRecord> = {}): OrganizationRecord {
  return {
    id: EJ_ID,
    finess: EJ_ID,
    name: "CENTRE HOSPITALIER REGIONAL D'ORLEANS",
    createdAt: '2025-01-10T08:00:00.000Z',
    updatedAt: '2025-11-20T10:00:00.000Z',
    establishments: [{ address: { regionCode: '24' } }, { address: { regionCode: '24' } }],
    ...overrides,
  };
}

export function healthcareServiceRecord(overrides: Partial<HealthcareServiceRecord> = {}): HealthcareServiceRecord {
  return {
    id: UNIT_ID,
    name: 'UNITE DE SURVEILLANCE CONTINUE CHIR',
    archived: false,
    sensitive: false,
    activityField: { system: R227, code: '01', display: 'Médecine Chirurgie Obstétrique (MCO)' },
    careMode: { system: R213, code: '28', display: 'Hospitalisation complète (HC)' },
    operationalActivities: [
      { system: R211, code: '025', display: 'Chirurgie orthopédique et traumatologique' },
      { system: R211, code: '030', display: 'Chirurgie thoracique et pulmonaire' },
    ],
    patientAge: { min: 18, max: 120 },
    psychiatricSectors: [],
    category: null,
    maternityType: null,
    annualOpening: null,
    patientTypes: [],
    interventionZones: [],
    closure: null,
    entryTemplate: null,
    specificActs: [{ system: R210, code: '0320', display: 'Neuromodulation sacrée' }],
    // What GraphQL returns to a caller seeing confidential contacts (hub users, access profile 1).
    contacts: [
      {
        nature: { system: R287, code: '06', display: 'Standard' },
        role: 'Secrétariat',
        channel: { system: R200, code: '2', display: 'Téléphone fixe' },
        value: '0238514444',
        confidentiality: { system: R283, code: '1', display: 'Visible du grand public' },
      },
      {
        nature: { system: R287, code: '06', display: 'Standard' },
        role: null,
        channel: { system: R200, code: '2', display: 'Téléphone fixe' },
        value: '0238515555',
        confidentiality: { system: R283, code: '2', display: null },
      },
    ],
    openingHours: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], allDay: true, opens: null, closes: null, effectiveFrom: null, effectiveUntil: null }],
    establishment: { id: EG_ID, address: { regionCode: '24' } },
    createdAt: '2024-07-18T11:58:51.000Z',
    updatedAt: '2026-01-05T16:00:00.000Z',
    ...overrides,
  };
}

/** A unit with every kind of figure: available by sex, closed (one reopened, one reactivable), mobilised. */
export function capacityRecord(overrides: Partial<CapacityRecord> = {}): CapacityRecord {
  return {
    nature: 'BED',
    installedBeds: 15,
    available: { men: 1, women: 0, undifferentiated: 2 },
    closedBeds: 3,
    reopenedBeds: 1,
    reopenableBeds: 1,
    mobilisedBeds: 2,
    notes: null,
    crisisType: null,
    temporaryAssignment: { code: '01', display: 'Aucune' },
    source: 'MANUAL',
    updatedAt: '2026-04-02T06:15:00.000Z',
    version: 7,
    ...overrides,
  };
}

export function locationRecord(overrides: Partial<LocationRecord> = {}): LocationRecord {
  return {
    id: UNIT_ID,
    name: 'UNITE DE SURVEILLANCE CONTINUE CHIR',
    archived: false,
    activityField: { code: '01' },
    equipment: [{ system: R212, code: '83', display: null }],
    residentialCapacities: [],
    equipmentLimits: [],
    // No address of its own: GraphQL gives the establishment's address and position.
    address: establishmentRecord().address,
    hasOwnAddress: false,
    position: { latitude: 47.837906, longitude: 1.924398 },
    establishment: { id: EG_ID, address: { regionCode: '24' }, updatedAt: '2026-03-10T09:30:00.000Z' },
    capacity: capacityRecord(),
    createdAt: '2024-07-18T11:58:51.000Z',
    updatedAt: '2026-01-05T16:00:00.000Z',
    ...overrides,
  };
}
