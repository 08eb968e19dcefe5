/**
 * Discipline groups a tension concerns, as data (docs/tensions.md § Discipline groups), each mapped
 * to the capacity disciplines of the offer (`Discipline` in schemas/offer.graphql): the beds of a
 * group are the beds of the establishment's units with one of those disciplines. The Plans part
 * (plans/) counts available beds with this mapping, so it is exported from here.
 */
export interface DisciplineGroupData {
  code: string;
  rank: number;
  label: string;
  /** Values of the offer's `Discipline` enum. */
  disciplines: readonly string[];
}

export const DISCIPLINE_GROUPS: readonly DisciplineGroupData[] = [
  { code: 'REA_SI_SC', rank: 1, label: 'Réanimation, soins intensifs adultes et surveillance continue', disciplines: ['ADULT_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE'] },
  { code: 'MEDECINE', rank: 2, label: 'Médecine', disciplines: ['MEDICINE'] },
  { code: 'CHIRURGIE', rank: 3, label: 'Chirurgie', disciplines: ['SURGERY'] },
  { code: 'URGENCES', rank: 4, label: 'Urgences', disciplines: ['ED_SHORT_STAY'] },
  { code: 'PEDIATRIE', rank: 5, label: 'Pédiatrie', disciplines: ['PAEDIATRICS', 'PAEDIATRIC_ICU'] },
  { code: 'OBSTETRIQUE', rank: 6, label: 'Gynécologie-obstétrique', disciplines: ['OBSTETRICS'] },
  { code: 'PSYCHIATRIE', rank: 7, label: 'Psychiatrie', disciplines: ['PSYCHIATRY'] },
  { code: 'SMR', rank: 8, label: 'SMR', disciplines: ['SMR'] },
  // The deck's declaration screen lists « Grands brûlés » beside réanimation (seed 001).
  { code: 'GRANDS_BRULES', rank: 9, label: 'Grands brûlés', disciplines: ['BURNS'] },
  {
    code: 'ETABLISSEMENT', rank: 10, label: 'Ensemble de l’établissement',
    disciplines: ['MEDICINE', 'SURGERY', 'OBSTETRICS', 'PAEDIATRICS', 'ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE', 'SMR', 'PSYCHIATRY', 'LONG_STAY', 'HAD', 'ED_SHORT_STAY', 'BURNS'],
  },
];

/** The offer disciplines of a group (empty for an unknown code). */
export function disciplinesOfGroup(code: string): readonly string[] {
  return DISCIPLINE_GROUPS.find((g) => g.code === code)?.disciplines ?? [];
}
