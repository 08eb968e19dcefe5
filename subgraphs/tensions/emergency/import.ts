/**
 * RPU import: parse, validate every record, then write all passages in one transaction or none
 * (docs/emergency.md). Re-sent passages are recognised by their keyed hash and updated only when a
 * value changed, so re-importing a file or an overlapping window creates nothing.
 */
import { createHmac } from 'node:crypto';
import type { Database, Orm } from '../../../platform/db/client.js';
import { addDays, dayOf } from './dates.js';
import { parseRpu, type FileProblem } from './parse.js';
import { passageSecret, refreshDays, storedPassages, upsertPassages, type NewPassage, type StoredPassage } from './store.js';
import { validateRecord, type ValidPassage } from './validate.js';

export interface RpuImportOptions {
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Which of these FINESS numbers are known establishments (the offer subgraph, in the hub); when
   * absent (the command on the database), they are checked for format and key only and listed as unchecked.
   */
  knownEstablishments?: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Throws when the caller may not import for one of these establishments (the hub route). */
  authorize?: (ids: readonly string[]) => void;
}

export interface RpuImportReport {
  format: 'xml' | 'csv';
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  establishments: string[];
  /** FINESS numbers not checked against the offer (command run on the database directly). */
  uncheckedEstablishments: string[];
  /** First and last day of entry of the valid passages. */
  firstDay: string | null;
  lastDay: string | null;
  problems: FileProblem[];
  written: boolean;
  dryRun: boolean;
}

export const exitCodeOf = (report: RpuImportReport): number => (report.problems.length > 0 ? 1 : 0);

/** A passage's stored key: HMAC-SHA256 of FINESS|ENTREE|NAISSANCE|SEXE with the database's secret. */
export const passageKey = (secret: string, identity: string): string => createHmac('sha256', secret).update(identity).digest('hex');

function toRow(p: ValidPassage, key: string): NewPassage {
  return { key, establishmentId: p.establishmentId, enteredAt: p.enteredAt, leftAt: p.leftAt, ageYears: p.ageYears, exitMode: p.exitMode, orientation: p.orientation };
}

const sameValues = (row: NewPassage, stored: StoredPassage): boolean =>
  (row.leftAt?.getTime() ?? null) === (stored.leftAt?.getTime() ?? null) &&
  (row.ageYears ?? null) === stored.ageYears &&
  (row.exitMode ?? null) === stored.exitMode &&
  (row.orientation ?? null) === stored.orientation;

/** New rows and changed rows to write, and how many are unchanged. */
async function classify(orm: Orm, passages: readonly ValidPassage[], secret: string | null) {
  if (!secret) return { toWrite: passages.map((p) => toRow(p, '')), created: passages.length, updated: 0, unchanged: 0 };
  const rows = passages.map((p) => toRow(p, passageKey(secret, p.identity)));
  const stored = await storedPassages(orm, rows.map((r) => r.key));
  let created = 0;
  let updated = 0;
  const toWrite = rows.filter((row) => {
    const before = stored.get(row.key);
    if (!before) created++;
    else if (!sameValues(row, before)) updated++;
    else return false;
    return true;
  });
  return { toWrite, created, updated, unchanged: rows.length - toWrite.length };
}

export async function importRpu(db: Database, text: string, options: RpuImportOptions = {}): Promise<RpuImportReport> {
  const parsed = parseRpu(text);
  const problems = [...parsed.problems];
  const valid: ValidPassage[] = [];
  const seen = new Map<string, number>();
  for (const record of parsed.records) {
    if (record.broken) continue;
    const { passage, problems: found } = validateRecord(record);
    for (const p of found) problems.push({ line: record.line, record: record.index, field: p.field, message: p.message });
    if (!passage) continue;
    const twin = seen.get(passage.identity);
    if (twin !== undefined) {
      problems.push({ line: record.line, record: record.index, field: null, message: `same passage (FINESS, ENTREE, NAISSANCE, SEXE) as record ${twin}` });
      continue;
    }
    seen.set(passage.identity, record.index);
    valid.push(passage);
  }
  const establishments = [...new Set(valid.map((p) => p.establishmentId))].sort();
  let unchecked: string[] = [];
  if (options.knownEstablishments) {
    const known = await options.knownEstablishments(establishments);
    const reported = new Set<string>();
    for (const p of valid) {
      if (known.has(p.establishmentId) || reported.has(p.establishmentId)) continue;
      reported.add(p.establishmentId); // once per FINESS: a whole file of an unknown ED would repeat it
      problems.push({ line: p.line, record: p.index, field: 'FINESS', message: 'is not a known establishment of the directory' });
    }
  } else unchecked = establishments;
  if (establishments.length > 0) options.authorize?.(establishments);

  const days = valid.map((p) => dayOf(p.enteredAt)).sort();
  const report: RpuImportReport = {
    format: parsed.format,
    records: parsed.records.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: new Set(problems.filter((p) => p.record !== null).map((p) => p.record)).size,
    establishments,
    uncheckedEstablishments: unchecked,
    firstDay: days[0] ?? null,
    lastDay: days[days.length - 1] ?? null,
    problems,
    written: false,
    dryRun: options.dryRun ?? false,
  };
  if (problems.length > 0 || options.dryRun) {
    const counts = await classify(db.orm, valid, await passageSecret(db.orm, false));
    return { ...report, created: counts.created, updated: counts.updated, unchanged: counts.unchanged };
  }
  return db.orm.transaction(async (tx) => {
    const counts = await classify(tx, valid, await passageSecret(tx, true));
    options.onProgress?.(0, counts.toWrite.length);
    await upsertPassages(tx, counts.toWrite, (done) => options.onProgress?.(done, counts.toWrite.length));
    // A passage counts in the 15:00 presence of up to 3 days after its entry day.
    for (const id of new Set(counts.toWrite.map((r) => r.establishmentId))) {
      const own = counts.toWrite.filter((r) => r.establishmentId === id).map((r) => dayOf(r.enteredAt)).sort();
      await refreshDays(tx, id, own[0]!, addDays(own[own.length - 1]!, 3));
    }
    return { ...report, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, written: true };
  });
}

/** The text report of the command (values of identifying fields never appear in it). */
export function formatReport(report: RpuImportReport, file: string): string {
  const lines = [
    `RPU import of ${file} (format: ${report.format}, ${report.records} passages, ${report.establishments.join(', ') || 'no establishment'}, days ${report.firstDay ?? '-'} to ${report.lastDay ?? '-'})`,
    // When nothing was written the counts say what the valid records would do, and must read so.
    report.written
      ? `passages: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`
      : `passages: ${report.created} to create, ${report.updated} to update, ${report.unchanged} unchanged, ${report.rejected} rejected`,
  ];
  if (report.uncheckedEstablishments.length > 0) lines.push(`FINESS checked for format and key only (no hub): ${report.uncheckedEstablishments.join(', ')}`);
  for (const p of report.problems) {
    const where = [p.record !== null ? `record ${p.record}` : null, p.line !== null ? `line ${p.line}` : null].filter(Boolean).join(', ') || 'file';
    lines.push(`${where}: ${p.field ? `${p.field} ` : ''}${p.message}`);
  }
  if (report.problems.length > 0) lines.push(`nothing written: ${report.problems.length} problem(s)`);
  else if (report.dryRun) lines.push('dry run: nothing written');
  return `${lines.join('\n')}\n`;
}
