/**
 * Copies the terminology files into `code_system` and `code`, in one transaction: a system whose
 * stored version equals its file's and that holds at least the file's codes is skipped, any other
 * is upserted (codes the file no longer lists stay, so labels of old records keep resolving). The
 * count matters when a documented subset is completed at the same release (TRE_R211 and TRE_R244
 * went from the demo's codes to the whole release without a new version): a database loaded
 * from the subset would otherwise never get the other codes. Run at subgraph start-up and before the
 * demo seed; safe to run any number of times, and by several processes at once: replicas of
 * the offer subgraph starting together on a new database both found a system missing and both
 * inserted it (duplicate key, the second process died at start-up), so the transaction first
 * takes an advisory lock and the second reads what the first wrote.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { Database, Orm } from '../../../platform/db/client.js';
import { codeSystems, codes } from '../tables.js';
import { TERMINOLOGY, type TerminologySystem } from './systems.js';

export interface TerminologySync {
  /** NOS names written by this run. */
  loaded: string[];
  /** NOS names already at their file's version. */
  skipped: string[];
}

export async function syncTerminology(db: Database, systems: readonly TerminologySystem[] = Object.values(TERMINOLOGY)): Promise<TerminologySync> {
  const result: TerminologySync = { loaded: [], skipped: [] };
  await db.orm.transaction(async (tx) => {
    const orm = tx as unknown as Orm;
    await orm.execute(sql`select pg_advisory_xact_lock(hashtext('offer.terminology'))`);
    const stored = new Map((await orm.select({ url: codeSystems.url, version: codeSystems.version }).from(codeSystems)).map((r) => [r.url, r.version]));
    const held = new Map((await orm.select({ system: codes.system, n: count() }).from(codes).groupBy(codes.system)).map((r) => [r.system, r.n]));
    for (const s of systems) {
      if (stored.get(s.url) === s.version && (held.get(s.url) ?? 0) >= s.codes.length) {
        result.skipped.push(s.name);
        continue;
      }
      const row = { url: s.url, name: s.name, title: s.title, version: s.version, loadedAt: new Date() };
      if (stored.has(s.url)) await orm.update(codeSystems).set(row).where(eq(codeSystems.url, s.url));
      else await orm.insert(codeSystems).values(row);
      const rows = s.codes.map((c) => ({ system: s.url, code: c.code, display: c.display, deprecatedOn: c.deprecatedOn ?? null }));
      for (let i = 0; i < rows.length; i += 500) {
        await orm
          .insert(codes)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({ target: [codes.system, codes.code], set: { display: sql`excluded.display`, deprecatedOn: sql`excluded.deprecated_on` } });
      }
      result.loaded.push(s.name);
    }
  });
  return result;
}
