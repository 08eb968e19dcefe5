/**
 * Reads an event's focus for a full-resource payload, as the subscription's owner and through the
 * same handlers as a FHIR read: the owner gets what they may read now, never more. A focus the
 * owner may no longer read (or that is gone) is sent as its reference only.
 */
import type { GraphQLExecutor } from '../../platform/executor.js';
import { getStatus, OperationOutcomeError } from '../outcomes.js';
import { findHandler } from '../registry.js';
import type { FocusReader } from './bundles.js';
import type { SubscriptionRow } from './tables.js';

export function focusReader(execute: GraphQLExecutor, row: SubscriptionRow): FocusReader {
  return async (event) => {
    const read = findHandler(event.focusType)?.interactions.read;
    if (!read) return null;
    try {
      const [, resource] = await read(event.focusId, { execute, caller: { principal: row.principal } });
      return (resource as Record<string, unknown> | undefined) ?? null;
    } catch (error) {
      if (error instanceof OperationOutcomeError && getStatus(error.outcome) < 500) return null;
      throw error;
    }
  };
}
