/**
 * `node --import ./scripts/runtime/ts-resolve.ts bench/profile-summary.ts FILE.cpuprofile [--top N]`:
 * a CPU profile (the benches' `--cpu-prof`) summarised as markdown tables, shares of the thread's
 * busy samples (idle excluded):
 * - by package: each sample goes to the first frame from the leaf up that has a script (a
 *   builtin such as `JSON.stringify` counts for its caller's package), `node_modules/<name>` as
 *   the package's name, the project's files by folder (`fhir/bulk`, `platform`, …), Node's own
 *   modules as `node:internal`;
 * - by function, self time: the leaf frame (builtins by name, with the package that called them);
 * - by function, total time: every frame of the project on the sample's stack, once per sample.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const root = process.cwd();
/** A script's package: `node_modules/<name>`, a project folder, or Node's internals. */
function packageOf(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + '/node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (path.startsWith('node:')) return 'node:internal';
  const inProject = path.startsWith(root) ? path.slice(root.length + 1) : path.replace(/^\/work\/[^/]+\/[^/]+\//, '');
  const parts = inProject.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length === 2 ? parts[0]! : inProject;
}
const fileOf = (url: string) => url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
const isProject = (url: string) => url !== '' && !url.includes('/node_modules/') && !url.startsWith('node:') && url.includes('/');

const pkgTime = new Map<string, number>();
const selfTime = new Map<string, number>();
const totalTime = new Map<string, number>();
let busy = 0;
let idle = 0;
const add = (map: Map<string, number>, key: string, dt: number) => map.set(key, (map.get(key) ?? 0) + dt);

profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const leaf = byId.get(id)!;
  const name = leaf.callFrame.functionName;
  if (name === '(idle)') {
    idle += dt;
    return;
  }
  busy += dt;
  if (name === '(garbage collector)' || name === '(program)') {
    add(pkgTime, name, dt);
    add(selfTime, name, dt);
    return;
  }
  let node: ProfileNode | undefined = leaf;
  while (node && node.callFrame.url === '') node = byId.get(parent.get(node.id) ?? -1);
  const pkg = node ? packageOf(node.callFrame.url) : '(builtins at the root)';
  add(pkgTime, pkg, dt);
  add(selfTime, leaf.callFrame.url === '' ? `${name || '(anonymous)'} (builtin, from ${pkg})` : `${name || '(anonymous)'} ${fileOf(leaf.callFrame.url)}:${leaf.callFrame.lineNumber + 1}`, dt);
  const seen = new Set<string>();
  for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
    if (!isProject(n.callFrame.url)) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    if (!seen.has(key)) add(totalTime, key, dt);
    seen.add(key);
  }
});

const pct = (v: number) => `${((100 * v) / busy).toFixed(1)} %`;
const rows = (map: Map<string, number>, n: number) =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${pct(v)} | ${(v / 1000).toFixed(0)} ms |`);
const out = [
  `busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s (${profile.samples.length} samples)`,
  '',
  '| package (first frame with a script) | share | time |',
  '|---|---|---|',
  ...rows(pkgTime, top),
  '',
  '| function, self time | share | time |',
  '|---|---|---|',
  ...rows(selfTime, top),
  '',
  '| project function, total time | share | time |',
  '|---|---|---|',
  ...rows(totalTime, top),
];
process.stdout.write(`${out.join('\n')}\n`);
