/**
 * The satisfaction survey of a HET episode: its answers when given, and the form to give (or
 * replace) them, for the establishment's declarants (TensionDetail) and the ARS recording answers
 * gathered by phone or on site (Procédure ARS). Each question as its kind asks: yes/no, 1 to 5, text.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { HetSurveyQuery, SubmitHetSurveyMutation } from '../../../operations/het';
import { frenchErrors } from '../../../errors';
import { dateTime } from '../../../labels';

const YES_NO: Record<string, string> = { true: 'Oui', false: 'Non' };

export function SurveySection(props: { tensionId: string; chooseChannel: boolean }) {
  const [{ data, error }, reload] = useQuery({ query: HetSurveyQuery, variables: { tensionId: props.tensionId }, requestPolicy: 'network-only' });
  const [, submit] = useMutation(SubmitHetSurveyMutation);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [channel, setChannel] = useState('QUESTIONNAIRE');
  const [editing, setEditing] = useState(false);
  const [sendError, setSendError] = useState<string[]>([]);
  const read = frenchErrors(error);
  // Not the caller's, or no ARS record for this episode (so no survey): nothing to show.
  if (read.codes.has('FORBIDDEN') || read.codes.has('NOT_FOUND')) return null;
  const questions = data?.hetSurveyQuestions ?? [];
  const survey = data?.hetSurvey;
  const answerOf = (code: string) => survey?.answers.find((a) => a.question.code === code)?.value;

  const send = async () => {
    const missing = questions.filter((q) => q.required && !answers[q.code]);
    if (missing.length) return setSendError([`Répondez à toutes les questions obligatoires (${missing.length} sans réponse).`]);
    const r = await submit({
      tensionId: props.tensionId,
      answers: questions.filter((q) => answers[q.code]?.trim()).map((q) => ({ question: q.code, value: answers[q.code]! })),
      ...(props.chooseChannel ? { channel } : {}),
    });
    const french = frenchErrors(r.error);
    setSendError([...french.general, ...Object.values(french.fields)]);
    if (r.data) {
      setEditing(false);
      reload({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby={`enquete-${props.tensionId}`} className="fr-mt-4w">
      <h3 id={`enquete-${props.tensionId}`}>Enquête de satisfaction</h3>
      {survey && !editing && (
        <>
          <p className="fr-text--sm">
            Réponses de {survey.respondent}, le {dateTime(survey.respondedAt)} ({data?.hetSurveyChannels.find((c) => c.code === survey.channel)?.label ?? survey.channel}).
          </p>
          <ul>
            {questions.map((q) => (
              <li key={q.code}>
                {q.label} : <strong>{q.kind === 'YES_NO' ? YES_NO[answerOf(q.code) ?? ''] ?? '—' : answerOf(q.code) ?? '—'}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {data && !editing && (
        <Button size="small" priority="secondary" onClick={() => (setAnswers(Object.fromEntries(survey?.answers.map((a) => [a.question.code, a.value]) ?? [])), setEditing(true))}>
          {survey ? 'Modifier les réponses' : 'Répondre à l’enquête'}
        </Button>
      )}
      {editing && (
        <form onSubmit={(e) => (e.preventDefault(), void send())} aria-label="Enquête de satisfaction">
          {props.chooseChannel && (
            <Select label="Recueil des réponses" nativeSelectProps={{ value: channel, onChange: (e) => setChannel(e.target.value) }}>
              {(data?.hetSurveyChannels ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </Select>
          )}
          {questions.map((q) =>
            q.kind === 'TEXT' ? (
              <Input key={q.code} label={q.label} textArea nativeTextAreaProps={{ value: answers[q.code] ?? '', onChange: (e) => setAnswers({ ...answers, [q.code]: e.target.value }) }} />
            ) : (
              <RadioButtons
                key={q.code}
                legend={q.label}
                orientation="horizontal"
                name={`q-${q.code}`}
                options={(q.kind === 'YES_NO' ? ['true', 'false'] : ['1', '2', '3', '4', '5']).map((v) => ({
                  label: YES_NO[v] ?? v,
                  nativeInputProps: { value: v, checked: answers[q.code] === v, onChange: () => setAnswers({ ...answers, [q.code]: v }) },
                }))}
              />
            ),
          )}
          {sendError.length > 0 && <Alert severity="error" small description={sendError.join(' ')} />}
          <Button type="submit">Enregistrer les réponses</Button>
        </form>
      )}
    </section>
  );
}
