/**
 * Territorial bed management, per request (docs/territory.md): rights first (authentication
 * before any lookup), then the offer subgraph for units and establishments, then the store.
 */
import DataLoader from 'dataloader';
import { requireRight, requireRightSomewhere } from '../../../platform/auth/authorize.js';
import { actorName, type Identity, type Target } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { TERRITORIES, territoryByCode, type Territory } from '../../../platform/territories.js';
import { parisDay, parseDay, addDays } from '../closures.js';
import { fetchUnits, type OfferUnit } from '../offer-units.js';
import { NOTES_MAX } from '../rules.js';
import type { CapacityStore } from '../store.js';
import type { BedBlockerRow } from '../tables.js';
import { blockerAggregates, dashboardRows, dashboardTotals, dashboardUnits, daysBetween, type DashboardRow } from './dashboard.js';
import { BLOCKER_ACTIVITY_DAYS, checkDeclaration, maturityOf, type Maturity } from './maturity.js';
import type { TerritoryStore } from './store.js';

export type RowWithMaturity = DashboardRow & { maturity: Maturity };

export const PILOTAGE: RightCode = 'ORU_TERRITOIRE_PILOTAGE';
export const CONTACT_EDIT: RightCode = 'ORU_TERRITOIRE_CONTACT_EDIT';
export const BLOCKER_ENTRY: RightCode = 'ORU_BED_BLOCKER_SAISIE';
export const DESTINATIONS = ['SMR', 'EHPAD', 'USLD', 'HAD', 'PSYCHIATRY', 'HOME_SUPPORT', 'DISABILITY_FACILITY', 'OTHER'] as const;
const CONTACT_MAX = 200;
const PHONE = /^\+?[0-9][0-9 .]{1,19}$/;
const MAX_DELAY_MINUTES = 7 * 24 * 60;

export interface ContactInput {
  contact: string;
  phone?: string | null;
  answerDelayMinutes?: number | null;
}

export interface BlockerInput {
  destination: string;
  fitSince: string;
  notes?: string | null;
}

interface OfferPlace {
  id: string;
  archived?: boolean;
  establishment?: { id: string; organization: { id: string }; address: { departmentCode: string } };
  organization?: { id: string };
  address?: { departmentCode: string };
}

const bad = (field: string, message: string) => new HubError('BAD_USER_INPUT', message, { field });

function checkText(value: string | null | undefined, field: string, max: number): void {
  if (value === null || value === undefined) return;
  if (value.length > max) throw bad(field, `${field} must be at most ${max} characters.`);
  if (value.includes('\u0000')) throw bad(field, `${field} may not hold the NUL character.`);
}

export function checkContact(input: ContactInput): ContactInput {
  const contact = input.contact.trim();
  if (!contact) throw bad('contact', 'contact must not be empty.');
  checkText(contact, 'contact', CONTACT_MAX);
  const phone = input.phone?.trim() || null;
  if (phone !== null && !PHONE.test(phone)) throw bad('phone', `phone must be digits, spaces and dots, with an optional leading +, at most 20 characters; got "${phone.slice(0, 40)}".`);
  const delay = input.answerDelayMinutes ?? null;
  if (delay !== null && (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY_MINUTES)) throw bad('answerDelayMinutes', `answerDelayMinutes must be an integer from 0 to ${MAX_DELAY_MINUTES}.`);
  return { contact, phone, answerDelayMinutes: delay };
}

export function checkBlocker(input: BlockerInput, today: string): void {
  if (!(DESTINATIONS as readonly string[]).includes(input.destination)) throw bad('destination', `destination must be one of ${DESTINATIONS.join(', ')}.`);
  parseDay(input.fitSince, 'fitSince');
  if (input.fitSince > today) throw bad('fitSince', `fitSince (${input.fitSince}) cannot be after today (${today}).`);
  if (input.fitSince < addDays(today, -366)) throw bad('fitSince', 'fitSince cannot be more than a year back.');
  checkText(input.notes, 'notes', NOTES_MAX);
}

export function requireTerritory(identity: Identity, code: string): Territory {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client') throw new HubError('FORBIDDEN', 'Applications may not read territorial dashboards: they are for territorial coordinators.');
  const territory = territoryByCode(code);
  if (!territory) throw new HubError('NOT_FOUND', `No territory ${code}.`, { field: 'code' });
  requireRight(identity, PILOTAGE, { kind: 'TERRITORY', id: code });
  return territory;
}

export interface TerritoryDeps {
  store: CapacityStore;
  territory: TerritoryStore;
  client: SubgraphClient;
  now?: () => Date;
}

/** Units of a territory's départements, as the offer subgraph has them (active only). */
export async function territoryUnits(client: SubgraphClient, territory: Territory): Promise<OfferUnit[]> {
  return (await Promise.all(territory.departmentCodes.map((departmentCode) => fetchUnits(client, { departmentCode })))).flat();
}

export function createTerritoryService(deps: TerritoryDeps, identity: Identity) {
  const now = deps.now ?? (() => new Date());
  // Ancestry and département of units and establishments, from the offer subgraph, batched per request.
  const unitPlaces = new DataLoader((ids: readonly string[]) => deps.client.entities<OfferPlace>('offer', 'Unit', ids, 'id archived establishment { id organization { id } address { departmentCode } }'));
  const establishmentPlaces = new DataLoader((ids: readonly string[]) => deps.client.entities<OfferPlace>('offer', 'Establishment', ids, 'id organization { id } address { departmentCode }'));

  /** A unit as an authorisation target carrying its ancestry and département; NOT_FOUND when unknown. */
  const unitTarget = async (unitId: string): Promise<{ target: Target; archived: boolean }> => {
    const unit = await unitPlaces.load(unitId);
    if (!unit?.establishment) throw new HubError('NOT_FOUND', `Unit ${unitId} does not exist.`, { unitId });
    const e = unit.establishment;
    return { target: { kind: 'UNIT', id: unitId, establishmentId: e.id, organizationId: e.organization.id, departmentCode: e.address.departmentCode }, archived: !!unit.archived };
  };
  const establishmentTarget = async (establishmentId: string): Promise<Target & { kind: 'ESTABLISHMENT'; departmentCode?: string }> => {
    const e = await establishmentPlaces.load(establishmentId);
    if (!e?.organization || !e.address) throw new HubError('NOT_FOUND', `Establishment ${establishmentId} does not exist.`, { establishmentId });
    return { kind: 'ESTABLISHMENT', id: establishmentId, organizationId: e.organization.id, departmentCode: e.address.departmentCode };
  };

  /** The dashboard rows of these units' establishments, each with its maturity index. */
  const rowsFor = async (units: OfferUnit[]): Promise<RowWithMaturity[]> => {
    const counted = dashboardUnits(units);
    const ids = counted.map((u) => u.id);
    const establishmentIds = [...new Set(counted.map((u) => u.establishment.id))];
    const at = now();
    const [capacities, contacts, blockers, declarations, active] = await Promise.all([
      deps.store.byUnitIds(ids),
      deps.territory.contacts(establishmentIds),
      deps.territory.openBlockers(ids),
      deps.territory.maturityDeclarations(establishmentIds),
      deps.territory.unitsWithBlockerActivity(ids, new Date(at.getTime() - BLOCKER_ACTIVITY_DAYS * 86_400_000)),
    ]);
    const declared = new Map(declarations.map((d) => [d.establishmentId, d]));
    const tracked = new Set(counted.filter((u) => active.has(u.id)).map((u) => u.establishment.id));
    const rows = dashboardRows({
      units: counted,
      capacities: new Map(capacities.map((c) => [c.unitId, c])),
      contacts: new Map(contacts.map((c) => [c.establishmentId, c])),
      blockers,
    });
    return rows.map((row) => ({
      ...row,
      maturity: maturityOf({ row, blockersTracked: tracked.has(row.establishmentId), declaration: declared.get(row.establishmentId) ?? null, now: at }),
    }));
  };
  /** The index of one establishment (one without counted units meets no computed criterion). */
  const maturityFor = async (establishmentId: string): Promise<Maturity> => {
    const [row] = await rowsFor(await fetchUnits(deps.client, { establishmentId }));
    if (row) return row.maturity;
    const [declaration] = await deps.territory.maturityDeclarations([establishmentId]);
    return maturityOf({ row: null, blockersTracked: false, declaration: declaration ?? null, now: now() });
  };

  const blockerChange = (row: BedBlockerRow, target: Target, action: string) => ({
    topic: 'territory',
    recordType: 'BED_BLOCKER',
    recordId: row.id,
    action,
    actor: actorName(identity),
    payload: { unitId: row.unitId, establishmentId: target.kind === 'UNIT' ? target.establishmentId : null, departmentCode: target.kind === 'UNIT' ? target.departmentCode : null },
  });

  return {
    territories: (): readonly Territory[] => {
      if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
      return TERRITORIES;
    },

    dashboard: async (code: string) => {
      const territory = requireTerritory(identity, code);
      const rows = await rowsFor(await territoryUnits(deps.client, territory));
      return { territory, establishments: rows, totals: dashboardTotals(rows) };
    },

    /** The dashboard row of one establishment now (the subscription's events); null when it has no counted unit. */
    row: async (establishmentId: string): Promise<RowWithMaturity | null> => (await rowsFor(await fetchUnits(deps.client, { establishmentId })))[0] ?? null,

    bedBlockers: async (code: string) => {
      const territory = requireTerritory(identity, code);
      const units = await territoryUnits(deps.client, territory);
      const blockers = await deps.territory.openBlockers(units.map((u) => u.id));
      return { territory, ...blockerAggregates(units, blockers, parisDay(now())) };
    },

    contactOf: async (establishmentId: string) => {
      requireRightSomewhere(identity, { rights: [PILOTAGE, CONTACT_EDIT], scope: null });
      requireRight(identity, [PILOTAGE, CONTACT_EDIT], await establishmentTarget(establishmentId));
      return (await deps.territory.contacts([establishmentId]))[0] ?? null;
    },

    setContact: async (establishmentId: string, input: ContactInput) => {
      requireRightSomewhere(identity, { rights: [CONTACT_EDIT], scope: null });
      const target = await establishmentTarget(establishmentId);
      requireRight(identity, CONTACT_EDIT, target);
      const clean = checkContact(input);
      const actor = actorName(identity);
      return deps.territory.saveContact(
        { establishmentId, contact: clean.contact, phone: clean.phone ?? null, answerDelayMinutes: clean.answerDelayMinutes ?? null, updatedAt: now(), updatedBy: actor },
        { topic: 'territory', recordType: 'BED_MANAGEMENT_CONTACT', recordId: establishmentId, action: 'UPDATE', actor, payload: { establishmentId, departmentCode: target.departmentCode ?? null } },
      );
    },

    maturityOf: async (establishmentId: string) => {
      requireRightSomewhere(identity, { rights: [PILOTAGE, CONTACT_EDIT], scope: null });
      requireRight(identity, [PILOTAGE, CONTACT_EDIT], await establishmentTarget(establishmentId));
      return maturityFor(establishmentId);
    },

    /** Replaces the establishment's declaration (the criteria the hub cannot compute), with its event. */
    declareMaturity: async (establishmentId: string, input: Record<string, unknown>) => {
      requireRightSomewhere(identity, { rights: [CONTACT_EDIT], scope: null });
      const target = await establishmentTarget(establishmentId);
      requireRight(identity, CONTACT_EDIT, target);
      const actor = actorName(identity);
      await deps.territory.saveMaturity(
        { establishmentId, ...checkDeclaration(input), updatedAt: now(), updatedBy: actor },
        { topic: 'territory', recordType: 'BED_MANAGEMENT_MATURITY', recordId: establishmentId, action: 'UPDATE', actor, payload: { establishmentId, departmentCode: target.departmentCode ?? null } },
      );
      return maturityFor(establishmentId);
    },

    unitBlockers: async (unitId: string) => {
      requireRightSomewhere(identity, { rights: [BLOCKER_ENTRY, PILOTAGE], scope: null });
      requireRight(identity, [BLOCKER_ENTRY, PILOTAGE], (await unitTarget(unitId)).target);
      return deps.territory.openBlockers([unitId]);
    },

    addBlocker: async (unitId: string, input: BlockerInput) => {
      requireRightSomewhere(identity, { rights: [BLOCKER_ENTRY], scope: null });
      const { target, archived } = await unitTarget(unitId);
      requireRight(identity, BLOCKER_ENTRY, target);
      if (archived) throw bad('unitId', `Unit ${unitId} is archived: no patient can wait in it.`);
      checkBlocker(input, parisDay(now()));
      return deps.territory.insertBlocker(
        { unitId, destination: input.destination, fitSince: input.fitSince, notes: input.notes ?? null, createdAt: now(), createdBy: actorName(identity) },
        (row) => blockerChange(row, target, 'CREATE'),
      );
    },

    dischargeBlocker: async (id: string) => {
      requireRightSomewhere(identity, { rights: [BLOCKER_ENTRY], scope: null });
      const row = /^[0-9a-f-]{36}$/i.test(id) ? await deps.territory.blockerById(id) : null;
      if (!row) throw new HubError('NOT_FOUND', `No bed blocker ${id}.`, { field: 'id' });
      const { target } = await unitTarget(row.unitId);
      requireRight(identity, BLOCKER_ENTRY, target);
      if (row.dischargedAt) throw new HubError('CONFLICT', `Bed blocker ${id} was already discharged.`, { field: 'id' });
      const done = await deps.territory.dischargeBlocker(id, actorName(identity), now(), (saved) => blockerChange(saved, target, 'DISCHARGE'));
      if (!done) throw new HubError('CONFLICT', `Bed blocker ${id} was already discharged.`, { field: 'id' });
      return done;
    },

    daysWaited: (row: BedBlockerRow) => daysBetween(row.fitSince, parisDay(now())),
  };
}

export type TerritoryService = ReturnType<typeof createTerritoryService>;
