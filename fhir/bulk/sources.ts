/**
 * Where each exportable FHIR type comes from: one entry per type, each a list of GraphQL list
 * queries paged to the end with the export's principal, and the same mapper the FHIR read uses.
 *
 * The node selection of every list query is taken from the read query of the same resource
 * (fhir/queries.ts), so an exported resource is built from exactly the fields its read is, and a
 * field added to a read reaches the export without a second edit (fragment definitions of the
 * read query go along).
 */
import { Kind, parse, print, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { CallerCredentials, GraphQLExecutor } from '../../platform/executor.js';
import type { Scope } from '../../platform/auth/identity.js';
import { establishmentToOrganization, legalEntityToOrganization } from '../mappers/organization.js';
import { unitToHealthcareService } from '../mappers/healthcare-service.js';
import { unitToLocation } from '../mappers/location.js';
import { professionalToPractitioner, situationToPractitionerRole } from '../mappers/practitioner.js';
import { OperationOutcomeError, fromGraphQLErrors } from '../outcomes.js';
import { selectionPath } from '../records.js';
import { exportFailed } from './outcomes.js';
import {
  ESTABLISHMENT_QUERY,
  HEALTHCARE_SERVICE_QUERY,
  LOCATION_QUERY,
  ORGANIZATION_QUERY,
  PRACTITIONER_QUERY,
  PRACTITIONER_ROLE_FIELDS,
  type EstablishmentRecord,
  type HealthcareServiceRecord,
  type LocationRecord,
  type OrganizationRecord,
  type PractitionerRecord,
  type PractitionerRoleRecord,
} from '../queries.js';
import type { HealthcareService, Location, Organization, Practitioner, PractitionerRole } from '../types.js';

export type ExportedResource = Organization | HealthcareService | Location | Practitioner | PractitionerRole;

/** The largest page the offer subgraph serves (platform/pagination.ts MAX_PAGE_SIZE). */
export const PAGE_SIZE = 200;

/** One paged GraphQL list and how its nodes become resources. */
interface ListPass<R> {
  /** Root list field (`units`, `establishments`, `organizations`). */
  field: string;
  /** Arguments of the list besides paging, as GraphQL source. */
  args: string;
  /** The read query whose root field's selection the nodes get. */
  readQuery: string;
  /** One resource per node, or several (a professional's situations). */
  map: (record: R) => ExportedResource | ExportedResource[];
  /** Nullable node fields whose FORBIDDEN error means "not visible to this principal" (as in records.ts). */
  hiddenWhenForbidden?: string[];
}

export interface BulkSource {
  type: ExportedResource['resourceType'];
  passes: ListPass<never>[];
  /**
   * The application scope the type's reads need besides offer.read: an export without `_type`
   * leaves the type out for an application without it, one naming it is refused (403).
   */
  scope?: Scope;
}

const pass = <R>(p: ListPass<R>): ListPass<never> => p as unknown as ListPass<never>;

/** A professional's situations as PractitionerRole reads them (the root field only names the node type). */
const PROFESSIONAL_SITUATIONS = /* GraphQL */ `
  query FhirBulkSituations($id: ID!) {
    professional(id: $id) { situations { ...FhirPractitionerRoleFields } }
  }
  ${PRACTITIONER_ROLE_FIELDS}
`;

/** Every unit the FHIR read serves: archived ones too (read as inactive). */
const ALL_UNITS = 'filter: { includeArchived: true }';

export const BULK_SOURCES: readonly BulkSource[] = [
  {
    type: 'Organization',
    // EGs then EJs: Organization/{id} is either (registry.ts reads the EG first).
    passes: [
      pass<EstablishmentRecord>({ field: 'establishments', args: '', readQuery: ESTABLISHMENT_QUERY, map: establishmentToOrganization }),
      pass<OrganizationRecord>({ field: 'organizations', args: '', readQuery: ORGANIZATION_QUERY, map: legalEntityToOrganization }),
    ],
  },
  {
    type: 'HealthcareService',
    passes: [pass<HealthcareServiceRecord>({ field: 'units', args: ALL_UNITS, readQuery: HEALTHCARE_SERVICE_QUERY, map: unitToHealthcareService })],
  },
  {
    type: 'Location',
    passes: [
      pass<LocationRecord>({ field: 'units', args: ALL_UNITS, readQuery: LOCATION_QUERY, map: unitToLocation, hiddenWhenForbidden: ['capacity'] }),
    ],
  },
  {
    type: 'Practitioner',
    scope: 'professional.read',
    // Every professional, archived ones included (read as inactive), oldest change first.
    passes: [pass<PractitionerRecord>({ field: 'professionalChanges', args: '', readQuery: PRACTITIONER_QUERY, map: professionalToPractitioner })],
  },
  {
    type: 'PractitionerRole',
    scope: 'professional.read',
    // The situations GraphQL shows this principal (access profiles applied by the professionals subgraph).
    passes: [
      pass<{ situations: PractitionerRoleRecord[] }>({
        field: 'professionalChanges',
        args: '',
        readQuery: PROFESSIONAL_SITUATIONS,
        map: (record) => record.situations.map(situationToPractitionerRole),
      }),
    ],
  },
];

export const EXPORTABLE_TYPES: readonly string[] = BULK_SOURCES.map((s) => s.type);

export function sourceOf(type: string): BulkSource | undefined {
  return BULK_SOURCES.find((s) => s.type === type);
}

/** The selection set of a read query's root field, printed: `{ id name … }`. */
export function rootSelection(readQuery: string): string {
  const operation = parse(readQuery).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!root?.selectionSet) throw new Error('A read query must select fields of one root field');
  return print(root.selectionSet);
}

/** The fragment definitions of a read query, printed one by one. */
function fragmentsOf(readQuery: string): string[] {
  return parse(readQuery)
    .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => print(d));
}

/**
 * The types an export covers, from those requested (named by `_type`, or every exportable type):
 * a type needing a scope the application lacks is left out of a default export, and listed in
 * `refused` when `_type` named it.
 */
export function typesFor(requested: string[], named: boolean, scopes: readonly string[]): { types: string[]; refused: string[] } {
  const allowed = (type: string) => {
    const scope = sourceOf(type)?.scope;
    return scope === undefined || scopes.includes(scope);
  };
  return { types: requested.filter(allowed), refused: named ? requested.filter((t) => !allowed(t)) : [] };
}

/**
 * One paged read of a GraphQL list feeding one or more types: when HealthcareService and Location
 * are both exported, one `units` read (the two read selections merged) feeds both, so every unit
 * is read once per export, not once per type.
 */
export interface PlannedPass {
  field: string;
  args: string;
  selections: string[];
  /** Fragment definitions the selections spread, without repeats. */
  fragments: string[];
  hiddenWhenForbidden: string[];
  maps: ((record: never) => ExportedResource | ExportedResource[])[];
}

/** The passes of an export of `types`, in the types' order, passes over the same list merged. */
export function planPasses(types: readonly string[]): PlannedPass[] {
  const planned: PlannedPass[] = [];
  for (const type of types) {
    const source = sourceOf(type);
    // A job recorded before an upgrade may name a type this version no longer exports.
    if (!source) throw new OperationOutcomeError(exportFailed(`This server no longer exports ${type}`));
    for (const p of source.passes) {
      const same = planned.find((q) => q.field === p.field && q.args === p.args);
      const target: PlannedPass = same ?? { field: p.field, args: p.args, selections: [], fragments: [], hiddenWhenForbidden: [], maps: [] };
      if (!same) planned.push(target);
      target.selections.push(rootSelection(p.readQuery));
      for (const fragment of fragmentsOf(p.readQuery)) if (!target.fragments.includes(fragment)) target.fragments.push(fragment);
      target.hiddenWhenForbidden.push(...(p.hiddenWhenForbidden ?? []));
      target.maps.push(p.map);
    }
  }
  return planned;
}

/** The list query of a pass: the selections' fields side by side (GraphQL merges repeated fields). */
function listQuery(p: PlannedPass): string {
  const args = [p.args, `first: ${PAGE_SIZE}`, 'after: $after'].filter(Boolean).join(', ');
  const fields = p.selections.map((s) => s.trim().slice(1, -1)).join('\n');
  return [`query FhirBulk_${p.field}($after: String) { ${p.field}(${args}) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`, ...p.fragments].join('\n');
}

/** Whether an error only hides one node's nullable field from this principal. */
function isHiddenField(error: GraphQLFormattedError, p: PlannedPass): boolean {
  if (error.extensions?.code !== 'FORBIDDEN' || !error.path) return false;
  const path = selectionPath(error.path);
  return (
    path.length === 5 &&
    path[0] === p.field &&
    path[1] === 'edges' &&
    typeof path[2] === 'number' &&
    path[3] === 'node' &&
    p.hiddenWhenForbidden.includes(String(path[4]))
  );
}

interface Page {
  edges: { node: never }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The resources of one pass, a page at a time (every map applied to every record), read as
 * `caller`. Any GraphQL error other than a hidden field fails the export: a file silently
 * missing records would be worse.
 */
export async function* passPages(p: PlannedPass, execute: GraphQLExecutor, caller: CallerCredentials): AsyncGenerator<ExportedResource[]> {
  const query = listQuery(p);
  let after: string | null = null;
  for (;;) {
    const result: FormattedExecutionResult<Record<string, Page>> = await execute<Record<string, Page>>({ query, variables: { after } }, caller);
    const errors = (result.errors ?? []).filter((e) => !isHiddenField(e, p));
    if (errors.length > 0) throw new OperationOutcomeError(fromGraphQLErrors(errors));
    const page: Page | undefined = result.data?.[p.field];
    if (!page) throw new Error(`GraphQL answered no ${p.field}`);
    yield page.edges.flatMap((e) => p.maps.flatMap((map) => map(e.node)));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
