/**
 * The declarant's writes on a declaration in progress: change its level (updateTension, with the
 * version read: a CONFLICT says someone changed it first), add actions, lift it (closeTension).
 */
import { useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { PlanLevel } from '../../gql/graphql';
import { AddTensionActionsMutation, CloseTensionMutation, TensionQuery, TensionReferenceQuery, UpdateTensionMutation } from '../../operations/tensions';
import { frenchErrors, fieldState } from '../../errors';
import { type Tension } from './shared';
import { ActionPicker } from './ActionPicker';

type Mode = 'none' | 'level' | 'actions' | 'close';

export function TensionChanges(props: { tension: Tension; canUpdate: boolean; onWritten: (tension: Tension) => void }) {
  const { tension } = props;
  const client = useClient();
  const [{ data: reference }] = useQuery({ query: TensionReferenceQuery });
  const [, update] = useMutation(UpdateTensionMutation);
  const [, addActions] = useMutation(AddTensionActionsMutation);
  const [, close] = useMutation(CloseTensionMutation);
  const [mode, setMode] = useState<Mode>('none');
  const [level, setLevel] = useState<PlanLevel | ''>('');
  const [actions, setActions] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = (next: Mode) => {
    setMode(next);
    setErrors({});
    setMessage(null);
    setNotes('');
    setActions([]);
    setLevel('');
  };

  const finish = async (result: { error?: Parameters<typeof frenchErrors>[0]; data?: Tension | undefined }) => {
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    if (french.codes.has('CONFLICT')) {
      const current = await client.query(TensionQuery, { id: tension.id }, { requestPolicy: 'network-only' }).toPromise();
      if (current.data?.tension) props.onWritten(current.data.tension);
      setMessage('La déclaration a changé entre-temps : voici son état actuel. Votre changement n’a pas été enregistré.');
    } else setMessage(french.general.length ? french.general.join(' ') : null);
    if (result.data) {
      props.onWritten(result.data);
      setMode('none');
    }
    setBusy(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = notes.trim() ? { notes: notes.trim() } : {};
    if (notes.length > 2000) return setErrors({ notes: 'Le commentaire fait 2 000 caractères au plus.' });
    if (mode === 'level') {
      if (!level) return setErrors({ levelCode: 'Choisissez le nouveau niveau.' });
      if (level === tension.level) return setErrors({ levelCode: 'C’est déjà le niveau de la déclaration.' });
      setBusy(true);
      const result = await update({ id: tension.id, input: { levelCode: level, ...note }, expectedVersion: tension.version });
      return finish({ error: result.error, data: result.data?.updateTension });
    }
    if (mode === 'actions') {
      if (actions.length === 0) return setErrors({ actionCode: 'Choisissez au moins une action.' });
      setBusy(true);
      const result = await addActions({ id: tension.id, actions: actions.map((actionCode) => ({ actionCode, ...note })) });
      return finish({ error: result.error, data: result.data?.addTensionActions });
    }
    setBusy(true);
    const result = await close({ id: tension.id, ...(notes.trim() ? { notes: notes.trim() } : {}) });
    return finish({ error: result.error, data: result.data?.closeTension });
  };

  return (
    <div className="fr-mb-3w">
      {message && <Alert className="fr-mb-2w" severity="warning" small description={message} />}
      {mode === 'none' && (
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          {props.canUpdate && (
            <>
              <Button size="small" priority="secondary" onClick={() => open('level')}>
                Changer le niveau
              </Button>
              <Button size="small" priority="secondary" onClick={() => open('actions')}>
                Ajouter des actions
              </Button>
            </>
          )}
          <Button size="small" onClick={() => open('close')}>
            Lever la tension
          </Button>
        </div>
      )}
      {mode !== 'none' && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={{ level: 'Changer le niveau', actions: 'Ajouter des actions', close: 'Lever la tension' }[mode]}>
          {mode === 'level' && (
            <Select label="Nouveau niveau" nativeSelectProps={{ value: level, onChange: (e) => setLevel(e.target.value as PlanLevel | '') }} {...fieldState(errors.levelCode)}>
              <option value="">Choisir</option>
              {(reference?.tensionLevels ?? []).map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </Select>
          )}
          {mode === 'actions' && <ActionPicker repertoire={reference?.hetActionRepertoire ?? []} selected={actions} onChange={setActions} error={errors.actionCode} />}
          <Input label="Commentaire (facultatif)" textArea nativeTextAreaProps={{ value: notes, onChange: (e) => setNotes(e.target.value), rows: 2 }} {...fieldState(errors.notes)} />
          <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <Button size="small" type="submit" disabled={busy}>
              {{ level: 'Enregistrer le niveau', actions: 'Enregistrer les actions', close: 'Confirmer la levée' }[mode]}
            </Button>
            <Button size="small" priority="secondary" type="button" onClick={() => open('none')}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
