/**
 * CPU of opening an in-memory PGlite from a data-directory dump, PGlite's `loadDataDir` against
 * the hub's `DumpMemoryFS` (D215), interleaved in one process so that both see the same
 * load and the same warm WebAssembly module. The first round of each is left out (compilation).
 *
 *   node --import ./scripts/runtime/ts-resolve.ts bench/pglite-open.ts FILE.tar [rounds]
 *
 * FILE.tar: a dump (`Database.dump`), e.g. the tests' migrated one in $TMPDIR/ror-test-cache/.
 */
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { DumpMemoryFS } from '../platform/db/pglite-snapshot.js';

const [file, roundsArg = '8'] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!file || !Number.isInteger(rounds) || rounds < 2) {
  process.stderr.write('usage: bench/pglite-open.ts FILE.tar [rounds ≥ 2]\n');
  process.exit(2);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

type Way = 'loadDataDir' | 'DumpMemoryFS';
const options = (way: Way) => (way === 'loadDataDir' ? { loadDataDir: new Blob([readFileSync(file)]) } : { fs: new DumpMemoryFS(file) });

const spent: Record<Way, number[]> = { loadDataDir: [], DumpMemoryFS: [] };
for (let round = 0; round < rounds; round++) {
  const order: Way[] = round % 2 ? ['loadDataDir', 'DumpMemoryFS'] : ['DumpMemoryFS', 'loadDataDir'];
  for (const way of order) {
    const start = cpuMs();
    const db = await PGlite.create(options(way));
    await db.query('select count(*) from pg_class');
    const ms = cpuMs() - start;
    await db.close();
    if (round > 0) spent[way].push(ms);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
for (const way of Object.keys(spent) as Way[]) {
  process.stdout.write(`${way}: median ${Math.round(median(spent[way]))} ms of CPU per open (${spent[way].map(Math.round).join(', ')})\n`);
}
process.stdout.write(`ratio DumpMemoryFS / loadDataDir: ${(median(spent.DumpMemoryFS) / median(spent.loadDataDir)).toFixed(2)}\n`);
