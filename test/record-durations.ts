/**
 * `node test/record-durations.ts REPORT.json`: rewrites test/durations.json, the seconds each test
 * file took, from a vitest JSON report of a whole run (`--reporter=json --outputFile=REPORT.json`).
 * test/sequencer.ts starts the longest files first from it (docs/testing.md § Speed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Report {
  testResults: Array<{ name: string; startTime: number; endTime: number }>;
}

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node test/record-durations.ts REPORT.json\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url)); // the repository
const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
const seconds = Object.fromEntries(
  report.testResults
    .map((r) => [relative(root, r.name), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync(new URL('durations.json', import.meta.url), `${JSON.stringify(seconds, null, 2)}\n`);
process.stdout.write(`${Object.keys(seconds).length} files recorded in test/durations.json\n`);
