/**
 * GraphQL operations generated from the gateway's introspected schema: for every Query and
 * Mutation field, a plausible base call (demo ids, small numbers, valid enums, every required
 * input field), then variants where one argument or input field, at any depth, holds a boundary
 * or hostile value for its type (values.ts), sent as variables or written inline. The selection is
 * small and shallow: __typename and the scalar fields of the returned object.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { DemoIds } from './ids.js';
import type { Rng } from './rng.js';
import { BOOLEANS, DATE_STRINGS, DATETIMES, ENUMS, FLOATS, IDS, INTS, OBJECTS, STRINGS, raw } from './values.js';

export interface GeneratedOp {
  field: string;
  kind: 'query' | 'mutation';
  /** What was changed from the base call, for the report. */
  variant: string;
  query: string;
  variables: Record<string, unknown>;
}

type Typed = { name: string; type: GraphQLInputType };

/** A valid-looking string for an argument or field named `name`. */
function stringFor(name: string, rng: Rng): string {
  const n = name.toLowerCase();
  if (/email/.test(n)) return `fuzz.${rng.int(1, 999)}@example.org`;
  if (/^(from|to|date|since|day)$|date$/.test(n)) return rng.pick(['2026-12-01', '2026-11-15', '2026-12-06']);
  if (/ufcode/.test(n)) return `UF${rng.int(1000, 9999)}`;
  if (/password/.test(n)) return 'Fuzz-Password-2026!';
  if (/login/.test(n)) return `fuzz.${rng.int(1, 99999)}`;
  if (/code$/.test(n)) return rng.pick(['37', '45', '013', '28', '1']);
  if (/right/.test(n)) return rng.pick(['ORU_CAPACITE_DISPONIBLE_SHOW', 'ORU_ROR_ETABLISSEMENT_EDIT']);
  return rng.pick(['fuzz', 'Tours', 'réanimation', 'a']);
}

function idFor(name: string, ids: DemoIds, rng: Rng): string {
  const n = name.toLowerCase();
  if (rng.chance(0.1)) return rng.pick(ids.all);
  if (/unit/.test(n)) return rng.pick(ids.units);
  if (/establishment/.test(n)) return rng.pick(ids.establishments);
  if (/organization|organisation/.test(n)) return rng.pick(ids.organizations);
  if (/professional/.test(n)) return rng.pick(ids.professionals);
  if (/tension/.test(n)) return rng.pick(ids.tensions);
  if (/pole/.test(n)) return ids.poles.length ? rng.pick(ids.poles) : rng.pick(ids.all);
  return rng.pick(ids.all);
}

/** A plausible value of `type` for a slot named `name`. */
function baseValue(name: string, type: GraphQLInputType, ids: DemoIds, rng: Rng, depth = 0): unknown {
  if (isNonNullType(type)) return baseValue(name, type.ofType, ids, rng, depth);
  if (isListType(type)) return Array.from({ length: rng.int(1, 2) }, () => baseValue(name, type.ofType as GraphQLInputType, ids, rng, depth));
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (depth < 3 && rng.chance(0.4))) out[field.name] = baseValue(field.name, field.type, ids, rng, depth + 1);
    }
    return out;
  }
  switch (type.name) {
    case 'ID':
      return idFor(name, ids, rng);
    case 'Int':
      return /version/i.test(name) ? rng.int(1, 3) : rng.int(0, 10);
    case 'Float':
      return /lat/i.test(name) ? 47.39 : /lon/i.test(name) ? 0.69 : rng.int(1, 30);
    case 'Boolean':
      return rng.chance(0.5);
    case 'DateTime':
      return new Date(Date.UTC(2026, 11, rng.int(1, 6), rng.int(0, 23))).toISOString();
    default:
      return stringFor(name, rng);
  }
}

/** Hostile values for a slot of `type` named `name`. */
function hostileValues(name: string, type: GraphQLInputType, base: unknown): readonly unknown[] {
  const nullable = !isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  const extra: unknown[] = nullable ? [] : [null];
  if (isListType(inner)) {
    const item = Array.isArray(base) && base.length ? base[0] : 'x';
    return [...extra, [], Array.from({ length: 1000 }, () => item), Array.from({ length: 5000 }, (_, i) => `${String(item)}-${i}`), [null], item, 'not-a-list'];
  }
  if (isEnumType(inner)) return [...extra, ...ENUMS];
  if (isInputObjectType(inner)) return [...extra, ...OBJECTS, { ...(base as object), noSuchField: 1 }];
  switch (inner.name) {
    case 'Int':
      return [...extra, ...INTS];
    case 'Float':
      return [...extra, ...FLOATS];
    case 'Boolean':
      return [...extra, ...BOOLEANS];
    case 'ID':
      return [...extra, ...IDS];
    case 'DateTime':
      return [...extra, ...DATETIMES];
    default:
      return /^(from|to|date|since|day)$|date$/i.test(name) ? [...extra, ...DATE_STRINGS, ...STRINGS] : [...extra, ...STRINGS];
  }
}

/** Every slot of a value: [path, name, type, current value], arguments and input fields at any depth. */
function slots(path: Array<string | number>, name: string, type: GraphQLInputType, value: unknown, out: Array<[Array<string | number>, string, GraphQLInputType, unknown]>): void {
  out.push([path, name, type, value]);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) value.forEach((v, i) => slots([...path, i], name, inner.ofType as GraphQLInputType, v, out));
  if (isInputObjectType(inner) && value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    for (const field of Object.values(fields) as GraphQLInputField[]) {
      // Absent optional fields are slots too: hostile values go where a caller may put them.
      slots([...path, field.name], field.name, field.type, (value as Record<string, unknown>)[field.name], out);
    }
  }
}

function setAt(root: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let target: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) {
    if (target[key] === undefined || target[key] === null || typeof target[key] !== 'object') target[key] = {};
    target = target[key] as Record<string | number, unknown>;
  }
  target[path[path.length - 1]!] = value;
}

const SCALAR_LEAVES = (type: GraphQLOutputType): string => {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '__typename';
  const fields = Object.values(named.getFields()).filter((f) => {
    const leaf = getNamedType(f.type);
    return (isScalarType(leaf) || isEnumType(leaf)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
  });
  return `{ __typename ${fields.map((f) => f.name).join(' ')} }`;
};

/** Shallow selection of a field's result: nothing for a scalar, else __typename and scalar fields. */
export function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isObjectType(named)) return SCALAR_LEAVES(field.type);
  return '{ __typename }';
}

/** A GraphQL literal of a JSON value, enums bare where the slot is an enum (inline variants). */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' && value.startsWith('__FUZZ_RAW__')) return value.slice('__FUZZ_RAW__'.length);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(inner) ? (inner.ofType as GraphQLInputType) : inner)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return JSON.stringify(value);
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Typed[], values: Record<string, unknown>, inline: boolean): string {
  const present = args.filter((a) => a.name in values);
  const declared = inline || present.length === 0 ? '' : `(${present.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`;
  const passed = present.length === 0 ? '' : `(${present.map((a) => `${a.name}: ${inline ? literal(values[a.name], a.type) : `$${a.name}`}`).join(', ')})`;
  return `${kind} Fuzz${declared} { ${field.name}${passed} ${selectionOf(field)} }`;
}

function baseArgs(args: readonly GraphQLArgument[], ids: DemoIds, rng: Rng): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (required || rng.chance(0.5)) values[arg.name] = baseValue(arg.name, arg.type, ids, rng);
  }
  return values;
}

/**
 * The base call of every Query and Mutation field and `runs` hostile variants of each: one slot
 * replaced by a hostile value; one variant in four written inline instead of as variables.
 */
export function generateOperations(schema: GraphQLSchema, ids: DemoIds, rng: Rng, runs: number): GeneratedOp[] {
  const ops: GeneratedOp[] = [];
  const roots: Array<['query' | 'mutation', ReturnType<GraphQLSchema['getQueryType']>]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [kind, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('_')) continue;
      const args: Typed[] = field.args.map((a) => ({ name: a.name, type: a.type }));
      const base = baseArgs(field.args, ids, rng);
      ops.push({ field: field.name, kind, variant: 'base', query: operationText(kind, field, args, base, false), variables: base });
      for (let run = 0; run < runs; run++) {
        const values = structuredClone(base);
        const all: Array<[Array<string | number>, string, GraphQLInputType, unknown]> = [];
        for (const arg of args) slots([arg.name], arg.name, arg.type, values[arg.name], all);
        const inline = rng.chance(0.25);
        if (all.length === 0) {
          // No argument: an unknown one, and the same field asked for under many aliases.
          ops.push({ field: field.name, kind, variant: 'unknown argument', query: `${kind} { ${field.name}(noSuchArgument: 1) ${selectionOf(field)} }`, variables: {} });
          continue;
        }
        const [path, name, type, current] = rng.pick(all);
        const value = rng.pick(hostileValues(name, type, current));
        setAt(values, path, value);
        const variant = `${path.join('.')}=${describeValue(value)}${inline ? ' (inline)' : ''}`;
        ops.push({ field: field.name, kind, variant, query: operationText(kind, field, args, values, inline), variables: inline ? {} : values });
      }
    }
  }
  return ops;
}

/** A short description of a value for reports (100 kB strings shown by length). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('__FUZZ_RAW__')) return value.slice('__FUZZ_RAW__'.length);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
}

export { raw };
