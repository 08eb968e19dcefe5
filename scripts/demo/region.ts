/**
 * Deterministic demo region: Centre-Val de Loire (code_region 24).
 *
 * Real establishments come from FINESS (January 2021). Real bed counts come from DREES SAE 2021.
 * The rest is synthetic and stable from one run to the next: the split of beds into ROR units,
 * UF codes, current availability, a few professionals and a handful of tension declarations.
 * Every random choice uses a PRNG seeded from FINESS numbers. The builder never calls
 * Math.random or the clock, so two builds are deep-equal.
 *
 * Data: ./data/*.csv (see ./data/README.md). Source : FINESS, data.gouv.fr; DREES SAE 2021.
 *
 * This file is the public facade; the builder lives in ./region/, one file per concept.
 */
export { buildDemoRegion } from './region/build.js';
export { CODE_LABELS, CODE_SYSTEMS } from './region/codes.js';
export { DEFAULT_REFERENCE_INSTANT } from './region/constants.js';
export type {
  DemoAdmissionEvent,
  DemoAdmissionRequest,
  DemoAdmissionTarget,
  DemoCapacity,
  DemoContact,
  DemoPole,
  PopulationGap,
  TimeSlot,
  DemoEstablishment,
  DemoOrganization,
  DemoProfessional,
  DemoRegion,
  DemoTension,
  DemoUnit,
  Discipline,
  PlanLevel,
  UnitKind,
} from './region/types.js';
