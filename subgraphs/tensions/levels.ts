/**
 * Tension levels, as data (docs/tensions.md § Levels): the graduated response of the DGOS guides,
 * HET below the PGTHSSE's level 2 (plan blanc). Codes are the hub's; labels are national, and a
 * region relabels them in REGIONAL_LABELS ("Plan blanc 2" in Centre-Val de Loire).
 */
export interface LevelData {
  code: string;
  rank: number;
  label: string;
  description: string;
}

export const LEVELS: readonly LevelData[] = [
  { code: 'VEILLE', rank: 0, label: 'Veille', description: 'Watch: indicators followed closely, watch cell informed; no tension declared yet.' },
  { code: 'HET_1', rank: 1, label: 'HET niveau 1 – tension avérée (PMI)', description: 'Tension confirmed: watch cell, reinforced bed follow-up; the PGTHSSE level 1 (plan de mobilisation interne).' },
  { code: 'HET_2', rank: 2, label: 'HET niveau 2 – tension accentuée', description: 'Heightened tension: daily crisis cell, medical deprogramming, surgical admissions modulated, staff reinforcement.' },
  { code: 'HET_3', rank: 3, label: 'HET niveau 3 – tension de grande ampleur ou prolongée', description: 'Large-scale or lasting tension, just below the plan blanc.' },
  { code: 'PLAN_BLANC', rank: 4, label: 'Plan blanc', description: 'PGTHSSE level 2: the establishment’s plan blanc, for a scope (the discipline group).' },
  { code: 'PLAN_BLANC_ELARGI', rank: 5, label: 'Plan blanc élargi', description: 'Département-level plan blanc, triggered by the prefect.' },
];

/** Per-region labels (INSEE region code → level code → label). 24: Centre-Val de Loire; 76: Occitanie. */
export const REGIONAL_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '24': { HET_1: 'Plan blanc 1 – tension (PMI)', PLAN_BLANC: 'Plan blanc 2', PLAN_BLANC_ELARGI: 'Plan blanc élargi (départemental)' },
  '76': { HET_1: 'Niveau 1 – tension', HET_2: 'Niveau 2 – tension forte', HET_3: 'Niveau 3 – crise', PLAN_BLANC: 'Plan blanc (niveau 2)' },
};

/** Rank from which a declaration counts as a HET procedure trigger (indicators.ts). */
export const TRIGGER_RANK = 2; // HET_2
/** Rank from which a declaration needs the ARS (indicators.ts). */
export const ARS_RANK = 4; // PLAN_BLANC
