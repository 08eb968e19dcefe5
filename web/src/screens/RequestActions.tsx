/**
 * The actions on a request besides a unit's answer: the requester accepts a proposed time or
 * cancels, the accepting unit records the admission. Every action carries the version the page
 * shows; a CONFLICT (the request moved meanwhile) shows the request as it is now, and says so.
 */
import { useState, type FormEvent } from 'react';
import { useClient, type CombinedError } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ConsoleAdmissionRequestFragment } from '../gql/graphql';
import { AcceptAdmissionProposalMutation, AdmissionRequestQuery, CancelAdmissionRequestMutation, RecordAdmissionMutation } from '../operations/requests';
import { REQUEST_STATUSES } from '../labels';
import { frenchErrors } from '../errors';

type Request = ConsoleAdmissionRequestFragment;

export interface Outcome {
  /** Field errors in French, by field name. */
  fields: Record<string, string>;
  /** A sentence for above the action, or null when it went through. */
  message: string | null;
}

/**
 * Settles a mutation's answer: the changed request goes to `onChange`; on CONFLICT the request is
 * read again and shown as it is now. Shared by the answers and the actions below.
 */
export function useSettle(request: Request, onChange: (request: Request) => void, what: 'réponse' | 'action' = 'action') {
  const client = useClient();
  return async (result: { data?: Request | null; error?: CombinedError }): Promise<Outcome> => {
    const french = frenchErrors(result.error);
    if (result.data) onChange(result.data);
    if (!french.codes.has('CONFLICT')) return { fields: french.fields, message: french.general.length ? french.general.join(' ') : null };
    const current = await client.query(AdmissionRequestQuery, { id: request.id }, { requestPolicy: 'network-only' }).toPromise();
    const now = current.data?.admissionRequest;
    if (!now) return { fields: french.fields, message: french.general.join(' ') };
    onChange(now);
    return { fields: {}, message: `La demande a changé entre-temps : elle est maintenant « ${REQUEST_STATUSES[now.status]} ». Votre ${what} n’a pas été enregistrée.` };
  };
}

/** "Accepter l'horaire": the requester takes the time a unit proposed. */
export function AcceptProposalButton(props: { request: Request; unitId: string; unitLabel: string; onChange: (request: Request) => void }) {
  const client = useClient();
  const settle = useSettle(props.request, props.onChange);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const accept = async () => {
    setBusy(true);
    const result = await client.mutation(AcceptAdmissionProposalMutation, { id: props.request.id, unitId: props.unitId, expectedVersion: props.request.version }).toPromise();
    setMessage((await settle({ data: result.data?.acceptAdmissionProposal, error: result.error })).message);
    setBusy(false);
  };
  return (
    <>
      {message && <Alert className="fr-mt-1w" severity="warning" small description={message} />}
      <Button className="fr-mt-1w" size="small" disabled={busy} onClick={() => void accept()} title={`Accepter l’horaire proposé par ${props.unitLabel}`}>
        Accepter l’horaire
      </Button>
    </>
  );
}

/** "Patient admis": the accepting unit closes the request (a held bed becomes occupied). */
export function RecordAdmissionButton(props: { request: Request; unitLabel: string; onChange: (request: Request) => void }) {
  const client = useClient();
  const settle = useSettle(props.request, props.onChange);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const record = async () => {
    setBusy(true);
    const result = await client.mutation(RecordAdmissionMutation, { id: props.request.id, expectedVersion: props.request.version }).toPromise();
    setMessage((await settle({ data: result.data?.recordAdmission, error: result.error })).message);
    setBusy(false);
  };
  return (
    <>
      {message && <Alert className="fr-mt-1w" severity="warning" small description={message} />}
      <Button className="fr-mt-1w" size="small" disabled={busy} onClick={() => void record()} title={`Patient admis dans ${props.unitLabel}`}>
        Patient admis
      </Button>
    </>
  );
}

/** "Annuler la demande", with an optional reason the units read. */
export function CancelRequest(props: { request: Request; onChange: (request: Request) => void }) {
  const client = useClient();
  const settle = useSettle(props.request, props.onChange);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ fields: {}, message: null });
  const cancel = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.length > 500) return setOutcome({ fields: { reason: 'Le motif fait au plus 500 caractères.' }, message: null });
    setBusy(true);
    const result = await client
      .mutation(CancelAdmissionRequestMutation, { id: props.request.id, expectedVersion: props.request.version, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      .toPromise();
    const settled = await settle({ data: result.data?.cancelAdmissionRequest, error: result.error });
    setOutcome(settled);
    if (!settled.message && !Object.keys(settled.fields).length) setOpen(false);
    setBusy(false);
  };
  return (
    <div className="fr-mt-1w">
      {outcome.message && <Alert className="fr-mb-1w" severity="warning" small description={outcome.message} />}
      {!open ? (
        <Button size="small" priority="secondary" iconId="fr-icon-close-circle-line" onClick={() => setOpen(true)}>
          Annuler la demande
        </Button>
      ) : (
        <form onSubmit={(event) => void cancel(event)} noValidate aria-label="Annuler la demande">
          <Input
            label="Motif de l’annulation (facultatif)"
            hintText="Lu par les unités sollicitées."
            nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
            {...(outcome.fields.reason ? { state: 'error' as const, stateRelatedMessage: outcome.fields.reason } : {})}
          />
          <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <Button size="small" type="submit" disabled={busy}>
              Confirmer l’annulation
            </Button>
            <Button size="small" priority="secondary" type="button" onClick={() => setOpen(false)}>
              Garder la demande
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
