/** The reference data (levels, groups, repertoire) as one request reads it: each table once. */
import type { TensionStore } from './store.js';
import type { ActionRow, DisciplineGroupRow, LevelRow } from './tables.js';

export interface LevelView extends LevelRow {
  /** Region code → label, for the regions that relabel this level. */
  regional: Map<string, string>;
}

export function createReferenceReader(store: TensionStore) {
  const once = <T>(load: () => Promise<T>) => {
    let value: Promise<T> | null = null;
    return () => (value ??= load());
  };
  const levels = once(async () => {
    const [rows, labels] = await Promise.all([store.levels(), store.levelLabels()]);
    return new Map<string, LevelView>(rows.map((l) => [l.code, { ...l, regional: new Map(labels.filter((x) => x.levelCode === l.code).map((x) => [x.regionCode, x.label])) }]));
  });
  const groups = once(async () => new Map<string, DisciplineGroupRow>((await store.disciplineGroups()).map((g) => [g.code, g])));
  const actions = once(async () => new Map<string, ActionRow>((await store.actions()).map((a) => [a.code, a])));
  const categories = once(() => store.actionCategories());
  return { levels, groups, actions, categories };
}

export type ReferenceReader = ReturnType<typeof createReferenceReader>;
