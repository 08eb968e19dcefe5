/** "Signaler une erreur" on a record: a message to the regional team (reportError), for every user. */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { FeedbackSubjectType } from '../../gql/graphql';
import { ReportErrorMutation } from '../../operations/offer';
import { frenchErrors, fieldState } from '../../errors';


export function ReportError(props: { subjectType: FeedbackSubjectType; subjectId: string; recordName: string }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [{ fetching }, report] = useMutation(ReportErrorMutation);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setError('Décrivez l’erreur constatée.');
    if (message.trim().length > 4000) return setError('Le message contient 4 000 caractères au plus.');
    const result = await report({ subjectType: props.subjectType, subjectId: props.subjectId, message: message.trim() });
    const french = frenchErrors(result.error);
    setError(french.fields.message);
    setGeneral(french.general);
    if (result.data) {
      setSent(`Signalement n° ${result.data.reportError.id} envoyé à l’équipe régionale.`);
      setMessage('');
      setOpen(false);
    }
  };
  return (
    <section aria-labelledby="signaler" className="fr-mt-4w">
      <h2 id="signaler" className="fr-h4">
        Signaler une erreur
      </h2>
      {sent && <Alert severity="success" small description={sent} className="fr-mb-2w" />}
      {!open ? (
        <Button priority="secondary" iconId="fr-icon-flag-line" onClick={() => (setOpen(true), setSent(null))}>
          Signaler une erreur sur cette fiche
        </Button>
      ) : (
        <form onSubmit={send} noValidate aria-label={`Signaler une erreur sur ${props.recordName}`}>
          <Input
            label="Erreur constatée"
            hintText="Ce qui est faux sur la fiche et, si vous le savez, la bonne valeur. L’équipe régionale du ROR le reçoit."
            textArea
            nativeTextAreaProps={{ value: message, onChange: (e) => setMessage(e.target.value), rows: 4 }}
            {...fieldState(error)}
          />
          {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
          <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <Button type="submit" disabled={fetching}>
              Envoyer le signalement
            </Button>
            <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
