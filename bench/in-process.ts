/**
 * `node --import ./scripts/runtime/ts-resolve.ts bench/in-process.ts [--units N] [--rounds N] [--block N]`:
 * what the gateway's in-process subgraph calls (gateway/in-process.ts, D211) save per
 * request. One hub (scripts/hub.ts, whose gateway injects into its subgraphs) and, in the same
 * process, a second gateway with the FHIR adapter built with `ROR_GATEWAY_IN_PROCESS=false` on the
 * same subgraphs, database and secret, which fetches them over HTTP. Each case runs `--block`
 * requests on one gateway then on the other, alternating which goes first, for `--rounds` rounds
 * (the first two unmeasured), so both see the same load. Figures: process CPU time per request
 * (everything in this process: gateway, subgraphs, client; PGlite too when it is the database)
 * and latency. `BENCH_DATABASE_URL` as for bench/run.ts.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { buildGateway } from '../gateway/app.js';
import fhirPlugin, { FHIR_PREFIX, fhirBaseUrl } from '../fhir/plugin.js';
import type { GraphQLExecutor } from '../platform/executor.js';
import { startBenchHub } from './lib/hub.js';
import { seedNationalData } from './lib/national.js';
import { asApp, asUser } from './lib/identities.js';
import { GATEWAY_QUERIES } from './gateway-hive.js';
import { fhirQuery, PLACES } from './fhir-search.js';
import { ms, table } from './lib/stats.js';

const { values } = parseArgs({ options: { units: { type: 'string', default: '0' }, rounds: { type: 'string', default: '12' }, block: { type: 'string', default: '25' } } });
const rounds = Number(values.rounds);
const block = Number(values.block);

interface Figures {
  cpu: number;
  latencies: number[];
}

/** Runs `request` `block` times per round on each side, alternating which side goes first. */
async function compare(sides: Record<'http' | 'inProcess', () => Promise<void>>): Promise<Record<'http' | 'inProcess', Figures>> {
  const figures = { http: { cpu: 0, latencies: [] as number[] }, inProcess: { cpu: 0, latencies: [] as number[] } };
  for (let round = 0; round < rounds; round++) {
    const order = (round % 2 ? ['http', 'inProcess'] : ['inProcess', 'http']) as Array<'http' | 'inProcess'>;
    for (const side of order) {
      const cpu = process.cpuUsage();
      const latencies: number[] = [];
      for (let i = 0; i < block; i++) {
        const started = performance.now();
        await sides[side]();
        latencies.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      if (round < 2) continue; // warm-up
      figures[side].cpu += (used.user + used.system) / 1000;
      figures[side].latencies.push(...latencies);
    }
  }
  return figures;
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bench = await startBenchHub();
try {
  if (Number(values.units) > 0) await seedNationalData(bench.hub.db, Number(values.units), () => undefined);
  const config = loadConfig({ ...bench.env, ROR_GATEWAY_IN_PROCESS: 'false' });
  const overHttp = await buildGateway({ logger: createLogger(config.logLevel), config, internalSecret: bench.internalSecret, subgraphUrls: bench.hub.urls.subgraphs, feed: bench.hub.feed });
  await overHttp.app.register(fhirPlugin, { prefix: FHIR_PREFIX, execute: overHttp.execute, runtime: { principalOf: overHttp.principalOf, db: bench.hub.db, feed: bench.hub.feed, config }, baseUrl: fhirBaseUrl(config.publicUrl) });
  await overHttp.app.listen({ host: '127.0.0.1', port: 0 });
  const httpBase = `http://127.0.0.1:${(overHttp.app.server.address() as { port: number }).port}`;
  const admin = await asUser(bench.base, 'admin.ars');
  const aggregator = await asApp(bench.base, 'national-aggregator');
  const started = { load: loadavg()[0]!, at: new Date().toISOString() };
  const executed = (execute: GraphQLExecutor, query: string, authorization?: string) => async () => {
    const result = await execute({ query }, authorization ? { authorization } : {});
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  const searched = (base: string) => async () => {
    const response = await fetch(`${base}/fhir/${fhirQuery(PLACES[2]!, 20)}`, { headers: { authorization: aggregator } });
    if (!response.ok) throw new Error(`FHIR search: ${response.status}`);
    await response.arrayBuffer();
  };
  const cases: Array<[string, Record<'http' | 'inProcess', () => Promise<void>>]> = [
    [`${GATEWAY_QUERIES.one.label}, in-process executor`, { http: executed(overHttp.execute, GATEWAY_QUERIES.one.query), inProcess: executed(bench.hub.gateway.execute, GATEWAY_QUERIES.one.query) }],
    [`${GATEWAY_QUERIES.three.label}, in-process executor`, { http: executed(overHttp.execute, GATEWAY_QUERIES.three.query, admin), inProcess: executed(bench.hub.gateway.execute, GATEWAY_QUERIES.three.query, admin) }],
    ['FHIR `Location?near` Tours 50 km + capacity + `_include`, `_count=20`, over HTTP', { http: searched(httpBase), inProcess: searched(bench.base) }],
  ];
  const rows: string[][] = [];
  for (const [label, sides] of cases) {
    const f = await compare(sides);
    const n = f.http.latencies.length;
    rows.push([label, ms(f.http.cpu / n), ms(f.inProcess.cpu / n), `×${(f.inProcess.cpu / f.http.cpu).toFixed(2)}`, ms(p50(f.http.latencies)), ms(p50(f.inProcess.latencies)), `×${(p50(f.inProcess.latencies) / p50(f.http.latencies)).toFixed(2)}`]);
  }
  console.log(`\n- ${bench.database}; ${rounds - 2} measured rounds of ${block} requests per side; 1-minute load ${started.load.toFixed(1)} at ${started.at}, ${loadavg()[0]!.toFixed(1)} at ${new Date().toISOString()}\n`);
  console.log(table(['request', 'CPU/request HTTP', 'in process', 'ratio', 'p50 HTTP', 'in process', 'ratio'], rows));
  await overHttp.app.close();
} finally {
  await bench.close();
}
