/** The dashboard's admission and population sections (read once per département). */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { PopulationBand, Sector } from '../../gql/graphql';
import { DashboardAdmissionsQuery, DashboardPopulationQuery } from '../../operations/dashboard';
import { number, percent } from '../territory';
import { Unavailable } from './Dashboard';

const SECTORS: Record<Sector, string> = { MCO: 'Médecine, chirurgie, obstétrique', PSY: 'Psychiatrie', SSR: 'Soins médicaux et de réadaptation', PA: 'Personnes âgées', PH: 'Personnes handicapées' };
const BANDS: Record<PopulationBand, string> = { ABOVE_75: 'plus de 75 %', FROM_51_TO_75: '51 à 75 %', FROM_26_TO_50: '26 à 50 %', FROM_1_TO_25: '1 à 25 %', NONE: '0 %', NO_DATA: 'sans données' };

/** The median answer delay of several weeks, weighted by answers: an approximation said as such. */
function weightedDelay(rows: Array<{ accepted: number; refused: number; medianAnswerMinutes?: number | null }>): number | null {
  let weight = 0;
  let sum = 0;
  for (const r of rows) {
    const answered = r.accepted + r.refused;
    if (r.medianAnswerMinutes === null || r.medianAnswerMinutes === undefined || answered === 0) continue;
    weight += answered;
    sum += answered * r.medianAnswerMinutes;
  }
  return weight ? sum / weight : null;
}

function delay(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${number(minutes)} min`;
  return `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, '0')}`;
}

export function AdmissionsSection(props: { code: string }) {
  // One stable 30-day window per visit: the variables must not change at each render.
  const [window] = useState(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString() };
  });
  const [{ data, error }] = useQuery({ query: DashboardAdmissionsQuery, variables: window, requestPolicy: 'network-only' });
  const rows = useMemo(() => {
    const byEstablishment = new Map<string, { name: string; weeks: NonNullable<typeof data>['admissionIndicators'] }>();
    for (const row of data?.admissionIndicators ?? []) {
      if (row.establishment.address.departmentCode !== props.code) continue;
      const entry = byEstablishment.get(row.establishment.id) ?? { name: row.establishment.name, weeks: [] };
      entry.weeks.push(row);
      byEstablishment.set(row.establishment.id, entry);
    }
    return [...byEstablishment.entries()]
      .map(([id, { name, weeks }]) => {
        const total = (pick: (w: (typeof weeks)[number]) => number) => weeks.reduce((s, w) => s + pick(w), 0);
        return { id, name, received: total((w) => w.received), accepted: total((w) => w.accepted), refused: total((w) => w.refused), expired: total((w) => w.expired), delay: weightedDelay(weeks) };
      })
      .sort((a, b) => b.received - a.received);
  }, [data, props.code]);
  return (
    <section aria-labelledby="demandes" className="fr-mt-4w">
      <h2 id="demandes">Demandes d’admission directe et délais de réponse (30 derniers jours)</h2>
      <Unavailable error={error} />
      {data && (rows.length === 0 ? <p>Aucune demande reçue par les établissements de ce département sur la période.</p> : (
        <div className="fr-table fr-table--sm">
          <table>
            <caption className="fr-sr-only">Demandes d’admission par établissement</caption>
            <thead>
              <tr>
                <th scope="col">Établissement</th>
                <th scope="col">Reçues</th>
                <th scope="col">Acceptées</th>
                <th scope="col">Refusées</th>
                <th scope="col">Expirées</th>
                <th scope="col">Délai médian de réponse (moyenne des semaines)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{r.received}</td>
                  <td>{r.accepted}</td>
                  <td>{r.refused}</td>
                  <td>{r.expired}</td>
                  <td>{delay(r.delay)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

export function PopulationSection(props: { code: string }) {
  const [{ data, error }] = useQuery({ query: DashboardPopulationQuery, variables: { departmentCode: props.code } });
  const rows = (data?.populationIndicators ?? []).filter((r) => r.areaCode === props.code);
  return (
    <section aria-labelledby="peuplement" className="fr-mt-4w">
      <h2 id="peuplement">Peuplement du ROR (établissements décrits)</h2>
      <Unavailable error={error} />
      {data && (
        <div className="fr-table fr-table--sm">
          <table>
            <caption className="fr-sr-only">Indicateurs de peuplement par secteur</caption>
            <thead>
              <tr>
                <th scope="col">Secteur</th>
                <th scope="col">Établissements</th>
                <th scope="col">Peuplés</th>
                <th scope="col">Taux de peuplement</th>
                <th scope="col">De qualité</th>
                <th scope="col">Taux de qualité</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.sector ?? 'all'} data-sector={r.sector ?? 'ALL'}>
                  <th scope="row">{r.sector ? SECTORS[r.sector] : 'Tous secteurs'}</th>
                  <td>{r.establishments}</td>
                  <td>{r.populated}</td>
                  <td>{percent(r.populatedRate)} ({BANDS[r.band]})</td>
                  <td>{r.quality}</td>
                  <td>{percent(r.qualityRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
