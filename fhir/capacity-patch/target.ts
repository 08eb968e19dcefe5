/**
 * Which unit a capacity PATCH is about: `Location/[id]`, or the conditional form
 * `Location?identifier=[system|]value` with either identifier a bed manager may know:
 *
 * - ours (TRE_R354 `25`, served on every Location): `<region code>/<unit id>`;
 * - the national one: `<IdNatStruct of the EG>/<idExterneSynchro>`, where IdNatStruct is `1` +
 *   the FINESS ET and our idExterneSynchro is the unit's UF code, the key hospital systems already
 *   use for the automatic feed (establishment FINESS + UF code, D42).
 *
 * Lookups are GraphQL queries with the caller's credentials, so a unit the caller may not see
 * (a sensitive unit below access profile 1) is "not found", as on a read.
 */
import { CODE_SYSTEMS } from '../codes.js';
import { OperationOutcomeError, badRequest, fromGraphQLErrors, outcomeAt } from '../outcomes.js';
import type { HandlerContext } from '../records.js';

const UNIT_REGION_QUERY = /* GraphQL */ `
  query FhirPatchUnit($id: ID!) {
    unit(id: $id) { id establishment { address { regionCode } } }
  }
`;

const UNITS_BY_UF_QUERY = /* GraphQL */ `
  query FhirPatchUnitsByUf($establishmentId: ID!, $ufCode: String!) {
    units(filter: { establishmentId: $establishmentId, ufCode: $ufCode }, first: 2) { totalCount edges { node { id } } }
  }
`;

/** `1` + FINESS ET (idNat_Struct of an EG), then `/`, then the UF code. */
const NATIONAL_FORM = /^1([0-9]{2}[0-9AB][0-9]{6})\/(.+)$/;
/** Region code (INSEE, 2 or 3 characters), then `/`, then our unit id. */
const REGIONAL_FORM = /^([0-9]{2,3})\/(.+)$/;
/** Identifier systems a value may be qualified with: none (`|value`), or the TRE_R354 type's system. */
const ACCEPTED_SYSTEMS = new Set(['', CODE_SYSTEMS.typeIdentifiantRessourceOperationnelle]);

const notFoundLocation = (diagnostics: string) =>
  new OperationOutcomeError(outcomeAt('not-found', 'not-found', diagnostics, 'Location'));

const multipleMatches = (shown: string, count: number) =>
  new OperationOutcomeError(outcomeAt('multiple-matches', 'multiple-matches', `The Location for '${shown}' is not unique: ${count} match.`, 'Location'));

async function run<T>(ctx: HandlerContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await ctx.execute<T>({ query, variables }, ctx.caller);
  if (result.errors?.length) throw new OperationOutcomeError(fromGraphQLErrors(result.errors));
  return result.data as T;
}

/** The unit ids one identifier value names (0, 1 or, for duplicated UF codes, more). */
export async function unitsOf(ctx: HandlerContext, value: string): Promise<string[]> {
  const national = NATIONAL_FORM.exec(value);
  if (national) {
    const data = await run<{ units: { totalCount: number; edges: { node: { id: string } }[] } }>(ctx, UNITS_BY_UF_QUERY, {
      establishmentId: national[1],
      ufCode: national[2],
    });
    // Two active units of one establishment with the same UF code: the national 412 (fix the duplicate).
    if (data.units.totalCount > 1) throw multipleMatches(value, data.units.totalCount);
    return data.units.edges.map((e) => e.node.id);
  }
  const regional = REGIONAL_FORM.exec(value);
  if (!regional) return [];
  const data = await run<{ unit: { id: string; establishment: { address: { regionCode: string } } } | null }>(ctx, UNIT_REGION_QUERY, { id: regional[2] });
  return data.unit && data.unit.establishment.address.regionCode === regional[1] ? [data.unit.id] : [];
}

/** `identifier` values of the query: repeated parameters and comma-separated values all count (OR). */
function identifierValues(query: Readonly<Record<string, string | string[] | undefined>>): string[] {
  const unknown = Object.keys(query).filter((name) => name !== 'identifier' && name !== '_format');
  if (unknown.length > 0) throw new OperationOutcomeError(badRequest(`A conditional patch of Location takes identifier only, not ${unknown.join(', ')}.`));
  const raw = [query.identifier ?? []].flat().flatMap((v) => v.split(','));
  if (raw.length === 0 || raw.some((v) => v.trim() === '')) {
    throw new OperationOutcomeError(badRequest('A conditional patch needs Location?identifier=<value> (or <system>|<value>).'));
  }
  return raw.map((token) => {
    const bar = token.indexOf('|');
    if (bar < 0) return token;
    if (!ACCEPTED_SYSTEMS.has(token.slice(0, bar))) return ''; // an identifier system no Location of the hub uses
    return token.slice(bar + 1);
  });
}

/** The one unit a PATCH targets; 404 `not-found` (expression `Location`) or 412 `multiple-matches` otherwise. */
export async function resolveTarget(id: string | undefined, ctx: HandlerContext): Promise<string> {
  if (id !== undefined) {
    const data = await run<{ unit: { id: string } | null }>(ctx, UNIT_REGION_QUERY, { id });
    if (!data.unit) throw notFoundLocation(`Location/${id} not found.`);
    return data.unit.id;
  }
  const values = identifierValues(ctx.request?.query ?? {});
  const found = new Set<string>();
  for (const value of values) if (value !== '') for (const unit of await unitsOf(ctx, value)) found.add(unit);
  const shown = values.join(',');
  if (found.size === 0) throw notFoundLocation(`No Location has the identifier '${shown}' (expected <region>/<unit id> or <IdNatStruct of the EG>/<UF code>).`);
  if (found.size > 1) throw multipleMatches(shown, found.size);
  return [...found][0]!;
}
