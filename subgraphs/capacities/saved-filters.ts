/**
 * Saved synthesis filters, per account subject: names unique per user, at most one default
 * (setting a new default clears the previous one in the same transaction; a partial unique index
 * holds the rule even against concurrent saves).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { savedFilters, type SavedFilterRow } from './tables.js';
import { GROUPINGS, VIEW_KINDS, type Grouping, type View } from './synthesis.js';

export interface SynthesisFilter {
  view?: View | null;
  regionCode?: string | null;
  departmentCode?: string | null;
  establishmentId?: string | null;
  disciplines?: string[] | null;
}

export interface SavedFilterInput {
  name: string;
  isDefault?: boolean | null;
  groupBy: Grouping[];
  filter: SynthesisFilter;
}

export const NAME_MAX = 100;

export function checkGroupBy(groupBy: readonly string[]): void {
  if (groupBy.length === 0) throw new HubError('BAD_USER_INPUT', 'groupBy needs at least one level.', { field: 'groupBy' });
  if (new Set(groupBy).size !== groupBy.length) throw new HubError('BAD_USER_INPUT', 'groupBy names a level twice.', { field: 'groupBy' });
  for (const g of groupBy) if (!(GROUPINGS as readonly string[]).includes(g)) throw new HubError('BAD_USER_INPUT', `Unknown grouping ${g}.`, { field: 'groupBy' });
}

export function createSavedFilterStore(orm: Orm) {
  return {
    /** The subject's filters, default first, then by name. */
    list: (subject: string): Promise<SavedFilterRow[]> =>
      orm.select().from(savedFilters).where(eq(savedFilters.subject, subject)).orderBy(desc(savedFilters.isDefault), asc(savedFilters.name)),

    save: (subject: string, input: SavedFilterInput): Promise<SavedFilterRow> =>
      orm.transaction(async (tx) => {
        const name = input.name.trim();
        if (!name || name.length > NAME_MAX) throw new HubError('BAD_USER_INPUT', `name must have 1 to ${NAME_MAX} characters.`, { field: 'name' });
        checkGroupBy(input.groupBy);
        const [taken] = await tx.select({ id: savedFilters.id }).from(savedFilters).where(and(eq(savedFilters.subject, subject), eq(savedFilters.name, name)));
        if (taken) throw new HubError('CONFLICT', `You already have a saved filter named "${name}".`, { field: 'name' });
        if (input.isDefault) await tx.update(savedFilters).set({ isDefault: false }).where(and(eq(savedFilters.subject, subject), eq(savedFilters.isDefault, true)));
        const f = input.filter;
        const [row] = await tx
          .insert(savedFilters)
          .values({
            subject,
            name,
            isDefault: input.isDefault ?? false,
            groupBy: input.groupBy,
            view: f.view && f.view in VIEW_KINDS ? f.view : 'SANITARY',
            regionCode: f.regionCode ?? null,
            departmentCode: f.departmentCode ?? null,
            establishmentId: f.establishmentId ?? null,
            disciplines: f.disciplines ?? [],
          })
          .returning();
        return row!;
      }),

    remove: async (subject: string, id: string): Promise<boolean> => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
      const rows = await orm.delete(savedFilters).where(and(eq(savedFilters.subject, subject), eq(savedFilters.id, id))).returning({ id: savedFilters.id });
      return rows.length > 0;
    },
  };
}

export type SavedFilterStore = ReturnType<typeof createSavedFilterStore>;
