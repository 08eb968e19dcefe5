/** Activating, raising or deactivating a crisis cell: shown to who holds ORU_CPTS_CRISE_ACTIVATION on the CPTS. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ActivateCrisisCellMutation, DeactivateCrisisCellMutation } from '../../operations/crisis';
import type { ConsoleCrisisCptsFragment, CrisisLevel } from '../../gql/graphql';
import { frenchErrors } from '../../errors';

export function CellControls(props: { cpts: ConsoleCrisisCptsFragment; levels: ReadonlyArray<{ code: CrisisLevel; label: string }>; onSaved: (cpts: ConsoleCrisisCptsFragment) => void }) {
  const { cpts } = props;
  const [level, setLevel] = useState<CrisisLevel>(cpts.cell.level ?? 'LEVEL_1');
  const [reason, setReason] = useState('');
  const [activation, activate] = useMutation(ActivateCrisisCellMutation);
  const [deactivation, deactivate] = useMutation(DeactivateCrisisCellMutation);
  const errors = frenchErrors(activation.error ?? deactivation.error);
  const common = { cptsId: cpts.id, reason: reason || null, expectedVersion: cpts.cell.version };
  const onActivate = async () => {
    const result = await activate({ ...common, level });
    if (result.data) props.onSaved(result.data.activateCrisisCell);
  };
  const onDeactivate = async () => {
    const result = await deactivate(common);
    if (result.data) props.onSaved(result.data.deactivateCrisisCell);
  };
  return (
    <form className="fr-mb-4w" onSubmit={(e) => e.preventDefault()} aria-label="Activation de la cellule">
      <Select label="Niveau d’alerte" nativeSelectProps={{ value: level, onChange: (e) => setLevel(e.target.value as CrisisLevel) }}>
        {props.levels.map((l) => (
          <option key={l.code} value={l.code}>{l.label}</option>
        ))}
      </Select>
      <Input label="Motif (facultatif)" nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} className="fr-mb-2w" />}
      <Button onClick={() => void onActivate()} disabled={activation.fetching || level === cpts.cell.level} className="fr-mr-2w">
        {cpts.cell.active ? 'Changer de niveau' : 'Activer la cellule'}
      </Button>
      {cpts.cell.active && (
        <Button priority="secondary" onClick={() => void onDeactivate()} disabled={deactivation.fetching}>
          Désactiver la cellule
        </Button>
      )}
    </form>
  );
}
