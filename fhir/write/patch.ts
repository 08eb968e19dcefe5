/**
 * The hub's one PATCH applier: a JSON Patch (RFC 6902, application/json-patch+json) or a FHIRPath
 * Patch (a Parameters resource, FHIR R4 fhirpatch.html), read from the body before any lookup,
 * then applied to a copy of the resource the hub serves now. The offer writes, the ror-task
 * answers and the admission Tasks all patch through here.
 *
 * The IG's writes are first-level ("Seuls les attributs de 'premier niveau' peuvent être mis à jour
 * avec l'interaction patch"): JSON Patch paths `/<element>`, `/<element>/<index>` or `/<element>/-`;
 * anything deeper is a 422 naming the path. Admission Tasks take deeper JSON Patch paths
 * (`/restriction/period/start`, `firstLevel: false`). FHIRPath Patch is first-level everywhere:
 * `<Type>.<element>` (replace, delete) or `<Type>` with a `name` (add).
 */
import { elementFromParts, valueOf, type ParameterPart } from '../capacity-patch/parameters.js';
import { OperationOutcomeError, badRequest, outcomeAt } from '../outcomes.js';
import type { Json } from './elements.js';

export const JSON_PATCH = 'application/json-patch+json';

export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

interface FhirPathOperation {
  type: 'add' | 'replace' | 'delete';
  path: string;
  name?: string;
  value?: unknown;
}

/** A patch as read from the body: which kind, and its operations. */
export type Patch = { kind: 'json'; operations: JsonPatchOperation[] } | { kind: 'fhirpath'; operations: FhirPathOperation[] };

/** R4 elements of the patched types that repeat (0..*), so a FHIRPath `add` appends to them. */
const REPEATING = new Set([
  'extension', 'modifierExtension', 'identifier', 'category', 'type', 'specialty', 'location', 'characteristic',
  'availableTime', 'notAvailable', 'telecom', 'coverageArea', 'serviceProvisionCode', 'eligibility', 'program',
  'communication', 'referralMethod', 'endpoint', 'contact', 'address', 'alias', 'qualification', 'code',
  'healthcareService', 'photo', 'input', 'output', 'note', 'basedOn', 'partOf', 'insurance', 'relevantHistory',
]);

function repeats(resourceType: string, element: string): boolean {
  return REPEATING.has(element) || (resourceType === 'Practitioner' && element === 'name');
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (message: string) => new OperationOutcomeError(badRequest(message));

const notFirstLevel = (resourceType: string, path: string, how: string) =>
  new OperationOutcomeError(
    outcomeAt('unprocessable', 'not-supported', `Only first-level elements are patched (${how}); "${path}" is not one. Send the whole element.`, path.startsWith(resourceType) ? path : `${resourceType}${path.replaceAll('/', '.')}`),
  );

const serverSet = (resourceType: string, element: string) =>
  new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', `${element} is set by the server and is not patched.`, `${resourceType}.${element}`));

// ---- reading the body (400 before any lookup)

function readJsonPatch(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body) || body.length === 0) throw invalid(`A JSON Patch (${JSON_PATCH}) is a non-empty array of operations (RFC 6902).`);
  return body.map((raw: unknown, i) => {
    const { op, path } = (isObject(raw) ? raw : {}) as { op?: unknown; path?: unknown };
    if (op !== 'add' && op !== 'replace' && op !== 'remove' && op !== 'test') throw invalid(`operation ${i + 1}: op must be add, replace, remove or test, not ${JSON.stringify(op)}.`);
    if (typeof path !== 'string' || !path.startsWith('/')) throw invalid(`operation ${i + 1}: path must be a JSON Pointer such as "/status".`);
    if (op !== 'remove' && !Object.hasOwn(raw as object, 'value')) throw invalid(`operation ${i + 1}: ${op} needs a value.`);
    return { op, path, value: (raw as { value?: unknown }).value };
  });
}

/** The value a FHIRPath Patch operation carries: value[x], or parts for a complex value. */
function fhirPathValue(value: ParameterPart | undefined): unknown {
  if (!value) return undefined;
  if (Array.isArray(value.part)) return elementFromParts(value.part as ParameterPart[]);
  return valueOf(value);
}

function readFhirPathOperation(parameter: unknown, index: number): FhirPathOperation {
  if (!isObject(parameter) || parameter.name !== 'operation' || !Array.isArray(parameter.part)) {
    throw invalid(`Parameter ${index + 1} must be an "operation" with parts (FHIRPath Patch).`);
  }
  const parts = parameter.part as ParameterPart[];
  const part = (name: string) => parts.find((p) => isObject(p) && p.name === name);
  const type = part('type')?.valueCode ?? part('type')?.valueString;
  const path = part('path')?.valueString;
  const name = part('name')?.valueString;
  if (typeof path !== 'string') throw invalid(`operation ${index + 1}: "path" (valueString) is required.`);
  if (type !== 'add' && type !== 'replace' && type !== 'delete') {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-supported', `FHIRPath Patch "${String(type)}" is not supported on first-level elements: use add, replace or delete.`, path));
  }
  const value = fhirPathValue(part('value'));
  if (type !== 'delete' && value === undefined) throw invalid(`operation ${index + 1}: ${type} needs a value.`);
  return { type, path, value, ...(typeof name === 'string' ? { name } : {}) };
}

function readFhirPathPatch(body: unknown): FhirPathOperation[] {
  if (!isObject(body) || body.resourceType !== 'Parameters' || !Array.isArray(body.parameter) || body.parameter.length === 0) {
    throw invalid(`A FHIRPath Patch is a Parameters resource with at least one operation (application/fhir+json); a JSON Patch is sent as ${JSON_PATCH}.`);
  }
  return body.parameter.map(readFhirPathOperation);
}

/** The patch a request carries: a JSON Patch by its media type (or, without one, an array body), else a FHIRPath Patch. */
export function readPatch(contentType: string | undefined, body: unknown): Patch {
  const essence = contentType?.split(';')[0]!.trim().toLowerCase();
  const json = essence ? essence === JSON_PATCH : Array.isArray(body);
  return json ? { kind: 'json', operations: readJsonPatch(body) } : { kind: 'fhirpath', operations: readFhirPathPatch(body) };
}

// ---- JSON Patch

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/<element>`, `/<element>/<index>` or `/<element>/-`, and not a server-set element: else a 422. */
function checkFirstLevel(resourceType: string, { path }: JsonPatchOperation): void {
  const [, element, item, ...deeper] = path.split('/');
  if (!element || deeper.length > 0 || (item !== undefined && !/^(\d+|-)$/.test(item))) throw notFirstLevel(resourceType, path, '/<element>, /<element>/<index> or /<element>/-');
  if (element === 'id' || element === 'resourceType' || element === 'meta') throw serverSet(resourceType, element);
}

/** The container `segments` lead to; `add` creates missing ones on its way (a list when the next segment is an index or `-`). */
function containerAt(document: Json, segments: readonly string[], operation: JsonPatchOperation, index: number): Json | unknown[] {
  const missing = () => invalid(`operation ${index + 1}: ${operation.path} does not exist.`);
  let parent: Json | unknown[] = document;
  segments.forEach((segment, i) => {
    const next: unknown = Array.isArray(parent) ? parent[Number(segment)] : parent[segment];
    if (typeof next === 'object' && next !== null) {
      parent = next as Json | unknown[];
      return;
    }
    // add creates what is absent, never replaces a value on its way (RFC 6902 §4.1).
    if (operation.op !== 'add' || Array.isArray(parent) || (next !== undefined && next !== null)) throw missing();
    const following = segments[i + 1] ?? operation.path.split('/').at(-1)!;
    const created: Json | unknown[] = following === '-' || /^\d+$/.test(following) ? [] : {};
    parent[segment] = created;
    parent = created;
  });
  return parent;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function applyJsonOperation(document: Json, operation: JsonPatchOperation, index: number): void {
  const segments = operation.path.slice(1).split('/').map(unescapePointer);
  const last = segments.pop()!;
  const parent = containerAt(document, segments, operation, index);
  const value = structuredClone(operation.value);
  const failed = () => invalid(`operation ${index + 1}: test failed at ${operation.path}.`);
  if (Array.isArray(parent)) {
    const at = last === '-' ? parent.length : /^\d+$/.test(last) ? Number(last) : NaN;
    if (!(at >= 0 && at <= parent.length) || (operation.op !== 'add' && at >= parent.length)) throw invalid(`operation ${index + 1}: ${operation.path} is no index of the list.`);
    if (operation.op === 'add') parent.splice(at, 0, value);
    else if (operation.op === 'replace') parent[at] = value;
    else if (operation.op === 'remove') parent.splice(at, 1);
    else if (!sameJson(parent[at], value)) throw failed();
    return;
  }
  if (operation.op !== 'add' && !Object.hasOwn(parent, last)) throw invalid(`operation ${index + 1}: ${operation.path} does not exist.`);
  if (operation.op === 'remove') delete parent[last];
  else if (operation.op === 'test') {
    if (!sameJson(parent[last], value)) throw failed();
  } else parent[last] = value;
}

// ---- FHIRPath Patch (first-level)

function applyFhirPathOperation(resource: Json, resourceType: string, operation: FhirPathOperation): void {
  const { type, path, name, value } = operation;
  if (type === 'add') {
    if (path !== resourceType || typeof name !== 'string' || !/^[a-zA-Z]+$/.test(name)) throw notFirstLevel(resourceType, `${path}.${String(name)}`, `add with path "${resourceType}" and the element's name`);
    if (name === 'id' || name === 'meta') throw serverSet(resourceType, name);
    if (repeats(resourceType, name)) resource[name] = [...((resource[name] as unknown[] | undefined) ?? []), value];
    else if (resource[name] !== undefined) throw new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', `${resourceType}.${name} already has a value: replace it.`, `${resourceType}.${name}`));
    else resource[name] = value;
    return;
  }
  const element = new RegExp(`^${resourceType}\\.([a-zA-Z]+)$`).exec(path)?.[1];
  if (!element) throw notFirstLevel(resourceType, path, `${resourceType}.<element>`);
  if (element === 'id' || element === 'meta') throw serverSet(resourceType, element);
  if (type === 'delete') {
    delete resource[element];
    return;
  }
  const current = resource[element];
  if (current === undefined) throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-found', `Nothing at ${path} to replace.`, path));
  if (Array.isArray(current) && current.length > 1) {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'multiple-matches', `${path} holds ${current.length} values: replace needs one (delete, then add).`, path));
  }
  resource[element] = Array.isArray(current) ? [value] : value;
}

/**
 * The resource after the patch (a copy; `current` is untouched). First-level only unless
 * `firstLevel` is false (admission Tasks' JSON Patch). An element a removal leaves empty is absent.
 */
export function applyPatch<T extends object>(current: T, patch: Patch, { firstLevel = true }: { firstLevel?: boolean } = {}): T {
  const resource = structuredClone(current) as Json;
  const resourceType = String(resource.resourceType);
  if (patch.kind === 'fhirpath') patch.operations.forEach((operation) => applyFhirPathOperation(resource, resourceType, operation));
  else {
    patch.operations.forEach((operation, index) => {
      if (firstLevel) checkFirstLevel(resourceType, operation);
      applyJsonOperation(resource, operation, index);
    });
  }
  for (const [key, value] of Object.entries(resource)) if (Array.isArray(value) && value.length === 0) delete resource[key];
  return resource as T;
}
