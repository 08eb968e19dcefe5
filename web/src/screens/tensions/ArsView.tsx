/**
 * The ARS view (a tension-read right granted transversally): the region's declarations in
 * progress, live, by département; the follow-up indicators over a period (hetIndicators); the
 * mails the crisis cell was sent for the declarations of the last 7 days (Tension.notifications).
 */
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { HetIndicatorsQuery, TensionMailsQuery } from '../../operations/tensions';
import { frenchErrors, fieldState } from '../../errors';
import { dateTime } from '../../labels';
import { useLiveTensions } from './useLiveTensions';
import { ScrollTable, TensionTable } from './TensionTable';
import { MAIL_STATUSES } from './shared';
import { useDepartments } from '../territory';


const day = (date: Date) => date.toISOString().slice(0, 10);

export function ArsView() {
  const [department, setDepartment] = useState('');
  const { departments } = useDepartments();
  const filter = department ? { status: 'IN_PROGRESS' as const, departmentCode: department } : { status: 'IN_PROGRESS' as const };
  const live = useLiveTensions(filter, 'ALL', 200);
  return (
    <section aria-labelledby="vue-ars">
      <h2 id="vue-ars">Vue ARS — région Centre-Val de Loire</h2>
      <Select label="Département" nativeSelectProps={{ value: department, onChange: (e) => setDepartment(e.target.value) }}>
        <option value="">Toute la région</option>
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {d.code} — {d.name}
          </option>
        ))}
      </Select>
      <p className="fr-text--sm" aria-live="polite">
        {live.lastChange ?? 'Les déclarations faites ou levées dans la région apparaissent ici sans recharger la page.'}
      </p>
      {live.errors.general.length > 0 && <Alert severity="error" title="Liste indisponible" description={live.errors.general.join(' ')} />}
      <h3>Déclarations en cours ({live.fetching ? '…' : live.tensions.length})</h3>
      <TensionTable caption="Déclarations en cours de la région" tensions={live.tensions} empty="Aucune déclaration en cours." />
      <Indicators department={department} />
      <CrisisCellMails department={department} changes={live.changes} />
    </section>
  );
}

function Indicators(props: { department: string }) {
  const today = new Date();
  const [from, setFrom] = useState(day(new Date(today.getTime() - 30 * 86_400_000)));
  const [to, setTo] = useState(day(today));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  // [from, to): the end day is included, so the period ends at the next midnight (UTC).
  const end = valid ? new Date(Date.parse(to) + 86_400_000).toISOString() : '';
  const [{ data, error }] = useQuery({
    query: HetIndicatorsQuery,
    variables: { from: `${from}T00:00:00.000Z`, to: end, ...(props.department ? { departmentCode: props.department } : {}) },
    pause: !valid,
    requestPolicy: 'network-only',
  });
  const errors = frenchErrors(error);
  const counts = data?.hetIndicators;
  return (
    <>
      <h3 className="fr-mt-4w">Indicateurs de suivi</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-3">
          <Input label="Du" nativeInputProps={{ type: 'date', value: from, onChange: (e) => setFrom(e.target.value) }} {...fieldState(errors.fields.from ?? (valid ? undefined : 'Période invalide : le début doit précéder la fin.'))} />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input label="Au (inclus)" nativeInputProps={{ type: 'date', value: to, onChange: (e) => setTo(e.target.value) }} {...fieldState(errors.fields.to)} />
        </div>
      </div>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {counts && (
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" aria-label="Indicateurs de la période">
          <Count label="Alertes HET (déclarations)" value={counts.alerts} />
          <Count label="Déclenchements (niveau HET 2 ou plus)" value={counts.triggers} />
          <Count label="Situations nécessitant l’ARS (plan blanc ou appui demandé)" value={counts.arsInvolvements} />
        </ul>
      )}
    </>
  );
}

function Count(props: { label: string; value: number }) {
  return (
    <li className="fr-col-12 fr-col-md-4">
      <div className="fr-p-2w" style={{ border: '1px solid var(--border-default-grey)' }}>
        <p className="fr-h3 fr-mb-0">{props.value}</p>
        <p className="fr-text--sm fr-mb-0">{props.label}</p>
      </div>
    </li>
  );
}

function CrisisCellMails(props: { department: string; changes: number }) {
  const [{ data, error, fetching }, reload] = useQuery({
    query: TensionMailsQuery,
    variables: { filter: props.department ? { departmentCode: props.department } : {}, window: 'D7', first: 200 },
    requestPolicy: 'network-only',
  });
  // A live change queues its mails a moment later (the mailer follows the change feed, then
  // fills in the establishment's name): read them again now and a few times after each change.
  useEffect(() => {
    if (props.changes === 0) return;
    const timers = [0, 2_000, 5_000, 15_000].map((delay) => window.setTimeout(() => reload({ requestPolicy: 'network-only' }), delay));
    return () => timers.forEach((timer) => window.clearTimeout(timer));
  }, [props.changes, reload]);
  const errors = frenchErrors(error);
  const mails = (data?.tensions.edges ?? [])
    .flatMap((edge) => edge.node.notifications.map((n) => ({ ...n, tension: edge.node.id, establishment: edge.node.establishment.name })))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <>
      <h3 className="fr-mt-4w">Mails envoyés à la cellule de crise (7 derniers jours)</h3>
      <Button size="small" priority="tertiary" iconId="fr-icon-refresh-line" disabled={fetching} onClick={() => reload({ requestPolicy: 'network-only' })}>
        Actualiser
      </Button>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {mails.length === 0 ? (
        <p>Aucun mail sur la période.</p>
      ) : (
        <ScrollTable label="Mails de la cellule de crise">
                <table>
                  <caption>Mails de la cellule de crise</caption>
                  <thead>
                    <tr>
                      <th scope="col">Mis en file</th>
                      <th scope="col">Objet</th>
                      <th scope="col">Destinataire</th>
                      <th scope="col">Envoi</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mails.map((m, index) => (
                      <tr key={index}>
                        <td>{dateTime(m.createdAt)}</td>
                        <td>{m.subject}</td>
                        <td>{m.recipient}</td>
                        <td>
                          {MAIL_STATUSES[m.status]}
                          {m.sentAt ? ` le ${dateTime(m.sentAt)}` : m.attempts ? ` (${m.attempts} tentative${m.attempts > 1 ? 's' : ''})` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
        </ScrollTable>
      )}
    </>
  );
}
