/** The committed supergraph is exactly what composing the subgraph SDLs gives today. */
import { describe, it, expect } from 'vitest';
import { composeSupergraph, readCommittedSupergraph } from '../gateway/compose.js';

describe('supergraph', () => {
  it('composes without errors and matches schemas/supergraph.graphql (run `npm run compose` when this fails)', () => {
    const { supergraphSdl, hints } = composeSupergraph();
    expect(hints).toEqual([]);
    expect(readCommittedSupergraph()).toBe(supergraphSdl);
  });
});
