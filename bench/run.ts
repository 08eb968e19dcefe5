/**
 * `npm run bench -- [--only subscriptions|feed|fhir-search|export|place-search|gateway] [options]`: issue 5's benchmark (and issue 7's FHIR search, issue 13's place search, issue 16's gateway against Hive Gateway). Starts its own
 * hub in this process (PostgreSQL scratch database when BENCH_DATABASE_URL is set, else PGlite in
 * memory), seeds national-size data (timed apart, never part of a figure), runs the benches and
 * prints one table, in markdown (`--out FILE` also writes it there). See bench/README.md.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startBenchHub } from './lib/hub.js';
import { seedNationalData } from './lib/national.js';
import { asApp, asUser, benchFeedToken, BENCH_FEED_CLIENT } from './lib/identities.js';
import { runSubscriptionBench, type SubscriptionFigures } from './subscriptions/bench.js';
import { runFeedBench, type FeedFigures } from './feed.js';
import { fhirQuery, runFhirSearchBench, type SearchFigures } from './fhir-search.js';
import { runExportBench, type ExportFigures } from './export.js';
import { PLACE_SEARCH, runPlaceSearchBench, type PlaceSearchCase } from './place-search.js';
import { GATEWAY_QUERIES, medianOf, medianRatio, runGatewayBench, TARGET_LABELS, TARGETS, type GatewayFigures, type QueryName, type Target } from './gateway-hive.js';
import { ms, rate, ratio, table } from './lib/stats.js';
import { runStartBench, startTable } from './start.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    units: { type: 'string', default: '30000' },
    subscribers: { type: 'string', default: '1000' },
    'direct-fanout': { type: 'string', default: 'auto' },
    'capacities-only': { type: 'boolean', default: false },
    updates: { type: 'string', default: '200' },
    interval: { type: 'string', default: '0' },
    'feed-batches': { type: 'string', default: '20' },
    'feed-batch-size': { type: 'string', default: '500' },
    'entry-batches': { type: 'string', default: '40' },
    'entry-batch-size': { type: 'string', default: '50' },
    out: { type: 'string' },
    'search-warmup': { type: 'string', default: '5' },
    'search-runs': { type: 'string', default: '30' },
    'search-counts': { type: 'string', default: '20,50,200' },
    'place-first': { type: 'string', default: '20' },
    explain: { type: 'boolean', default: false },
    'gateway-seconds': { type: 'string', default: '10' },
    'gateway-rounds': { type: 'string', default: '3' },
    'gateway-connections': { type: 'string', default: '20' },
    'gateway-warmup': { type: 'string', default: '3' },
    'gateway-targets': { type: 'string', default: TARGETS.join(',') },
    runs: { type: 'string', default: '5' },
    before: { type: 'string' },
    'cpu-prof': { type: 'string' },
    floor: { type: 'boolean', default: false },
  },
});
const int = (name: keyof typeof values) => Number(values[name]);
const only = values.only;
const BENCHES = ['subscriptions', 'feed', 'export', 'fhir-search', 'place-search', 'gateway', 'start'];
if (only && !BENCHES.includes(only)) throw new Error(`--only takes ${BENCHES.join(', ')}`);
const log = (line: string) => process.stdout.write(`${line}\n`);

function subscriptionTable(f: SubscriptionFigures): string {
  const row = (what: string, s: { p50: number; p95: number; p99: number; max: number }, base?: { p50: number; p99: number }) =>
    [what, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), base ? `${ratio(s.p50, base.p50)} / ${ratio(s.p99, base.p99)}` : ''];
  return [
    `Subscribers: ${f.subscribers} graphql-ws sockets through the gateway${f.capacitiesOnly ? ', every one selecting the capacities fields only (--capacities-only: no entity fetch)' : ''} (${f.groups.map((g) => `${g.count} ${g.group}`).join(', ')}); ` +
      `the gateway held ${f.executions} executions and ${f.upstream.subscriptions} upstream subscriptions on ${f.upstream.sockets} upstream sockets. ` +
      `${f.updates} sequential \`updateUnitCapacity\` through the gateway (${rate(f.updateRate, 'updates/s')}, the hub's thread ${ms(f.cpuPerUpdate)} of CPU per update, mutation round trip p50 ${ms(f.mutation.p50)}, p99 ${ms(f.mutation.p99)}); ` +
      `${f.delivered} of ${f.expected} expected deliveries received (${rate(f.deliveriesPerSecond, 'deliveries/s')}), ${f.errors} errors. ` +
      `Subgraph GraphQL requests per update: offer ${f.requestsPerUpdate.offer.toFixed(1)}, capacities ${f.requestsPerUpdate.capacities.toFixed(1)}. ` +
      `Event results per update at the gateway: ${f.resultsPerUpdate.computed.toFixed(1)} computed, ${f.resultsPerUpdate.shared.toFixed(1)} taken from an identical execution of the same change.`,
    '',
    table(['latency (each delivery)', 'p50', 'p95', 'p99', 'max', 'ratio p50 / p99'], [
      row('raw `LISTEN ror_changes`, from send (floor)', f.raw.fromSend),
      row('direct subgraph subscriber, from send', f.direct.fromSend, f.raw.fromSend),
      row(`gateway, ${f.subscribers} subscribers, from send`, f.fromSend, f.raw.fromSend),
      ['… gateway / direct', '', '', '', '', `${ratio(f.fromSend.p50, f.direct.fromSend.p50)} / ${ratio(f.fromSend.p99, f.direct.fromSend.p99)}`],
      row('raw, from the mutation\'s HTTP response', f.raw.fromResponse),
      row('direct, from the HTTP response', f.direct.fromResponse),
      row('gateway, from the HTTP response', f.fromResponse),
      row('direct, from the change\'s `LISTEN` notification', f.direct.fromNotification),
      row('gateway, from the change\'s `LISTEN` notification', f.fromNotification, f.direct.fromNotification),
      row('gateway, first delivery of each change, from send', f.firstPerChange, f.raw.fromSend),
      row('gateway, last delivery of each change, from send', f.lastPerChange, f.raw.fromSend),
      ...f.byGroup.map((g) => row(`gateway, group \`${g.group}\` (${f.groups.find((x) => x.group === g.group)?.count ?? '?'} subscribers), from send`, g.fromSend, f.raw.fromSend)),
    ]),
    ...(f.directFanout ? directFanoutTable(f, f.directFanout) : []),
  ].join('\n');
}

/** The fair baseline: the subgraph's own fan-out to as many sockets as the gateway's deliveries per change. */
function directFanoutTable(f: SubscriptionFigures, d: NonNullable<SubscriptionFigures['directFanout']>): string[] {
  const row = (what: string, s: { p50: number; p95: number; p99: number; max: number }, base?: { p50: number; p99: number }) =>
    [what, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), base ? `${ratio(s.p50, base.p50)} / ${ratio(s.p99, base.p99)}` : ''];
  const both = (a: { p50: number; p99: number }, b: { p50: number; p99: number }) => `${ratio(a.p50, b.p50)} / ${ratio(a.p99, b.p99)}`;
  return [
    '',
    `Direct fan-out (the fair baseline), after the gateway's subscribers closed: ${d.subscribers} subscribers straight to the capacities subgraph ` +
      `(the gateway's deliveries per change; capacities fields only, place-search's identity), ${d.updates} more updates (${rate(d.updateRate, 'updates/s')}, the hub's thread ${ms(d.cpuPerUpdate)} of CPU per update); ` +
      `${d.delivered} of ${d.expected} deliveries, ${d.errors} errors. Ratios against this phase's own floor, then the gateway's phase against this one.`,
    '',
    table(['latency (each delivery)', 'p50', 'p95', 'p99', 'max', 'ratio p50 / p99'], [
      row('raw `LISTEN ror_changes`, from send (floor of this phase)', d.raw.fromSend),
      row(`direct fan-out, ${d.subscribers} subscribers, from send`, d.fromSend, d.raw.fromSend),
      row('direct fan-out, first delivery of each change', d.firstPerChange, d.raw.fromSend),
      row('direct fan-out, last delivery of each change', d.lastPerChange, d.raw.fromSend),
      row('direct fan-out, from the HTTP response', d.fromResponse),
      row('direct fan-out, from the change\'s `LISTEN` notification', d.fromNotification),
      ['… gateway / direct fan-out, each from send', '', '', '', '', both(f.fromSend, d.fromSend)],
      ['… gateway / direct fan-out, each from its change\'s notification (the fair ratio)', '', '', '', '', both(f.fromNotification, d.fromNotification)],
    ]),
  ];
}

function feedTable(f: FeedFigures, options: { feedBatchSize: number; entryBatchSize: number }): string {
  const row = (what: string, r: { rows: number; perSecond: number; batchMs: { p50: number; max: number } }, base?: { perSecond: number }) =>
    [what, String(r.rows), rate(r.perSecond, 'rows/s'), ms(r.batchMs.p50), ms(r.batchMs.max), base ? ratio(base.perSecond, r.perSecond) : ''];
  return [
    `Identity: application \`${BENCH_FEED_CLIENT}\` (scope capacity.write), registered by the bench. Feed batches name ${f.establishmentsPerBatch.toFixed(0)} establishments on average.`,
    '',
    table(['ingestion (every row changes)', 'rows', 'rate', 'batch p50', 'batch max', 'baseline is … faster'], [
      row(`POST /feeds/capacities, JSON, ${options.feedBatchSize} lines/batch`, f.feed, f.feedBaseline),
      row(`… baseline: one SQL UPDATE … FROM (VALUES) per ${options.feedBatchSize} rows`, f.feedBaseline),
      row(`updateCapacities ("validate all"), ${options.entryBatchSize} entries/batch`, f.entries, f.entriesBaseline),
      row(`… baseline: one SQL UPDATE per ${options.entryBatchSize} rows`, f.entriesBaseline),
    ]),
  ].join('\n');
}

function searchTable(f: SearchFigures, runs: number): string {
  const pages = (c: SearchFigures['cases'][number]) => `${c.fhirMatches}${c.hasNext ? '+' : ''} / ${c.sqlRows}`;
  return [
    `Identity: application \`national-aggregator\` (capacity.read, access profile 1). ${f.unitsWithFreeBed} units have a free bed in the whole data set. ` +
      `Query: \`${fhirQuery({ name: '', latitude: 0, longitude: 0, radiusKm: 0 }, 0).replace(/near=[^&]*/, 'near=<lat>|<lon>|<km>|km').replace(/_count=0/, '_count=<n>')}\` ` +
      `(decoded: capacity-status …TRE_R330…|02, nb-capacity=gt0). Baseline: the hand-written SQL of the same query on the same database client. ${runs} measured runs each, FHIR and SQL interleaved.`,
    '',
    table(['place, radius', '_count', 'matches FHIR / SQL (+: next link)', 'included', 'same ids, same order', 'FHIR p50', 'p95', 'max', 'SQL p50', 'p95', 'max', 'ratio p50 / p95', 'subgraph requests (offer + capacities)'],
      f.cases.map((c) => [
        `${c.place.name}, ${c.place.radiusKm} km`, String(c.count), pages(c), `${c.fhirIncluded} / ${c.sqlEstablishments}`, c.agree ? 'yes' : `**no**: ${c.disagreement}`,
        ms(c.fhir.p50), ms(c.fhir.p95), ms(c.fhir.max), ms(c.sql.p50), ms(c.sql.p95), ms(c.sql.max),
        `${ratio(c.fhir.p50, c.sql.p50)} / ${ratio(c.fhir.p95, c.sql.p95)}`, `${c.requests.offer.toFixed(1)} + ${c.requests.capacities.toFixed(1)}`,
      ])),
  ].join('\n');
}

function placeSearchTable(cases: PlaceSearchCase[], runs: number, first: number): string {
  return [
    `Identity: user \`medecin.ville.orleans\` (ADMISSION_REQUESTER, sees sensitive units). Query, through the gateway: \`${PLACE_SEARCH.replace(/\s+/g, ' ').trim()}\` with ` +
      `\`near\` (30 km), \`patientAge: 82, patientSex: FEMALE, freeBedsOnly: true\`, \`first: ${first}\`. Baseline: the hand-written SQL of the same search (page and total) on the same database client. ` +
      `${runs} measured runs each, GraphQL and SQL interleaved; then the search's two internal calls alone, straight to their subgraph as the system identity, ${runs} runs each.`,
    '',
    table(['place, radius', 'places GraphQL / SQL', 'page rows', 'same ids, same order, same total', 'GraphQL p50', 'p95', 'max', 'SQL p50', 'p95', 'max', 'ratio p50 / p95', 'subgraph requests (admissions + offer + capacities)', 'candidates', 'alone: offer candidates p50', 'capacities figures p50'],
      cases.map((c) => [
        `${c.place.name}, ${c.place.radiusKm} km`, `${c.graphqlTotal} / ${c.sqlTotal}`, `${c.graphqlRows} / ${c.sqlRows}`, c.agree ? 'yes' : `**no**: ${c.disagreement}`,
        ms(c.graphql.p50), ms(c.graphql.p95), ms(c.graphql.max), ms(c.sql.p50), ms(c.sql.p95), ms(c.sql.max),
        `${ratio(c.graphql.p50, c.sql.p50)} / ${ratio(c.graphql.p95, c.sql.p95)}`,
        `${c.requests.admissions.toFixed(1)} + ${c.requests.offer.toFixed(1)} + ${c.requests.capacities.toFixed(1)}`,
        String(c.candidateCount), ms(c.candidates.p50), ms(c.figures.p50),
      ])),
  ].join('\n');
}

/** A size already in MiB, as the tables print it. */
const mebibytes = (v: number): string => `${v.toFixed(0)} MiB`;

function exportTable(f: ExportFigures): string {
  const total = f.jobMs + f.downloadMs;
  const mb = mebibytes;
  return [
    `\`$export\` of every type as \`national-aggregator\`: ${Object.entries(f.resources).map(([type, n]) => `${n} ${type}`).join(', ')}, in ${f.files} NDJSON files (${mb(f.bytes / 2 ** 20)}; ${mb(f.storedBytes / 2 ** 20)} stored in the database). ` +
      `Process RSS before: ${mb(f.rssBeforeMb)} (the hub and its database run in the bench's process).`,
    '',
    table(['export of everything', 'time', 'CPU of the process', 'data', 'peak RSS', 'COPY is … faster'], [
      ['`$export`: kick-off → manifest (job)', ms(f.jobMs), ms(f.jobCpuMs), '', mb(f.rssPeakJobMb), ratio(f.jobMs, f.copy.ms)],
      ['`$export`: download of every file (streamed)', ms(f.downloadMs), '', mb(f.bytes / 2 ** 20), mb(f.rssPeakDownloadMb), ''],
      ['`$export`: total', ms(total), '', '', '', ratio(total, f.copy.ms)],
      [`\`$export?_since=\` the day after: ${f.since.changed} capacity entries → ${f.since.resources.Location ?? 0} Location (job)`, ms(f.since.jobMs), ms(f.since.jobCpuMs), '', mb(f.since.rssPeakMb), ratio(f.since.jobMs, f.copy.ms)],
      ['plain `COPY` of the source rows (JSON)', ms(f.copy.ms), '', mb(f.copy.bytes / 2 ** 20), mb(f.copy.rssPeakMb), ''],
    ]),
    ...(f.floor ? ['', floorTable(f, f.floor)] : []),
  ].join('\n');
}

/**
 * The second baseline (`--floor`): PostgreSQL building JSON shaped like the resources
 * (bench/export-floor.ts). A floor estimate, not a mapping: its bytes are reported next to the
 * export's, and its time scaled to the export's bytes for the ratio.
 */
function floorTable(f: ExportFigures, floor: { ms: number; bytes: number }): string {
  const mb = (bytes: number) => mebibytes(bytes / 2 ** 20);
  const scaled = (floor.ms * f.bytes) / floor.bytes;
  return table(['floor estimate (not a mapping)', 'time', 'data', 'per MiB', 'job is … slower', 'total is … slower'], [
    ['JSON built in SQL, `COPY (SELECT json_build_object(…)) TO STDOUT`', ms(floor.ms), mb(floor.bytes), ms(floor.ms / (floor.bytes / 2 ** 20)), ratio(f.jobMs, floor.ms), ratio(f.jobMs + f.downloadMs, floor.ms)],
    [`… scaled to the export's ${mb(f.bytes)}`, ms(scaled), mb(f.bytes), '', ratio(f.jobMs, scaled), ratio(f.jobMs + f.downloadMs, scaled)],
  ]);
}

function gatewayTable(f: GatewayFigures, options: { seconds: number; rounds: number; connections: number }): string {
  const targets = TARGETS.filter((t) => f.samples.some((s) => s.target === t));
  const x = (v: number) => (Number.isFinite(v) ? `×${v.toFixed(2)}` : '—');
  const cell = (query: QueryName, target: Target) => {
    const rps = medianOf(f.samples, query, target, (s) => s.rps);
    if (!Number.isFinite(rps)) return ['—', '', '', '', ''];
    const base: Target | null = targets.includes('hive') ? 'hive' : null;
    return [
      Math.round(rps).toLocaleString('en-US'),
      `${Math.round(medianOf(f.samples, query, target, (s) => s.p99))} ms`,
      medianOf(f.samples, query, target, (s) => s.subgraphRequestsPerRequest).toFixed(2),
      base && target !== base ? x(medianRatio(f.samples, query, target, base, (s) => s.rps)) : '',
      // Without deduplication on either side: the gateways' own cost at the same number of fetches.
      target === 'ror-nodedup' ? x(medianRatio(f.samples, query, target, 'hive-nodedup', (s) => s.rps)) : '',
    ];
  };
  const summary = (query: QueryName) =>
    table(['target', 'requests/s (median)', 'p99 (median)', 'subgraph requests per client request', 'rps ratio to Hive default (median of per-round ratios)', 'rps ratio to Hive, dedup off'], targets.map((t) => [TARGET_LABELS[t], ...cell(query, t)]));
  const rounds = table(['round', 'query', 'target', 'requests/s', 'p50', 'p99', 'requests', 'subgraph req./request', 'load average (1 min)'],
    f.samples.map((s) => [String(s.round), s.query, s.target, Math.round(s.rps).toLocaleString('en-US'), `${s.p50} ms`, `${s.p99} ms`, String(s.requests), s.subgraphRequestsPerRequest.toFixed(2), s.load]));
  return [
    `Hive Gateway: \`@graphql-hive/gateway-runtime\` ${f.hiveVersion}, default settings, on node:http in its own process, with a header hook signing the hub's identity envelope (bench/lib/gateway-child.ts). ` +
      `autocannon (own process) at c=${options.connections}, ${options.seconds} s per target and query, ${options.rounds} interleaved rounds. ` +
      `Every target gave the same data for each query: ${f.sameAnswers ? 'yes' : '**no**'}.`,
    '',
    ...(Object.keys(GATEWAY_QUERIES) as QueryName[]).flatMap((q) => [`${GATEWAY_QUERIES[q].label}: \`${GATEWAY_QUERIES[q].query}\``, '', summary(q), '']),
    'Every round:',
    '',
    rounds,
  ].join('\n');
}

/** The machine's 1-minute load average: other work on the same cores skews every figure. */
const load = () => loadavg()[0]!.toFixed(1);

/** `--only start`: `npm start` as its own processes (bench/start.ts); no hub in this process, no national data. */
async function startOnly(): Promise<void> {
  const header = `- date: ${new Date().toISOString()}; machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load before ${load()}`;
  const figures = await runStartBench({ runs: int('runs'), before: values.before }, log);
  const report = `${header}\n\n### npm start to ready\n\n${startTable(figures)}\n`;
  log(`\n${report}`);
  if (values.out) writeFileSync(values.out, report);
}

async function main(): Promise<void> {
  if (only === 'start') return startOnly();
  const started = performance.now();
  const loadBefore = load();
  if (Number(loadBefore) > availableParallelism() / 2) log(`warning: load average ${loadBefore} on ${availableParallelism()} cores; other work will skew the figures`);
  const bench = await startBenchHub({ explain: values.explain });
  const header: string[] = [];
  try {
    log(`database: ${bench.database}`);
    const seed = await seedNationalData(bench.hub.db, int('units'), log);
    log(`seeded in ${(seed.ms / 1000).toFixed(1)} s (excluded from every figure): ${seed.units} units (${seed.unitsWithCapacity} with a capacity record), ${seed.establishments} establishments, ${seed.organizations} legal entities`);
    header.push(
      `- date: ${new Date().toISOString()}; machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`,
      `- database: ${bench.database}`,
      `- data: ${seed.units} units, ${seed.unitsWithCapacity} with a capacity record, ${seed.establishments} establishments, ${seed.organizations} legal entities (demo region + ${seed.copies} synthetic copies; seeding ${(seed.ms / 1000).toFixed(1)} s, excluded)`,
    );
    const sections: string[] = [];
    if (!only || only === 'subscriptions') {
      const tokens = {
        admin: await asUser(bench.base, 'admin.ars'),
        entry: await asUser(bench.base, 'saisie.lits.chateauroux'),
        placeSearch: await asApp(bench.base, 'place-search'),
        aggregator: await asApp(bench.base, 'national-aggregator'),
      };
      const f = await runSubscriptionBench(bench, tokens, { subscribers: int('subscribers'), updates: int('updates'), intervalMs: int('interval'), organizationId: '360000053', cpuProfile: values['cpu-prof'], directFanout: values['direct-fanout'] === 'auto' ? 'auto' : int('direct-fanout'), capacitiesOnly: values['capacities-only'] }, log);
      sections.push(`### Subscriptions\n\n${subscriptionTable(f)}`);
      if (f.firstError) log(`first subscription error: ${f.firstError}`);
    }
    if (!only || only === 'fhir-search') {
      const counts = String(values['search-counts']).split(',').map(Number);
      const options = { warmup: int('search-warmup'), runs: int('search-runs'), counts };
      const f = await runFhirSearchBench(bench, await asApp(bench.base, 'national-aggregator'), true, options, log);
      sections.push(`### FHIR search: near + capacity + _include\n\n${searchTable(f, options.runs)}`);
    }
    if (!only || only === 'place-search') {
      const options = { warmup: int('search-warmup'), runs: int('search-runs'), first: int('place-first') };
      const cases = await runPlaceSearchBench(bench, await asUser(bench.base, 'medecin.ville.orleans'), options, log);
      sections.push(`### Place search (admissions): 30 km, age, sex, free beds\n\n${placeSearchTable(cases, options.runs, options.first)}`);
    }
    if (!only || only === 'feed') {
      const options = { feedBatches: int('feed-batches'), feedBatchSize: int('feed-batch-size'), entryBatches: int('entry-batches'), entryBatchSize: int('entry-batch-size') };
      const f = await runFeedBench(bench, await benchFeedToken(bench.hub.db, bench.base), options, log);
      sections.push(`### Capacity ingestion\n\n${feedTable(f, options)}`);
    }
    if (!only || only === 'export') {
      // Tokens live 15 minutes; a national export may outlast one.
      let token: { value: string; at: number } | null = null;
      const fresh = async () => {
        if (!token || performance.now() - token.at > 10 * 60_000) token = { value: await asApp(bench.base, 'national-aggregator'), at: performance.now() };
        return token.value;
      };
      const f = await runExportBench(bench, fresh, log, values['cpu-prof'], values.floor);
      sections.push(`### FHIR bulk export\n\n${exportTable(f)}`);
    }
    if (!only || only === 'gateway') {
      const options = {
        seconds: int('gateway-seconds'), rounds: int('gateway-rounds'), connections: int('gateway-connections'), warmupSeconds: int('gateway-warmup'),
        targets: String(values['gateway-targets']).split(',').filter((t): t is Target => (TARGETS as readonly string[]).includes(t)),
      };
      const f = await runGatewayBench(bench, await asUser(bench.base, 'admin.ars'), options, log);
      sections.push(`### Gateway: ROR Hub against Hive Gateway\n\n${gatewayTable(f, options)}`);
    }
    header.push(`- 1-minute load average: ${loadBefore} before the run, ${load()} after (the bench itself loads the machine; above ${availableParallelism()} something else ran too)`);
    const report = [...header, '', ...sections.flatMap((s) => [s, ''])].join('\n');
    log(`\n${report}`);
    if (values.out) writeFileSync(values.out, report);
  } finally {
    await bench.close();
    log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
