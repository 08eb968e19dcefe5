/**
 * The runnable examples of README.md and docs/*.md (docs/testing.md § Documentation examples):
 * every fenced block tagged sh/bash/shell, graphql/gql, js/mjs/javascript or ts/typescript, with
 * the `<!-- example: … -->` annotations written on the lines just above its fence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ExampleKind = 'shell' | 'graphql' | 'js' | 'ts';

const KINDS: Record<string, ExampleKind> = {
  sh: 'shell', bash: 'shell', shell: 'shell',
  graphql: 'graphql', gql: 'graphql',
  js: 'js', mjs: 'js', javascript: 'js',
  ts: 'ts', typescript: 'ts',
};

export interface Annotations {
  /** `skip (reason)`: not run; the reason is required. */
  skip?: string;
  /** `as <login or client_id>`: the example runs with that demo identity's token ($TOKEN, bearer). */
  as?: string;
  /** `from anywhere`: a shell example runs in an empty temporary folder, not the repository. */
  fromAnywhere: boolean;
  /** `status <code>`: an HTTP status the example documents, accepted besides 2xx. */
  statuses: number[];
  /** `error <CODE>`: an error the example shows on purpose (GraphQL `extensions.code`, REST `error.code`, FHIR issue code); it must come, and no other. */
  errors: string[];
  /** `event <unit id> as <identity>`: while a subscription example runs, that unit's capacity changes. */
  event?: { unitId: string; as: string };
}

export interface DocExample {
  /** `file:line` of the opening fence. */
  id: string;
  file: string;
  line: number;
  kind: ExampleKind;
  code: string;
  annotations: Annotations;
}

const ANNOTATION = /^<!--\s*example:\s*(.*?)\s*-->$/;

/** Parses one annotation comment's directives (`;`-separated); an unknown one is an error. */
export function parseAnnotation(text: string, into: Annotations, where: string): void {
  // `;` separates directives, except inside a skip's parenthesised reason.
  const directives = text.match(/(?:[^;(]|\([^)]*\))+/g) ?? [];
  for (const raw of directives.map((d) => d.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = /^skip\s*\((.+)\)$/.exec(raw))) into.skip = m[1]!.trim();
    else if ((m = /^as\s+([\w.-]+)$/.exec(raw))) into.as = m[1]!;
    else if (raw === 'from anywhere') into.fromAnywhere = true;
    else if ((m = /^status\s+(\d{3})$/.exec(raw))) into.statuses.push(Number(m[1]));
    else if ((m = /^error\s+([\w-]+)$/.exec(raw))) into.errors.push(m[1]!);
    else if ((m = /^event\s+([\w-]+)\s+as\s+([\w.-]+)$/.exec(raw))) into.event = { unitId: m[1]!, as: m[2]! };
    else throw new Error(`${where}: unknown example annotation "${raw}" (docs/testing.md § Documentation examples)`);
  }
}

/** The examples of one Markdown text. */
export function examplesOf(file: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[end]!)) end++;
    const kind = KINDS[open[3]!.toLowerCase()];
    if (kind) {
      const annotations: Annotations = { fromAnywhere: false, statuses: [], errors: [] };
      // Annotations: the comment lines right above the fence (blank lines between are allowed).
      for (let j = i - 1; j >= 0; j--) {
        const above = lines[j]!.trim();
        if (above === '') continue;
        const m = ANNOTATION.exec(above);
        if (!m) break;
        parseAnnotation(m[1]!, annotations, `${file}:${j + 1}`);
      }
      const indent = open[1]!.length;
      const code = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
      examples.push({ id: `${file}:${i + 1}`, file, line: i + 1, kind, code, annotations });
    }
    i = end;
  }
  return examples;
}

/** Every example of README.md and docs/*.md under `root`. */
export function docExamples(root: string): DocExample[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  return files.flatMap((file) => examplesOf(file, readFileSync(join(root, file), 'utf8')));
}

/** Whether a GraphQL answer's `data` holds nothing: null, empty lists and objects of those only. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/**
 * What is wrong with one JSON answer an example printed or received, or null: GraphQL errors, a
 * top-level field with nothing in it, a FHIR OperationOutcome with an error.
 */
export function problemOf(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return null;
  const o = answer as Record<string, unknown>;
  if (Array.isArray(o.errors) && o.errors.length > 0) return `errors: ${JSON.stringify(o.errors).slice(0, 600)}`;
  if ('data' in o) {
    if (o.data === null || typeof o.data !== 'object') return 'data is null';
    const empty = Object.entries(o.data as Record<string, unknown>).filter(([, v]) => isEmpty(v)).map(([k]) => k);
    if (empty.length > 0) return `empty answer for ${empty.join(', ')}: ${JSON.stringify(o.data).slice(0, 300)}`;
  }
  if (o.resourceType === 'OperationOutcome') {
    const issues = (o.issue as Array<{ severity?: string }> | undefined) ?? [];
    if (issues.some((i) => i.severity === 'error' || i.severity === 'fatal')) return `OperationOutcome: ${JSON.stringify(o).slice(0, 600)}`;
  }
  if (!isEmpty(o.error)) return `error: ${JSON.stringify(o.error).slice(0, 600)}`;
  return null;
}

/** The error codes an answer carries: GraphQL `errors[].extensions.code`, REST `error.code`, FHIR issue codes of errors. */
export function errorCodesOf(answer: unknown): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const o = answer as { errors?: Array<{ extensions?: { code?: string } }>; error?: { code?: string }; resourceType?: string; issue?: Array<{ severity?: string; code?: string }> };
  return [
    ...(Array.isArray(o.errors) ? o.errors.map((e) => e.extensions?.code ?? 'NO_CODE') : []),
    ...(o.error && typeof o.error === 'object' && !Array.isArray(o.error) ? [o.error.code ?? 'NO_CODE'] : []),
    ...(o.resourceType === 'OperationOutcome' ? (o.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => i.code ?? 'NO_CODE') : []),
  ];
}

/**
 * What is wrong with the answers of one example, or null. Without expected errors, the first
 * problem of any answer; with them (`error <CODE>`), an error code outside them, or none at all.
 */
export function verdict(answers: unknown[], expected: readonly string[]): string | null {
  if (expected.length === 0) return answers.map(problemOf).find((p) => p !== null) ?? null;
  const codes = answers.flatMap(errorCodesOf);
  const unexpected = codes.filter((c) => !expected.includes(c));
  if (unexpected.length > 0) return `unexpected error code(s) ${unexpected.join(', ')} (expected ${expected.join(', ')})`;
  if (codes.length === 0) return `expected error ${expected.join(' or ')}, got none`;
  return null;
}

/** The JSON documents in a program's output: the whole of it, or one per line. */
export function jsonDocuments(output: string): unknown[] {
  const trimmed = output.trim();
  if (!trimmed) return [];
  try {
    return [JSON.parse(trimmed)];
  } catch {
    return trimmed.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
  }
}
