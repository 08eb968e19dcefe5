/**
 * The capacity grid: the filtered units, one table per establishment, grouped by pôle; "Valider"
 * per row (updateUnitCapacity: unchanged figures still confirm them, the seed's daily check) and
 * "Tout valider" (updateCapacities, all or nothing, each row with the version it was read at).
 * A stale version is refused with CONFLICT: the row reads the unit again and shows both values.
 */
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CombinedError } from 'urql';
import type { CapacityInput } from '../../gql/graphql';
import { CapacityUnitQuery, UpdateCapacitiesMutation, UpdateUnitCapacityMutation } from '../../operations/capacities';
import { frenchErrors } from '../../errors';
import { CAPACITY_RIGHTS, holdsOn, type Me } from '../../rights';
import { AVAILABLE_FIELDS, OPERATIONAL_FIELDS, figuresOf, toInput, type Capacity, type Field, type Figures, type Unit } from './figures';
import { Row, type RowState } from './Row';

const NO_POLE = 'Hors pôle';

export function Grid(props: { me: Me; units: Unit[]; live: ReadonlySet<string>; now: number; onCapacity: (unitId: string, capacity: Capacity) => void }) {
  const client = useClient();
  const [, updateOne] = useMutation(UpdateUnitCapacityMutation);
  const [, updateMany] = useMutation(UpdateCapacitiesMutation);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [batch, setBatch] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [batchBusy, setBatchBusy] = useState(false);

  const patch = (unitId: string, change: Partial<RowState> | null) =>
    setRows((current) => ({ ...current, [unitId]: change === null ? {} : { ...current[unitId], ...change } }));
  const editable = (unit: Unit) =>
    holdsOn(props.me, CAPACITY_RIGHTS.entry, { unitId: unit.id, establishmentId: unit.establishment.id, organizationId: unit.establishment.organization.id });

  const type = (unit: Unit, field: Field, value: string) =>
    setRows((current) => {
      const state = current[unit.id] ?? {};
      const draft = state.draft ?? { figures: figuresOf(unit.capacity), baseVersion: unit.capacity?.version ?? 0 };
      return { ...current, [unit.id]: { ...state, draft: { ...draft, figures: { ...draft.figures, [field]: value } }, errors: { ...state.errors, [field]: undefined } } };
    });

  /** After a refusal for a stale version: the unit as it is now, and the user's figures to choose from. */
  const showConflict = async (unit: Unit, mine: Figures) => {
    const read = await client.query(CapacityUnitQuery, { id: unit.id }, { requestPolicy: 'network-only' }).toPromise();
    const current = read.data?.unit?.capacity;
    if (current) props.onCapacity(unit.id, current);
    patch(unit.id, { conflict: mine, busy: false, message: undefined });
  };

  const refused = (unit: Unit, error: CombinedError, figures: Figures): boolean => {
    const french = frenchErrors(error);
    if (french.codes.has('CONFLICT')) {
      void showConflict(unit, figures);
      return true;
    }
    patch(unit.id, { busy: false, errors: french.fields, message: french.general.join(' ') || (Object.keys(french.fields).length ? 'Saisie refusée : voir les cases en rouge.' : undefined) });
    return true;
  };

  const send = async (unit: Unit, figures: Figures, expectedVersion: number) => {
    const checked = toInput(figures);
    if ('errors' in checked) return patch(unit.id, { errors: checked.errors, message: 'Saisie incomplète : voir les cases en rouge.' });
    patch(unit.id, { busy: true, errors: {}, message: undefined });
    const result = await updateOne({ unitId: unit.id, input: checked.input, expectedVersion });
    if (result.error) return void refused(unit, result.error, figures);
    props.onCapacity(unit.id, result.data!.updateUnitCapacity);
    patch(unit.id, null);
    patch(unit.id, { message: 'Validé.' });
  };

  const validate = (unit: Unit) => {
    const state = rows[unit.id] ?? {};
    const figures = state.draft?.figures ?? figuresOf(unit.capacity);
    void send(unit, figures, state.draft?.baseVersion ?? unit.capacity?.version ?? 0);
  };
  // "Garder ma saisie": the user's figures again, over the version they have now seen.
  const keepMine = (unit: Unit) => {
    const mine = rows[unit.id]?.conflict;
    if (mine) void send(unit, mine, unit.capacity?.version ?? 0);
  };
  const takeCurrent = (unit: Unit) => {
    patch(unit.id, null);
    patch(unit.id, { message: 'Valeur actuelle conservée.' });
  };

  /** Every row the user enters for and that has figures (typed, or a record to confirm). */
  const validateAll = async () => {
    const entries: Array<{ unit: Unit; figures: Figures; input: CapacityInput; version: number }> = [];
    const invalid: Record<string, Partial<Record<Field, string>>> = {};
    for (const unit of props.units.filter(editable)) {
      const state = rows[unit.id] ?? {};
      if (!state.draft && !unit.capacity) continue;
      const figures = state.draft?.figures ?? figuresOf(unit.capacity);
      const checked = toInput(figures);
      if ('errors' in checked) invalid[unit.id] = checked.errors;
      else entries.push({ unit, figures, input: checked.input, version: state.draft?.baseVersion ?? unit.capacity?.version ?? 0 });
    }
    if (Object.keys(invalid).length > 0) {
      for (const [unitId, errors] of Object.entries(invalid)) patch(unitId, { errors, message: 'Saisie incomplète : voir les cases en rouge.' });
      return setBatch({ severity: 'error', text: 'Rien n’a été enregistré : corrigez les cases en rouge.' });
    }
    setBatchBusy(true);
    const result = await updateMany({ entries: entries.map((e) => ({ unitId: e.unit.id, input: e.input, expectedVersion: e.version })) });
    setBatchBusy(false);
    if (result.error) {
      // All or nothing: the API names the first entry at fault (extensions.entryIndex).
      const failed = result.error.graphQLErrors[0]?.extensions?.entryIndex;
      const entry = typeof failed === 'number' ? entries[failed] : undefined;
      if (entry) refused(entry.unit, result.error, entry.figures);
      return setBatch({ severity: 'error', text: `Rien n’a été enregistré${entry ? ` : ${entry.unit.name} est à revoir (ci-dessous)` : ''}. ${frenchErrors(result.error).general.join(' ')}`.trim() });
    }
    result.data!.updateCapacities.forEach((capacity, index) => {
      const unit = entries[index]!.unit;
      props.onCapacity(unit.id, capacity);
      patch(unit.id, null);
    });
    setBatch({ severity: 'success', text: `${entries.length} unités validées à ${new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}.` });
  };

  const byEstablishment = new Map<string, Unit[]>();
  for (const unit of props.units) byEstablishment.set(unit.establishment.id, [...(byEstablishment.get(unit.establishment.id) ?? []), unit]);
  const anyEditable = props.units.some(editable);

  return (
    <>
      {props.units.length === 0 && <p>Aucune unité ne correspond aux filtres.</p>}
      {[...byEstablishment.values()].map((units) => (
        <Establishment key={units[0]!.establishment.id} units={units}>
          {(unit) => (
            <Row
              key={unit.id}
              unit={unit}
              state={rows[unit.id] ?? {}}
              editable={editable(unit)}
              live={props.live.has(unit.id)}
              now={props.now}
              onType={(field, value) => type(unit, field, value)}
              onValidate={() => validate(unit)}
              onKeepMine={() => keepMine(unit)}
              onTakeCurrent={() => takeCurrent(unit)}
            />
          )}
        </Establishment>
      ))}
      {batch && (
        <div role="status" className="fr-mb-2w">
          <Alert severity={batch.severity} small description={batch.text} />
        </div>
      )}
      {anyEditable && props.units.length > 0 && (
        <Button iconId="fr-icon-check-line" disabled={batchBusy} onClick={() => void validateAll()}>
          Tout valider
        </Button>
      )}
    </>
  );
}

/** One establishment's table, its units grouped by pôle (the seed's "par pôle" display), then by discipline and name. */
function Establishment(props: { units: Unit[]; children: (unit: Unit) => React.ReactNode }) {
  const establishment = props.units[0]!.establishment;
  const poleOf = (unit: Unit) => unit.pole?.name ?? NO_POLE;
  const sorted = [...props.units].sort((a, b) => poleOf(a).localeCompare(poleOf(b), 'fr') || a.discipline.localeCompare(b.discipline) || a.name.localeCompare(b.name, 'fr'));
  const poles = [...new Set(sorted.map(poleOf))];
  return (
    <section aria-label={establishment.name}>
      <h2 className="fr-h5 fr-mb-1w">{establishment.name}</h2>
      <div className="capacity-scroll">
        <table className="capacity-grid capacity-wide">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Unité
              </th>
              <th scope="colgroup" colSpan={4}>
                Capacité disponible immédiate
              </th>
              <th scope="colgroup" colSpan={5}>
                Capacité opérationnelle
              </th>
              <th scope="col" rowSpan={2}>
                Total opérationnel
              </th>
              <th scope="col" rowSpan={2}>
                Reste à mobiliser
              </th>
              <th scope="col" rowSpan={2}>
                Notes
              </th>
              <th scope="col" rowSpan={2}>
                Mise à jour
              </th>
              <th scope="col" rowSpan={2}>
                <span className="fr-sr-only">Action</span>
              </th>
            </tr>
            <tr>
              {AVAILABLE_FIELDS.map((f) => (
                <th key={f.field} scope="col" title={f.label}>
                  {f.short}
                </th>
              ))}
              <th scope="col">Total</th>
              {OPERATIONAL_FIELDS.map((f) => (
                <th key={f.field} scope="col" title={f.label}>
                  {f.short}
                </th>
              ))}
            </tr>
          </thead>
          {poles.map((pole) => (
            <tbody key={pole}>
              <tr className="capacity-group">
                <th scope="rowgroup" colSpan={15}>
                  {pole}
                </th>
              </tr>
              {sorted.filter((unit) => poleOf(unit) === pole).map((unit) => props.children(unit))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
