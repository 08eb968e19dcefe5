/**
 * Public types of the demo region: what buildDemoRegion returns. The seeder and the tests import
 * them through the scripts/demo/region.ts facade.
 */

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
}
export interface DemoEstablishment {
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
}
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
  patientAgeMin: number | null;
  patientAgeMax: number | null;
  sensitive: boolean;
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
  rppsNumber: string | null;
  establishmentIds: string[];
  unitIds: string[];
}
export type PlanLevel = 'HET_1' | 'HET_2' | 'HET_3' | 'PLAN_BLANC_1' | 'PLAN_BLANC_2';
export interface DemoTension {
  id: string;
  establishmentId: string;
  disciplineGroup: string;
  level: PlanLevel;
  status: 'IN_PROGRESS' | 'CLOSED';
  startedAt: Date;
  endedAt: Date | null;
}
export interface DemoRegion {
  organizations: DemoOrganization[];
  establishments: DemoEstablishment[];
  units: DemoUnit[];
  capacities: DemoCapacity[];
  professionals: DemoProfessional[];
  tensions: DemoTension[];
}
