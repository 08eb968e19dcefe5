/**
 * `node --import ./scripts/runtime/ts-resolve.ts bench/gateway-dedup.ts [seconds]`: the gateway's
 * in-flight deduplication (ROR_GATEWAY_DEDUP) off and on, interleaved, two rounds each. One demo
 * user asks the three-subgraph query (establishment → units → capacity + tensions) from 20
 * concurrent clients for `seconds` (default 10) against a demo hub in this process (PGlite in
 * memory). Prints, per round: client requests per second, subgraph fetches sent per client
 * request (from the gateway's /metrics), fetches shared, and the 1-minute load average.
 * Not the Hive Gateway comparison of issue 16 (that bench is not in bench/ yet).
 */
import { loadavg } from 'node:os';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { startHub } from '../scripts/hub.js';
import { userToken, DEMO_PASSWORD } from '../scripts/token.js';
import { testEnv } from '../test/helpers/hub.js';

const QUERY = 'query Three { establishment(id: "370004467") { name units { name capacity { availableBeds } } tensions { level } } }';
const CLIENTS = 20;
const seconds = Number(process.argv[2] ?? 10);

/** The sum of a metric's samples whose line starts with `prefix`. */
const sum = (text: string, prefix: string) =>
  text.split('\n').filter((l) => l.startsWith(prefix)).reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);

async function round(dedup: boolean) {
  const config = loadConfig(testEnv({ ROR_GATEWAY_DEDUP: String(dedup), LOG_LEVEL: 'error' }));
  const hub = await startHub(config, createLogger(config.logLevel));
  try {
    const base = hub.urls.graphql.replace(/\/graphql$/, '');
    const authorization = `Bearer ${await userToken(base, 'admin.ars', DEMO_PASSWORD)}`;
    const ask = async () => {
      const response = await fetch(hub.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: QUERY }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    await ask(); // warm: plan cached, sockets open
    const metrics = async () => (await fetch(new URL('/metrics', base))).text();
    const before = await metrics();
    const load = loadavg()[0]!;
    let done = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (; Date.now() < end; done++) await ask();
    }));
    const after = await metrics();
    const fetches = sum(after, 'subgraph_fetch_duration_seconds_count') - sum(before, 'subgraph_fetch_duration_seconds_count');
    const shared = sum(after, 'subgraph_fetches_shared_total{') - sum(before, 'subgraph_fetches_shared_total{');
    return { dedup, rps: Math.round(done / seconds), fetchesPerRequest: +(fetches / done).toFixed(3), shared, load: `${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}` };
  } finally {
    await hub.close();
  }
}

for (const dedup of [false, true, false, true]) process.stdout.write(`${JSON.stringify(await round(dedup))}\n`);
