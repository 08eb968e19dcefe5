/**
 * Planned closures (seasonal, works…) of the filtered units: the list, ending today or later, and,
 * for units the user closes beds of, a form to add one and "Supprimer". They change no current
 * figure and send no live event (docs/capacities.md § Planned closures): the list is read again
 * after each change made here.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { PlannedClosureReason } from '../../gql/graphql';
import { AddPlannedClosureMutation, PlannedClosuresQuery, RemovePlannedClosureMutation } from '../../operations/capacities';
import { frenchErrors } from '../../errors';
import { CAPACITY_RIGHTS, holdsOn, type Me } from '../../rights';
import { matches, type GridFilters } from './Filters';
import type { Unit } from './figures';

export const CLOSURE_REASONS: Record<PlannedClosureReason, string> = { SEASONAL: 'Fermeture saisonnière', WORKS: 'Travaux', STAFF: 'Manque de personnel', OTHER: 'Autre motif' };

const frenchDate = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString('fr-FR');

export function Closures(props: { me: Me; establishmentIds: string[]; units: Unit[]; filters: GridFilters }) {
  const [{ data, error }, reload] = useQuery({ query: PlannedClosuresQuery, variables: { filter: { establishmentIds: props.establishmentIds }, first: 200 }, pause: props.establishmentIds.length === 0, requestPolicy: 'network-only' });
  const [, remove] = useMutation(RemovePlannedClosureMutation);
  const [message, setMessage] = useState<string | null>(null);
  const shown = new Set(props.units.filter((u) => matches(u, props.filters)).map((u) => u.id));
  const closable = props.units.filter(
    (u) => shown.has(u.id) && holdsOn(props.me, CAPACITY_RIGHTS.closuresEdit, { unitId: u.id, establishmentId: u.establishment.id, organizationId: u.establishment.organization.id }),
  );
  const closures = (data?.units.edges ?? [])
    .map((e) => e.node)
    .filter((u) => shown.has(u.id))
    .flatMap((unit) => unit.plannedClosures.map((closure) => ({ unit, closure })))
    .sort((a, b) => a.closure.startDate.localeCompare(b.closure.startDate));
  const closableIds = new Set(closable.map((u) => u.id));
  return (
    <>
      {error && <Alert severity="error" small description={frenchErrors(error).general.join(' ') || 'Fermetures indisponibles.'} />}
      <p className="fr-text--sm" role="status">
        {message}
      </p>
      {closures.length === 0 ? (
        <p>Aucune fermeture prévue pour les unités filtrées.</p>
      ) : (
        <div className="capacity-scroll">
          <table className="capacity-grid">
            <caption className="fr-sr-only">Fermetures prévues</caption>
            <thead>
              <tr>
                <th scope="col">Unité</th>
                <th scope="col">Du</th>
                <th scope="col">Au</th>
                <th scope="col">Lits fermés</th>
                <th scope="col">Motif</th>
                <th scope="col">Saisie</th>
                <th scope="col">
                  <span className="fr-sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {closures.map(({ unit, closure }) => (
                <tr key={closure.id} aria-label={`${unit.name}, du ${frenchDate(closure.startDate)}`}>
                  <th scope="row">
                    {unit.name}
                    <br />
                    <span className="fr-text--xs">{unit.establishment.name}</span>
                  </th>
                  <td>{frenchDate(closure.startDate)}</td>
                  <td>{frenchDate(closure.endDate)}</td>
                  <td className="capacity-number">{closure.beds}</td>
                  <td>
                    {CLOSURE_REASONS[closure.reason]}
                    {closure.notes ? ` — ${closure.notes}` : ''}
                  </td>
                  <td>par {closure.createdBy ?? 'import'}</td>
                  <td>
                    {closableIds.has(unit.id) && (
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={async () => {
                          const result = await remove({ id: closure.id });
                          setMessage(result.error ? frenchErrors(result.error).general.join(' ') : `Fermeture de ${unit.name} supprimée.`);
                          reload({ requestPolicy: 'network-only' });
                        }}
                      >
                        Supprimer<span className="fr-sr-only"> la fermeture de {unit.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closable.length > 0 && (
        <ClosureForm
          units={closable}
          onAdded={(name) => {
            setMessage(`Fermeture de ${name} enregistrée.`);
            reload({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

function ClosureForm(props: { units: Unit[]; onAdded: (unitName: string) => void }) {
  const [, add] = useMutation(AddPlannedClosureMutation);
  const [unitId, setUnitId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [beds, setBeds] = useState('');
  const [reason, setReason] = useState<PlannedClosureReason>('SEASONAL');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const state = (field: string) => (errors[field] ? { state: 'error' as const, stateRelatedMessage: errors[field] } : {});
  const submit = async () => {
    const local: Record<string, string> = {};
    if (!unitId) local.unitId = 'Choisissez une unité.';
    if (!startDate) local.startDate = 'Indiquez le premier jour fermé.';
    if (!endDate) local.endDate = 'Indiquez le dernier jour fermé.';
    if (!/^\d+$/.test(beds.trim()) || Number(beds) < 1) local.beds = 'Nombre de lits fermés : un entier d’au moins 1.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const result = await add({ unitId, input: { startDate, endDate, beds: Number(beds), reason, notes: notes.trim() || null } });
    if (result.error) {
      const french = frenchErrors(result.error);
      setErrors(french.fields);
      return setGeneral(french.general.join(' ') || null);
    }
    setGeneral(null);
    setBeds('');
    setNotes('');
    props.onAdded(props.units.find((u) => u.id === unitId)?.name ?? unitId);
  };
  return (
    <form
      className="fr-mt-4w"
      aria-labelledby="closure-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="closure-form" className="fr-h5">
        Prévoir une fermeture
      </h2>
      {general && <Alert severity="error" small description={general} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Unité" {...state('unitId')} nativeSelectProps={{ value: unitId, onChange: (e) => setUnitId(e.target.value) }}>
            <option value="">Choisir une unité</option>
            {props.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.establishment.name})
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <Input label="Premier jour fermé" {...state('startDate')} nativeInputProps={{ type: 'date', value: startDate, onChange: (e) => setStartDate(e.target.value) }} />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <Input label="Dernier jour fermé" {...state('endDate')} nativeInputProps={{ type: 'date', value: endDate, onChange: (e) => setEndDate(e.target.value) }} />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <Input label="Lits fermés" {...state('beds')} nativeInputProps={{ inputMode: 'numeric', value: beds, onChange: (e) => setBeds(e.target.value) }} />
        </div>
        <div className="fr-col-6 fr-col-md-2">
          <Select label="Motif" nativeSelectProps={{ value: reason, onChange: (e) => setReason(e.target.value as PlannedClosureReason) }}>
            {Object.entries(CLOSURE_REASONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input label="Notes (facultatif)" {...state('notes')} nativeInputProps={{ value: notes, onChange: (e) => setNotes(e.target.value) }} />
        </div>
      </div>
      <Button type="submit">Enregistrer la fermeture</Button>
    </form>
  );
}
