/**
 * A FHIRPath Patch body (a `Parameters` resource, FHIR R4 fhirpatch.html) read into the capacity
 * operations it carries. Only `replace` and `add` of one `ror-location-supported-capacity`
 * extension are taken, which is what the national capacity PATCH sends; anything else is a 400.
 *
 * The operation's value comes in one of three shapes, all accepted:
 * - `valueExtension` (the extension as JSON: R5's Parameters allows it, many clients send it on R4);
 * - the national documentation's form: `part: [{ extension: [<the extension>] }]`;
 * - the R4 FHIR Patch form for complex values: parts named after the elements
 *   (`url`, `extension`, `valueInteger`, …), nested.
 */
import { EXTENSIONS } from '../codes.js';
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import type { Extension } from '../types.js';

export type PatchType = 'replace' | 'add';

export interface CapacityOperation {
  type: PatchType;
  path: string;
  /** The ror-location-supported-capacity extension to set. */
  value: Extension;
}

export interface ParameterPart {
  name?: unknown;
  part?: unknown;
  [key: string]: unknown;
}

const invalid = (message: string): OperationOutcomeError => new OperationOutcomeError(badRequest(message));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value[x] of a part, whatever its type, or undefined. */
export function valueOf(part: ParameterPart): unknown {
  const key = Object.keys(part).find((k) => k.startsWith('value'));
  return key === undefined ? undefined : part[key];
}

/** R4 FHIR Patch parts (name + value[x] or nested parts) as the JSON element they describe. */
export function elementFromParts(parts: readonly ParameterPart[]): Record<string, unknown> {
  const element: Record<string, unknown> = {};
  for (const part of parts) {
    if (typeof part.name !== 'string') throw invalid('Every part of a patch value needs a name.');
    const value = Array.isArray(part.part) ? elementFromParts(part.part as ParameterPart[]) : valueOf(part);
    if (part.name === 'extension') element.extension = [...((element.extension as unknown[] | undefined) ?? []), value];
    else element[part.name] = value;
  }
  return element;
}

/** The extension an operation's `value` part carries, in any of the accepted shapes. */
function extensionOf(value: ParameterPart): unknown {
  if (value.valueExtension !== undefined) return value.valueExtension;
  if (!Array.isArray(value.part) || value.part.length === 0) return undefined;
  const parts = value.part as ParameterPart[];
  // National documentation: one unnamed part holding `extension: [<the capacity extension>]`.
  if (parts.length === 1 && parts[0]!.name === undefined && Array.isArray(parts[0]!.extension)) {
    const extensions = parts[0]!.extension as unknown[];
    return extensions.length === 1 ? extensions[0] : undefined;
  }
  return elementFromParts(parts);
}

function isCapacityExtension(value: unknown): value is Extension {
  return isObject(value) && value.url === EXTENSIONS.supportedCapacity && Array.isArray(value.extension);
}

function readOperation(operation: ParameterPart, index: number): CapacityOperation {
  const where = `operation ${index + 1}`;
  if (operation.name !== 'operation' || !Array.isArray(operation.part)) {
    throw invalid(`Parameter ${index + 1} must be an "operation" with parts (FHIRPath Patch).`);
  }
  const parts = operation.part as ParameterPart[];
  const named = (name: string) => parts.filter((p) => isObject(p) && p.name === name);
  const single = (name: string) => {
    const found = named(name);
    if (found.length > 1) throw invalid(`${where}: "${name}" is given ${found.length} times.`);
    return found[0];
  };
  const type = single('type');
  const typeCode = type ? (type.valueCode ?? type.valueString) : undefined;
  if (typeCode !== 'replace' && typeCode !== 'add') {
    throw invalid(
      `${where}: type ${JSON.stringify(typeCode ?? null)} is not supported. A capacity is patched with "replace", then "add" when the indicator does not exist yet; ` +
        'an indicator is never deleted: send nbCapacity 0.',
    );
  }
  const path = single('path')?.valueString;
  if (typeof path !== 'string' || path.trim() === '') throw invalid(`${where}: "path" (valueString, a FHIRPath) is required.`);
  const value = single('value');
  const extension = value ? extensionOf(value) : undefined;
  if (!isCapacityExtension(extension)) {
    throw invalid(`${where}: "value" must be one ${EXTENSIONS.supportedCapacity} extension with its sub-extensions.`);
  }
  return { type: typeCode, path: path.trim(), value: extension };
}

/** The operations of a FHIRPath Patch body, in order; a 400 OperationOutcome for anything else. */
export function readCapacityPatch(body: unknown): CapacityOperation[] {
  if (!isObject(body) || body.resourceType !== 'Parameters') {
    throw invalid('The body must be a FHIRPath Patch: a Parameters resource (Content-Type: application/fhir+json).');
  }
  const parameters = body.parameter;
  if (!Array.isArray(parameters) || parameters.length === 0) throw invalid('The Parameters resource holds no operation.');
  return (parameters as unknown[]).map((p, i) => readOperation(isObject(p) ? p : {}, i));
}
