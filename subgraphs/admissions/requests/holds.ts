/**
 * Bed holds, asked of the capacities subgraph (its internal holdBed / releaseBedHold mutations,
 * answered to the system identity only): an ACCEPT with holdBed lowers the unit's free beds there,
 * so capacity subscribers and FHIR see it like any other capacity change.
 */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import type { HoldBedMutation, ReleaseBedHoldMutation } from '../../../schemas/operations.js';

export interface BedHold {
  id: string;
  until: Date;
}

const HOLD = /* GraphQL */ `
  mutation HoldBed($unitId: ID!, $sex: PatientSex!, $until: DateTime!, $reference: String!, $actor: String!) {
    holdBed(unitId: $unitId, sex: $sex, until: $until, reference: $reference, actor: $actor) { id until }
  }
`;

const RELEASE = /* GraphQL */ `
  mutation ReleaseBedHold($id: ID!, $admitted: Boolean!, $actor: String!) {
    releaseBedHold(id: $id, admitted: $admitted, actor: $actor) { id }
  }
`;

export interface Holds {
  hold(unitId: string, sex: string, until: Date, reference: string, actor: string): Promise<BedHold>;
  release(id: string, admitted: boolean, actor: string): Promise<void>;
}

export function createHolds(client: SubgraphClient): Holds {
  return {
    hold: async (unitId, sex, until, reference, actor) => {
      const data = await client.query<HoldBedMutation>('capacities', HOLD, { unitId, sex, until: until.toISOString(), reference, actor });
      return { id: data.holdBed.id, until: new Date(data.holdBed.until) };
    },
    release: async (id, admitted, actor) => {
      await client.query<ReleaseBedHoldMutation>('capacities', RELEASE, { id, admitted, actor });
    },
  };
}
