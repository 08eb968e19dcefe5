/** Messages between the subscription bench (main thread) and its subscribers' worker thread. */

export interface SubscriberSpec {
  /** ws:// URL: the gateway's /graphql, or a subgraph's for the direct baseline. */
  url: string;
  /** `connectionParams.authorization` (gateway); null for the direct subscriber. */
  authorization: string | null;
  /** Upgrade-request headers (the direct subscriber's signed identity envelope). */
  headers?: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
}

export type ToWorker =
  | { kind: 'start'; specs: SubscriberSpec[] }
  | { kind: 'counts' }
  | { kind: 'reset' }
  | { kind: 'collect' }
  /** Closes every subscriber and forgets their counts and deliveries. */
  | { kind: 'close' };

/** Every event received since the last reset: subscriber index, `unitId|version`, receive time (ms, bench clock). */
export interface Deliveries {
  subscriber: number[];
  key: string[];
  at: number[];
}

export type FromWorker =
  | { kind: 'connected'; sockets: number; ms: number }
  | { kind: 'counts'; counts: number[]; errors: number; firstError: string | null }
  | { kind: 'deliveries'; deliveries: Deliveries }
  | { kind: 'closed' };
