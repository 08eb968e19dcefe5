/** The edit form of a professional's record (updateProfessional); the hub's refusals show under their field. */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ConsoleProfessionalFragment, Sex, UpdateProfessionalInput } from '../../gql/graphql';
import { UpdateProfessionalMutation } from '../../operations/professionals';
import { frenchErrors, fieldState } from '../../errors';
import { textOrNull } from '../offer/parts';
import { PROFESSIONS, SEXES } from './labels';
import { FormButtons } from '../../components/FormButtons';

export function ProfessionalEdit(props: { professional: ConsoleProfessionalFragment; accountEnabled: boolean | null; onSaved: () => void; onCancel: () => void }) {
  const p = props.professional;
  const [lastName, setLastName] = useState(p.lastName);
  const [firstName, setFirstName] = useState(p.firstName);
  const [sex, setSex] = useState<Sex | ''>(p.sex ?? '');
  const [professionCode, setProfessionCode] = useState(p.profession?.code ?? '');
  const [rppsNumber, setRpps] = useState(p.rppsNumber ?? '');
  const [adeliNumber, setAdeli] = useState(p.adeliNumber ?? '');
  const [jobTitle, setJobTitle] = useState(p.jobTitle ?? '');
  const [workEmail, setWorkEmail] = useState(p.workEmail ?? '');
  const [workPhone, setWorkPhone] = useState(p.workPhone ?? '');
  const [mssanteAddress, setMssante] = useState(p.mssanteAddress ?? '');
  const [enabled, setEnabled] = useState(props.accountEnabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, update] = useMutation(UpdateProfessionalMutation);
  const professions = { ...PROFESSIONS, ...(p.profession ? { [p.profession.code]: p.profession.display ?? p.profession.code } : {}) };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input: UpdateProfessionalInput = {
      lastName,
      firstName,
      ...(sex ? { sex } : {}),
      professionCode: textOrNull(professionCode),
      rppsNumber: textOrNull(rppsNumber),
      adeliNumber: textOrNull(adeliNumber),
      jobTitle: textOrNull(jobTitle),
      workEmail: textOrNull(workEmail),
      workPhone: textOrNull(workPhone),
      mssanteAddress: textOrNull(mssanteAddress),
      ...(props.accountEnabled !== null && enabled !== props.accountEnabled ? { accountEnabled: enabled } : {}),
    };
    const result = await update({ id: p.id, input });
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) props.onSaved();
  };
  return (
    <form onSubmit={save} noValidate aria-label="Modifier la fiche du professionnel">
      <h2>Modifier la fiche</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Nom" nativeInputProps={{ value: lastName, onChange: (e) => setLastName(e.target.value) }} {...fieldState(errors.lastName)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Prénom" nativeInputProps={{ value: firstName, onChange: (e) => setFirstName(e.target.value) }} {...fieldState(errors.firstName)} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Sexe" nativeSelectProps={{ value: sex, onChange: (e) => setSex(e.target.value as Sex | '') }} {...fieldState(errors.sex)}>
            <option value="">Non renseigné</option>
            {Object.entries(SEXES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Select label="Profession" nativeSelectProps={{ value: professionCode, onChange: (e) => setProfessionCode(e.target.value) }} {...fieldState(errors.professionCode)}>
            <option value="">Aucune (professionnel non soignant)</option>
            {Object.entries(professions).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="N° RPPS" hintText="11 chiffres" nativeInputProps={{ value: rppsNumber, onChange: (e) => setRpps(e.target.value), inputMode: 'numeric' }} {...fieldState(errors.rppsNumber)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="N° ADELI" hintText="9 caractères, pour les professions pas encore au RPPS" nativeInputProps={{ value: adeliNumber, onChange: (e) => setAdeli(e.target.value) }} {...fieldState(errors.adeliNumber)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Fonction dans l’établissement" nativeInputProps={{ value: jobTitle, onChange: (e) => setJobTitle(e.target.value) }} {...fieldState(errors.jobTitle)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Téléphone" hintText="A minima celui du standard" nativeInputProps={{ value: workPhone, onChange: (e) => setWorkPhone(e.target.value), type: 'tel' }} {...fieldState(errors.workPhone)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Adresse mail dans l’établissement" hintText="Peut être partagée" nativeInputProps={{ value: workEmail, onChange: (e) => setWorkEmail(e.target.value), type: 'email' }} {...fieldState(errors.workEmail)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Messagerie sécurisée (MSSanté)" hintText="Une adresse en …mssante.fr" nativeInputProps={{ value: mssanteAddress, onChange: (e) => setMssante(e.target.value), type: 'email' }} {...fieldState(errors.mssanteAddress)} />
        </div>
      </div>
      {props.accountEnabled !== null && <Checkbox options={[{ label: 'Compte actif (peut se connecter)', nativeInputProps: { checked: enabled, onChange: (e) => setEnabled(e.target.checked) } }]} />}
      {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
      <FormButtons label="Enregistrer" busy={fetching} onCancel={props.onCancel} />
    </form>
  );
}
