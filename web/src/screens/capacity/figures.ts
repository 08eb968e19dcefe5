/**
 * The figures a person enters on a grid row, as text while typed (an empty or half-typed box must
 * stay as it is), turned into the API's CapacityInput when sent.
 */
import type { CapacityInput, ConsoleCapacityFragment, ConsoleCapacityUnitFragment } from '../../gql/graphql';

export type Unit = ConsoleCapacityUnitFragment;
export type Capacity = ConsoleCapacityFragment;

export type FigureField = 'availableMen' | 'availableWomen' | 'availableUndifferentiated' | 'installedBeds' | 'closedBeds' | 'reopenedBeds' | 'reopenableBeds' | 'mobilisedBeds';
export type Field = FigureField | 'notes';

/** Column order of the seed's grid: immediate availability, then operational capacity. */
export const AVAILABLE_FIELDS: ReadonlyArray<{ field: FigureField; label: string; short: string }> = [
  { field: 'availableMen', label: 'Lits libres hommes', short: 'H' },
  { field: 'availableWomen', label: 'Lits libres femmes', short: 'F' },
  { field: 'availableUndifferentiated', label: 'Lits libres indifférenciés', short: 'Indiff.' },
];

export const OPERATIONAL_FIELDS: ReadonlyArray<{ field: FigureField; label: string; short: string }> = [
  { field: 'installedBeds', label: 'Lits installés', short: 'Installés' },
  { field: 'closedBeds', label: 'Lits fermés', short: 'Fermés' },
  { field: 'reopenedBeds', label: 'Lits fermés réouverts', short: 'Réouverts' },
  { field: 'reopenableBeds', label: 'Lits fermés réactivables', short: 'Réactivables' },
  { field: 'mobilisedBeds', label: 'Lits mobilisés (supplémentaires)', short: 'Mobilisés' },
];

export const FIGURE_FIELDS: readonly FigureField[] = [...AVAILABLE_FIELDS, ...OPERATIONAL_FIELDS].map((f) => f.field);

export type Figures = Record<Field, string>;

export function figuresOf(capacity: Capacity | null | undefined): Figures {
  const c = capacity;
  return {
    availableMen: String(c?.available.men ?? ''),
    availableWomen: String(c?.available.women ?? ''),
    availableUndifferentiated: String(c?.available.undifferentiated ?? ''),
    installedBeds: String(c?.installedBeds ?? ''),
    closedBeds: String(c?.closedBeds ?? ''),
    reopenedBeds: String(c?.reopenedBeds ?? ''),
    reopenableBeds: String(c?.reopenableBeds ?? ''),
    mobilisedBeds: String(c?.mobilisedBeds ?? ''),
    notes: c?.notes ?? '',
  };
}

export function sameFigures(a: Figures, b: Figures): boolean {
  return FIGURE_FIELDS.every((f) => a[f].trim() === b[f].trim()) && a.notes.trim() === b.notes.trim();
}

/** The API's input, or the French message of each box that is not a whole number from 0 to 10 000 (the API's bound). */
export function toInput(figures: Figures): { input: CapacityInput } | { errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const numbers = {} as Record<FigureField, number>;
  for (const field of FIGURE_FIELDS) {
    const text = figures[field].trim();
    if (!/^\d+$/.test(text) || Number(text) > 10_000) errors[field] = text === '' ? 'Obligatoire.' : 'Nombre entier de 0 à 10 000.';
    else numbers[field] = Number(text);
  }
  if (figures.notes.length > 2000) errors.notes = 'Notes : 2 000 caractères au plus.';
  if (Object.keys(errors).length > 0) return { errors };
  const notes = figures.notes.trim();
  return { input: { ...numbers, notes: notes === '' ? null : notes } };
}

/** "H 2 · F 1 · Indiff. 0 · Installés 30 …": a record's figures in one line, for the conflict's two sides. */
export function describe(figures: Figures): string {
  const parts = [...AVAILABLE_FIELDS, ...OPERATIONAL_FIELDS].map((f) => `${f.short} ${figures[f.field] || '–'}`);
  if (figures.notes.trim()) parts.push(`notes « ${figures.notes.trim()} »`);
  return parts.join(' · ');
}
