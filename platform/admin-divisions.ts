/**
 * The French administrative division (INSEE COG): names of régions and départements and the
 * région of a département, from npm `@etalab/decoupage-administratif` (Etalab's official
 * extract), so no subgraph or screen keeps a hand-written table that goes stale. Only the
 * 101 départements and 18 régions (metropolitan France and the five DROM): the overseas
 * collectivities (975, 977…989) have no ARS and no ROR, and the hub never served them.
 *
 * The two files are small (13 KB) and read once, synchronously, on the first question; the
 * communes file (10 MB) is not read here (the admissions place search loads it on demand).
 */
import { createRequire } from 'node:module';

interface Department {
  code: string;
  region: string;
  nom: string;
  zone: string;
}

interface RegionRow {
  code: string;
  nom: string;
  zone: string;
}

export interface AdminArea {
  code: string;
  name: string;
}

interface Divisions {
  departments: ReadonlyMap<string, Department>;
  regions: ReadonlyMap<string, AdminArea>;
}

/** The zones that have départements and régions in the hub's sense (not the COM). */
const SERVED_ZONES = new Set(['metro', 'drom']);

let divisions: Divisions | null = null;

function load(): Divisions {
  if (divisions) return divisions;
  const require = createRequire(import.meta.url);
  const departments = (require('@etalab/decoupage-administratif/data/departements.json') as Department[]).filter((d) => SERVED_ZONES.has(d.zone));
  const regions = (require('@etalab/decoupage-administratif/data/regions.json') as RegionRow[]).filter((r) => SERVED_ZONES.has(r.zone));
  divisions = {
    departments: new Map(departments.map((d) => [d.code, d])),
    regions: new Map(regions.map((r) => [r.code, { code: r.code, name: r.nom }])),
  };
  return divisions;
}

/** The name of a département ("41" → "Loir-et-Cher", "2A" → "Corse-du-Sud"), or null when unknown. */
export function departmentName(code: string): string | null {
  return load().departments.get(code)?.nom ?? null;
}

/** The name of a région ("24" → "Centre-Val de Loire"), or null when unknown. */
export function regionName(code: string): string | null {
  return load().regions.get(code)?.name ?? null;
}

/** The région a département belongs to, or undefined when the département code is unknown. */
export function regionOfDepartment(department: string): AdminArea | undefined {
  const code = load().departments.get(department)?.region;
  return code === undefined ? undefined : load().regions.get(code);
}

