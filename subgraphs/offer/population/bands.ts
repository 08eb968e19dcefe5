/**
 * Rates and bands of the national follow-up (>75 %, 51–75, 26–50, 1–25, none, no data). The band
 * is decided on the exact fraction, in integers, so no floating-point rounding can move an area
 * across a boundary; a rate between two whole-percent labels (e.g. 25.4 %) goes to the upper band,
 * because "1–25" means "more than 0 and at most 25 %".
 */

export const BANDS = ['ABOVE_75', 'FROM_51_TO_75', 'FROM_26_TO_50', 'FROM_1_TO_25', 'NONE', 'NO_DATA'] as const;
export type PopulationBand = (typeof BANDS)[number];

/** `part` of `total` in percent (0–100), unrounded; 0 when `total` is 0. */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : (part * 100) / total;
}

/** The band of `part` establishments out of `total`; NO_DATA when the area has none. */
export function bandOf(part: number, total: number): PopulationBand {
  if (total === 0) return 'NO_DATA';
  const hundredTimes = part * 100; // compared with threshold × total: exact for integers
  if (hundredTimes > 75 * total) return 'ABOVE_75';
  if (hundredTimes > 50 * total) return 'FROM_51_TO_75';
  if (hundredTimes > 25 * total) return 'FROM_26_TO_50';
  return part > 0 ? 'FROM_1_TO_25' : 'NONE';
}
