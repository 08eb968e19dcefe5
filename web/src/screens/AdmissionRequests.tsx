/**
 * "Demandes d'admission": the requests the user sent (follow-up) and those sent to the units they
 * answer for (inbox), kept live by `admissionRequestChanged`; an answerer accepts, refuses with a
 * reason, or proposes a time; the requester accepts a proposed time or cancels; the accepting unit
 * records the admission (RequestActions.tsx). A CONFLICT (someone answered first) shows the request
 * as it is now. The first 100 come at once, the older ones page by page ("Afficher plus").
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import { AcceptProposalButton, CancelRequest, RecordAdmissionButton, useSettle } from './RequestActions';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { AdmissionRefusalReason, AdmissionRequestStatus, ConsoleAdmissionRequestFragment } from '../gql/graphql';
import { AdmissionRequestChangedSubscription, AdmissionRequestsQuery, AnswerAdmissionRequestMutation } from '../operations/requests';
import { REFUSAL_REASONS, REQUEST_STATUSES, SEXES, TARGET_STATUSES, URGENCIES, dateTime, minutesAgo } from '../labels';
import { frenchErrors } from '../errors';
import { answersFor, type Me } from '../rights';
import { useCatchUpOnReconnect } from '../graphql/connection';
import { FormButtons } from '../components/FormButtons';

type Request = ConsoleAdmissionRequestFragment;
type Target = Request['targets'][number];

const STATUS_SEVERITY: Record<AdmissionRequestStatus, 'info' | 'success' | 'error' | 'warning' | 'new'> = {
  PENDING: 'new',
  ACCEPTED: 'success',
  COMPLETED: 'success',
  REFUSED: 'error',
  CANCELLED: 'warning',
  EXPIRED: 'warning',
};

function sentByMe(me: Me, request: Request): boolean {
  return request.requester.kind === 'USER' && request.requester.name === me.account?.login;
}

const PAGE = 100;

const OPEN: ReadonlySet<AdmissionRequestStatus> = new Set(['PENDING', 'ACCEPTED']);

/** Waiting ones first (they need an answer), then the newest. */
function byUrgency(a: Request, b: Request): number {
  const waiting = Number(b.status === 'PENDING') - Number(a.status === 'PENDING');
  return waiting || Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

export function AdmissionRequests(props: { me: Me }) {
  const client = useClient();
  const [{ data, error, fetching }, reload] = useQuery({ query: AdmissionRequestsQuery, variables: { first: PAGE }, requestPolicy: 'network-only' });
  // Back from a lost connection: read again, for the changes made while it was down.
  useCatchUpOnReconnect(() => reload({ requestPolicy: 'network-only' }));
  const [requests, setRequests] = useState<Map<string, Request>>(new Map());
  const [lastChange, setLastChange] = useState<string | null>(null);
  const [next, setNext] = useState<{ cursor: string | null; error: string | null }>({ cursor: null, error: null });
  useEffect(() => {
    if (!data) return;
    setRequests(new Map(data.admissionRequests.edges.map((edge) => [edge.node.id, edge.node])));
    setNext({ cursor: data.admissionRequests.pageInfo.hasNextPage ? (data.admissionRequests.pageInfo.endCursor ?? null) : null, error: null });
  }, [data]);
  // Older requests, appended; a live change of one already shown replaces it as usual.
  const more = async () => {
    if (!next.cursor) return;
    const page = await client.query(AdmissionRequestsQuery, { first: PAGE, after: next.cursor }, { requestPolicy: 'network-only' }).toPromise();
    const french = frenchErrors(page.error);
    if (!page.data) return setNext({ ...next, error: french.general.join(' ') || 'Liste indisponible.' });
    const { edges, pageInfo } = page.data.admissionRequests;
    setRequests((current) => {
      const merged = new Map(current);
      for (const edge of edges) if (!merged.has(edge.node.id)) merged.set(edge.node.id, edge.node);
      return merged;
    });
    setNext({ cursor: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null, error: null });
  };
  const replace = (request: Request) => setRequests((current) => new Map(current).set(request.id, request));
  useSubscription({ query: AdmissionRequestChangedSubscription, variables: {} }, (_previous, event) => {
    const change = event.admissionRequestChanged;
    replace(change.request);
    setLastChange(`Dernière mise à jour en direct : ${change.actor}, ${dateTime(change.at)}.`);
    return event;
  });

  const [showClosed, setShowClosed] = useState(false);
  const all = [...requests.values()].filter((r) => showClosed || OPEN.has(r.status)).sort(byUrgency);
  const sent = all.filter((r) => sentByMe(props.me, r));
  const received = all.filter((r) => !sentByMe(props.me, r));
  const errors = frenchErrors(error);
  return (
    <>
      <h1>Demandes d’admission</h1>
      <p className="fr-text--sm" aria-live="polite">
        {lastChange ?? 'Les changements apparaissent ici sans recharger la page.'}
      </p>
      <Checkbox
        className="fr-mb-4w"
        options={[{ label: 'Afficher aussi les demandes closes (refusées, annulées, expirées, patients admis)', nativeInputProps: { checked: showClosed, onChange: (e) => setShowClosed(e.target.checked) } }]}
      />
      {errors.general.length > 0 && <Alert severity="error" title="Liste indisponible" description={errors.general.join(' ')} />}
      {fetching && requests.size === 0 && <p>Chargement…</p>}
      <section aria-labelledby="recues">
        <h2 id="recues">Demandes reçues par vos unités ({received.length})</h2>
        {received.length === 0 ? <p>Aucune demande reçue.</p> : received.map((r) => <RequestCard key={r.id} request={r} me={props.me} onChange={replace} />)}
      </section>
      <section aria-labelledby="envoyees" className="fr-mt-4w">
        <h2 id="envoyees">Mes demandes envoyées ({sent.length})</h2>
        {sent.length === 0 ? <p>Aucune demande envoyée.</p> : sent.map((r) => <RequestCard key={r.id} request={r} me={props.me} onChange={replace} />)}
      </section>
      {next.error && <Alert className="fr-mt-2w" severity="error" small description={next.error} />}
      {next.cursor && (
        <Button className="fr-mt-2w" priority="secondary" onClick={() => void more()}>
          Afficher plus de demandes ({data ? data.admissionRequests.totalCount - requests.size : ''} de plus)
        </Button>
      )}
    </>
  );
}

function RequestCard(props: { request: Request; me: Me; onChange: (request: Request) => void }) {
  const { request } = props;
  const title = `Patient${request.patientName ? ` ${request.patientName}` : ''}, ${SEXES[request.patientSex].toLowerCase()} de ${request.patientAge} ans`;
  return (
    <article className="fr-p-3w fr-mb-3w" style={{ border: '1px solid var(--border-default-grey)' }} aria-label={title}>
      <div>
        <div>
          <h3 className="fr-h5 fr-mb-1w">
            {title}{' '}
            <Badge severity={STATUS_SEVERITY[request.status]} small>
              {REQUEST_STATUSES[request.status]}
            </Badge>
          </h3>
          <p className="fr-text--sm fr-mb-1w">
            Urgence : {URGENCIES[request.urgency]} — envoyée {minutesAgo(request.createdAt)} par {request.requester.name} — à rappeler : {request.callbackContact}
            <br />
            {request.clinicalSummary}
          </p>
          <ul className="fr-raw-list">
            {request.targets.map((target) => (
              <TargetLine key={target.unit.id} request={request} target={target} me={props.me} onChange={props.onChange} />
            ))}
          </ul>
          {sentByMe(props.me, request) && OPEN.has(request.status) && <CancelRequest request={request} onChange={props.onChange} />}
        </div>
      </div>
    </article>
  );
}

type Mode = 'none' | 'refuse' | 'propose';

function TargetLine(props: { request: Request; target: Target; me: Me; onChange: (request: Request) => void }) {
  const { request, target } = props;
  const settle = useSettle(request, props.onChange, 'réponse');
  const [, answer] = useMutation(AnswerAdmissionRequestMutation);
  const [mode, setMode] = useState<Mode>('none');
  const [reason, setReason] = useState<AdmissionRefusalReason | ''>('');
  const [comment, setComment] = useState('');
  const [proposedAt, setProposedAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAnswer =
    target.status === 'PENDING' &&
    request.status === 'PENDING' &&
    answersFor(props.me, { unitId: target.unit.id, establishmentId: target.establishment.id, organizationId: target.establishment.organization.id });

  const send = async (input: Parameters<typeof answer>[0]['input']) => {
    setBusy(true);
    const result = await answer({ id: request.id, unitId: target.unit.id, input, expectedVersion: request.version });
    const outcome = await settle({ data: result.data?.answerAdmissionRequest, error: result.error });
    setErrors(outcome.fields);
    setMessage(outcome.message);
    if (result.data) setMode('none');
    setBusy(false);
  };

  const refuse = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return setErrors({ reason: 'Choisissez un motif de refus.' });
    void send({ answer: 'REFUSE', reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  const propose = (event: FormEvent) => {
    event.preventDefault();
    const at = Date.parse(proposedAt);
    if (!proposedAt || Number.isNaN(at)) return setErrors({ proposedAt: 'Indiquez la date et l’heure proposées.' });
    if (at <= Date.now()) return setErrors({ proposedAt: 'L’horaire proposé doit être dans le futur.' });
    void send({ answer: 'PROPOSE', proposedAt: new Date(at).toISOString(), ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  const unitLabel = `${target.unit.name} (${target.establishment.name})`;
  const canTakeProposal = target.status === 'PROPOSED' && request.status === 'PENDING' && sentByMe(props.me, request);
  const canRecord = target.status === 'ACCEPTED' && request.status === 'ACCEPTED' && answersFor(props.me, { unitId: target.unit.id, establishmentId: target.establishment.id, organizationId: target.establishment.organization.id });

  return (
    <li className="fr-mb-2w">
      <strong>{unitLabel}</strong> : <span data-target-status={target.status}>{TARGET_STATUSES[target.status]}</span>
      {target.refusalReason && ` — ${REFUSAL_REASONS[target.refusalReason]}`}
      {target.proposedAt && ` — horaire proposé : ${dateTime(target.proposedAt)}`}
      {target.answeredBy && target.answeredAt && ` — par ${target.answeredBy}, ${dateTime(target.answeredAt)}`}
      {message && <Alert className="fr-mt-1w" severity="warning" small description={message} />}
      {canTakeProposal && <AcceptProposalButton request={request} unitId={target.unit.id} unitLabel={unitLabel} onChange={props.onChange} />}
      {canRecord && <RecordAdmissionButton request={request} unitLabel={unitLabel} onChange={props.onChange} />}
      {canAnswer && mode === 'none' && (
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
          <Button size="small" disabled={busy} onClick={() => void send({ answer: 'ACCEPT' })} title={`Accepter pour ${unitLabel}`}>
            Accepter
          </Button>
          <Button size="small" priority="secondary" disabled={busy} onClick={() => setMode('refuse')}>
            Refuser
          </Button>
          <Button size="small" priority="tertiary" disabled={busy} onClick={() => setMode('propose')}>
            Proposer un horaire
          </Button>
        </div>
      )}
      {canAnswer && mode === 'refuse' && (
        <form onSubmit={refuse} noValidate className="fr-mt-1w" aria-label={`Refuser pour ${unitLabel}`}>
          <Select label="Motif du refus" nativeSelectProps={{ value: reason, onChange: (e) => setReason(e.target.value as AdmissionRefusalReason | '') }} {...(errors.reason ? { state: 'error' as const, stateRelatedMessage: errors.reason } : {})}>
            <option value="">Choisir</option>
            {Object.entries(REFUSAL_REASONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Input label="Commentaire (facultatif)" nativeInputProps={{ value: comment, onChange: (e) => setComment(e.target.value) }} {...(errors.comment ? { state: 'error' as const, stateRelatedMessage: errors.comment } : {})} />
          <FormButtons small label="Confirmer le refus" busy={busy} onCancel={() => setMode('none')} />
        </form>
      )}
      {canAnswer && mode === 'propose' && (
        <form onSubmit={propose} noValidate className="fr-mt-1w" aria-label={`Proposer un horaire pour ${unitLabel}`}>
          <Input label="Horaire proposé" nativeInputProps={{ type: 'datetime-local', value: proposedAt, onChange: (e) => setProposedAt(e.target.value) }} {...(errors.proposedAt ? { state: 'error' as const, stateRelatedMessage: errors.proposedAt } : {})} />
          <Input label="Commentaire (facultatif)" nativeInputProps={{ value: comment, onChange: (e) => setComment(e.target.value) }} />
          <FormButtons small label="Envoyer la proposition" busy={busy} onCancel={() => setMode('none')} />
        </form>
      )}
    </li>
  );
}
