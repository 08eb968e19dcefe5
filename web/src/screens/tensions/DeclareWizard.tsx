/**
 * "Déclarer une HET": a five-step wizard (DSFR Stepper): establishment of the user's perimeter,
 * discipline group, level, actions from the repertoire, comment and start; then declareTension.
 * Each step is checked in French before going on; the hub's refusals come back next to their
 * field, on the step that holds it.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { PlanLevel } from '../../gql/graphql';
import { DeclareTensionMutation, TensionReferenceQuery } from '../../operations/tensions';
import { frenchErrors, fieldState } from '../../errors';
import { navigate } from '../../router';
import type { Me } from '../../rights';

import { useEstablishmentsWith } from './useDeclarableEstablishments';
import { ActionPicker } from './ActionPicker';

const STEPS = ['Établissement', 'Groupe de disciplines', 'Niveau de tension', 'Actions engagées', 'Commentaire et validation'] as const;

/** The step holding each field the wizard sends (for the hub's errors). */
const STEP_OF_FIELD: Record<string, number> = { establishmentId: 0, disciplineGroupCode: 1, levelCode: 2, actionCode: 3, actions: 3, notes: 4, startedAt: 4 };

interface Draft {
  establishmentId: string;
  disciplineGroupCode: string;
  levelCode: PlanLevel | '';
  actions: string[];
  notes: string;
  startedAt: string;
}

export function DeclareWizard(props: { me: Me }) {
  const [{ data: reference }] = useQuery({ query: TensionReferenceQuery });
  const declarable = useEstablishmentsWith(props.me, 'OruTension_tension_creation');
  const [, declare] = useMutation(DeclareTensionMutation);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({ establishmentId: '', disciplineGroupCode: '', levelCode: '', actions: [], notes: '', startedAt: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const establishmentId = draft.establishmentId || (declarable.choices.length === 1 ? declarable.choices[0]!.id : '');

  /** The French checks of a step; empty when it may be left. */
  const check = (index: number): Record<string, string> => {
    if (index === 0 && !establishmentId.trim()) return { establishmentId: 'Choisissez l’établissement en tension.' };
    if (index === 1 && !draft.disciplineGroupCode) return { disciplineGroupCode: 'Choisissez le groupe de disciplines concerné.' };
    if (index === 2 && !draft.levelCode) return { levelCode: 'Choisissez le niveau de tension.' };
    if (index === 4 && draft.notes.length > 2000) return { notes: 'Le commentaire fait 2 000 caractères au plus.' };
    if (index === 4 && draft.startedAt && Number.isNaN(Date.parse(draft.startedAt))) return { startedAt: 'Indiquez une date et une heure valides.' };
    return {};
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = check(step);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (step < STEPS.length - 1) return setStep(step + 1);
    void send();
  };

  const send = async () => {
    setBusy(true);
    const result = await declare({
      input: {
        establishmentId: establishmentId.trim(),
        disciplineGroupCode: draft.disciplineGroupCode,
        levelCode: draft.levelCode as PlanLevel,
        actions: draft.actions.map((actionCode) => ({ actionCode })),
        ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
        ...(draft.startedAt ? { startedAt: new Date(draft.startedAt).toISOString() } : {}),
      },
    });
    setBusy(false);
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    const steps = Object.keys(french.fields).map((field) => STEP_OF_FIELD[field] ?? 4);
    if (steps.length) setStep(Math.min(...steps));
    if (result.data) navigate(`/tensions/${result.data.declareTension.id}`);
  };

  const levels = reference?.tensionLevels ?? [];
  const groups = reference?.disciplineGroups ?? [];
  return (
    <section aria-labelledby="declarer">
      <h2 id="declarer">Déclarer une HET</h2>
      <Stepper currentStep={step + 1} stepCount={STEPS.length} title={STEPS[step]} {...(step < STEPS.length - 1 ? { nextTitle: STEPS[step + 1] } : {})} />
      {general.length > 0 && <Alert className="fr-mb-3w" severity="error" title="Déclaration refusée" description={general.join(' ')} />}
      <form onSubmit={next} noValidate aria-label={`Déclaration, étape ${step + 1} sur ${STEPS.length}`}>
        {step === 0 &&
          (declarable.transversal || declarable.choices.length === 0 ? (
            <Input
              label="Établissement (numéro FINESS)"
              hintText={declarable.loading ? 'Chargement de vos établissements…' : 'Le numéro FINESS géographique, 9 caractères.'}
              nativeInputProps={{ value: draft.establishmentId, onChange: (e) => set('establishmentId', e.target.value) }}
              {...fieldState(errors.establishmentId)}
            />
          ) : (
            <Select label="Établissement" nativeSelectProps={{ value: establishmentId, onChange: (e) => set('establishmentId', e.target.value) }} {...fieldState(errors.establishmentId)}>
              <option value="">Choisir</option>
              {declarable.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.city ? ` (${c.city})` : ''} — {c.id}
                </option>
              ))}
            </Select>
          ))}
        {step === 1 && (
          <Select label="Groupe de disciplines" nativeSelectProps={{ value: draft.disciplineGroupCode, onChange: (e) => set('disciplineGroupCode', e.target.value) }} {...fieldState(errors.disciplineGroupCode)}>
            <option value="">Choisir</option>
            {groups.map((g) => (
              <option key={g.code} value={g.code}>
                {g.label}
              </option>
            ))}
          </Select>
        )}
        {step === 2 && (
          <RadioButtons
            legend="Niveau de tension"
            name="niveau"
            options={levels.map((l) => ({ label: l.label, nativeInputProps: { value: l.code, checked: draft.levelCode === l.code, onChange: () => set('levelCode', l.code) } }))}
            {...fieldState(errors.levelCode)}
          />
        )}
        {step === 3 && <ActionPicker repertoire={reference?.hetActionRepertoire ?? []} selected={draft.actions} onChange={(actions) => set('actions', actions)} error={errors.actionCode} />}
        {step === 4 && (
          <>
            <Input label="Début de la tension (facultatif : maintenant par défaut)" nativeInputProps={{ type: 'datetime-local', value: draft.startedAt, onChange: (e) => set('startedAt', e.target.value) }} {...fieldState(errors.startedAt)} />
            <Input label="Commentaire (facultatif)" textArea nativeTextAreaProps={{ value: draft.notes, onChange: (e) => set('notes', e.target.value), rows: 3 }} {...fieldState(errors.notes)} />
            <Summary draft={draft} establishment={declarable.choices.find((c) => c.id === establishmentId)?.name ?? establishmentId} levels={levels} groups={groups} />
          </>
        )}
        <div className="fr-btns-group fr-btns-group--inline fr-mt-3w">
          {step > 0 && (
            <Button type="button" priority="secondary" onClick={() => (setErrors({}), setStep(step - 1))}>
              Précédent
            </Button>
          )}
          <Button type="submit" disabled={busy}>
            {step < STEPS.length - 1 ? 'Suivant' : 'Déclarer la tension'}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Summary(props: { draft: Draft; establishment: string; levels: Array<{ code: string; label: string }>; groups: Array<{ code: string; label: string }> }) {
  const { draft } = props;
  return (
    <div className="fr-callout fr-my-2w">
      <h3 className="fr-callout__title fr-h6">Récapitulatif</h3>
      <ul className="fr-callout__text fr-text--sm">
        <li>Établissement : {props.establishment}</li>
        <li>Groupe : {props.groups.find((g) => g.code === draft.disciplineGroupCode)?.label}</li>
        <li>Niveau : {props.levels.find((l) => l.code === draft.levelCode)?.label}</li>
        <li>Actions : {draft.actions.length === 0 ? 'aucune' : `${draft.actions.length} action${draft.actions.length > 1 ? 's' : ''}`}</li>
      </ul>
    </div>
  );
}
