/** The regional team's reports to handle ("Signalements"): open ones first, each closed with a note (closeFeedback). */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { ConsoleFeedbackFragment, FeedbackStatus } from '../../gql/graphql';
import { CloseFeedbackMutation, FeedbackQuery } from '../../operations/offer';
import { dateTime } from '../../labels';
import { frenchErrors, fieldState } from '../../errors';
import { Link } from '../../router';
import type { Me } from '../../rights';

import { FEEDBACK_STATUSES, FEEDBACK_SUBJECTS } from './labels';
import { handlesReports } from './Offer';

export function FeedbackList(props: { me: Me }) {
  const [status, setStatus] = useState<FeedbackStatus>('OPEN');
  const allowed = handlesReports(props.me);
  const [{ data, error, fetching }, reload] = useQuery({ query: FeedbackQuery, variables: { status, first: 50 }, pause: !allowed, requestPolicy: 'cache-and-network' });
  const errors = frenchErrors(error);
  return (
    <>
      <p className="fr-mb-1w">
        <Link href="/offre" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Retour à l’offre
        </Link>
      </p>
      <h1>Signalements</h1>
      {!allowed ? (
        <p>Les signalements sont traités par l’équipe régionale du ROR.</p>
      ) : (
        <>
          <SegmentedControl
            legend="Signalements affichés"
            segments={[
              { label: FEEDBACK_STATUSES.OPEN, nativeInputProps: { checked: status === 'OPEN', onChange: () => setStatus('OPEN') } },
              { label: FEEDBACK_STATUSES.CLOSED, nativeInputProps: { checked: status === 'CLOSED', onChange: () => setStatus('CLOSED') } },
            ]}
          />
          {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
          {fetching && !data && <p>Chargement…</p>}
          {data && (
            <>
              <p className="fr-mt-2w">
                {data.feedback.totalCount} signalement{data.feedback.totalCount > 1 ? 's' : ''} {status === 'OPEN' ? 'à traiter' : 'clos'}.
              </p>
              {data.feedback.edges.map(({ node }) => (
                <FeedbackCard key={node.id} item={node} onClosed={() => reload({ requestPolicy: 'network-only' })} />
              ))}
            </>
          )}
        </>
      )}
    </>
  );
}

function subjectLink(item: ConsoleFeedbackFragment): React.ReactNode {
  const { type, id } = item.subject;
  if (type === 'ESTABLISHMENT' && id) return <Link href={`/offre/etablissements/${id}`}>{id}</Link>;
  if (type === 'UNIT' && id) return <Link href={`/offre/unites/${encodeURIComponent(id)}`}>{id}</Link>;
  return id ?? item.subject.searchText ?? '';
}

function FeedbackCard(props: { item: ConsoleFeedbackFragment; onClosed: () => void }) {
  const { item } = props;
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, close] = useMutation(CloseFeedbackMutation);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await close({ id: item.id, note: note.trim() || null });
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) props.onClosed();
  };
  const title = `Signalement n° ${item.id} — ${FEEDBACK_SUBJECTS[item.subject.type]}`;
  return (
    <article className="fr-p-3w fr-mb-3w" style={{ border: '1px solid var(--border-default-grey)' }} aria-label={title}>
      <h2 className="fr-h5 fr-mb-1w">
        {title} {subjectLink(item)}
      </h2>
      <p className="fr-text--sm fr-mb-1w">
        Envoyé par {item.senderLogin}, {dateTime(item.createdAt)}
        {item.closedAt && ` — clos par ${item.closedBy ?? '?'}, ${dateTime(item.closedAt)}`}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{item.message}</p>
      {item.closingNote && <p className="fr-text--sm">Note de clôture : {item.closingNote}</p>}
      {item.status === 'OPEN' && (
        <form onSubmit={send} noValidate aria-label={`Clore le signalement n° ${item.id}`}>
          <Input label="Note de clôture (facultative)" nativeInputProps={{ value: note, onChange: (e) => setNote(e.target.value) }} {...fieldState(errors.note)} />
          {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
          <Button type="submit" size="small" disabled={fetching}>
            Clore le signalement
          </Button>
        </form>
      )}
    </article>
  );
}
