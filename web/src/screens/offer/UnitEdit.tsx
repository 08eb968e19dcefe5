/**
 * The edit form of a unit: the fields a referent keeps current. The hub checks every value with
 * the rules of docs/offer-editing.md; its refusals (extensions.field) show in French under the field.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ConsoleUnitFragment, UnitUpdate } from '../../gql/graphql';
import { UnitCodesQuery, UpdateUnitMutation } from '../../operations/offer';
import { frenchErrors, fieldState } from '../../errors';
import { textOrNull, wholeOrNull } from './parts';
import { FormButtons } from '../../components/FormButtons';

interface Draft {
  name: string;
  ufCode: string;
  sseCapacity: string;
  patientAgeMin: string;
  patientAgeMax: string;
  activityFieldCode: string;
  careModeCode: string;
  accessDetails: string;
}

const NUMBERS = ['sseCapacity', 'patientAgeMin', 'patientAgeMax'] as const;

export function UnitEdit(props: { unit: ConsoleUnitFragment; onSaved: () => void; onCancel: () => void }) {
  const u = props.unit;
  const [draft, setDraft] = useState<Draft>({
    name: u.name,
    ufCode: u.ufCode,
    sseCapacity: u.sseCapacity?.toString() ?? '',
    patientAgeMin: String(u.patientAge.min),
    patientAgeMax: String(u.patientAge.max),
    activityFieldCode: u.activityField.code,
    careModeCode: u.careMode.code,
    accessDetails: u.accessDetails ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ data: codes }] = useQuery({ query: UnitCodesQuery });
  const [{ fetching }, update] = useMutation(UpdateUnitMutation);
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Only what a browser can tell: a number must be one. Ranges and rules are the hub's.
    const typed: Record<string, string> = {};
    for (const key of NUMBERS) if (Number.isNaN(wholeOrNull(draft[key]))) typed[key] = 'Saisissez un nombre entier.';
    if (Object.keys(typed).length) return setErrors(typed);
    const input: UnitUpdate = {
      name: draft.name,
      ufCode: draft.ufCode,
      sseCapacity: wholeOrNull(draft.sseCapacity),
      patientAgeMin: wholeOrNull(draft.patientAgeMin),
      patientAgeMax: wholeOrNull(draft.patientAgeMax),
      activityFieldCode: draft.activityFieldCode,
      careModeCode: draft.careModeCode,
      accessDetails: textOrNull(draft.accessDetails),
    };
    const result = await update({ id: u.id, input });
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) props.onSaved();
  };

  return (
    <form onSubmit={save} noValidate aria-label="Modifier la fiche de l’unité">
      <h2>Modifier la fiche</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <Input label="Nom" nativeInputProps={{ value: draft.name, onChange: set('name') }} {...fieldState(errors.name)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Code UF" nativeInputProps={{ value: draft.ufCode, onChange: set('ufCode') }} {...fieldState(errors.ufCode)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Capacité SSE (lits)" hintText="Lits ouvrables en tension ou en crise." nativeInputProps={{ value: draft.sseCapacity, onChange: set('sseCapacity'), inputMode: 'numeric' }} {...fieldState(errors.sseCapacity)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Âge minimal des patients (ans)" hintText="Obligatoire : 0 si l’unité accueille dès la naissance." nativeInputProps={{ value: draft.patientAgeMin, onChange: set('patientAgeMin'), inputMode: 'numeric' }} {...fieldState(errors.patientAgeMin)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Âge maximal des patients (ans)" hintText="Obligatoire : 150 si l’unité n’a pas d’âge limite." nativeInputProps={{ value: draft.patientAgeMax, onChange: set('patientAgeMax'), inputMode: 'numeric' }} {...fieldState(errors.patientAgeMax)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Champ d’activité" nativeSelectProps={{ value: draft.activityFieldCode, onChange: set('activityFieldCode') }} {...fieldState(errors.activityFieldCode)}>
            {(codes?.activityFields?.codes ?? [u.activityField]).map((c) => (
              <option key={c.code} value={c.code}>
                {c.display ?? c.code} ({c.code})
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Mode de prise en charge" nativeSelectProps={{ value: draft.careModeCode, onChange: set('careModeCode') }} {...fieldState(errors.careModeCode)}>
            {(codes?.careModes?.codes ?? [u.careMode]).map((c) => (
              <option key={c.code} value={c.code}>
                {c.display ?? c.code} ({c.code})
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12">
          <Input label="Accès" hintText="Bâtiment, étage, entrée…" textArea nativeTextAreaProps={{ value: draft.accessDetails, onChange: set('accessDetails'), rows: 2 }} {...fieldState(errors.accessDetails)} />
        </div>
      </div>
      {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
      <FormButtons label="Enregistrer" busy={fetching} onCancel={props.onCancel} />
    </form>
  );
}
