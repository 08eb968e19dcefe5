/**
 * "Carte": the establishments with a declaration in progress or an open alert (tensionMap), drawn
 * in SVG over the region's establishments (grey dots, from the offer) with the départements'
 * names; no tile server. Read again at every live declaration or alert change. The same markers
 * are listed in a table below, for readers who do not see the drawing.
 */
import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, useSubscription, type OperationResult } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ConsoleMapBackgroundQuery, ConsoleTensionMapQuery } from '../../../gql/graphql';
import { MapBackgroundQuery, TensionMapQuery, HetAlertChangedSubscription } from '../../../operations/het';
import { TensionChangedSubscription } from '../../../operations/tensions';
import { frenchErrors } from '../../../errors';
import { dateTime } from '../../../labels';
import { Link } from '../../../router';
import { useDepartments } from '../../territory';
import { ScrollTable } from '../TensionTable';
import { centres, frameOf, type Point } from './projection';

type Marker = ConsoleTensionMapQuery['tensionMap'][number];
type Dot = Point & { id: string; group: string; label: string };

const WIDTH = 720;

/** Marker colour by the highest level's rank; open alerts only: outlined. */
function colourOf(m: Marker): string {
  const rank = m.tensions.reduce((max, t) => Math.max(max, t.levelDetail.rank), -1);
  if (rank >= 4) return '#ce0500';
  if (rank >= 2) return '#e4794a';
  if (rank >= 0) return '#fcc63a';
  return '#ffffff';
}

/** Every page of the region's establishments with a position, once. */
function useBackground(): Dot[] {
  const client = useClient();
  const [dots, setDots] = useState<Dot[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all: Dot[] = [];
      let after: string | null = null;
      do {
        const answer: OperationResult<ConsoleMapBackgroundQuery> = await client.query(MapBackgroundQuery, { after }).toPromise();
        const page = answer.data?.establishments;
        if (!page) break;
        for (const { node } of page.edges) {
          if (node.position) all.push({ ...node.position, id: node.id, group: node.address.departmentCode, label: node.address.departmentName ?? node.address.departmentCode });
        }
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      } while (after && !cancelled);
      if (!cancelled) setDots(all);
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);
  return dots;
}

export function TensionMap() {
  const [department, setDepartment] = useState('');
  const { departments } = useDepartments();
  const [{ data, error, fetching }, reload] = useQuery({ query: TensionMapQuery, variables: department ? { departmentCode: department } : {}, requestPolicy: 'network-only' });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  useSubscription({ query: TensionChangedSubscription, variables: {} }, (_p, event) => (refresh(), event));
  useSubscription({ query: HetAlertChangedSubscription }, (_p, event) => (refresh(), event));
  const background = useBackground();
  const shown = department ? background.filter((d) => d.group === department) : background;
  const markers = useMemo(() => (data?.tensionMap ?? []).filter((m) => m.establishment.position), [data]);
  const frame = frameOf([...shown, ...markers.map((m) => m.establishment.position!)], WIDTH);
  const errors = frenchErrors(error);
  return (
    <section aria-labelledby="carte">
      <h2 id="carte">Carte des déclarations</h2>
      <Select label="Département" nativeSelectProps={{ value: department, onChange: (e) => setDepartment(e.target.value) }}>
        <option value="">Toute la région</option>
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {d.code} — {d.name}
          </option>
        ))}
      </Select>
      {errors.general.length > 0 && <Alert severity="error" title="Carte indisponible" description={errors.general.join(' ')} />}
      <p className="fr-text--sm">
        {fetching ? 'Chargement…' : `${markers.length} établissement${markers.length > 1 ? 's' : ''} en tension ou en alerte.`} Points gris : les autres établissements de la région (positions FINESS).
      </p>
      {frame && (
        <svg role="img" aria-labelledby="carte-titre" viewBox={`0 0 ${frame.width} ${frame.height}`} style={{ width: '100%', maxWidth: WIDTH, maxHeight: '75vh', border: '1px solid var(--border-default-grey)' }}>
          <title id="carte-titre">Établissements en tension ou en alerte, sur la carte de la région</title>
          {shown.map((d) => {
            const p = frame.project(d);
            return <circle key={d.id} cx={p.x} cy={p.y} r={2} fill="#bbbbbb" />;
          })}
          {centres(shown).map((c) => {
            const p = frame.project(c);
            return (
              <text key={c.group} x={p.x} y={p.y} textAnchor="middle" fontSize={14} fill="#666666" style={{ pointerEvents: 'none' }}>
                {c.label} ({c.group})
              </text>
            );
          })}
          {markers.map((m) => {
            const p = frame.project(m.establishment.position!);
            return (
              <g key={m.establishment.id} data-marker={m.establishment.id}>
                <circle cx={p.x} cy={p.y} r={9} fill={colourOf(m)} stroke="#161616" strokeWidth={m.tensions.length ? 1 : 2.5} />
                <title>
                  {m.establishment.name} — {m.tensions.length ? m.tensions.map((t) => t.levelDetail.label).join(', ') : 'alerte ouverte'}
                </title>
              </g>
            );
          })}
        </svg>
      )}
      <ul className="fr-text--xs fr-raw-list fr-mt-1w" aria-label="Légende">
        <li>● rouge : plan blanc ou plus — ● orange : HET niveau 2 ou 3 — ● jaune : HET niveau 1 ou veille — ○ cerclé : alerte ouverte sans déclaration</li>
      </ul>
      <MarkerTable markers={data?.tensionMap ?? []} />
    </section>
  );
}

function MarkerTable(props: { markers: Marker[] }) {
  if (props.markers.length === 0) return <p>Aucun établissement en tension ni en alerte.</p>;
  return (
    <ScrollTable label="Établissements de la carte">
      <table>
        <caption>Établissements de la carte</caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">Déclarations en cours</th>
            <th scope="col">Alertes ouvertes</th>
          </tr>
        </thead>
        <tbody>
          {props.markers.map((m) => (
            <tr key={m.establishment.id}>
              <td>
                {m.establishment.name}
                <br />
                <span className="fr-text--xs">
                  {m.establishment.address.city} ({m.establishment.address.departmentCode})
                </span>
              </td>
              <td>
                {m.tensions.map((t) => (
                  <div key={t.id}>
                    <Link href={`/tensions/${t.id}`}>{t.id}</Link> {t.levelDetail.label} — {t.disciplineGroup}, depuis le {dateTime(t.startedAt)}
                  </div>
                ))}
              </td>
              <td>
                {m.openAlerts.map((a) => (
                  <div key={a.id}>
                    {a.id} {a.reasonLabel}, {dateTime(a.createdAt)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
