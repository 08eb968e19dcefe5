/** The procedures of the cell's current level; who activates the cell triggers them (ORU_CPTS_CRISE_ACTIVATION). */
import { useMutation } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TriggerCrisisProcedureMutation } from '../../operations/crisis';
import type { ConsoleCrisisCptsFragment } from '../../gql/graphql';
import { dateTime } from '../../labels';
import { frenchErrors } from '../../errors';

export function Procedures(props: { cpts: ConsoleCrisisCptsFragment; mayTrigger: boolean }) {
  const [trigger, run] = useMutation(TriggerCrisisProcedureMutation);
  const procedures = props.cpts.cell.currentProcedures;
  const errors = frenchErrors(trigger.error);
  if (procedures.length === 0) return <p>Aucune : la cellule n’est pas activée.</p>;
  return (
    <>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} className="fr-mb-2w" />}
      <ul>
        {procedures.map((p) => (
          <li key={p.id} className="fr-mb-1w">
            <strong>{p.title}</strong> ({p.owner}) : {p.description}
            {p.lastTriggeredAt ? ` — déclenchée le ${dateTime(p.lastTriggeredAt)}` : ' — jamais déclenchée'}
            {props.mayTrigger && (
              <Button size="small" priority="secondary" className="fr-ml-2w" disabled={trigger.fetching} onClick={() => void run({ procedureId: p.id })} title={`Déclencher « ${p.title} »`}>
                Déclencher
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
