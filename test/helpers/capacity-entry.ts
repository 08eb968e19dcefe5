/** Capacity entries for tests that need events: one GraphQL write of a unit's availability. */
import { expect } from 'vitest';
import { gql } from './graphql.js';

const READ = `query($id: ID!) { unit(id: $id) { capacity { version installedBeds } } }`;
const UPDATE = `mutation($unitId: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $v) { version } }`;

/** Sets the unit's undifferentiated available beds (keeping its installed beds); the new version. */
export async function enterCapacity(graphql: string, token: string, unitId: string, available: number): Promise<number> {
  const auth = { authorization: token };
  const read = await gql<{ unit: { capacity: { version: number; installedBeds: number } } }>(graphql, READ, { id: unitId }, auth);
  const { version, installedBeds } = read.data!.unit.capacity;
  const input = { installedBeds, availableMen: 0, availableWomen: 0, availableUndifferentiated: available, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };
  const r = await gql<{ updateUnitCapacity: { version: number } }>(graphql, UPDATE, { unitId, input, v: version }, auth);
  expect(r.errors).toBeUndefined();
  return r.data!.updateUnitCapacity.version;
}
