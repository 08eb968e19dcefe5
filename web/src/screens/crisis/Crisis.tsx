/**
 * "Cellule de crise CPTS" (docs/crisis.md § Console): for each CPTS the user may read, the state of
 * its crisis cell (level, since when), its members, the procedures of the current level, the
 * inventory of resources, working groups, procedures, communication plan and the activation
 * history, updated live by `crisisCellChanged`. Who holds ORU_CPTS_CRISE_ACTIVATION on the CPTS
 * activates, raises and deactivates the cell; who holds ORU_CPTS_CRISE_EDIT edits the protocol.
 */
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { CrisisCellChangedSubscription, CrisisCptsListQuery } from '../../operations/crisis';
import type { ConsoleCrisisCptsFragment } from '../../gql/graphql';
import { covers, type Me } from '../../rights';
import { dateTime } from '../../labels';
import { frenchErrors } from '../../errors';
import { ACTIVATION_ACTIONS, CHANGE_ACTIONS, LEVEL_SEVERITY } from './labels';
import { CellControls } from './CellControls';
import { Procedures } from './Procedures';
import { ProtocolEditor } from './ProtocolEditor';

type Cpts = ConsoleCrisisCptsFragment;

/** A delay in minutes, in French: "45 min", "2 h 05". */
function minutes(value: number): string {
  const total = Math.round(value);
  return total < 60 ? `${total} min` : `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')}`;
}

export function Crisis(props: { me: Me }) {
  const [{ data, error, fetching }] = useQuery({ query: CrisisCptsListQuery, requestPolicy: 'network-only' });
  const [list, setList] = useState<Cpts[]>([]);
  const [lastChange, setLastChange] = useState<string | null>(null);
  useEffect(() => {
    if (data) setList(data.cptsList);
  }, [data]);
  // An event's CPTS is read when the event is delivered: one read before a change this page just
  // made may arrive after its answer; an older cell version never replaces a newer one.
  const replace = (cpts: Cpts) => setList((current) => current.map((c) => (c.id === cpts.id && cpts.cell.version >= c.cell.version ? cpts : c)));
  useSubscription({ query: CrisisCellChangedSubscription, variables: {} }, (_previous, event) => {
    const change = event.crisisCellChanged;
    replace(change.cpts);
    setLastChange(`Mise à jour en direct : ${CHANGE_ACTIONS[change.action] ?? change.action} – ${change.cpts.name}, ${dateTime(change.at)}.`);
    return event;
  });
  if (!data) {
    if (fetching) return <p>Chargement…</p>;
    return <Alert severity="error" title="Cellules de crise indisponibles" description={frenchErrors(error).general.join(' ')} />;
  }
  return (
    <>
      <h1>Cellule de crise CPTS</h1>
      <p role="status" aria-live="polite">{lastChange ?? 'Les changements des cellules s’affichent ici en direct.'}</p>
      {list.length === 0 && <p>Aucune CPTS dans votre périmètre.</p>}
      {list.map((cpts) => (
        <CptsCell key={cpts.id} cpts={cpts} me={props.me} levels={data.crisisLevels} onSaved={replace} />
      ))}
    </>
  );
}

function CptsCell(props: { cpts: Cpts; me: Me; levels: Parameters<typeof CellControls>[0]['levels']; onSaved: (cpts: Cpts) => void }) {
  const { cpts } = props;
  const { cell } = cpts;
  const mayActivate = covers(props.me, 'ORU_CPTS_CRISE_ACTIVATION', { organizationIds: [cpts.id] });
  const mayEdit = covers(props.me, 'ORU_CPTS_CRISE_EDIT', { organizationIds: [cpts.id] });
  return (
    <section className="fr-mb-6w" aria-labelledby={`cpts-${cpts.id}`}>
      <h2 id={`cpts-${cpts.id}`}>{cpts.name}</h2>
      <p>
        Territoire : {cpts.communes.map((c) => c.name).join(', ')} · {cpts.members.length} professionnels membres
      </p>
      <p data-testid="cell-state">
        {cell.active && cell.level ? (
          <Badge severity={LEVEL_SEVERITY[cell.level]}>{`Cellule activée – ${cell.levelDetail?.label ?? cell.level}`}</Badge>
        ) : (
          <Badge severity="success">Cellule non activée</Badge>
        )}
        {cell.activatedAt && <span className="fr-ml-2w">depuis le {dateTime(cell.activatedAt)}</span>}
      </p>
      {mayActivate && <CellControls key={cell.version} cpts={cpts} levels={props.levels} onSaved={props.onSaved} />}
      <h3>Procédures du niveau en cours</h3>
      <Procedures cpts={cpts} mayTrigger={mayActivate} />
      <ProtocolEditor cpts={cpts} levels={props.levels} editable={mayEdit} onSaved={props.onSaved} />
      <h3>Indicateurs de suivi (30 derniers jours)</h3>
      <p data-testid="crisis-indicators">
        {cpts.indicators.activations} activation(s), {cpts.indicators.proceduresTriggered} procédure(s) déclenchée(s), {cpts.indicators.meetingsHeld} réunion(s) tenue(s)
        {cpts.indicators.meanMinutesToFirstProcedure !== null && cpts.indicators.meanMinutesToFirstProcedure !== undefined &&
          ` · délai moyen avant la première procédure : ${minutes(cpts.indicators.meanMinutesToFirstProcedure)}`}
        {cpts.indicators.meanMinutesToFirstMeeting !== null && cpts.indicators.meanMinutesToFirstMeeting !== undefined &&
          ` · avant la première réunion : ${minutes(cpts.indicators.meanMinutesToFirstMeeting)}`}
      </p>
      <h3>Historique des activations</h3>
      <ul>
        {cell.history.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)} : {ACTIVATION_ACTIONS[h.action]}
            {h.level && ` (${props.levels.find((l) => l.code === h.level)?.label ?? h.level})`} par {h.actor}
            {h.reason && ` — ${h.reason}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
