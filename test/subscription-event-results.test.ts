/**
 * One result per change and distinct execution (gateway/subscriptions/event-results.ts), and the
 * variables a subscription's result depends on (gateway/subscriptions/plan.ts), and the planner
 * built from the query side's core.
 */
import { describe, expect, it, vi } from 'vitest';
import { parse, type ExecutionResult } from 'graphql';
import { EventResults, resultClassOf } from '../gateway/subscriptions/event-results.js';
import { createPlanner, plannerCoreOfGateway, resultVariables } from '../gateway/subscriptions/plan.js';
import { ApolloGateway } from '@apollo/gateway';
import { readCommittedSupergraph } from '../gateway/compose.js';

const event = (position: string | undefined, beds = 1) => ({ data: { capacityChanged: { capacity: { availableBeds: beds } } }, ...(position ? { position } : {}) });
const compute = () => vi.fn(async (): Promise<ExecutionResult> => ({ data: { n: Math.random() } }));

describe('event results', () => {
  const admin = resultClassOf('subscription { capacityChanged { id } }', undefined, { kind: 'user', subject: 'admin' }, {});
  const other = resultClassOf('subscription { capacityChanged { id } }', undefined, { kind: 'user', subject: 'other' }, {});

  it('one computation per change and result class; the others share it', async () => {
    const results = new EventResults();
    const first = compute();
    const second = compute();
    const a = await results.resolve(admin, event('7'), first);
    const b = await results.resolve(admin, event('7'), second);
    expect(b).toBe(a);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect(results.stats()).toEqual({ computed: 1, shared: 1 });
  });

  it('never across identities, changes or upstream data; never without a feed position', async () => {
    const results = new EventResults();
    const a = await results.resolve(admin, event('7'), compute());
    expect(await results.resolve(other, event('7'), compute())).not.toBe(a);
    expect(await results.resolve(admin, event('8'), compute())).not.toBe(a);
    expect(await results.resolve(admin, event('7', 2), compute())).not.toBe(a);
    const alone = compute();
    await results.resolve(admin, event(undefined), alone);
    await results.resolve(admin, event(undefined), alone);
    expect(alone).toHaveBeenCalledTimes(2);
    expect(results.stats().shared).toBe(0);
  });

  it('the result class holds the variables the result depends on', () => {
    const query = 'subscription($f: CapacityChangeFilter, $n: Boolean!) { capacityChanged(filter: $f) { id unit @include(if: $n) { id } } }';
    expect(resultClassOf(query, undefined, {}, { n: true })).not.toBe(resultClassOf(query, undefined, {}, { n: false }));
  });
});

describe('result variables', () => {
  it('the subscription field\'s own arguments are left out; any other use is kept', () => {
    const document = parse(`
      subscription S($f: CapacityChangeFilter, $after: ID, $n: Boolean!, $g: CapacityChangeFilter) {
        capacityChanged(filter: $f, after: $after) { id unit @include(if: $n) { id ...U } }
      }
      fragment U on Unit { units(filter: $g) { id } }
    `);
    expect(resultVariables(document, 'S')).toEqual(['g', 'n']);
  });

  it('a variable used both as a filter and elsewhere is kept', () => {
    const document = parse('subscription($f: CapacityChangeFilter) { capacityChanged(filter: $f) { id other(filter: $f) } }');
    expect(resultVariables(document, undefined)).toEqual(['f']);
  });
});

describe('the subscription planner reuses the query side\'s core (issue 16)', () => {
  it('a loaded ApolloGateway hands over its supergraph, API schema and query planner; plans are the same as from the SDL', async () => {
    const sdl = readCommittedSupergraph();
    const gateway = new ApolloGateway({ supergraphSdl: sdl });
    expect(plannerCoreOfGateway(gateway)).toBeNull(); // not loaded yet: the caller would build its own
    await gateway.load();
    try {
      const core = plannerCoreOfGateway(gateway);
      expect(core).not.toBeNull();
      const document = parse('subscription { capacityChanged { id unit { id name } } }');
      const shared = createPlanner(core!).plan(document, undefined);
      const own = createPlanner(sdl).plan(document, undefined);
      expect(shared.serviceName).toBe('capacities');
      expect(JSON.stringify({ ...shared, operationContext: undefined })).toBe(JSON.stringify({ ...own, operationContext: undefined }));
    } finally {
      await gateway.stop();
    }
  });
});
