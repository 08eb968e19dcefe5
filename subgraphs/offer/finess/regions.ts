/**
 * Département → région for FINESS rows. The official FINESS extract carries the département
 * only; the establishment row needs its region, which the administrative division
 * (platform/admin-divisions.ts) gives. FINESS writes the overseas départements 9A…9F
 * (971 Guadeloupe … 976 Mayotte), so those are read as their INSEE codes first.
 */
import { regionOfDepartment as ofInseeDepartment, type AdminArea } from '../../../platform/admin-divisions.js';

export const FINESS_OVERSEAS: Readonly<Record<string, string>> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9F': '976' };

export type Region = AdminArea;

/** The region of a département code (INSEE or FINESS spelling), or undefined when the code is unknown. */
export function regionOfDepartment(department: string): Region | undefined {
  return ofInseeDepartment(FINESS_OVERSEAS[department] ?? department);
}
