/**
 * FINESS import into the offer schema: idempotent upsert of organizations (EJ) and
 * establishments (EG) keyed by FINESS numbers, in ONE transaction, all or nothing unless
 * `partial`. An establishment is "updated" only when a stored field differs; `updated_at`
 * moves only then. Organizations are created when missing and never renamed: FINESS
 * establishment extracts carry no EJ name, so a new EJ takes the name of its first site.
 * Every record created or updated gets an audit row (action IMPORT, the importer as actor) and a
 * change-feed event (topic `offer`), in the same transaction; unchanged records get neither.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database, Orm } from '../../../platform/db/client.js';
import { insertInChunks } from '../../../platform/db/bulk.js';
import { establishments, organizations, type EstablishmentRow } from '../tables.js';
import { created, diff, entry, type Actor } from '../editing/audit.js';
import { writeAudit, type AuditEntry } from '../editing/store.js';
import { fillCommuneCodes } from './commune-codes.js';
import { FINESS_FIELDS, parseFiness, type FinessEstablishment, type FinessLayout, type FinessProblem } from './parse.js';

export interface FinessImportOptions {
  partial?: boolean;
  dryRun?: boolean;
  now?: Date;
  /** Called while writing, with rows done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Who imports, for the audit trail and the feed: `cli:<os user>` from the command line, the user's login through the hub. */
  actor?: Actor;
}

/** When the caller names nobody (tests, scripts): the import itself. */
const UNNAMED_IMPORTER: Actor = { subject: 'cli', name: 'cli:unknown' };

/** The importer at the command line: `cli:<os user>`, as tables.ts documents `actor_name`. */
export function cliActor(osUser: string): Actor {
  return { subject: 'cli', name: `cli:${osUser}` };
}

export interface FinessImportReport {
  layout: FinessLayout | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Legal entities: created, updated (SIREN or legal status changed) or unchanged. */
  organizations: { created: number; updated: number; unchanged: number };
  problems: FinessProblem[];
  /** True when the database was written (false on a dry run or an all-or-nothing refusal). */
  written: boolean;
  dryRun: boolean;
  partial: boolean;
  /**
   * Rows left without an INSEE commune code: FINESS gave none and no other row of the file gives
   * one for the same commune (commune-codes.ts). They are imported; their units' Locations lack
   * ror-commune-cog until the file, or a unit's own address, gives it.
   */
  unresolvedCommunes: Array<{ line: number; id: string; postalCode: string | null; city: string | null }>;
  /** Per-establishment outcome, by FINESS ET: created or updated (unchanged ones are not listed). */
  changes: Array<{ id: string; line: number; outcome: 'created' | 'updated'; fields?: string[] }>;
}

/** Fields compared and written: the columns FINESS owns, never the referents' ones. */
const FIELDS = FINESS_FIELDS;

type Fields = Pick<FinessEstablishment, (typeof FIELDS)[number]>;

const pick = (e: FinessEstablishment | EstablishmentRow): Fields => Object.fromEntries(FIELDS.map((f) => [f, e[f]])) as unknown as Fields;

function changedFields(stored: EstablishmentRow, next: FinessEstablishment): string[] {
  return FIELDS.filter((f) => stored[f] !== next[f]);
}

interface EjFacts {
  siren: string | null;
  legalStatusCode: string | null;
}

/**
 * What the file says of each legal entity: its SIREN is the first 9 digits of the first SIRET of
 * its establishments (a SIRET is SIREN + 5-digit establishment number), its legal status the
 * first one given, in file order.
 */
function legalEntityFacts(rows: readonly FinessEstablishment[]): Map<string, EjFacts> {
  const facts = new Map<string, EjFacts>();
  for (const r of rows) {
    const f = facts.get(r.organizationId) ?? { siren: null, legalStatusCode: null };
    f.siren ??= r.siret?.slice(0, 9) ?? null;
    f.legalStatusCode ??= r.legalStatusCode;
    facts.set(r.organizationId, f);
  }
  return facts;
}

const READ_CHUNK = 1000;

async function byIds<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += READ_CHUNK) out.push(...(await read(ids.slice(i, i + READ_CHUNK))));
  return out;
}

/** Imports already-read file contents. Never throws on bad rows: they are in the report. */
export async function importFiness(db: Database, text: string, options: FinessImportOptions = {}): Promise<FinessImportReport> {
  const parsed = parseFiness(text);
  const partial = options.partial ?? false;
  const dryRun = options.dryRun ?? false;
  const report: FinessImportReport = {
    layout: parsed.layout,
    rows: parsed.rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: parsed.rows - parsed.valid.length,
    organizations: { created: 0, updated: 0, unchanged: 0 },
    problems: parsed.problems,
    written: false,
    dryRun,
    partial,
    changes: [],
    unresolvedCommunes: [],
  };
  if (parsed.layout === null) return report;
  const refused = report.problems.length > 0 && !partial;
  const rows = fillCommuneCodes(parsed.valid); // as the demo seed does: the same file gives the same rows
  report.unresolvedCommunes = rows.filter((r) => !r.inseeCode).map((r) => ({ line: r.line, id: r.id, postalCode: r.postalCode, city: r.city }));
  const now = options.now ?? new Date();

  const plan = async (orm: Orm) => {
    const stored = new Map(
      (await byIds([...new Set(rows.map((r) => r.id))], (ids) => orm.select().from(establishments).where(inArray(establishments.id, ids)))).map((r) => [r.id, r]),
    );
    const ejIds = [...new Set(rows.map((r) => r.organizationId))];
    const knownEj = new Map(
      (
        await byIds(ejIds, (ids) =>
          orm.select({ id: organizations.id, siren: organizations.siren, legalStatusCode: organizations.legalStatusCode }).from(organizations).where(inArray(organizations.id, ids)),
        )
      ).map((r) => [r.id, r]),
    );
    const ejFacts = legalEntityFacts(rows);
    const newEj = new Map<string, string>();
    for (const r of rows) if (!knownEj.has(r.organizationId) && !newEj.has(r.organizationId)) newEj.set(r.organizationId, r.name);
    // Known EJs take the SIREN and legal status the file gives, when they differ (never cleared).
    const ejUpdates: Array<[string, EjFacts, EjFacts]> = [];
    for (const [id, before] of knownEj) {
      const facts = ejFacts.get(id);
      if (!facts) continue;
      const next = { siren: facts.siren ?? before.siren, legalStatusCode: facts.legalStatusCode ?? before.legalStatusCode };
      if (next.siren !== before.siren || next.legalStatusCode !== before.legalStatusCode) ejUpdates.push([id, next, { siren: before.siren, legalStatusCode: before.legalStatusCode }]);
    }
    const creates: FinessEstablishment[] = [];
    const updates: Array<[FinessEstablishment, string[], EstablishmentRow]> = [];
    for (const r of rows) {
      const before = stored.get(r.id);
      if (!before) creates.push(r);
      else {
        const fields = changedFields(before, r);
        if (fields.length) updates.push([r, fields, before]);
      }
    }
    report.created = creates.length;
    report.updated = updates.length;
    report.unchanged = rows.length - creates.length - updates.length;
    report.organizations = { created: newEj.size, updated: ejUpdates.length, unchanged: ejIds.length - newEj.size - ejUpdates.length };
    report.changes = [
      ...creates.map((r) => ({ id: r.id, line: r.line, outcome: 'created' as const })),
      ...updates.map(([r, fields]) => ({ id: r.id, line: r.line, outcome: 'updated' as const, fields })),
    ].sort((a, b) => a.line - b.line);
    return { creates, updates, newEj, ejFacts, ejUpdates };
  };

  if (refused || dryRun) {
    // Nothing is written: the report still tells what the run would have done.
    await plan(db.orm);
    return report;
  }

  await db.orm.transaction(async (tx) => {
    const orm = tx as unknown as Orm;
    const { creates, updates, newEj, ejFacts, ejUpdates } = await plan(orm);
    const total = creates.length + updates.length;
    let done = 0;
    const actor = options.actor ?? UNNAMED_IMPORTER;
    const audit: AuditEntry[] = [];
    const newOrganizations = [...newEj].map(([id, name]) => ({ id, name, siren: ejFacts.get(id)?.siren ?? null, legalStatusCode: ejFacts.get(id)?.legalStatusCode ?? null }));
    await insertInChunks(orm, organizations, newOrganizations.map((o) => ({ ...o, createdAt: now, updatedAt: now })));
    for (const { id, ...values } of newOrganizations) audit.push(entry(actor, 'ORGANIZATION', id, 'IMPORT', created(values)));
    for (const [id, facts, before] of ejUpdates) {
      await orm.update(organizations).set({ ...facts, updatedAt: now }).where(eq(organizations.id, id));
      audit.push(entry(actor, 'ORGANIZATION', id, 'IMPORT', diff({ ...before }, { ...facts })));
    }
    const CHUNK = 500;
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      await insertInChunks(orm, establishments, chunk.map((r) => ({ id: r.id, ...pick(r), createdAt: now, updatedAt: now })), CHUNK);
      for (const r of chunk) audit.push(entry(actor, 'ESTABLISHMENT', r.id, 'IMPORT', created({ ...pick(r) })));
      done += chunk.length;
      options.onProgress?.(done, total);
    }
    for (const [r, , before] of updates) {
      await orm.update(establishments).set({ ...pick(r), updatedAt: now }).where(eq(establishments.id, r.id));
      audit.push(entry(actor, 'ESTABLISHMENT', r.id, 'IMPORT', diff({ ...pick(before) }, { ...pick(r) })));
      done++;
      if (done % 100 === 0 || done === total) options.onProgress?.(done, total);
    }
    await writeAudit(orm, audit);
  });
  report.written = true;
  return report;
}

/** The human report: counts, then every problem with its line. */
export function formatReport(report: FinessImportReport, file: string): string {
  const out: string[] = [];
  out.push(`FINESS import of ${file} (layout: ${report.layout ?? 'unknown'}, ${report.rows} rows)`);
  // When nothing was written the counts say what the valid rows would do, and must read so.
  const [created, updated] = report.written ? ['created', 'updated'] : ['to create', 'to update'];
  out.push(`establishments: ${report.created} ${created}, ${report.updated} ${updated}, ${report.unchanged} unchanged, ${report.rejected} rejected`);
  out.push(`organizations: ${report.organizations.created} ${created}, ${report.organizations.updated} ${updated}, ${report.organizations.unchanged} unchanged`);
  for (const c of report.changes.filter((x) => x.outcome === 'updated')) out.push(`line ${c.line}: ${c.id} ${updated} (${(c.fields ?? []).join(', ')})`);
  for (const p of report.problems) out.push(`line ${p.line}: ${p.message}`);
  for (const u of report.unresolvedCommunes) out.push(`line ${u.line}: ${u.id} has no INSEE commune code and no other row gives one for ${u.city ?? '(no city)'} (${u.postalCode ?? 'no postal code'})`);
  if (report.dryRun) out.push('dry run: nothing written');
  else if (report.written && report.problems.length) out.push(`partial import: ${report.rejected} rejected rows not written, the valid rows were`);
  else if (!report.written) out.push(`nothing written: ${report.problems.length} problem(s) (fix the file, or use --partial to write the valid rows)`);
  return `${out.join('\n')}\n`;
}

/** Exit code of a run: 0 when written (or a clean dry run), 1 when rows were rejected without --partial. */
export function exitCodeOf(report: FinessImportReport): number {
  if (report.layout === null) return 1;
  return report.problems.length > 0 && !report.partial ? 1 : 0;
}
