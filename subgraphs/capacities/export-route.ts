/**
 * `GET /exports/capacities/{YYYY-MM-DD}.csv|.ndjson` on the capacities subgraph: a daily snapshot,
 * streamed page by page from the database (never buffered whole). Needs the export right
 * (OruLitsDispos_litsdispos_acces_export) or the `bulk.export` scope: transversal holders and
 * applications get every line, a holder on a legal entity the lines of the units it covers.
 */
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { hasRight, hasRightSomewhere } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import { csvStream } from '../../platform/csv.js';
import { HubError } from '../../platform/errors.js';
import type { Orm } from '../../platform/db/client.js';
import { EXPORT, isTransversal, requireAccess } from './access.js';
import { parseDay } from './closures.js';
import { createSnapshotStore } from './snapshot.js';
import type { SnapshotLineRow } from './tables.js';

export const EXPORT_PATH = '/exports/capacities/:file';
const PAGE = 500;

export const CSV_COLUMNS = [
  'date', 'position', 'unit_id', 'establishment_finess', 'establishment_name', 'unit_name', 'uf_code', 'discipline', 'department_code',
  'nature', 'installed_beds', 'available_men', 'available_women', 'available_undifferentiated', 'available_beds', 'closed_beds',
  'reopened_beds', 'reopenable_beds', 'mobilised_beds', 'total_operational', 'source', 'updated_at', 'updated_by',
] as const;

type Rec = Record<string, unknown> & { available?: Record<string, number> };

/** One CSV row's cells in CSV_COLUMNS order (platform/csv.ts quotes and guards them). */
export function csvCells(row: SnapshotLineRow): unknown[] {
  const r = (row.record ?? {}) as Rec;
  const cells = [
    row.day, row.position, row.unitId, row.establishmentFiness, row.establishmentName, row.unitName, row.ufCode, row.discipline, row.departmentCode,
    r.nature, r.installedBeds, r.available?.men, r.available?.women, r.available?.undifferentiated, r.availableBeds, r.closedBeds,
    r.reopenedBeds, r.reopenableBeds, r.mobilisedBeds, r.totalOperational, r.source, r.updatedAt, r.updatedBy,
  ];
  return cells;
}

export function ndjsonLine(row: SnapshotLineRow): string {
  const { day, ...rest } = row;
  return `${JSON.stringify({ date: day, ...rest, capacity: row.record })}\n`;
}

function lineFilter(identity: Identity): (row: SnapshotLineRow) => boolean {
  if (identity.kind === 'client' || isTransversal(identity, EXPORT)) return () => true;
  return (row) => EXPORT.rights.some((r) => hasRight(identity, r, { kind: 'UNIT', id: row.unitId, establishmentId: row.establishmentFiness }));
}

async function* snapshotRows(orm: Orm, day: string, keep: (row: SnapshotLineRow) => boolean): AsyncGenerator<SnapshotLineRow> {
  const store = createSnapshotStore(orm);
  for (let after = 0; ; ) {
    const page = await store.lines(day, after, PAGE);
    for (const row of page) if (keep(row)) yield row;
    if (page.length < PAGE) return;
    after = page.at(-1)!.position;
  }
}

async function* mapRows<T>(rows: AsyncIterable<SnapshotLineRow>, map: (row: SnapshotLineRow) => T): AsyncGenerator<T> {
  for await (const row of rows) yield map(row);
}

/**
 * The CSV is `;`-separated with a UTF-8 byte-order mark, as a spreadsheet set to French opens it
 * directly with its accents; text cells are guarded against formula injection (platform/csv.ts).
 */
function body(orm: Orm, day: string, format: 'csv' | 'ndjson', keep: (row: SnapshotLineRow) => boolean): Readable {
  const rows = snapshotRows(orm, day, keep);
  return format === 'csv' ? csvStream(CSV_COLUMNS, mapRows(rows, csvCells), { bom: true }) : Readable.from(mapRows(rows, ndjsonLine));
}

export async function capacityExportRoute(app: FastifyInstance, options: { orm: Orm }): Promise<void> {
  app.get<{ Params: { file: string } }>(EXPORT_PATH, async (request, reply) => {
    const identity = request.identity;
    if (!(identity.kind === 'user' && hasRightSomewhere(identity, EXPORT.rights))) requireAccess(identity, EXPORT, { kind: 'TRANSVERSAL' });
    const match = /^(.+)\.(csv|ndjson)$/.exec(request.params.file);
    if (!match) throw new HubError('BAD_USER_INPUT', 'Ask for /exports/capacities/YYYY-MM-DD.csv or .ndjson.', { field: 'file' });
    const day = parseDay(match[1]!, 'date');
    const format = match[2] as 'csv' | 'ndjson';
    if (!(await createSnapshotStore(options.orm).byDay(day))) throw new HubError('NOT_FOUND', `No capacity snapshot for ${day}.`);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="capacities-${day}.${format}"`)
      .send(body(options.orm, day, format, lineFilter(identity)));
  });
}
