/**
 * Public types of the demo region: what buildDemoRegion returns. The seeder and the tests import
 * them through the scripts/demo/region.ts facade.
 */
import type { AddressParts } from '../../../subgraphs/offer/finess/address.js';

export type UnitKind = 'MCO' | 'SMR' | 'PSYCHIATRY' | 'MEDICO_TECHNICAL' | 'ELDERLY' | 'DISABLED' | 'HAD';
export type Discipline =
  | 'MEDICINE'
  | 'SURGERY'
  | 'OBSTETRICS'
  | 'PAEDIATRICS'
  | 'ADULT_ICU'
  | 'PAEDIATRIC_ICU'
  | 'INTENSIVE_CARE'
  | 'CONTINUOUS_CARE'
  | 'SMR'
  | 'PSYCHIATRY'
  | 'LONG_STAY'
  | 'HAD'
  | 'ED_SHORT_STAY';

export interface DemoOrganization {
  id: string /* FINESS EJ */;
  name: string;
  /** First 9 digits of the main site's SIRET. */
  siren: string | null;
  /** FINESS legal status (TRE_R72), from the extract's sae2021_statut_juridique. */
  legalStatusCode: string | null;
}
/** FINESS's street fields, read back from the joined `adresse` (subgraphs/offer/finess/address.ts). */
export interface DemoEstablishment extends AddressParts {
  id: string /* FINESS ET (nofinesset) */;
  organizationId: string;
  siret: string | null;
  name: string;
  categoryCode: string;
  categoryLabel: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  departmentCode: string;
  regionCode: string;
  regionName: string;
  latitude: number | null;
  longitude: number | null;
  switchboardPhone: string | null;
  /** FINESS opening date (dateouv) and closure (none in the demo: every row is an open establishment). */
  openedOn: string | null;
  closedOn: string | null;
  closingTypeCode: string | null;
  /** Helicopter landing zone: no open source records it, so unknown (null) in the demo. */
  dropZone: boolean | null;
  /** Referent-maintained fields (synthetic, see records.ts). */
  managementPhone: string | null;
  alertPhones: string[];
  alertEmail: string | null;
  managementEmail: string | null;
  website: string | null;
}
/** Days and hours as the offer stores them (FHIR daysOfWeek codes). */
export interface TimeSlot {
  days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
  allDay: boolean;
  opens: string | null;
  closes: string | null;
}
export interface DemoPole {
  id: string /* <FINESS ET>-<MED|CHI|FEM|URG|SMR|PSY|GER|HAD> */;
  establishmentId: string;
  name: string;
}
export interface DemoContact {
  unitId: string;
  position: number;
  natureCode: string; // TRE_R287
  role: string | null;
  channelCode: string; // TRE_R200
  value: string;
  confidentialityCode: string; // TRE_R283: 1 public, 2 professionals, 3 regulation and crisis
}
/** The one completeness criterion a unit deliberately misses (records.ts), or null. */
export type PopulationGap = 'NO_CONTACT';
export interface DemoUnit {
  id: string;
  establishmentId: string;
  name: string;
  ufCode: string;
  kind: UnitKind;
  discipline: Discipline;
  activityFieldCode: string; // TRE_R227 code: 01 MCO, 02 SMR, 03 PSY
  careModeCode: string; // TRE_R213 code, e.g. 28 Hospitalisation complète, 31 HAD, 13 UHCD
  operationalActivityCodes: string[]; // TRE_R211 codes (at least one)
  patientAgeMin: number;
  patientAgeMax: number;
  sensitive: boolean;
  poleId: string | null;
  sseCapacity: number | null;
  specificActCodes: string[]; // TRE_R210
  equipmentCodes: string[]; // TRE_R212
  psychiatricSectors: string[]; // RG_RECH_10 codes, e.g. 45G03 (units.ts assignPsychiatricSectors)
  // offer-characteristics.ts describeOffers:
  categoryCode: string | null; // TRE_R244
  annualOpeningCode: string | null; // TRE_R238
  patientTypeCodes: string[]; // TRE_R239
  interventionZones: string[]; // <TRE_R201 type>:<INSEE code>
  openingHours: TimeSlot[];
  visitingHours: TimeSlot[];
  accessDetails: string | null;
  populationGap: PopulationGap | null;
}
export interface DemoCapacity {
  unitId: string;
  installedBeds: number;
  availableBeds: number;
  updatedAt: Date;
}
export interface DemoProfessional {
  id: string;
  lastName: string;
  firstName: string;
  professionCode: string | null /* TRE_G15: 10 Médecin, 60 Infirmier */;
  /** TRE_R38 ordinal specialty (professionals.ts `SPECIALTIES`). */
  specialtyCode?: string | null;
  rppsNumber: string | null;
  /** Function in the establishment, and work contacts (docs/professionals.md § Contacts). */
  jobTitle?: string | null;
  workPhone?: string | null;
  mssanteAddress?: string | null;
  establishmentIds: string[];
  unitIds: string[];
  /** TRE_R23 exercise mode by unit id (professionals.ts `exerciseModeOf`). */
  exerciseModeCodes: Record<string, string>;
}
/** Level codes of the tensions subgraph (subgraphs/tensions/levels.ts). */
export type PlanLevel = 'VEILLE' | 'HET_1' | 'HET_2' | 'HET_3' | 'PLAN_BLANC' | 'PLAN_BLANC_ELARGI';
export interface DemoTension {
  id: string;
  establishmentId: string;
  /** Code of a discipline group (subgraphs/tensions/discipline-groups.ts), e.g. REA_SI_SC. */
  disciplineGroup: string;
  level: PlanLevel;
  status: 'IN_PROGRESS' | 'CLOSED';
  startedAt: Date;
  endedAt: Date | null;
}
/** One unit a demo admission request was sent to, and how it answered (subgraphs/admissions/tables.ts). */
export interface DemoAdmissionTarget {
  unitId: string;
  establishmentId: string;
  organizationId: string;
  status: 'ACCEPTED' | 'REFUSED' | 'WITHDRAWN' | 'COMPLETED';
  answer: 'ACCEPT' | 'REFUSE' | null;
  refusalReason: 'NO_BED' | 'NOT_SUITED' | 'OTHER' | null;
  comment: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}
/** One transition of a demo request, oldest first. */
export interface DemoAdmissionEvent {
  at: Date;
  actor: string;
  action: string;
  unitId: string | null;
}
/** A past, closed direct admission request (scripts/demo/region/admissions.ts). */
export interface DemoAdmissionRequest {
  id: string;
  status: 'COMPLETED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED';
  patientAge: number;
  patientSex: 'FEMALE' | 'MALE';
  discipline: string;
  activityCode: string;
  urgency: 'IMMEDIATE' | 'SAME_DAY' | 'WITHIN_48H';
  /** Plain text here; the seed encrypts it. */
  clinicalSummary: string;
  callbackContact: string;
  requesterKind: 'USER' | 'APPLICATION';
  requesterSubject: string;
  requesterName: string;
  requesterProfessionalId: string | null;
  onBehalfOf: string | null;
  acceptedUnitId: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date;
  targets: DemoAdmissionTarget[];
  events: DemoAdmissionEvent[];
}
export interface DemoRegion {
  organizations: DemoOrganization[];
  establishments: DemoEstablishment[];
  poles: DemoPole[];
  units: DemoUnit[];
  contacts: DemoContact[];
  capacities: DemoCapacity[];
  professionals: DemoProfessional[];
  tensions: DemoTension[];
  /** Past direct admission requests, all closed, over the 14 days before the reference instant. */
  admissions: DemoAdmissionRequest[];
}
