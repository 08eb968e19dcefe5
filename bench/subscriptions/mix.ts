/**
 * The subscribers' mix: identical subscriptions (one shared execution and upstream subscription
 * per identity), selections that share the upstream subscription but not the execution, and
 * distinct filters by département, establishment and unit (one upstream subscription each).
 * Four identities, hence four upstream sockets: two users, two applications.
 */
import type { SubscriberSpec } from './protocol.js';

export interface TargetUnit {
  id: string;
  establishmentId: string;
  departmentCode: string;
}

export interface Tokens {
  admin: string; // admin.ars: reads every capacity
  entry: string; // saisie.lits.chateauroux: enters (and reads) CH Châteauroux's legal entity
  placeSearch: string; // application, capacity.read
  aggregator: string; // application, capacity.read
}

const FULL = 'at capacity { availableBeds totalOperational version notes } unit { id name establishment { name } }';
/** Same capacities fields as FULL, another offer selection: same upstream operation, another execution. */
const NAME = 'at capacity { availableBeds totalOperational version notes } unit { id name }';
/** Capacities fields only: nothing to fetch from the offer per event. */
export const LIGHT = 'at capacity { availableBeds version } unit { id }';

export const operation = (selection: string) => `subscription Bench($f: CapacityChangeFilter) { capacityChanged(filter: $f) { ${selection} } }`;

export interface Subscriber {
  group: string;
  spec: SubscriberSpec;
  /** Whether an event of `unit` is for this subscriber. */
  expects(unit: TargetUnit): boolean;
}

export interface Mix {
  subscribers: Subscriber[];
  groups: Array<{ group: string; count: number; description: string }>;
}

/**
 * `targets`: the units the bench updates (all readable by every identity); `others`: units never
 * updated, paired with a target in the unit filters so that every unit filter is distinct.
 */
export function buildMix(url: string, tokens: Tokens, targets: TargetUnit[], others: string[], total = 1000, capacitiesOnly = false): Mix {
  const subscribers: Subscriber[] = [];
  const groups: Mix['groups'] = [];
  const add = (group: string, description: string, count: number, make: (i: number) => Omit<Subscriber, 'group' | 'spec'> & { token: string; selection: string; filter: Record<string, unknown> | null }) => {
    for (let i = 0; i < count; i += 1) {
      const { token, selection, filter, expects } = make(i);
      // `capacitiesOnly`: the same subscribers without the offer's fields, hence no entity fetch per event.
      subscribers.push({ group, expects, spec: { url, authorization: token, query: operation(capacitiesOnly ? LIGHT : selection), variables: filter ? { f: filter } : {} } });
    }
    groups.push({ group, count, description });
  };
  const scale = (n: number) => Math.round((n * total) / 1000);
  const all = () => true;
  const apps = [tokens.admin, tokens.placeSearch, tokens.aggregator];
  add('all', 'no filter, same operation; 3 identities (admin.ars, place-search, national-aggregator)', scale(300), (i) => ({ token: apps[i % 3]!, selection: FULL, filter: null, expects: all }));
  add('all-other-selection', 'no filter, admin.ars, another offer selection (same upstream operation as "all")', scale(100), () => ({ token: tokens.admin, selection: NAME, filter: null, expects: all }));
  const dept = targets[0]!.departmentCode;
  add('department', `département ${dept}; 2 identities (admin.ars, saisie.lits.chateauroux)`, scale(200), (i) => ({
    token: i % 2 ? tokens.entry : tokens.admin, selection: FULL, filter: { departmentCode: dept }, expects: (u) => u.departmentCode === dept,
  }));
  const establishments = [...new Set(targets.map((t) => t.establishmentId))];
  add('establishment', `one of ${establishments.length} establishments, saisie.lits.chateauroux`, scale(100), (i) => {
    const e = establishments[i % establishments.length]!;
    return { token: tokens.entry, selection: FULL, filter: { establishmentId: e }, expects: (u) => u.establishmentId === e };
  });
  const units = total - subscribers.length;
  add('unit', 'unitIds [a target unit, a distinct other unit]: every filter distinct; admin.ars; capacities fields only', units, (i) => {
    const target = targets[i % targets.length]!;
    return { token: tokens.admin, selection: LIGHT, filter: { unitIds: [target.id, others[i % others.length]!] }, expects: (u) => u.id === target.id };
  });
  return { subscribers, groups };
}
