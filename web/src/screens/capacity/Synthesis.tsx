/**
 * The synthesis (capacitySynthesis) of the user's reach, by establishment, discipline or
 * département, narrowed by the grid's establishment and discipline; read again at each live change.
 */
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CapacityGrouping, ConsoleCapacityTotalsFragment, Discipline } from '../../gql/graphql';
import { CapacitySynthesisQuery } from '../../operations/capacities';
import { DISCIPLINES, minutesAgo } from '../../labels';
import { frenchErrors } from '../../errors';
import type { GridFilters } from './Filters';

const GROUPINGS: Record<string, { label: string; groupBy: CapacityGrouping[] }> = {
  establishment: { label: 'Par établissement, puis discipline', groupBy: ['ESTABLISHMENT', 'DISCIPLINE'] },
  discipline: { label: 'Par discipline', groupBy: ['DISCIPLINE'] },
  department: { label: 'Par département, puis établissement', groupBy: ['DEPARTMENT', 'ESTABLISHMENT'] },
};

function labelOf(group: { level: CapacityGrouping; key: string; label?: string | null }): string {
  if (group.level === 'DISCIPLINE') return DISCIPLINES[group.key as Discipline] ?? group.key;
  if (group.level === 'DEPARTMENT') return `Département ${group.key}`;
  return group.label ?? group.key;
}

export function Synthesis(props: { filters: GridFilters; liveChanges: number; now: number }) {
  const [grouping, setGrouping] = useState('establishment');
  const filter = { establishmentId: props.filters.establishmentId || null, disciplines: props.filters.discipline ? [props.filters.discipline] : null };
  const [{ data, error, fetching }, reload] = useQuery({ query: CapacitySynthesisQuery, variables: { groupBy: GROUPINGS[grouping]!.groupBy, filter }, requestPolicy: 'network-only' });
  useEffect(() => {
    if (props.liveChanges > 0) reload({ requestPolicy: 'network-only' });
  }, [props.liveChanges, reload]);
  const synthesis = data?.capacitySynthesis;
  const line = (key: string, label: string, totals: ConsoleCapacityTotalsFragment, sub = false) => (
    <tr key={key} className={sub ? 'capacity-sub' : undefined}>
      <th scope="row">{label}</th>
      <td className="capacity-number">{totals.units}</td>
      <td className="capacity-number">{totals.availableBeds}</td>
      <td className="capacity-number">{totals.installedBeds}</td>
      <td className="capacity-number">{totals.closedBeds}</td>
      <td className="capacity-number">
        {totals.reopenedBeds} / {totals.reopenableBeds}
      </td>
      <td className="capacity-number">{totals.mobilisedBeds}</td>
      <td className="capacity-number">{totals.crisisMobilisedBeds}</td>
      <td className="capacity-number">{totals.temporarilyAssignedBeds}</td>
      <td className="capacity-number">{totals.totalOperational}</td>
      <td className="capacity-number">{totals.remainingToMobilise}</td>
      <td>{totals.oldestUpdate ? minutesAgo(totals.oldestUpdate, props.now) : '–'}</td>
    </tr>
  );
  return (
    <>
      <Select className="fr-col-12 fr-col-md-6" label="Regroupement" nativeSelectProps={{ value: grouping, onChange: (e) => setGrouping(e.target.value) }}>
        {Object.entries(GROUPINGS).map(([id, g]) => (
          <option key={id} value={id}>
            {g.label}
          </option>
        ))}
      </Select>
      {error && <Alert severity="error" small description={frenchErrors(error).general.join(' ') || 'Synthèse indisponible.'} />}
      {fetching && !synthesis && <p>Chargement…</p>}
      {synthesis && (
        <div className="capacity-scroll">
          <table className="capacity-grid">
            <caption className="fr-sr-only">Synthèse des capacités</caption>
            <thead>
              <tr>
                <th scope="col">Groupe</th>
                <th scope="col">Unités</th>
                <th scope="col">Lits disponibles</th>
                <th scope="col">Installés</th>
                <th scope="col">Fermés</th>
                <th scope="col">Réouverts / réactivables</th>
                <th scope="col">Mobilisés</th>
                <th scope="col" title="Lits supplémentaires mobilisés pour une crise (Plan blanc, PMIE : TRE_R336)">Mobilisés pour une crise</th>
                <th scope="col" title="Lits opérationnels des unités en affectation temporaire (Covid+ / Covid- : TRE_R337)">En affectation temporaire</th>
                <th scope="col">Total opérationnel</th>
                <th scope="col">Reste à mobiliser</th>
                <th scope="col">Plus ancienne mise à jour</th>
              </tr>
            </thead>
            <tbody>
              {line('total', 'Total', synthesis.totals)}
              {synthesis.groups.flatMap((group) => [
                line(`${group.level}:${group.key}`, labelOf(group), group.totals),
                ...group.groups.map((sub) => line(`${group.key}/${sub.key}`, labelOf(sub), sub.totals, true)),
              ])}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
