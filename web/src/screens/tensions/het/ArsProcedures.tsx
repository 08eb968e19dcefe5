/**
 * "Procédure ARS" (ORU_HET_PROCEDURE_SHOW / _EDIT, transversal): the ARS's record of each HET
 * episode. The declarations in progress without a record (to open one), then each record with
 * the procedure's steps (who, when; « Fait » records a step now), the RETEX form and the
 * satisfaction survey; closing the record. Writes are offered to _EDIT holders only.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ConsoleHetProcedureFragment } from '../../../gql/graphql';
import { CloseHetProcedureMutation, HetProceduresQuery, OpenHetProcedureMutation, RecordHetProcedureStepMutation, SaveHetRetexMutation } from '../../../operations/het';
import { frenchErrors, fieldState } from '../../../errors';
import { dateTime } from '../../../labels';
import { Link } from '../../../router';
import type { Me } from '../../../rights';
import { editsProcedures } from './labels';
import { SurveySection } from './SurveyForm';

type Procedure = ConsoleHetProcedureFragment;

export function ArsProcedures(props: { me: Me }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: HetProceduresQuery, requestPolicy: 'network-only' });
  const [, open] = useMutation(OpenHetProcedureMutation);
  const [openError, setOpenError] = useState<string[]>([]);
  const edits = editsProcedures(props.me);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const followed = new Set((data?.hetProcedures ?? []).map((p) => p.tension.id));
  const unfollowed = (data?.tensions.edges ?? []).map((e) => e.node).filter((t) => !followed.has(t.id));
  const errors = frenchErrors(error);
  return (
    <section aria-labelledby="procedure-ars">
      <h2 id="procedure-ars">Procédure ARS</h2>
      <p className="fr-text--sm">Le suivi interne de l’ARS pour chaque épisode HET : étapes de la procédure, RETEX avec l’établissement, enquête de satisfaction.</p>
      {errors.general.length > 0 && <Alert severity="error" title="Suivi indisponible" description={errors.general.join(' ')} />}
      <h3>Déclarations en cours sans suivi ({fetching ? '…' : unfollowed.length})</h3>
      {openError.length > 0 && <Alert severity="error" small description={openError.join(' ')} />}
      {unfollowed.length === 0 ? (
        <p>Toutes les déclarations en cours sont suivies.</p>
      ) : (
        <ul>
          {unfollowed.map((t) => (
            <li key={t.id}>
              <Link href={`/tensions/${t.id}`}>{t.id}</Link> {t.establishment.name} — {t.disciplineGroup}, depuis le {dateTime(t.startedAt)}{' '}
              {edits && (
                <Button size="small" priority="secondary" onClick={async () => {
                  const r = await open({ tensionId: t.id });
                  setOpenError(frenchErrors(r.error).general);
                  if (r.data) refresh();
                }}>
                  Ouvrir le suivi
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="fr-mt-4w">Épisodes suivis ({data?.hetProcedures.length ?? '…'})</h3>
      {(data?.hetProcedures ?? []).map((p) => (
        <ProcedureCard key={p.tension.id} procedure={p} edits={edits} onChanged={refresh} />
      ))}
    </section>
  );
}

function ProcedureCard(props: { procedure: Procedure; edits: boolean; onChanged: () => void }) {
  const p = props.procedure;
  const [, record] = useMutation(RecordHetProcedureStepMutation);
  const [, close] = useMutation(CloseHetProcedureMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const writable = props.edits && p.status === 'OPEN';
  const after = (r: { error?: Parameters<typeof frenchErrors>[0]; data?: unknown }) => {
    const french = frenchErrors(r.error);
    setErrors([...french.general, ...Object.values(french.fields)]);
    if (r.data) props.onChanged();
  };
  return (
    <article className="fr-p-2w fr-mb-3w" style={{ border: '1px solid var(--border-default-grey)' }} data-procedure={p.tension.id} aria-labelledby={`suivi-${p.tension.id}`}>
      <h4 id={`suivi-${p.tension.id}`}>
        <Link href={`/tensions/${p.tension.id}`}>{p.tension.id}</Link> {p.tension.establishment.name} — {p.tension.levelDetail.label}{' '}
        <Badge small severity={p.status === 'OPEN' ? 'info' : 'success'} noIcon>
          {p.status === 'OPEN' ? 'Suivi en cours' : 'Suivi clos'}
        </Badge>
      </h4>
      <p className="fr-text--sm">
        {p.tension.disciplineGroup}, du {dateTime(p.tension.startedAt)}
        {p.tension.endedAt ? ` au ${dateTime(p.tension.endedAt)}` : ' (en cours)'}. Suivi ouvert par {p.openedBy} le {dateTime(p.openedAt)}
        {p.closedAt ? `, clos par ${p.closedBy} le ${dateTime(p.closedAt)}` : ''}.
      </p>
      <ol aria-label={`Étapes de la procédure de ${p.tension.id}`}>
        {p.steps.map((s) => (
          <li key={s.step.code}>
            {s.done ? '✓ ' : ''}
            {s.step.label}
            {s.done && s.doneAt ? ` — ${dateTime(s.doneAt)}, ${s.doneBy}${s.notes ? ` : ${s.notes}` : ''}` : ''}
            {!s.done && writable && (
              <Button size="small" priority="tertiary" onClick={async () => after(await record({ tensionId: p.tension.id, step: s.step.code }))}>
                Fait
              </Button>
            )}
          </li>
        ))}
      </ol>
      {errors.length > 0 && <Alert severity="error" small description={errors.join(' ')} />}
      <Retex procedure={p} writable={writable} onChanged={props.onChanged} />
      <SurveySection tensionId={p.tension.id} chooseChannel={props.edits} />
      {writable && (
        <Button className="fr-mt-2w" priority="secondary" onClick={async () => after(await close({ tensionId: p.tension.id, expectedVersion: p.version }))}>
          Clore le suivi
        </Button>
      )}
    </article>
  );
}

function Retex(props: { procedure: Procedure; writable: boolean; onChanged: () => void }) {
  const { retex } = props.procedure;
  const [, save] = useMutation(SaveHetRetexMutation);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ heldAt: '', participants: '', summary: '', strengths: '', improvements: '', recommendations: '' });
  const [errors, setErrors] = useState<ReturnType<typeof frenchErrors>>(frenchErrors(undefined));
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async () => {
    const r = await save({
      tensionId: props.procedure.tension.id,
      input: { ...draft, heldAt: draft.heldAt ? new Date(draft.heldAt).toISOString() : new Date().toISOString() },
    });
    setErrors(frenchErrors(r.error));
    if (r.data) {
      setEditing(false);
      props.onChanged();
    }
  };
  const FIELDS: Array<[keyof typeof draft, string]> = [
    ['participants', 'Participants'],
    ['summary', 'Déroulé de l’épisode'],
    ['strengths', 'Ce qui a fonctionné'],
    ['improvements', 'Points à améliorer'],
    ['recommendations', 'Recommandations'],
  ];
  return (
    <section className="fr-mt-2w" aria-label={`RETEX de ${props.procedure.tension.id}`}>
      <h5>RETEX</h5>
      {retex && !editing && (
        <dl className="fr-text--sm">
          <dt>Tenu le {dateTime(retex.heldAt)} (saisi par {retex.savedBy})</dt>
          {FIELDS.map(([key, label]) => (retex[key] ? <dd key={key}><strong>{label} :</strong> {retex[key]}</dd> : null))}
        </dl>
      )}
      {!retex && !editing && <p className="fr-text--sm">Pas encore de RETEX.</p>}
      {props.writable && !editing && (
        <Button size="small" priority="secondary" onClick={() => (setDraft({ heldAt: '', participants: retex?.participants ?? '', summary: retex?.summary ?? '', strengths: retex?.strengths ?? '', improvements: retex?.improvements ?? '', recommendations: retex?.recommendations ?? '' }), setEditing(true))}>
          {retex ? 'Modifier le RETEX' : 'Saisir le RETEX'}
        </Button>
      )}
      {editing && (
        <form onSubmit={(e) => (e.preventDefault(), void submit())} aria-label="RETEX">
          <Input label="Date du RETEX (maintenant par défaut)" nativeInputProps={{ type: 'datetime-local', value: draft.heldAt, onChange: (e) => set('heldAt', e.target.value) }} {...fieldState(errors.fields.heldAt)} />
          {FIELDS.map(([key, label]) => (
            <Input key={key} label={label} textArea nativeTextAreaProps={{ value: draft[key], onChange: (e) => set(key, e.target.value), rows: 2 }} {...fieldState(errors.fields[key])} />
          ))}
          {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
          <Button type="submit">Enregistrer le RETEX</Button>
        </form>
      )}
    </section>
  );
}
