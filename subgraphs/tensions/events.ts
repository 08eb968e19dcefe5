/**
 * The change-feed event of a declaration write (docs/change-feed.md): topic `tension`, record
 * `TENSION` + declaration id. The payload is a stable contract: the Plans part's mailer and the
 * `tensionChanged` subscription read it without reading this subgraph's tables.
 */
import type { NewChange } from '../../platform/changes/tables.js';
import type { DeclarationRow } from './tables.js';

export type TensionAction = 'DECLARE' | 'UPDATE' | 'ADD_ACTIONS' | 'CLOSE';

export interface TensionEventPayload {
  establishmentId: string;
  levelCode: string;
  disciplineGroupCode: string;
  status: string;
  /** The timeline entries written with the change, in order. */
  timelineEntryIds: number[];
  /** The rest of the declaration as the change left it (ISO times), so followers need no read. */
  version: number;
  startedAt: string;
  endedAt: string | null;
}

export function tensionChange(action: TensionAction, actor: string, row: DeclarationRow, timelineEntryIds: number[]): NewChange {
  const payload: TensionEventPayload = {
    establishmentId: row.establishmentId,
    levelCode: row.levelCode,
    disciplineGroupCode: row.disciplineGroupCode,
    status: row.status,
    timelineEntryIds,
    version: row.version,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
  return { topic: 'tension', recordType: 'TENSION', recordId: row.id, action, payload: payload as unknown as Record<string, unknown>, actor };
}

/** The declaration as an event left it (what `TensionChange.tension` shows). */
export function declarationOf(recordId: string, payload: TensionEventPayload, declaredBy: string | null = null): DeclarationRow {
  return {
    id: recordId,
    establishmentId: payload.establishmentId,
    levelCode: payload.levelCode,
    disciplineGroupCode: payload.disciplineGroupCode,
    status: payload.status,
    version: payload.version,
    startedAt: new Date(payload.startedAt),
    endedAt: payload.endedAt ? new Date(payload.endedAt) : null,
    declaredBy,
    updatedAt: null,
  };
}
