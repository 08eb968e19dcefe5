/**
 * One unit of the grid: its figures as boxes (when the user enters for it) or as text, the last
 * update (who, how long ago), "Valider", and under it the conflict to settle when the unit
 * changed while the user was typing.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { DISCIPLINES, minutesAgo } from '../../labels';
import { AVAILABLE_FIELDS, OPERATIONAL_FIELDS, describe, figuresOf, type Capacity, type Field, type Figures, type Unit } from './figures';

export const COLUMNS = 15;

const SOURCES: Record<Capacity['source'], string> = { MANUAL: 'saisie manuelle', AUTOMATIC_FEED: 'flux automatique', IMPORT: 'import' };

/** Who made the last update: the login or application, else how the figures came (the seed's records name nobody). */
export function who(capacity: Capacity): string {
  return capacity.updatedBy ?? SOURCES[capacity.source];
}

export interface RowState {
  /** What the user typed, and the version they started from; absent while they have not typed. */
  draft?: { figures: Figures; baseVersion: number };
  /** The figures the API refused as stale: the user chooses between them and the current ones. */
  conflict?: Figures;
  errors?: Partial<Record<Field, string>>;
  message?: string;
  busy?: boolean;
}

export function Row(props: {
  unit: Unit;
  state: RowState;
  editable: boolean;
  /** Changed by someone else since the page showed it (live), with who and when in the row. */
  live: boolean;
  now: number;
  onType: (field: Field, value: string) => void;
  onValidate: () => void;
  onKeepMine: () => void;
  onTakeCurrent: () => void;
}) {
  const { unit, state, editable } = props;
  const capacity = unit.capacity;
  const shown = state.draft?.figures ?? figuresOf(capacity);
  // The unit changed (live) while the user was typing: say so now, the API will refuse the stale version.
  const changedMeanwhile = state.draft && capacity && capacity.version !== state.draft.baseVersion;
  const rowClass = changedMeanwhile || state.conflict ? 'capacity-edited' : props.live ? 'capacity-live' : undefined;
  const box = (field: Field, label: string) => {
    const error = state.errors?.[field];
    const id = `cap-${unit.id}-${field}`;
    if (!editable) return <span>{field === 'notes' ? shown.notes || '–' : shown[field] || '–'}</span>;
    return (
      <>
        <input
          id={id}
          className={`fr-input${field === 'notes' ? ' capacity-notes' : ''}`}
          inputMode={field === 'notes' ? 'text' : 'numeric'}
          aria-label={`${label} — ${unit.name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={shown[field]}
          onChange={(e) => props.onType(field, e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onValidate();
          }}
        />
        {error && (
          <p id={`${id}-error`} className="capacity-error fr-mb-0">
            {error}
          </p>
        )}
      </>
    );
  };
  const total = capacity ? capacity.available.total : null;
  return (
    <>
      <tr className={rowClass} aria-label={unit.name}>
        <th scope="row" className="capacity-unit">
          {unit.name}
          <br />
          <span className="fr-text--xs">
            {DISCIPLINES[unit.discipline]} · UF {unit.ufCode}
          </span>
        </th>
        {AVAILABLE_FIELDS.map((f) => (
          <td key={f.field}>{box(f.field, f.label)}</td>
        ))}
        <td className="capacity-number">{total ?? '–'}</td>
        {OPERATIONAL_FIELDS.map((f) => (
          <td key={f.field}>{box(f.field, f.label)}</td>
        ))}
        <td className="capacity-number">{capacity?.totalOperational ?? '–'}</td>
        <td className="capacity-number">{capacity?.remainingToMobilise ?? '–'}</td>
        <td>{box('notes', 'Notes')}</td>
        <td className="capacity-when">
          {capacity ? (
            <span title={new Date(capacity.updatedAt).toLocaleString('fr-FR')}>
              {minutesAgo(capacity.updatedAt, props.now)}
              <br />
              par {who(capacity)}
            </span>
          ) : (
            'Jamais saisie'
          )}
          {props.live && !changedMeanwhile && (
            <>
              <br />
              <Badge severity="success" small noIcon>
                en direct
              </Badge>
            </>
          )}
          {state.message && <p className="fr-text--xs fr-mb-0" role="status">{state.message}</p>}
        </td>
        <td>
          {editable && (
            <Button size="small" priority={state.draft ? 'primary' : 'secondary'} disabled={state.busy} onClick={props.onValidate}>
              Valider<span className="fr-sr-only"> {unit.name}</span>
            </Button>
          )}
        </td>
      </tr>
      {(changedMeanwhile || state.conflict) && capacity && (
        <tr className="capacity-edited">
          <td colSpan={COLUMNS}>
            <div role="alert" aria-label={`Conflit — ${unit.name}`}>
              <p className="fr-mb-1v">
                <strong>
                  {state.conflict ? 'Votre saisie n’a pas été enregistrée :' : 'Attention :'} {unit.name} a été modifiée par {who(capacity)}{' '}
                  {minutesAgo(capacity.updatedAt, props.now)} pendant votre saisie.
                </strong>
              </p>
              {state.conflict && (
                <>
                  <p className="fr-mb-1v">Votre saisie : {describe(state.conflict)}</p>
                  <p className="fr-mb-1w">
                    Valeur actuelle ({who(capacity)}, {new Date(capacity.updatedAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}) : {describe(figuresOf(capacity))}
                  </p>
                  <Button size="small" className="fr-mr-2w" disabled={state.busy} onClick={props.onKeepMine}>
                    Garder ma saisie
                  </Button>
                  <Button size="small" priority="secondary" disabled={state.busy} onClick={props.onTakeCurrent}>
                    Prendre la valeur actuelle
                  </Button>
                </>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
