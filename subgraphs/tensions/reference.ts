/**
 * Loads levels, regional labels, discipline groups and the HET action repertoire into their tables
 * at start-up: upserts in one transaction, so it is idempotent and a new release's data (a new
 * action, a relabelled level) replaces the old without touching declarations.
 */
import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { actionCategories, actions, disciplineGroups, levelLabels, levels } from './tables.js';
import { LEVELS, REGIONAL_LABELS } from './levels.js';
import { DISCIPLINE_GROUPS } from './discipline-groups.js';
import { REPERTOIRE } from './repertoire.js';

const excluded = (column: string) => sql.raw(`excluded.${column}`);

export async function loadReferenceData(orm: Orm): Promise<void> {
  await orm.transaction(async (tx) => {
    await tx.insert(levels).values([...LEVELS])
      .onConflictDoUpdate({ target: levels.code, set: { rank: excluded('rank'), label: excluded('label'), description: excluded('description') } });
    const labels = Object.entries(REGIONAL_LABELS).flatMap(([regionCode, byLevel]) =>
      Object.entries(byLevel).map(([levelCode, label]) => ({ regionCode, levelCode, label })));
    await tx.insert(levelLabels).values(labels)
      .onConflictDoUpdate({ target: [levelLabels.regionCode, levelLabels.levelCode], set: { label: excluded('label') } });
    await tx.insert(disciplineGroups).values(DISCIPLINE_GROUPS.map((g) => ({ ...g, disciplines: [...g.disciplines] })))
      .onConflictDoUpdate({ target: disciplineGroups.code, set: { rank: excluded('rank'), label: excluded('label'), disciplines: excluded('disciplines') } });
    await tx.insert(actionCategories).values(REPERTOIRE.map((c, i) => ({ code: c.code, label: c.label, rank: i + 1 })))
      .onConflictDoUpdate({ target: actionCategories.code, set: { rank: excluded('rank'), label: excluded('label') } });
    const rows = REPERTOIRE.flatMap((c) => c.actions.map((a, i) => ({ code: a.code, categoryCode: c.code, rank: i + 1, label: a.label, active: a.active ?? true })));
    await tx.insert(actions).values(rows)
      .onConflictDoUpdate({ target: actions.code, set: { categoryCode: excluded('category_code'), rank: excluded('rank'), label: excluded('label'), active: excluded('active') } });
  });
}
