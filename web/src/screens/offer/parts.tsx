/** Small pieces shared by the "Offre" and "Professionnels" screens. */
import type { ReactNode } from 'react';

/** A record's fields as a description list: label, then value ("Non renseigné" when empty). */
export function Fields(props: { rows: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="ror-fields">
      {props.rows.map(([label, value]) => (
        <div key={label} className="fr-grid-row fr-mb-1w">
          <dt className="fr-col-12 fr-col-md-4 fr-text--bold">{label}</dt>
          <dd className="fr-col-12 fr-col-md-8 fr-m-0">{isEmpty(value) ? <span className="fr-text-mention--grey">Non renseigné</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Codes with their NOS labels: "Label (code)". */
export function codings(values: ReadonlyArray<{ code: string; display?: string | null }>): string {
  return values.map((value) => (value.display ? `${value.display} (${value.code})` : value.code)).join(', ');
}

/** Text input → API value: blank is null (clears), else trimmed. */
export function textOrNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** Whole number typed in a field: null when blank, NaN when not a whole number (the form says so). */
export function wholeOrNull(value: string): number | null {
  if (value.trim() === '') return null;
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}
