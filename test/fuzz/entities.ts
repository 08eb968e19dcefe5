/**
 * `_entities` batches sent straight to every subgraph, as the gateway would send them (with a
 * signed identity envelope, anonymous or a user) and without an envelope: valid keys of the demo
 * data mixed with unknown ids, unknown __typename and malformed representations. Entity types and
 * their scalar fields come from each subgraph's own SDL (`_service { sdl }`).
 */
import { Kind, parse, type FieldDefinitionNode, type TypeNode } from 'graphql';
import type { DemoIds } from './ids.js';
import type { Rng } from './rng.js';
import { HUGE_STRING } from './values.js';

export interface EntityType {
  name: string;
  /** Scalar and enum fields the subgraph resolves itself (no @external, no @requires, no required argument). */
  fields: string[];
}

const BUILT_IN = new Set(['ID', 'String', 'Int', 'Float', 'Boolean', 'DateTime']);

function namedOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedOf(type.type);
}

/** The entity types (@key, resolvable) of a subgraph's SDL, with their leaf fields. */
export function entityTypesOf(sdl: string): EntityType[] {
  const document = parse(sdl);
  const enums = new Set(document.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_EXTENSION ? [d.name.value] : [])));
  const byName = new Map<string, EntityType>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const key = definition.directives?.find((d) => d.name.value === 'key');
    if (!key) continue;
    const unresolvable = key.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value);
    if (unresolvable) continue;
    const leaf = (f: FieldDefinitionNode) =>
      (BUILT_IN.has(namedOf(f.type)) || enums.has(namedOf(f.type))) &&
      !f.directives?.some((d) => d.name.value === 'external' || d.name.value === 'requires') &&
      !f.arguments?.some((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue);
    const entry = byName.get(definition.name.value) ?? { name: definition.name.value, fields: [] };
    entry.fields.push(...(definition.fields ?? []).filter(leaf).map((f) => f.name.value));
    byName.set(entry.name, entry);
  }
  return [...byName.values()];
}

function validKey(type: string, ids: DemoIds, rng: Rng): string {
  switch (type) {
    case 'Organization':
      return rng.pick(ids.organizations);
    case 'Establishment':
      return rng.pick(ids.establishments);
    case 'Unit':
      return rng.pick(ids.units);
    case 'Pole':
      return ids.poles.length ? rng.pick(ids.poles) : rng.pick(ids.all);
    case 'Professional':
      return rng.pick(ids.professionals);
    case 'Tension':
      return rng.pick(ids.tensions);
    case 'BedAvailability':
      return rng.pick(ids.bedAvailability);
    default:
      return rng.pick(ids.all);
  }
}

/** One representation: valid, unknown id, unknown type, or malformed. */
function representation(types: readonly EntityType[], ids: DemoIds, rng: Rng): unknown {
  const type = rng.pick(types).name;
  const kind = rng.int(0, 9);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return { __typename: type, id: validKey(type, ids, rng) };
    case 3:
      return { __typename: type, id: rng.pick(['does-not-exist-0', '', '-1', '999999999', 'a\u0000b', HUGE_STRING, `${validKey(type, ids, rng)}:NO_SUCH`]) };
    case 4:
      return { __typename: rng.pick(['NoSuchType', '', 'Query', 'Mutation', '__Schema', 'a\u0000b']), id: validKey(type, ids, rng) };
    case 5:
      return { __typename: type };
    case 6:
      return { __typename: type, id: rng.pick([123, 1.5, true, null, [], { id: 'x' }, 2147483648]) };
    case 7:
      return { id: validKey(type, ids, rng) };
    case 8:
      return rng.pick([null, 'Unit', 42, [], {}]);
    default:
      return { __typename: type, id: validKey(type, ids, rng), extra: 'field', [type]: { nested: true } };
  }
}

/** The `_entities` query selecting every type's leaf fields. */
export function entitiesQuery(types: readonly EntityType[]): string {
  const fragments = types.map((t) => `... on ${t.name} { ${['__typename', ...t.fields].join(' ')} }`).join(' ');
  return `query Fuzz($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${fragments} } }`;
}

/** `count` batches of 1 to 8 representations (and some empty or oversized ones). */
export function entityBatches(types: readonly EntityType[], ids: DemoIds, rng: Rng, count: number): unknown[][] {
  const batches: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const size = rng.pick([0, 1, 2, 2, 3, 4, 8, 8, 200]);
    batches.push(Array.from({ length: size }, () => representation(types, ids, rng)));
  }
  return batches;
}
