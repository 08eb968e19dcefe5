/**
 * JSON Patch (RFC 6902) on a resource, for `PATCH Task/[id]`: add, replace, remove and test on
 * object members and array indexes (`-` appends). Pure; a malformed patch or a path that does
 * not exist is a 400 OperationOutcome naming the operation. `move` and `copy` are refused: no
 * Task change needs them.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';

export interface PatchOperation {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

const invalid = (message: string) => new OperationOutcomeError(badRequest(message));

/** The operations of a JSON Patch body (an array of objects with op and path). */
export function readJsonPatch(body: unknown): PatchOperation[] {
  if (!Array.isArray(body) || body.length === 0) throw invalid('PATCH Task takes a JSON Patch (application/json-patch+json): a non-empty array of operations.');
  return body.map((raw, i) => {
    const op = (raw as { op?: unknown }).op;
    const path = (raw as { path?: unknown }).path;
    if (op !== 'add' && op !== 'replace' && op !== 'remove' && op !== 'test') throw invalid(`operation ${i + 1}: op must be add, replace, remove or test, not ${JSON.stringify(op)}.`);
    if (typeof path !== 'string' || !path.startsWith('/')) throw invalid(`operation ${i + 1}: path must be a JSON Pointer such as "/status".`);
    if (op !== 'remove' && !Object.hasOwn(raw as object, 'value')) throw invalid(`operation ${i + 1}: ${op} needs a value.`);
    return { op, path, value: (raw as { value?: unknown }).value };
  });
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Applies the operations to a deep copy of `document`. */
export function applyJsonPatch<T extends object>(document: T, operations: readonly PatchOperation[]): T {
  const result = structuredClone(document) as Record<string, unknown>;
  operations.forEach((operation, i) => {
    const segments = operation.path.slice(1).split('/').map(unescapePointer);
    const last = segments.pop()!;
    let parent: unknown = result;
    for (const segment of segments) {
      const next = Array.isArray(parent) ? parent[Number(segment)] : (parent as Record<string, unknown> | undefined)?.[segment];
      if (next === undefined || next === null || typeof next !== 'object') {
        if (operation.op !== 'add') throw invalid(`operation ${i + 1}: ${operation.path} does not exist.`);
        // add creates the missing objects on its way, as FHIR servers commonly do for optional elements.
        const created = {};
        if (Array.isArray(parent)) throw invalid(`operation ${i + 1}: ${operation.path} does not exist.`);
        (parent as Record<string, unknown>)[segment] = created;
        parent = created;
      } else parent = next;
    }
    const value = structuredClone(operation.value);
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length || (operation.op !== 'add' && index >= parent.length)) throw invalid(`operation ${i + 1}: ${operation.path} is no index of the array.`);
      if (operation.op === 'add') parent.splice(index, 0, value);
      else if (operation.op === 'replace') parent[index] = value;
      else if (operation.op === 'remove') parent.splice(index, 1);
      else if (JSON.stringify(parent[index]) !== JSON.stringify(value)) throw invalid(`operation ${i + 1}: test failed at ${operation.path}.`);
      return;
    }
    const object = parent as Record<string, unknown>;
    if (operation.op !== 'add' && !Object.hasOwn(object, last)) throw invalid(`operation ${i + 1}: ${operation.path} does not exist.`);
    if (operation.op === 'remove') delete object[last];
    else if (operation.op === 'test') {
      if (JSON.stringify(object[last]) !== JSON.stringify(value)) throw invalid(`operation ${i + 1}: test failed at ${operation.path}.`);
    } else object[last] = value;
  });
  return result as T;
}
