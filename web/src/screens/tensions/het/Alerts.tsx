/**
 * "Alertes": the manual alerts (« Nouvelle alerte ») the user reads, kept live by hetAlertChanged,
 * open ones first; a "Nouvelle alerte" button for ORU_ALERTE_NEW holders; « Prendre en compte »
 * and « Clôturer » where the user's rights cover the establishment.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ConsoleHetAlertFragment, HetAlertOutcome } from '../../../gql/graphql';
import { AcknowledgeHetAlertMutation, CloseHetAlertMutation, HetAlertChangedSubscription, HetAlertsQuery } from '../../../operations/het';
import { useCatchUpOnReconnect } from '../../../graphql/connection';
import { frenchErrors, fieldState } from '../../../errors';
import { dateTime } from '../../../labels';
import type { Me } from '../../../rights';
import { ScrollTable } from '../TensionTable';
import { ALERT_ACTIONS, ALERT_OUTCOMES, mayAcknowledge, mayCloseAlert, mayRaiseAlerts } from './labels';

type HetAlert = ConsoleHetAlertFragment;

function useLiveAlerts() {
  const [{ data, error, fetching }, reload] = useQuery({ query: HetAlertsQuery, variables: { first: 200 }, requestPolicy: 'network-only' });
  useCatchUpOnReconnect(() => reload({ requestPolicy: 'network-only' }));
  const [byId, setById] = useState<Map<string, HetAlert>>(new Map());
  const [lastChange, setLastChange] = useState<string | null>(null);
  useEffect(() => {
    if (data) setById(new Map(data.hetAlerts.map((a) => [a.id, a])));
  }, [data]);
  useSubscription({ query: HetAlertChangedSubscription }, (_previous, event) => {
    const change = event.hetAlertChanged;
    setById((current) => new Map(current).set(change.alert.id, change.alert));
    setLastChange(`Dernière mise à jour en direct : ${ALERT_ACTIONS[change.action] ?? change.action} ${change.alert.id} (${change.alert.establishment.name}), ${dateTime(change.at)}.`);
    return event;
  });
  const alerts = [...byId.values()].sort((a, b) => (a.status === b.status ? Date.parse(b.createdAt) - Date.parse(a.createdAt) : a.status === 'OPEN' ? -1 : 1));
  return { alerts, fetching, errors: frenchErrors(error), lastChange, replace: (a: HetAlert) => setById((current) => new Map(current).set(a.id, a)) };
}

export function Alerts(props: { me: Me }) {
  const live = useLiveAlerts();
  const open = live.alerts.filter((a) => a.status === 'OPEN');
  return (
    <section aria-labelledby="alertes">
      <h2 id="alertes">Alertes</h2>
      <p className="fr-text--sm">
        Les alertes signalées à la main, avant ou sans déclaration de tension. Chaque alerte et sa clôture sont adressées par mail à la cellule de crise de l’ARS.
      </p>
      {mayRaiseAlerts(props.me) && (
        <Button iconId="fr-icon-alarm-warning-line" linkProps={{ href: '/tensions/alertes/nouvelle' }}>
          Nouvelle alerte
        </Button>
      )}
      <p className="fr-text--sm fr-mt-2w" aria-live="polite">
        {live.lastChange ?? 'Les alertes levées ou closes apparaissent ici sans recharger la page.'}
      </p>
      {live.errors.general.length > 0 && <Alert severity="error" title="Liste indisponible" description={live.errors.general.join(' ')} />}
      <h3>Alertes ouvertes ({live.fetching ? '…' : open.length})</h3>
      <AlertTable me={props.me} alerts={live.alerts} onChanged={live.replace} />
    </section>
  );
}

function AlertTable(props: { me: Me; alerts: HetAlert[]; onChanged: (a: HetAlert) => void }) {
  if (props.alerts.length === 0) return <p>Aucune alerte.</p>;
  return (
    <ScrollTable label="Alertes">
      <table>
        <caption>Alertes</caption>
        <thead>
          <tr>
            <th scope="col">Alerte</th>
            <th scope="col">Établissement</th>
            <th scope="col">Motif et message</th>
            <th scope="col">Suivi</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.alerts.map((a) => (
            <tr key={a.id} data-alert={a.id}>
              <td>
                {a.id}
                <br />
                <Badge small severity={a.status === 'OPEN' ? 'warning' : 'success'} noIcon>
                  {a.status === 'OPEN' ? 'Ouverte' : 'Close'}
                </Badge>
              </td>
              <td>
                {a.establishment.name}
                <br />
                <span className="fr-text--xs">
                  {a.establishment.address.city} ({a.establishment.address.departmentCode}){a.unit ? ` — unité ${a.unit.id}` : ''}
                </span>
              </td>
              <td>
                <strong>{a.reasonLabel}</strong> — {a.disciplineGroup}
                <br />
                {a.message}
              </td>
              <td className="fr-text--sm">
                Levée par {a.createdBy}, {dateTime(a.createdAt)}
                {a.acknowledgedAt && <><br />Prise en compte par {a.acknowledgedBy}, {dateTime(a.acknowledgedAt)}</>}
                {a.closedAt && a.outcome && (
                  <>
                    <br />
                    Close par {a.closedBy}, {dateTime(a.closedAt)} : {ALERT_OUTCOMES[a.outcome]}
                    {a.tension ? ` (${a.tension.id})` : ''}
                    {a.closingNotes ? ` — ${a.closingNotes}` : ''}
                  </>
                )}
              </td>
              <td>{a.status === 'OPEN' && <AlertActions me={props.me} alert={a} onChanged={props.onChanged} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function AlertActions(props: { me: Me; alert: HetAlert; onChanged: (a: HetAlert) => void }) {
  const { alert } = props;
  const [, acknowledge] = useMutation(AcknowledgeHetAlertMutation);
  const [, close] = useMutation(CloseHetAlertMutation);
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<HetAlertOutcome | ''>('');
  const [tensionId, setTensionId] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof frenchErrors>>(frenchErrors(undefined));
  const done = (result: { data?: HetAlert; error?: Parameters<typeof frenchErrors>[0] }) => {
    setErrors(frenchErrors(result.error));
    if (result.data) props.onChanged(result.data);
  };
  const ack = async () => {
    const r = await acknowledge({ id: alert.id, expectedVersion: alert.version });
    done({ data: r.data?.acknowledgeHetAlert, error: r.error });
  };
  const submit = async () => {
    if (!outcome) return setErrors({ ...frenchErrors(undefined), fields: { outcome: 'Choisissez l’issue de l’alerte.' } });
    const r = await close({ id: alert.id, outcome, expectedVersion: alert.version, ...(tensionId.trim() ? { tensionId: tensionId.trim() } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) });
    done({ data: r.data?.closeHetAlert, error: r.error });
  };
  return (
    <>
      {!alert.acknowledgedAt && mayAcknowledge(props.me, alert.establishment) && (
        <Button size="small" priority="secondary" onClick={() => void ack()}>
          Prendre en compte
        </Button>
      )}
      {mayCloseAlert(props.me, alert.establishment) && !closing && (
        <Button size="small" priority="tertiary" onClick={() => setClosing(true)}>
          Clôturer
        </Button>
      )}
      {closing && (
        <form onSubmit={(e) => (e.preventDefault(), void submit())} aria-label={`Clôture de l’alerte ${alert.id}`}>
          <Select label="Issue" nativeSelectProps={{ value: outcome, onChange: (e) => setOutcome(e.target.value as HetAlertOutcome) }} {...fieldState(errors.fields.outcome)}>
            <option value="">Choisir</option>
            {Object.entries(ALERT_OUTCOMES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
          {outcome === 'DECLARED' && (
            <Input label="Déclaration qui a suivi (ex. T10000)" nativeInputProps={{ value: tensionId, onChange: (e) => setTensionId(e.target.value) }} {...fieldState(errors.fields.tensionId)} />
          )}
          <Input label="Commentaire (facultatif)" nativeInputProps={{ value: notes, onChange: (e) => setNotes(e.target.value) }} {...fieldState(errors.fields.notes)} />
          <Button size="small" type="submit">
            Clôturer l’alerte
          </Button>
        </form>
      )}
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
    </>
  );
}
