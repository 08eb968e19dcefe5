/**
 * "Tableau de bord" of a département: free beds by discipline (capacity synthesis), tensions in
 * progress, admission requests and answer delays over the last 30 days, population indicators.
 * A capacity or tension change in the département (capacityChanged, tensionChanged) reads the
 * figures again and says who changed what, when. A section the user's rights do not open says so.
 */
import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CombinedError } from 'urql';
import { DashboardCapacityChangedSubscription, DashboardTensionChangedSubscription, DashboardTensionsQuery } from '../../operations/dashboard';
import { dateTime, minutesAgo } from '../../labels';
import { rightsOf, type Me } from '../../rights';
import { SYNTHESIS_RIGHTS, useBeds, type Beds } from './beds';
import { DepartmentSelect, number, useDepartment } from '../territory';
import { AdmissionsSection, PopulationSection } from './sections';

export function Dashboard(props: { me: Me }) {
  const territory = useDepartment(props.me);
  const name = territory.departments.find((d) => d.code === territory.code)?.name ?? '';
  return (
    <>
      <h1>Tableau de bord</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DepartmentSelect departments={territory.departments} code={territory.code} onChange={territory.choose} />
        </div>
      </div>
      {territory.code && <Territory key={territory.code} code={territory.code} name={name} synthesis={SYNTHESIS_RIGHTS.some((r) => rightsOf(props.me).has(r))} />}
    </>
  );
}

function Territory(props: { code: string; name: string; synthesis: boolean }) {
  const variables = { departmentCode: props.code };
  const capacity = useBeds(props.code, props.synthesis);
  const [tensions, reloadTensions] = useQuery({ query: DashboardTensionsQuery, variables, requestPolicy: 'network-only' });
  const [lastChange, setLastChange] = useState<string | null>(null);
  useSubscription({ query: DashboardCapacityChangedSubscription, variables, pause: capacity.failed !== null }, (_previous, event) => {
    const change = event.capacityChanged;
    setLastChange(`Lits mis à jour en direct : ${change.unit.name} (${change.unit.establishment.name}), par ${change.capacity.updatedBy ?? 'un flux automatique'}, ${dateTime(change.at)}.`);
    capacity.reload();
    return event;
  });
  useSubscription({ query: DashboardTensionChangedSubscription, variables, pause: Boolean(tensions.error) }, (_previous, event) => {
    const change = event.tensionChanged;
    const author = change.entries[change.entries.length - 1]?.author;
    setLastChange(`Tension mise à jour en direct : ${change.tension.establishment.name}${author ? `, par ${author}` : ''}, ${dateTime(change.at)}.`);
    reloadTensions({ requestPolicy: 'network-only' });
    return event;
  });
  return (
    <>
      <p className="fr-text--sm" aria-live="polite">
        {lastChange ?? 'Les lits et les tensions de ce département se mettent à jour ici sans recharger la page.'}
      </p>
      <section aria-labelledby="lits" className="fr-mt-2w">
        <h2 id="lits">Lits disponibles par discipline — {props.name}</h2>
        {capacity.failed && <Alert severity="info" small description={capacity.failed === 'forbidden' ? 'Vos droits ne donnent pas accès à ces chiffres pour ce département.' : 'Chiffres indisponibles : réessayez dans un instant.'} />}
        {!capacity.beds && !capacity.failed && <p>Chargement…</p>}
        {capacity.beds && <CapacityTable beds={capacity.beds} />}
      </section>
      <section aria-labelledby="tensions" className="fr-mt-4w">
        <h2 id="tensions">Tensions en cours ({tensions.data?.tensions.totalCount ?? '…'})</h2>
        <Unavailable error={tensions.error} />
        {tensions.data && (tensions.data.tensions.edges.length === 0 ? <p>Aucune tension en cours dans ce département.</p> : (
          <div className="fr-table fr-table--sm">
            <table>
              <caption className="fr-sr-only">Tensions en cours</caption>
              <thead>
                <tr>
                  <th scope="col">Établissement</th>
                  <th scope="col">Discipline</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Depuis</th>
                </tr>
              </thead>
              <tbody>
                {tensions.data.tensions.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.establishment.name}</td>
                    <td>{node.disciplineGroup}</td>
                    <td>{node.levelDetail.label}</td>
                    <td>{dateTime(node.startedAt)}{node.declaredBy ? `, par ${node.declaredBy}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <AdmissionsSection code={props.code} />
      <PopulationSection code={props.code} />
    </>
  );
}

/** A section the API refused or could not give: said in French, the others still shown. */
export function Unavailable(props: { error: CombinedError | undefined }) {
  if (!props.error) return null;
  const forbidden = props.error.graphQLErrors.some((g) => g.extensions?.code === 'FORBIDDEN');
  return <Alert severity="info" small description={forbidden ? 'Vos droits ne donnent pas accès à ces chiffres pour ce département.' : 'Chiffres indisponibles : réessayez dans un instant.'} />;
}

function CapacityTable(props: { beds: Beds }) {
  const { rows: groups, total } = props.beds;
  const rows = [...groups].sort((a, b) => b.availableBeds - a.availableBeds);
  const line = (r: typeof total) => (
    <>
      <td>{number(r.availableBeds)}</td>
      <td>{number(r.installedBeds)}</td>
      <td>{r.units}{r.unitsWithoutCapacity > 0 ? ` (${r.unitsWithoutCapacity})` : ''}</td>
      <td>{r.oldestUpdate ? minutesAgo(r.oldestUpdate) : '—'}</td>
    </>
  );
  return (
    <div className="fr-table fr-table--sm">
      <table>
        <caption className="fr-sr-only">Lits disponibles par discipline</caption>
        <thead>
          <tr>
            <th scope="col">Discipline</th>
            <th scope="col">Lits disponibles</th>
            <th scope="col">Lits installés</th>
            <th scope="col">Unités (dont sans saisie)</th>
            <th scope="col">Saisie la plus ancienne</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key} data-discipline={g.key}>
              <th scope="row">{g.label}</th>
              {line(g)}
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            {line(total)}
          </tr>
        </tbody>
      </table>
      <p className="fr-text--xs">{props.beds.source === 'synthesis' ? 'Source : synthèse des capacités du hub.' : 'Source : capacités des unités que vos droits permettent de lire, additionnées par discipline.'}</p>
    </div>
  );
}
