/**
 * A list of declarations kept live: read with `tensions`, then each `tensionChanged` event
 * replaces the declaration it carries (or adds it), and the last change is told with who and when.
 * Back from a lost connection the list is read again, for what changed meanwhile.
 */
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { TensionFilter, TensionWindow } from '../../gql/graphql';
import { TensionChangedSubscription, TensionsQuery } from '../../operations/tensions';
import { useCatchUpOnReconnect } from '../../graphql/connection';
import { dateTime } from '../../labels';
import { frenchErrors, type FrenchErrors } from '../../errors';
import { CHANGE_ACTIONS, authorOf, type Tension } from './shared';

export interface LiveTensions {
  tensions: Tension[];
  fetching: boolean;
  errors: FrenchErrors;
  lastChange: string | null;
  /** Bumped at every live event: views reading more (mails) read again. */
  changes: number;
}

export function useLiveTensions(filter: TensionFilter, window: TensionWindow, first = 100): LiveTensions {
  const [{ data, error, fetching }, reload] = useQuery({ query: TensionsQuery, variables: { filter, window, first }, requestPolicy: 'network-only' });
  // Back from a lost connection: read again, for the changes made while it was down.
  useCatchUpOnReconnect(() => reload({ requestPolicy: 'network-only' }));
  const [byId, setById] = useState<Map<string, Tension>>(new Map());
  const [lastChange, setLastChange] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (data) setById(new Map(data.tensions.edges.map((edge) => [edge.node.id, edge.node])));
  }, [data]);
  useSubscription({ query: TensionChangedSubscription, variables: {} }, (_previous, event) => {
    const change = event.tensionChanged;
    setById((current) => new Map(current).set(change.tension.id, change.tension));
    setLastChange(
      `Dernière mise à jour en direct : ${CHANGE_ACTIONS[change.action] ?? change.action} de ${change.tension.id} (${change.tension.establishment.name}) par ${authorOf(change.entries)}, ${dateTime(change.at)}.`,
    );
    setChanges((n) => n + 1);
    return event;
  });
  // The view's criteria hold for live arrivals too: a declaration closed elsewhere leaves "en cours".
  const tensions = [...byId.values()]
    .filter((t) => (!filter.status || t.status === filter.status) && (!filter.establishmentId || t.establishment.id === filter.establishmentId) && (!filter.departmentCode || t.establishment.address.departmentCode === filter.departmentCode))
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id.localeCompare(a.id));
  return { tensions, fetching, errors: frenchErrors(error), lastChange, changes };
}
