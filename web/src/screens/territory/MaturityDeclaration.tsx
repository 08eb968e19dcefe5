/**
 * The declared criteria of an establishment's maturity index (docs/territory.md § Maturity index),
 * for who keeps its bed-management contact (ORU_TERRITOIRE_CONTACT_EDIT): the seven answered at
 * once, as the API wants them. The row comes back live (cause MATURITY) with the new index.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { BedManagementMaturityInput } from '../../gql/graphql';
import { DeclareMaturityMutation } from '../../operations/territory';
import { frenchErrors } from '../../errors';

/** Each declared criterion's code and the input field that answers it. */
export const DECLARED_FIELDS: Record<string, keyof BedManagementMaturityInput> = {
  BED_MANAGER: 'bedManager',
  STEERING_TOOLS_USED: 'steeringToolsUsed',
  TOOLS_SYSTEMATIC: 'toolsSystematic',
  SERVICE_CONTINUITY: 'serviceContinuity',
  CLEAR_ROLE: 'clearRole',
  MANAGEMENT_INVOLVED: 'managementInvolved',
  WEEKLY_MEETING: 'weeklyMeeting',
};

type Criterion = { code: string; label: string; met?: boolean | null };

export function MaturityDeclaration(props: { establishmentId: string; establishmentName: string; criteria: readonly Criterion[] }) {
  const declared = props.criteria.filter((c) => c.code in DECLARED_FIELDS);
  const [answers, setAnswers] = useState<Record<string, boolean>>(Object.fromEntries(declared.map((c) => [c.code, c.met === true])));
  const [result, declare] = useMutation(DeclareMaturityMutation);
  const errors = frenchErrors(result.error);
  const submit = () => {
    const input = Object.fromEntries(declared.map((c) => [DECLARED_FIELDS[c.code], answers[c.code] ?? false])) as unknown as BedManagementMaturityInput;
    void declare({ establishmentId: props.establishmentId, input });
  };
  return (
    <form aria-label={`Déclaration de maturité – ${props.establishmentName}`} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Checkbox
        small
        legend="Critères déclarés par l’établissement"
        options={declared.map((c) => ({
          label: c.label,
          nativeInputProps: { checked: answers[c.code] ?? false, onChange: (e) => setAnswers((current) => ({ ...current, [c.code]: e.target.checked })) },
        }))}
      />
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} className="fr-mb-1w" />}
      <Button size="small" type="submit" disabled={result.fetching}>Enregistrer la déclaration</Button>
    </form>
  );
}
