/**
 * The tension-detection proposals of the département's EDs: those still to decide, whatever their
 * day, and the decided ones of the last 30 days (and those decided on this page): the signal, the
 * value against its threshold, and "Prendre en compte" / "Écarter" for those who may decide
 * (the EDs' declarants and referents, the ARS). No subscription carries proposals: the list is
 * read again after each decision and on "Actualiser".
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { AlertProposalStatus, ConsoleAlertProposalFragment, TensionSignal } from '../../gql/graphql';
import { AcknowledgeAlertProposalMutation, AlertProposalsQuery, DismissAlertProposalMutation } from '../../operations/emergency';
import { frenchErrors } from '../../errors';
import { dateTime } from '../../labels';
import { addDays, frenchDay, number, parisToday, percent } from '../territory';

export const SIGNALS: Record<TensionSignal, string> = {
  VISITS: 'Passages',
  VISITS_75: 'Passages des 75 ans et plus',
  ADMITTED_LOS: 'Durée de passage des patients hospitalisés',
  ADMISSION_RATE: 'Taux d’hospitalisation',
  PRESENT_15: 'Patients présents à 15 h',
  BEDS_BELOW_BJML: 'Lits disponibles (médecine + chirurgie) sous le BJML',
};

const STATUSES: Record<AlertProposalStatus, string> = { PROPOSED: 'À traiter', ACKNOWLEDGED: 'Prise en compte', DISMISSED: 'Écartée' };
const BANDS: Record<number, string> = { 1: 'attention', 2: 'vigilance', 3: 'alerte' };

function figure(signal: TensionSignal, value: number): string {
  if (signal === 'ADMISSION_RATE') return percent(value, 1);
  if (signal === 'ADMITTED_LOS') return `${number(value)} min`;
  return number(value, signal === 'BEDS_BELOW_BJML' ? 1 : 0);
}

export function Proposals(props: { establishmentIds: ReadonlySet<string>; mayDecide: boolean }) {
  const from = addDays(parisToday(), -30);
  const [{ data, error, fetching }, reload] = useQuery({ query: AlertProposalsQuery, variables: { from }, requestPolicy: 'network-only' });
  // Decided on this page: kept in sight even when their day is older than the 30 days read.
  const [decidedHere, setDecidedHere] = useState<Map<string, ConsoleAlertProposalFragment>>(new Map());
  const mine = (p: ConsoleAlertProposalFragment) => props.establishmentIds.has(p.establishment.id);
  const waiting = (data?.waiting ?? []).filter(mine);
  const decided = new Map((data?.recent ?? []).filter((p) => mine(p) && p.status !== 'PROPOSED').map((p) => [p.id, p]));
  for (const [id, p] of decidedHere) if (mine(p)) decided.set(id, p);
  const onDecided = (p: ConsoleAlertProposalFragment | null) => {
    if (p) setDecidedHere((current) => new Map(current).set(p.id, p));
    reload({ requestPolicy: 'network-only' });
  };
  const errors = frenchErrors(error);
  return (
    <section aria-labelledby="propositions" className="fr-mt-6w">
      <h2 id="propositions">Propositions d’alerte de la détection des tensions</h2>
      <p className="fr-text--sm">
        Chaque jour, la détection compare les indicateurs de chaque service d’urgences à sa référence (moyenne et écart-type des 365 jours précédents) et les lits disponibles au BJML. Propositions à traiter, et celles traitées des 30 derniers jours ; la liste se relit après chaque décision.{' '}
        <Button size="small" priority="tertiary" onClick={() => reload({ requestPolicy: 'network-only' })} disabled={fetching}>
          Actualiser
        </Button>
      </p>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {data && waiting.length === 0 && <p>Aucune proposition à traiter dans ce département.</p>}
      {waiting.map((p) => (
        <ProposalCard key={p.id} proposal={p} mayDecide={props.mayDecide} onDecided={onDecided} />
      ))}
      {decided.size > 0 && (
        <details className="fr-mt-2w">
          <summary>Propositions déjà traitées ({decided.size})</summary>
          {[...decided.values()].map((p) => (
            <ProposalCard key={p.id} proposal={p} mayDecide={false} onDecided={() => undefined} />
          ))}
        </details>
      )}
    </section>
  );
}

function ProposalCard(props: { proposal: ConsoleAlertProposalFragment; mayDecide: boolean; onDecided: (decided: ConsoleAlertProposalFragment | null) => void }) {
  const p = props.proposal;
  const [, acknowledge] = useMutation(AcknowledgeAlertProposalMutation);
  const [, dismiss] = useMutation(DismissAlertProposalMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (how: 'acknowledge' | 'dismiss') => {
    setBusy(true);
    const result = how === 'acknowledge' ? await acknowledge({ id: p.id }) : await dismiss({ id: p.id });
    const french = frenchErrors(result.error);
    // CONFLICT: someone decided first; the list read again shows their decision.
    setMessage(french.codes.has('CONFLICT') ? 'Cette proposition a été traitée entre-temps par quelqu’un d’autre.' : french.general.join(' ') || null);
    setBusy(false);
    const data = result.data as { acknowledgeAlertProposal?: ConsoleAlertProposalFragment; dismissAlertProposal?: ConsoleAlertProposalFragment } | undefined;
    props.onDecided(data?.acknowledgeAlertProposal ?? data?.dismissAlertProposal ?? null);
  };
  const title = `${p.establishment.name} — ${SIGNALS[p.signal]}, ${frenchDay(p.day)}`;
  return (
    <article className="fr-p-2w fr-mb-2w" style={{ border: '1px solid var(--border-default-grey)' }} aria-label={title}>
      <h3 className="fr-h6 fr-mb-1w">
        {title}{' '}
        <Badge small severity={p.status === 'PROPOSED' ? 'new' : p.status === 'ACKNOWLEDGED' ? 'success' : 'info'}>
          {STATUSES[p.status]}
        </Badge>
      </h3>
      <p className="fr-text--sm fr-mb-1w">
        Valeur {figure(p.signal, p.value)} pour un seuil de {figure(p.signal, p.threshold)}
        {p.band ? ` (niveau ${p.band}, ${BANDS[p.band] ?? ''})` : ''} — proposée {dateTime(p.createdAt)}
        {p.decidedBy && p.decidedAt && ` — ${STATUSES[p.status].toLowerCase()} par ${p.decidedBy}, ${dateTime(p.decidedAt)}`}
      </p>
      {message && <Alert severity="warning" small description={message} />}
      {props.mayDecide && p.status === 'PROPOSED' && (
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <Button size="small" disabled={busy} onClick={() => void decide('acknowledge')} title={`Prendre en compte : ${title}`}>
            Prendre en compte
          </Button>
          <Button size="small" priority="secondary" disabled={busy} onClick={() => void decide('dismiss')} title={`Écarter : ${title}`}>
            Écarter
          </Button>
        </div>
      )}
    </article>
  );
}
