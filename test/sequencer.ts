/**
 * The order test files start in: longest first, by the durations recorded in test/durations.json
 * (docs/testing.md § Speed). Two workers each take the next file when one ends, so starting the
 * longest (the console's browser scenarios, the fuzz suite) first lets both finish together;
 * vitest's default orders a clean clone (no results cache, as on CI) by file size, which put the
 * two 3-line console files, 140 s each, at the very end.
 *
 * A file not recorded yet (a new test) starts first: its length is unknown, and starting it early
 * can only cost a little balance. `node test/record-durations.ts REPORT.json` rewrites the record
 * from a vitest JSON report of a whole run.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const RECORD = new URL('./durations.json', import.meta.url);

/** Recorded seconds per test file, by path from the project root. */
export function recordedDurations(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** `files` (paths from the root) longest first; unrecorded files before all others, in their order. */
export function longestFirst<T>(files: readonly T[], path: (file: T) => string, seconds: Record<string, number>): T[] {
  const known = (file: T) => seconds[path(file)] ?? Number.POSITIVE_INFINITY;
  return [...files].sort((a, b) => known(b) - known(a) || 0);
}

export default class DurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return longestFirst(files, (spec) => relative(root, spec.moduleId), recordedDurations());
  }
}
