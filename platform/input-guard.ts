/**
 * The checks every string a caller sends goes through before any rule or write, whatever the
 * path (GraphQL arguments and variables at the gateway, the capacity feed's body, uploaded files):
 * no U+0000 (PostgreSQL text cannot hold it, so it would fail in SQL), no lone UTF-16 surrogate
 * (it has no UTF-8 form: jsonb refuses it and text columns would silently store U+FFFD), and no string over
 * MAX_INPUT_STRING characters (fields with a lower documented maximum check theirs in their
 * subgraph's rules). docs/errors.md § Input limits.
 */
import { visit, type DocumentNode, type GraphQLError } from 'graphql';
import { HubError } from './errors.js';

/** Longest string any input may hold; per-field maxima (names, notes…) are lower. */
export const MAX_INPUT_STRING = 10_000;

export const NUL = '\u0000';

export interface StringProblem {
  /** Where: `argument`, `argument.field`, `$variable.list[2]`… */
  path: string;
  message: string;
}

/** The problem of one string, or null. */
export function stringProblem(value: string, path: string): StringProblem | null {
  if (value.includes(NUL)) return { path, message: `${path} must not contain the NUL character (U+0000).` };
  if (!value.isWellFormed()) return { path, message: `${path} holds a lone UTF-16 surrogate (not a Unicode character).` };
  if (value.length > MAX_INPUT_STRING) return { path, message: `${path} is longer than ${MAX_INPUT_STRING} characters (${value.length}).` };
  return null;
}

/** The first bad string in a JSON-like value (strings, arrays, objects; keys included), or null. */
export function findStringProblem(value: unknown, path: string): StringProblem | null {
  if (typeof value === 'string') return stringProblem(value, path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = findStringProblem(item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = (key.includes(NUL) ? stringProblem(key, `${path} key`) : null) ?? findStringProblem(item, `${path}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Each document's answer, kept as long as the document: mercurius and the gateway keep the parsed
 * documents of repeated operations, and walking one per request was 5 % of a FHIR search's CPU
 * (docs/benchmarks.md § search16d). A document's literals never change.
 */
const literalProblems = new WeakMap<DocumentNode, StringProblem | null>();

/** The first bad string literal of a GraphQL document, named by its argument and input fields. */
function literalProblem(document: DocumentNode): StringProblem | null {
  if (literalProblems.has(document)) return literalProblems.get(document)!;
  const problem = walkLiterals(document);
  literalProblems.set(document, problem);
  return problem;
}

function walkLiterals(document: DocumentNode): StringProblem | null {
  const names: string[] = [];
  let found: StringProblem | null = null;
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      found ??= stringProblem(node.value, names.join('.') || 'a string literal');
    },
  });
  return found;
}

/**
 * BAD_USER_INPUT for the first bad string of an operation's literals or variables, or null.
 * `extensions.field` names it.
 */
export function operationInputProblem(document: DocumentNode | undefined, variables: Record<string, unknown> | undefined | null): GraphQLError | null {
  const problem =
    (document ? literalProblem(document) : null) ??
    Object.entries(variables ?? {}).reduce<StringProblem | null>((p, [name, value]) => p ?? findStringProblem(value, `$${name}`), null);
  if (!problem) return null;
  return new HubError('BAD_USER_INPUT', problem.message, { field: problem.path });
}

/** The file's text must hold no NUL character: BAD_USER_INPUT naming the first line that does. */
export function requireNoNul(text: string, what = 'The file'): void {
  const at = text.indexOf(NUL);
  if (at < 0) return;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  throw new HubError('BAD_USER_INPUT', `${what} holds a NUL character (U+0000) on line ${line}: nothing was read.`, { line });
}
