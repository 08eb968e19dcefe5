/** Loads the records a mutation works on, or NOT_FOUND / BAD_USER_INPUT naming them. */
import { HubError } from '../../../platform/errors.js';
import type { EstablishmentRow, PoleRow, UnitRow } from '../tables.js';
import { badInput } from './rules.js';
import type { EditingQueries } from './store.js';

export async function establishmentOf(q: EditingQueries, id: string, field = 'id', lock = false): Promise<EstablishmentRow> {
  const row = await q.establishment(id, lock);
  if (!row) throw new HubError('NOT_FOUND', `No establishment ${id}.`, { field });
  return row;
}

export async function unitOf(q: EditingQueries, id: string, lock = false): Promise<UnitRow> {
  const row = await q.unit(id, lock);
  if (!row) throw new HubError('NOT_FOUND', `No unit ${id}.`, { field: 'id' });
  return row;
}

export async function poleOf(q: EditingQueries, id: string, lock = false): Promise<PoleRow> {
  const row = await q.pole(id, lock);
  if (!row) throw new HubError('NOT_FOUND', `No pôle ${id}.`, { field: 'id' });
  return row;
}

export function refuseArchived(unit: UnitRow): void {
  if (unit.archived) throw badInput('id', `unit ${unit.id} is archived: reactivate it first.`);
}

/** A unit's pôle must be an active pôle of the unit's establishment. */
export async function requireUsablePole(q: EditingQueries, poleId: string, establishmentId: string): Promise<void> {
  const pole = await q.pole(poleId);
  if (!pole || pole.establishmentId !== establishmentId) throw badInput('poleId', `no pôle ${poleId} in establishment ${establishmentId}.`);
  if (pole.archived) throw badInput('poleId', `pôle ${poleId} (${pole.name}) is archived.`);
}

/** CONFLICT naming the unit that holds the UF code in the establishment (archived units keep theirs). */
export async function requireFreeUfCode(q: EditingQueries, establishmentId: string, ufCode: string, exceptId?: string, field = 'ufCode'): Promise<void> {
  const holder = await q.unitWithUfCode(establishmentId, ufCode, exceptId);
  if (holder) {
    throw new HubError('CONFLICT', `UF code ${ufCode} is already used in establishment ${establishmentId} by unit ${holder.id} (${holder.name}${holder.archived ? ', archived' : ''}).`, {
      field,
      unitId: holder.id,
    });
  }
}
