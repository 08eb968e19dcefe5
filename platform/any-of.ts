/**
 * Nested `anyOf` criteria of the structured searches (FHIR `_filter`'s `or`, offer and
 * professionals subgraphs): one shape, one bound. A criteria object holds when every one of its own
 * criteria holds and, when it has `anyOf`, at least one of those does; the bound keeps a crafted
 * input from building an unbounded SQL condition (the SQL is platform/db/any-of.ts).
 */
import { HubError } from './errors.js';

export const MAX_ANY_OF_DEPTH = 8;
export const MAX_ANY_OF_OBJECTS = 200;

/** Refuses criteria nested deeper than MAX_ANY_OF_DEPTH or with more than MAX_ANY_OF_OBJECTS objects in all. */
export function checkAnyOf(criteria: { anyOf?: readonly unknown[] | null }, field = 'criteria'): void {
  let objects = 0;
  const visit = (c: { anyOf?: readonly unknown[] | null }, depth: number): void => {
    objects++;
    if (depth > MAX_ANY_OF_DEPTH) throw new HubError('BAD_USER_INPUT', `\`anyOf\` is nested more than ${MAX_ANY_OF_DEPTH} levels deep.`, { field });
    if (objects > MAX_ANY_OF_OBJECTS) throw new HubError('BAD_USER_INPUT', `\`${field}\` holds more than ${MAX_ANY_OF_OBJECTS} criteria objects.`, { field });
    for (const sub of c.anyOf ?? []) visit(sub as { anyOf?: readonly unknown[] | null }, depth + 1);
  };
  visit(criteria, 0);
}
