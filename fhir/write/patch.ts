/**
 * First-level PATCH (the IG: "Seuls les attributs de 'premier niveau' peuvent être mis à jour avec
 * l'interaction patch"): a JSON Patch (RFC 6902, application/json-patch+json) or a FHIRPath Patch
 * (a Parameters resource, FHIR R4 fhirpatch.html) applied to the resource the hub serves now. The
 * result then goes through the same element-by-element write as an update (PUT).
 *
 * Only operations on a first-level element are taken: JSON Patch paths `/<element>`,
 * `/<element>/<index>` or `/<element>/-`; FHIRPath Patch paths `<Type>.<element>` (replace,
 * delete) or `<Type>` with a `name` (add). Anything deeper is a 422 naming the path.
 */
import { elementFromParts, valueOf, type ParameterPart } from '../capacity-patch/parameters.js';
import { OperationOutcomeError, badRequest, outcomeAt } from '../outcomes.js';
import type { Json } from './elements.js';

export const JSON_PATCH = 'application/json-patch+json';

/** R4 elements of the written types that repeat (0..*), so `add` appends to them. */
const REPEATING = new Set([
  'extension', 'modifierExtension', 'identifier', 'category', 'type', 'specialty', 'location', 'characteristic',
  'availableTime', 'notAvailable', 'telecom', 'coverageArea', 'serviceProvisionCode', 'eligibility', 'program',
  'communication', 'referralMethod', 'endpoint', 'contact', 'address', 'alias', 'qualification', 'code',
  'healthcareService', 'photo',
]);

function repeats(resourceType: string, element: string): boolean {
  return REPEATING.has(element) || (resourceType === 'Practitioner' && element === 'name');
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const notFirstLevel = (resourceType: string, path: string, how: string) =>
  new OperationOutcomeError(
    outcomeAt('unprocessable', 'not-supported', `Only first-level elements are patched (${how}); "${path}" is not one. Send the whole element.`, path.startsWith(resourceType) ? path : `${resourceType}${path.replaceAll('/', '.')}`),
  );

const invalid = (message: string) => new OperationOutcomeError(badRequest(message));

/** One JSON Patch operation on a copy of the resource. */
function applyJsonOperation(resource: Json, resourceType: string, operation: unknown, index: number): void {
  if (!isObject(operation) || typeof operation.op !== 'string' || typeof operation.path !== 'string') {
    throw invalid(`JSON Patch operation ${index + 1} needs "op" and "path".`);
  }
  const { op, path } = operation;
  const [, element, item, ...deeper] = path.split('/');
  if (!element || deeper.length > 0 || !path.startsWith('/')) throw notFirstLevel(resourceType, path, '/<element>, /<element>/<index> or /<element>/-');
  if (element === 'id' || element === 'resourceType' || element === 'meta') {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', `${element} is set by the server and is not patched.`, `${resourceType}.${element}`));
  }
  const current = resource[element];
  if (op === 'test') {
    const actual = item === undefined ? current : Array.isArray(current) ? current[Number(item)] : undefined;
    if (JSON.stringify(actual) !== JSON.stringify(operation.value)) {
      throw new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', `JSON Patch test failed at ${path}.`, `${resourceType}.${element}`));
    }
    return;
  }
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-supported', `JSON Patch "${op}" is not supported: use add, replace, remove or test.`, `${resourceType}.${element}`));
  }
  if ((op === 'add' || op === 'replace') && !('value' in operation)) throw invalid(`JSON Patch operation ${index + 1} (${op}) needs a "value".`);
  if (item === undefined) {
    if (op === 'remove') delete resource[element];
    else if (op === 'replace' && current === undefined) throw missing(resourceType, element, path);
    else resource[element] = operation.value;
    return;
  }
  const list = Array.isArray(current) ? [...(current as unknown[])] : current === undefined && op === 'add' ? [] : null;
  if (!list) throw notFirstLevel(resourceType, path, `${element} is not a list`);
  const position = item === '-' ? list.length : /^\d+$/.test(item) ? Number(item) : NaN;
  const bound = op === 'add' ? list.length : list.length - 1;
  if (!(position >= 0 && position <= bound)) throw missing(resourceType, element, path);
  if (op === 'add') list.splice(position, 0, operation.value);
  else if (op === 'replace') list[position] = operation.value;
  else list.splice(position, 1);
  if (list.length > 0) resource[element] = list;
  else delete resource[element];
}

const missing = (resourceType: string, element: string, path: string) =>
  new OperationOutcomeError(outcomeAt('unprocessable', 'not-found', `Nothing at ${path} to patch.`, `${resourceType}.${element}`));

function applyJsonPatch(resource: Json, resourceType: string, body: unknown): void {
  if (!Array.isArray(body) || body.length === 0) throw invalid('A JSON Patch body is a non-empty array of operations (RFC 6902).');
  body.forEach((operation, index) => applyJsonOperation(resource, resourceType, operation, index));
}

/** The value a FHIRPath Patch operation carries: value[x], or parts for a complex value. */
function fhirPathValue(value: ParameterPart | undefined): unknown {
  if (!value) return undefined;
  if (Array.isArray(value.part)) return elementFromParts(value.part as ParameterPart[]);
  return valueOf(value);
}

function applyFhirPathOperation(resource: Json, resourceType: string, parameter: unknown, index: number): void {
  if (!isObject(parameter) || parameter.name !== 'operation' || !Array.isArray(parameter.part)) {
    throw invalid(`Parameter ${index + 1} must be an "operation" with parts (FHIRPath Patch).`);
  }
  const parts = parameter.part as ParameterPart[];
  const part = (name: string) => parts.find((p) => isObject(p) && p.name === name);
  const type = part('type')?.valueCode ?? part('type')?.valueString;
  const path = part('path')?.valueString;
  if (typeof path !== 'string') throw invalid(`operation ${index + 1}: "path" (valueString) is required.`);
  const value = fhirPathValue(part('value'));
  if (type === 'add') {
    const name = part('name')?.valueString;
    if (path !== resourceType || typeof name !== 'string' || !/^[a-zA-Z]+$/.test(name)) throw notFirstLevel(resourceType, `${path}.${String(name)}`, `add with path "${resourceType}" and the element's name`);
    if (value === undefined) throw invalid(`operation ${index + 1}: add needs a value.`);
    if (repeats(resourceType, name)) resource[name] = [...((resource[name] as unknown[] | undefined) ?? []), value];
    else if (resource[name] !== undefined) throw new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', `${resourceType}.${name} already has a value: replace it.`, `${resourceType}.${name}`));
    else resource[name] = value;
    return;
  }
  const element = new RegExp(`^${resourceType}\\.([a-zA-Z]+)$`).exec(path)?.[1];
  if (!element) throw notFirstLevel(resourceType, path, `${resourceType}.<element>`);
  if (type === 'delete') {
    delete resource[element];
    return;
  }
  if (type !== 'replace') {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-supported', `FHIRPath Patch "${String(type)}" is not supported on first-level elements: use add, replace or delete.`, path));
  }
  if (value === undefined) throw invalid(`operation ${index + 1}: replace needs a value.`);
  const current = resource[element];
  if (current === undefined) throw missing(resourceType, element, path);
  if (Array.isArray(current) && current.length > 1) {
    throw new OperationOutcomeError(outcomeAt('unprocessable', 'multiple-matches', `${path} holds ${current.length} values: replace needs one (delete, then add).`, path));
  }
  resource[element] = Array.isArray(current) ? [value] : value;
}

function applyFhirPathPatch(resource: Json, resourceType: string, body: unknown): void {
  if (!isObject(body) || body.resourceType !== 'Parameters' || !Array.isArray(body.parameter) || body.parameter.length === 0) {
    throw invalid('A FHIRPath Patch body is a Parameters resource with at least one operation (Content-Type: application/fhir+json).');
  }
  body.parameter.forEach((parameter, index) => applyFhirPathOperation(resource, resourceType, parameter, index));
}

/** The resource after the patch (a copy): JSON Patch when the body says so, else FHIRPath Patch. */
export function applyPatch(current: Json, contentType: string | undefined, body: unknown): Json {
  const resource = structuredClone(current);
  const resourceType = String(current.resourceType);
  if (contentType?.split(';')[0]!.trim().toLowerCase() === JSON_PATCH) applyJsonPatch(resource, resourceType, body);
  else applyFhirPathPatch(resource, resourceType, body);
  return resource;
}
