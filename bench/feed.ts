/**
 * Capacity ingestion over the national-size data: `POST /feeds/capacities` through the gateway
 * (JSON batches keyed by FINESS + UF code, every line a change) and "validate all"
 * (`updateCapacities`, GraphQL), each against a baseline of the same row updates made with one
 * plain SQL `UPDATE … FROM (VALUES …)` per batch (no rules, no history, no change feed).
 */
import { sql } from 'drizzle-orm';
import type { BenchHub } from './lib/hub.js';
import { graphql } from './lib/graphql.js';
import { now, summarize, type Summary } from './lib/stats.js';

export interface FeedOptions {
  feedBatches: number;
  feedBatchSize: number;
  entryBatches: number;
  entryBatchSize: number;
}

export interface Rate {
  rows: number;
  batches: number;
  perSecond: number;
  batchMs: Summary;
}

export interface FeedFigures {
  feed: Rate;
  feedBaseline: Rate;
  /** Distinct establishments named per feed batch (one offer query each, to resolve FINESS + UF). */
  establishmentsPerBatch: number;
  entries: Rate;
  entriesBaseline: Rate;
}

interface Unit {
  unit_id: string;
  establishment_id: string;
  uf_code: string;
  nature: string;
  installed_beds: number;
  available_men: number;
  available_women: number;
  available_undifferentiated: number;
  closed_beds: number;
  reopened_beds: number;
  reopenable_beds: number;
  mobilised_beds: number;
  notes: string | null;
  version: number;
}

/** Another valid state of the unit: one bed more or less available, or one more installed when none can be. */
function changed(u: Unit): Unit {
  const open = u.installed_beds - (u.closed_beds - u.reopened_beds) + u.mobilised_beds;
  const free = u.available_men + u.available_women + u.available_undifferentiated;
  if (u.available_undifferentiated > 0) return { ...u, available_undifferentiated: u.available_undifferentiated - 1 };
  if (free < open) return { ...u, available_undifferentiated: 1 };
  return { ...u, installed_beds: u.installed_beds + 1 };
}

async function timed(batches: Unit[][], write: (batch: Unit[]) => Promise<void>): Promise<Rate> {
  const durations: number[] = [];
  for (const batch of batches) {
    const started = now();
    await write(batch);
    durations.push(now() - started);
  }
  const rows = batches.reduce((n, b) => n + b.length, 0);
  const total = durations.reduce((a, b) => a + b, 0);
  return { rows, batches: batches.length, perSecond: rows / (total / 1000), batchMs: summarize(durations) };
}

/** The baseline: the same rows set to `target`'s figures with one statement per batch. */
function sqlUpdate(bench: BenchHub) {
  return async (batch: Unit[]) => {
    const values = batch.map((u) => `('${u.unit_id}', ${u.installed_beds}, ${u.available_men}, ${u.available_women}, ${u.available_undifferentiated})`).join(', ');
    await bench.hub.db.rows(sql.raw(`
      update capacities.unit_capacity c set installed_beds = v.i, available_men = v.m, available_women = v.w, available_undifferentiated = v.u,
        available_beds = v.m + v.w + v.u, version = c.version + 1, updated_at = now()
      from (values ${values}) as v(unit_id, i, m, w, u) where c.unit_id = v.unit_id`));
  };
}

const chunks = <T>(list: T[], size: number, count: number): T[][] => Array.from({ length: count }, (_, i) => list.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);

export async function runFeedBench(bench: BenchHub, token: string, options: FeedOptions, log: (line: string) => void): Promise<FeedFigures> {
  const { hub, base } = bench;
  const read = () => hub.db.rows<Unit>(sql`
    select c.unit_id, u.establishment_id, u.uf_code, c.nature, c.installed_beds, c.available_men, c.available_women, c.available_undifferentiated,
           c.closed_beds, c.reopened_beds, c.reopenable_beds, c.mobilised_beds, c.notes, c.version
    from capacities.unit_capacity c join offer.unit u on u.id = c.unit_id join offer.establishment e on e.id = u.establishment_id
    where e.region_code <> '24' and not u.archived order by u.establishment_id, u.uf_code`);
  const units = await read();
  const feedUnits = units.slice(0, options.feedBatches * options.feedBatchSize);
  const feedBatches = chunks(feedUnits.map(changed), options.feedBatchSize, options.feedBatches);
  const establishmentsPerBatch = feedBatches.reduce((n, b) => n + new Set(b.map((u) => u.establishment_id)).size, 0) / feedBatches.length;

  log(`  feed: ${feedBatches.length} batches of ${options.feedBatchSize} lines through POST /feeds/capacities…`);
  const feed = await timed(feedBatches, async (batch) => {
    const updates = batch.map((u) => ({
      establishmentFiness: u.establishment_id, ufCode: u.uf_code, installedBeds: u.installed_beds,
      availableMen: u.available_men, availableWomen: u.available_women, availableUndifferentiated: u.available_undifferentiated,
    }));
    const response = await fetch(`${base}/feeds/capacities`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ updates }) });
    const body = (await response.json()) as { written?: boolean; updated?: number; results?: Array<{ status: string; reason?: string }> };
    if (response.status !== 200 || body.updated !== batch.length) {
      throw new Error(`feed batch refused (HTTP ${response.status}, updated ${body.updated}): ${JSON.stringify(body.results?.find((r) => r.status !== 'updated') ?? body)}`);
    }
  });
  // Baseline: the same rows back to their first figures (again a change on every row).
  log('  feed: the same rows with plain SQL…');
  const feedBaseline = await timed(chunks(feedUnits, options.feedBatchSize, options.feedBatches), sqlUpdate(bench));

  // "Validate all" on the units after the feed's, from their current figures and versions.
  const rest = units.slice(feedUnits.length);
  const entryUnits = rest.slice(0, options.entryBatches * options.entryBatchSize);
  const entryBatches = chunks(entryUnits.map(changed), options.entryBatchSize, options.entryBatches);
  log(`  validate all: ${entryBatches.length} batches of ${options.entryBatchSize} entries through updateCapacities…`);
  const MUTATION = 'mutation Bench($e: [CapacityEntry!]!) { updateCapacities(entries: $e) { version } }';
  const entries = await timed(entryBatches, async (batch) => {
    const e = batch.map((u) => ({
      unitId: u.unit_id,
      expectedVersion: u.version,
      input: {
        nature: u.nature, installedBeds: u.installed_beds, availableMen: u.available_men, availableWomen: u.available_women,
        availableUndifferentiated: u.available_undifferentiated, closedBeds: u.closed_beds, reopenedBeds: u.reopened_beds,
        reopenableBeds: u.reopenable_beds, mobilisedBeds: u.mobilised_beds, notes: u.notes,
      },
    }));
    const data = await graphql<{ updateCapacities: unknown[] }>(`${base}/graphql`, token, MUTATION, { e });
    if (data.updateCapacities.length !== batch.length) throw new Error('updateCapacities wrote fewer entries than sent');
  });
  log('  validate all: the same rows with plain SQL…');
  const entriesBaseline = await timed(chunks(entryUnits, options.entryBatchSize, options.entryBatches), sqlUpdate(bench));
  return { feed, feedBaseline, establishmentsPerBatch, entries, entriesBaseline };
}
