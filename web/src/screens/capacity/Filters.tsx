/**
 * The grid's filters (establishment, discipline, pôle, text) and the user's saved filters. A saved
 * filter is the API's saved synthesis filter (establishment and disciplines: what it stores), so
 * the same filter serves the grid and the synthesis; pôle and text are not saved (the API has no
 * field for them).
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { Discipline } from '../../gql/graphql';
import { DeleteCapacityFilterMutation, SaveCapacityFilterMutation, SavedCapacityFiltersQuery } from '../../operations/capacities';
import { DISCIPLINES } from '../../labels';
import { frenchErrors } from '../../errors';
import type { Unit } from './figures';
import type { Perimeter } from './perimeter';

export interface GridFilters {
  establishmentId: string;
  discipline: Discipline | '';
  poleId: string;
  text: string;
}

export const NO_FILTERS: GridFilters = { establishmentId: '', discipline: '', poleId: '', text: '' };

/** Accent- and case-insensitive, as the hub's own name searches. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function matches(unit: Unit, filters: GridFilters): boolean {
  if (filters.establishmentId && unit.establishment.id !== filters.establishmentId) return false;
  if (filters.discipline && unit.discipline !== filters.discipline) return false;
  if (filters.poleId && unit.pole?.id !== filters.poleId) return false;
  const text = fold(filters.text.trim());
  return !text || fold(`${unit.name} ${unit.ufCode}`).includes(text);
}

export function Filters(props: { perimeter: Perimeter; units: Unit[]; filters: GridFilters; onChange: (filters: GridFilters) => void; canSave: boolean }) {
  const { filters, onChange } = props;
  const poles = new Map(props.units.filter((u) => u.pole && (!filters.establishmentId || u.establishment.id === filters.establishmentId)).map((u) => [u.pole!.id, u.pole!.name]));
  return (
    <form className="fr-grid-row fr-grid-row--gutters fr-mb-1w" role="search" aria-label="Filtres de la grille" onSubmit={(e) => e.preventDefault()}>
      <div className="fr-col-12 fr-col-md-3">
        <Select
          label="Établissement"
          nativeSelectProps={{ value: filters.establishmentId, onChange: (e) => onChange({ ...filters, establishmentId: e.target.value, poleId: '' }) }}
        >
          <option value="">{props.perimeter.transversal ? 'Choisir un établissement' : 'Tous vos établissements'}</option>
          {props.perimeter.establishments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Select label="Discipline" nativeSelectProps={{ value: filters.discipline, onChange: (e) => onChange({ ...filters, discipline: e.target.value as Discipline | '' }) }}>
          <option value="">Toutes</option>
          {Object.entries(DISCIPLINES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Select label="Pôle" nativeSelectProps={{ value: filters.poleId, onChange: (e) => onChange({ ...filters, poleId: e.target.value }) }}>
          <option value="">Tous</option>
          {[...poles].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Input label="Unité (nom ou UF)" nativeInputProps={{ value: filters.text, onChange: (e) => onChange({ ...filters, text: e.target.value }) }} />
      </div>
      {props.canSave && (
        <details className="capacity-saved fr-col-12">
          <summary>Mes filtres enregistrés</summary>
          <div className="fr-grid-row fr-grid-row--gutters">
            <SavedFilters filters={filters} onApply={onChange} />
          </div>
        </details>
      )}
    </form>
  );
}

function SavedFilters(props: { filters: GridFilters; onApply: (filters: GridFilters) => void }) {
  const [{ data }, reload] = useQuery({ query: SavedCapacityFiltersQuery, requestPolicy: 'network-only' });
  const [, save] = useMutation(SaveCapacityFilterMutation);
  const [, remove] = useMutation(DeleteCapacityFilterMutation);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const saved = data?.mySavedCapacityFilters ?? [];
  const apply = (id: string) => {
    setChosen(id);
    const filter = saved.find((f) => f.id === id);
    if (filter) props.onApply({ ...NO_FILTERS, establishmentId: filter.establishmentId ?? '', discipline: (filter.disciplines[0] as Discipline | undefined) ?? '' });
  };
  // The default filter applies when the page opens, once.
  const appliedDefault = useRef(false);
  useEffect(() => {
    const first = data?.mySavedCapacityFilters.find((f) => f.isDefault);
    if (!data || appliedDefault.current) return;
    appliedDefault.current = true;
    if (first) apply(first.id);
  }, [data]);

  const submit = async () => {
    if (!name.trim()) return setError('Donnez un nom au filtre.');
    const result = await save({
      input: {
        name: name.trim(),
        isDefault,
        groupBy: ['ESTABLISHMENT', 'DISCIPLINE'],
        filter: { establishmentId: props.filters.establishmentId || null, disciplines: props.filters.discipline ? [props.filters.discipline] : [] },
      },
    });
    if (result.error) {
      const french = frenchErrors(result.error);
      return setError(french.codes.has('CONFLICT') ? 'Vous avez déjà un filtre de ce nom.' : (french.fields.name ?? Object.values(french.fields)[0] ?? french.general.join(' ')));
    }
    setError(null);
    setName('');
    setMessage(`Filtre « ${result.data!.saveCapacityFilter.name} » enregistré.`);
    setChosen(result.data!.saveCapacityFilter.id);
    reload({ requestPolicy: 'network-only' });
  };
  const drop = async () => {
    const filter = saved.find((f) => f.id === chosen);
    if (!filter) return;
    const result = await remove({ id: filter.id });
    if (result.error) return setError(frenchErrors(result.error).general.join(' '));
    setChosen('');
    setMessage(`Filtre « ${filter.name} » supprimé.`);
    reload({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <div className="fr-col-12 fr-col-md-3">
        <Select label="Mes filtres" nativeSelectProps={{ value: chosen, onChange: (e) => apply(e.target.value) }}>
          <option value="">{saved.length ? 'Choisir un filtre enregistré' : 'Aucun filtre enregistré'}</option>
          {saved.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
              {f.isDefault ? ' (par défaut)' : ''}
            </option>
          ))}
        </Select>
        {chosen && (
          <Button size="small" priority="tertiary" type="button" onClick={() => void drop()}>
            Supprimer ce filtre
          </Button>
        )}
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Input
          label="Enregistrer les filtres sous le nom"
          state={error ? 'error' : 'default'}
          stateRelatedMessage={error ?? undefined}
          nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Checkbox small options={[{ label: 'Filtre par défaut', nativeInputProps: { checked: isDefault, onChange: (e) => setIsDefault(e.target.checked) } }]} />
        <Button size="small" priority="secondary" type="button" onClick={() => void submit()}>
          Enregistrer le filtre
        </Button>
      </div>
      <p className="fr-col-12 fr-text--sm fr-mb-0" role="status">
        {message}
      </p>
    </>
  );
}
