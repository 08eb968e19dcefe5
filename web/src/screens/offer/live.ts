/**
 * Keeps a record page live: on each write of the record made elsewhere (offerRecordChanged), reads
 * the record and its history again, and says who changed it and when. Also after a lost
 * connection, for what happened meanwhile. Followed only by those who may read the history (the
 * subscription's own rule).
 */
import { useRef, useState } from 'react';
import { useSubscription } from 'urql';
import type { OfferChangeRecordType } from '../../gql/graphql';
import { OfferRecordChangedSubscription } from '../../operations/offer';
import { AUDIT_ACTIONS } from './labels';
import { dateTime } from '../../labels';
import { useCatchUpOnReconnect } from '../../graphql/connection';

export function useLiveRecord(recordType: OfferChangeRecordType, recordId: string, follow: boolean, refresh: () => void): string | null {
  const [last, setLast] = useState<string | null>(null);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useSubscription({ query: OfferRecordChangedSubscription, variables: { recordType, recordId }, pause: !follow }, (_previous, event) => {
    const change = event.offerRecordChanged;
    setLast(`Dernière modification : ${(AUDIT_ACTIONS[change.action] ?? change.action).toLowerCase()} par ${change.actor}, ${dateTime(change.at)}.`);
    refreshRef.current();
    return event;
  });
  // Back from a lost connection: read again, for the changes made while it was down.
  useCatchUpOnReconnect(() => refreshRef.current());
  return last;
}
