/**
 * What the offer asks the professionals subgraph, through federation with the system identity
 * (platform/subgraph-client.ts), never through its tables: who would be stranded by an archive,
 * and the professionals' side of a transfer.
 */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import type { ApplyUnitTransferMutation } from '../../../schemas/operations.js';

export interface AttachedProfessional {
  id: string;
  lastName: string;
  firstName: string;
}

export interface ProfessionalsPort {
  /** Active professionals whose only unit is this one. */
  soleProfessionals(unitId: string): Promise<AttachedProfessional[]>;
  /** Idempotent; returns the ids of the professionals concerned. */
  applyUnitTransfer(unitId: string, from: string, to: string, withProfessionals: boolean): Promise<string[]>;
  /** The units a professional works in (as the gateway sees them); null when there is no such professional. */
  unitsOf(professionalId: string): Promise<string[] | null>;
}

const APPLY_TRANSFER = /* GraphQL */ `
  mutation ApplyUnitTransfer($unitId: ID!, $from: ID!, $to: ID!, $with: Boolean!) {
    applyUnitTransfer(unitId: $unitId, fromEstablishmentId: $from, toEstablishmentId: $to, withProfessionals: $with)
  }
`;

export function createProfessionalsPort(client: SubgraphClient): ProfessionalsPort {
  return {
    soleProfessionals: async (unitId) => {
      const [unit] = await client.entities<{ soleProfessionals: AttachedProfessional[] | null }>(
        'professionals',
        'Unit',
        [unitId],
        'soleProfessionals { id lastName firstName }',
      );
      return unit?.soleProfessionals ?? [];
    },
    unitsOf: async (professionalId) => {
      const [professional] = await client.entities<{ units: Array<{ id: string }> } | null>('professionals', 'Professional', [professionalId], 'units { id }');
      return professional ? professional.units.map((u) => u.id) : null;
    },
    applyUnitTransfer: async (unitId, from, to, withProfessionals) =>
      (await client.query<ApplyUnitTransferMutation>('professionals', APPLY_TRANSFER, { unitId, from, to, with: withProfessionals })).applyUnitTransfer,
  };
}
