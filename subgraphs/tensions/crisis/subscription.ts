/**
 * `Subscription.crisisCellChanged`: crisis events of the change feed (topic `crisis`, store.ts),
 * for one CPTS or all, and only those of CPTS the subscriber may read.
 */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../../platform/changes/feed.js';
import { feedStream } from '../../../platform/changes/stream.js';
import { CRISIS_READ, mayOnCpts, requireOnCpts, requireSomeCrisisRight } from './access.js';
import type { CrisisEventPayload } from './store.js';

export function createCrisisChanges(feed: ChangeFeed) {
  return async (identity: Identity, cptsId: string | null): Promise<AsyncIterableIterator<ChangeEvent>> => {
    if (cptsId) requireOnCpts(identity, CRISIS_READ, cptsId);
    else requireSomeCrisisRight(identity, 'follow crisis cells');
    return feedStream(feed, {
      topics: ['crisis'],
      accept: (event) => {
        const payload = event.payload as unknown as CrisisEventPayload;
        if (cptsId && payload.cptsId !== cptsId) return false;
        return mayOnCpts(identity, CRISIS_READ, payload.cptsId);
      },
    });
  };
}

export type CrisisChanges = ReturnType<typeof createCrisisChanges>;
