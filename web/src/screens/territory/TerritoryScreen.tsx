/**
 * "Gestion territoriale": the bed-manager dashboard of a territory (docs/territory.md) — per
 * establishment its contact and answer delay, free beds by discipline, EHPAD places and patients
 * waiting for a downstream place, the maturity index of its intra-hospital bed management, with
 * the territory's totals; rows replaced live as
 * territoryDashboardChanged sends them; bed blockers by destination; and each département's
 * emergency table (RPU of the day, BJML, beds available).
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ConsoleTerritoryRowFragment } from '../../gql/graphql';
import { TerritoriesQuery, TerritoryDashboardChangedSubscription, TerritoryDashboardQuery } from '../../operations/territory';
import { dateTime, minutesAgo } from '../../labels';
import type { Me } from '../../rights';
import { number } from '../territory';
import { Unavailable } from '../dashboard/Dashboard';
import { CAUSES, criterionMark, delay, DESTINATIONS, disciplineLabel, MATURITY_LEVELS } from './labels';
import { DepartmentEmergencyTable } from './DepartmentEmergencyTable';
import { MaturityDeclaration } from './MaturityDeclaration';

type Row = ConsoleTerritoryRowFragment;

/** The territories the user's assignments name, all of them for a transversal grant. */
function ownTerritories(me: Me, all: readonly string[]): string[] {
  const pilots = me.roleAssignments.filter((a) => a.effectiveRights.includes('ORU_TERRITOIRE_PILOTAGE'));
  if (pilots.some((a) => a.perimeterKind === 'TRANSVERSAL')) return [...all];
  return all.filter((code) => pilots.some((a) => a.perimeterKind === 'TERRITORY' && a.perimeterId === code));
}

export function TerritoryScreen(props: { me: Me }) {
  const [{ data, error }] = useQuery({ query: TerritoriesQuery });
  const territories = useMemo(() => {
    const all = data?.territories ?? [];
    const mine = ownTerritories(props.me, all.map((t) => t.code));
    return all.filter((t) => mine.includes(t.code));
  }, [data, props.me]);
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    if (!code && territories[0]) setCode(territories[0].code);
  }, [code, territories]);
  const chosen = territories.find((t) => t.code === code);
  return (
    <>
      <h1>Gestion territoriale des lits</h1>
      <Unavailable error={error} />
      {territories.length > 1 && (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Secteur" nativeSelectProps={{ value: code ?? '', onChange: (e) => setCode(e.target.value) }}>
              {territories.map((t) => (
                <option key={t.code} value={t.code}>{t.name}</option>
              ))}
            </Select>
          </div>
        </div>
      )}
      {chosen && <TerritoryDashboard key={chosen.code} code={chosen.code} name={chosen.name} departmentCodes={chosen.departmentCodes} mayDeclare={keepsContacts(props.me, chosen.code)} />}
    </>
  );
}

/** Who keeps the sector's contacts (ORU_TERRITOIRE_CONTACT_EDIT on it, or transversally) declares maturity criteria. */
function keepsContacts(me: Me, code: string): boolean {
  return me.roleAssignments.some(
    (a) => a.effectiveRights.includes('ORU_TERRITOIRE_CONTACT_EDIT') && (a.perimeterKind === 'TRANSVERSAL' || (a.perimeterKind === 'TERRITORY' && a.perimeterId === code)),
  );
}

function TerritoryDashboard(props: { code: string; name: string; departmentCodes: readonly string[]; mayDeclare: boolean }) {
  const variables = { code: props.code };
  const [result, reload] = useQuery({ query: TerritoryDashboardQuery, variables, requestPolicy: 'network-only' });
  const [live, setLive] = useState<Record<string, Row>>({});
  const [lastChange, setLastChange] = useState<string | null>(null);
  useSubscription({ query: TerritoryDashboardChangedSubscription, variables, pause: Boolean(result.error) }, (_previous, event) => {
    const change = event.territoryDashboardChanged;
    const row = change.row;
    setLive((current) => ({ ...current, [row.establishment.id]: row }));
    setLastChange(`Mis à jour en direct : ${row.establishment.name} (${CAUSES[change.cause] ?? change.cause}), ${dateTime(change.at)}.`);
    if (change.cause === 'BED_BLOCKER') reload({ requestPolicy: 'network-only' });
    return event;
  });
  const dashboard = result.data?.territoryDashboard;
  const rows = (dashboard?.establishments ?? []).map((row) => live[row.establishment.id] ?? row);
  return (
    <>
      <p className="fr-text--sm" aria-live="polite">
        {lastChange ?? `${props.name} : les lits, les contacts et les patients en attente d’aval se mettent à jour ici sans recharger la page.`}
      </p>
      <Unavailable error={result.error} />
      {!dashboard && !result.error && <p>Chargement…</p>}
      {dashboard && <DashboardTable rows={rows} mayDeclare={props.mayDeclare} />}
      {result.data && <BedBlockers data={result.data.territoryBedBlockers} />}
      {props.departmentCodes.map((code) => (
        <DepartmentEmergencyTable key={code} departmentCode={code} />
      ))}
    </>
  );
}

function DashboardTable(props: { rows: Row[]; mayDeclare: boolean }) {
  const total = (pick: (r: Row) => number) => props.rows.reduce((s, r) => s + pick(r), 0);
  return (
    <div className="fr-table fr-table--sm fr-table--bordered">
      <table>
        <caption>Tableau de bord des bed managers</caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">Contact</th>
            <th scope="col">Délai de réponse</th>
            <th scope="col">Lits disponibles</th>
            <th scope="col">Par discipline (disponibles / installés)</th>
            <th scope="col">Places EHPAD libres</th>
            <th scope="col">Patients en attente d’aval</th>
            <th scope="col">Saisie la plus ancienne</th>
            <th scope="col">Indice de maturité</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Total du secteur ({props.rows.length} établissements)</th>
            <td />
            <td />
            <td><strong>{number(total((r) => r.availableBeds))}</strong></td>
            <td>{number(total((r) => r.installedBeds))} lits installés</td>
            <td><strong>{number(total((r) => r.elderlyPlaces.availablePlaces))}</strong></td>
            <td><strong>{number(total((r) => r.bedBlockers))}</strong></td>
            <td />
            <td />
          </tr>
          {props.rows.map((r) => (
            <tr key={r.establishment.id} data-establishment={r.establishment.id}>
              <th scope="row">{r.establishment.name} <span className="fr-text--xs">({r.departmentCode})</span></th>
              <td>{r.contact ? <>{r.contact.contact}{r.contact.phone && <><br />{r.contact.phone}</>}</> : '—'}</td>
              <td>{delay(r.contact?.answerDelayMinutes)}</td>
              <td data-free-beds>{number(r.availableBeds)}</td>
              <td className="fr-text--xs">
                {r.byDiscipline.map((d) => `${disciplineLabel(d.discipline)} : ${d.availableBeds}/${d.installedBeds}`).join(' ; ') || '—'}
              </td>
              <td>{r.elderlyPlaces.units ? `${number(r.elderlyPlaces.availablePlaces)} / ${number(r.elderlyPlaces.installedPlaces)}` : '—'}</td>
              <td data-bed-blockers>{number(r.bedBlockers)}</td>
              <td>{r.oldestUpdate ? minutesAgo(r.oldestUpdate) : '—'}</td>
              <td data-maturity>
                <Maturity maturity={r.maturity} />
                {props.mayDeclare && (
                  <details className="fr-text--xs">
                    <summary>Déclarer</summary>
                    <MaturityDeclaration key={r.maturity.criteria.map((c) => String(c.met)).join()} establishmentId={r.establishment.id} establishmentName={r.establishment.name} criteria={r.maturity.criteria} />
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The index, then its criteria on demand (what is met, what is not, what was never declared). */
function Maturity(props: { maturity: Row['maturity'] }) {
  const m = props.maturity;
  return (
    <>
      <strong>{m.percent} %</strong> ({m.score}/{m.outOf}) – {MATURITY_LEVELS[m.level]}
      <details className="fr-text--xs">
        <summary>Critères</summary>
        <ul>
          {m.criteria.map((c) => (
            <li key={c.code}>{c.label} : {criterionMark(c.met)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

type Blockers = { total: { patients: number; totalDaysWaited: number; maxDaysWaited: number }; byDestination: Array<{ destination: keyof typeof DESTINATIONS; count: { patients: number; totalDaysWaited: number; maxDaysWaited: number } }> };

function BedBlockers(props: { data: Blockers }) {
  const { total, byDestination } = props.data;
  const mean = (c: { patients: number; totalDaysWaited: number }) => (c.patients ? number(c.totalDaysWaited / c.patients, 1) : '—');
  return (
    <section aria-labelledby="bed-blockers" className="fr-mt-4w">
      <h2 id="bed-blockers">Patients en attente d’aval (bed blockers) : {total.patients}</h2>
      <div className="fr-table fr-table--sm">
        <table>
          <caption className="fr-sr-only">Patients en attente d’aval par destination</caption>
          <thead>
            <tr>
              <th scope="col">Destination</th>
              <th scope="col">Patients</th>
              <th scope="col">Attente moyenne (jours)</th>
              <th scope="col">Attente la plus longue (jours)</th>
            </tr>
          </thead>
          <tbody>
            {byDestination.map((d) => (
              <tr key={d.destination}>
                <th scope="row">{DESTINATIONS[d.destination]}</th>
                <td>{d.count.patients}</td>
                <td>{mean(d.count)}</td>
                <td>{d.count.maxDaysWaited}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              <td><strong>{total.patients}</strong></td>
              <td>{mean(total)}</td>
              <td>{total.maxDaysWaited}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
