/**
 * Constants of the demo: the region, its departments, the default reference instant and the
 * source files in ../data/.
 */

export const REGION_CODE = '24';
export const REGION_NAME = 'Centre-Val de Loire';
export const DEPARTMENTS: ReadonlySet<string> = new Set(['18', '28', '36', '37', '41', '45']);

/**
 * Default "now" of the demo. Capacities are stamped a few minutes to hours before the reference
 * instant and the synthetic tensions started days before it, so that a region seeded today looks
 * current. The builder never reads the clock: the seeder passes the seeding time, tests rely on
 * this default.
 */
export const DEFAULT_REFERENCE_INSTANT = new Date('2026-11-23T06:00:00Z');
export const HOUR_MS = 3_600_000;

export const FINESS_FILE = new URL('../data/finess-cvl.csv', import.meta.url);
export const SAE_FILE = new URL('../data/sae2021-cvl.csv', import.meta.url);
