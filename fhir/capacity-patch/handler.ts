/**
 * `PATCH Location/[id]` and `PATCH Location?identifier=…`: a bed manager pushes capacity
 * indicators the way the national ROR documents it (docs/fhir-capacity-patch.md). Each PATCH
 * reads the unit's current capacity record, sets the indicators of its operations, and writes
 * the whole record back with GraphQL's `updateUnitCapacity`, through the gateway executor with
 * the caller's credentials: the subgraph's rights, rules, history and change feed apply exactly
 * as for any other entry. The answer is the updated Location.
 */
import type { FormattedExecutionResult } from 'graphql';
import { EXTENSIONS } from '../codes.js';
import { unitToLocation } from '../mappers/location.js';
import { OperationOutcomeError, allOk, badRequest, fromGraphQLErrors, outcomeAt } from '../outcomes.js';
import { LOCATION_QUERY, type LocationData, type LocationRecord } from '../queries.js';
import { fetchRecord, type HandlerContext } from '../records.js';
import type { HandlerResult } from '../registry.js';
import type { Location } from '../types.js';
import {
  INDICATOR_EXPRESSION,
  MISSING_INDICATOR_EXPRESSION,
  NO_FIGURES,
  applyIndicator,
  readIndicator,
  type Figures,
  type Indicator,
} from './indicators.js';
import { readCapacityPatch, type CapacityOperation } from './parameters.js';
import { resolveTarget } from './target.js';

export const CAPACITY_PATCH_DOCUMENTATION =
  'Capacity write-back of the national ROR: FHIRPath Patch (Parameters, application/fhir+json) whose operations replace, ' +
  'then add when missing, one ror-location-supported-capacity indicator each; on Location/[id] or as a conditional patch ' +
  'Location?identifier=<region>/<unit id> or <IdNatStruct of the EG>/<UF code>. If-Match is honoured. Needs capacity.write ' +
  "within the application's establishments, or ORU_CAPACITE_DISPONIBLE_EDIT on the unit.";

/** ifChanged: a bed manager re-sending the same figures writes nothing (no version, history row nor event, D43). */
const UPDATE_MUTATION = /* GraphQL */ `
  mutation FhirPatchCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {
    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion, ifChanged: true) { version }
  }
`;


const fail = (outcome: Parameters<typeof fromGraphQLErrors>[0]) => new OperationOutcomeError(fromGraphQLErrors(outcome));

/**
 * The paths must point into the Location's capacity extension (a `replace`) or the Location (an
 * `add`). They are not evaluated: the indicator is the one the value's codes name.
 */
function checkPath(operation: CapacityOperation, index: number): void {
  const path = operation.path;
  const ok = operation.type === 'add' ? path.startsWith('Location') : path.startsWith('Location.extension') && path.includes(EXTENSIONS.supportedCapacity);
  if (!ok) {
    const expected = operation.type === 'add' ? 'the Location (e.g. "Location")' : `the capacity extension (${MISSING_INDICATOR_EXPRESSION}…)`;
    throw new OperationOutcomeError(badRequest(`operation ${index + 1}: the ${operation.type} path must select ${expected}, not "${path}".`));
  }
}

function figuresOf(capacity: NonNullable<LocationRecord['capacity']>): Figures {
  return {
    nature: capacity.nature,
    installedBeds: capacity.installedBeds,
    availableMen: capacity.available.men,
    availableWomen: capacity.available.women,
    availableUndifferentiated: capacity.available.undifferentiated,
    closedBeds: capacity.closedBeds,
    reopenedBeds: capacity.reopenedBeds,
    reopenableBeds: capacity.reopenableBeds,
    mobilisedBeds: capacity.mobilisedBeds,
    notes: capacity.notes ?? null,
    crisisType: capacity.crisisType?.code ?? null,
    temporaryAssignment: capacity.temporaryAssignment.code,
  };
}

/**
 * The current record with the operations' indicators set. A unit with a record shows every
 * indicator (zeros included), so `replace` finds its target exactly when a record exists;
 * otherwise it is the national 404 that tells the client to `add`.
 */
function merge(capacity: LocationRecord['capacity'], operations: readonly { operation: CapacityOperation; indicator: Indicator }[]): Figures {
  let figures = capacity ? figuresOf(capacity) : null;
  const assignments = new Set<string>();
  for (const { operation, indicator } of operations) {
    if (operation.type === 'replace' && !figures) {
      throw new OperationOutcomeError(
        outcomeAt('not-found', 'not-found', 'No indicator of this Location matches: it has no capacity yet. Send an add.', MISSING_INDICATOR_EXPRESSION),
      );
    }
    if (figures && figures.nature !== indicator.nature) {
      throw new OperationOutcomeError(
        outcomeAt('business-rule', 'business-rule', `capacityType: this Location counts ${figures.nature === 'BED' ? 'beds (01)' : 'places (02)'}.`, INDICATOR_EXPRESSION),
      );
    }
    if (assignments.size > 0 && !assignments.has(indicator.temporaryAssignment)) {
      throw new OperationOutcomeError(
        outcomeAt('business-rule', 'business-rule', `temporaryAssignement: the operations of one PATCH name ${[...assignments, indicator.temporaryAssignment].join(' and ')}; the hub holds one assignment per Location.`, INDICATOR_EXPRESSION),
      );
    }
    assignments.add(indicator.temporaryAssignment);
    figures = applyIndicator(figures ?? { nature: indicator.nature, ...NO_FIGURES }, indicator);
  }
  return figures!;
}

/**
 * Whether If-Match names the Location's current version (the ETag reads answer, `W/"<versionId>"`;
 * compared weakly, as FHIR's ETags are weak); `*` matches any existing Location.
 */
function ifMatchHolds(ifMatch: string, location: Location): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (ifMatch.trim() === '*') return true;
  const current = `"${location.meta?.versionId ?? ''}"`;
  return ifMatch.split(',').some((tag) => opaque(tag) === current);
}

async function readCurrent(ctx: HandlerContext, unitId: string): Promise<LocationRecord> {
  // No capacity read access is a 403 here (a write needs the record it changes), not a Location without capacity.
  const record = await fetchRecord<LocationData, 'unit'>(ctx, LOCATION_QUERY, 'unit', unitId);
  if (!record) throw new OperationOutcomeError(outcomeAt('not-found', 'not-found', `Location/${unitId} not found.`, 'Location'));
  return record;
}

/** The mutation's refusals as FHIR answers: the subgraph's capacity rules are business rules of the indicator. */
function refusal(result: FormattedExecutionResult, ifMatch: string | undefined): OperationOutcomeError | 'retry' {
  const errors = result.errors!;
  const code = errors[0]?.extensions?.code;
  if (code === 'CONFLICT') {
    if (ifMatch === undefined) return 'retry';
    return new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', `The capacity changed since the version of If-Match: ${errors[0]!.message}`, 'Location'));
  }
  if (code === 'BAD_USER_INPUT') return new OperationOutcomeError(outcomeAt('business-rule', 'business-rule', errors[0]!.message, INDICATOR_EXPRESSION));
  return fail(errors);
}

/** Writes the operations onto the unit's record: optimistic version, one retry on a concurrent write unless If-Match pins it. */
async function write(ctx: HandlerContext, unitId: string, operations: readonly { operation: CapacityOperation; indicator: Indicator }[]): Promise<void> {
  const ifMatch = ctx.request?.ifMatch;
  for (let attempt = 1; ; attempt++) {
    const current = await readCurrent(ctx, unitId);
    if (ifMatch !== undefined && !ifMatchHolds(ifMatch, unitToLocation(current))) {
      throw new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', `If-Match ${ifMatch} is not the current version of Location/${unitId}.`, 'Location'));
    }
    const { nature, ...rest } = merge(current.capacity, operations);
    const result = await ctx.execute(
      { query: UPDATE_MUTATION, variables: { unitId, input: { nature, ...rest }, expectedVersion: current.capacity?.version ?? 0 } },
      ctx.caller,
    );
    if (!result.errors?.length) return;
    const outcome = refusal(result, ifMatch);
    if (outcome !== 'retry') throw outcome;
    if (attempt >= 2) throw fail(result.errors);
  }
}

/** PATCH Location/[id] (id given) or Location?identifier=… (conditional). */
export async function patchLocation(id: string | undefined, ctx: HandlerContext): Promise<HandlerResult<Location>> {
  if (!ctx.caller.authorization && !ctx.caller.principal) {
    throw fail([{ message: 'Writing capacity needs a bearer token (Authorization: Bearer …).', extensions: { code: 'UNAUTHENTICATED' } }]);
  }
  const operations = readCapacityPatch(ctx.request?.body).map((operation, index) => {
    checkPath(operation, index);
    return { operation, indicator: readIndicator(operation.value) };
  });
  const unitId = await resolveTarget(id, ctx);
  await write(ctx, unitId, operations);
  return [allOk, unitToLocation(await readCurrent(ctx, unitId))];
}
