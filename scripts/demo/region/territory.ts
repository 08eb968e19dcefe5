/**
 * Territorial bed management demo data (docs/territory.md): a bed-management contact for the
 * establishments with medicine or surgery units, and a few patients fit for discharge waiting in
 * medicine, SMR and geriatric-leaning units, and for two thirds of the establishments with a
 * contact a declaration of their bed management's maturity (the other third has not declared).
 * Deterministic (seeded per unit or establishment), no patient identity.
 */
import { rngFor } from './rng.js';
import type { DemoRegion } from './types.js';

const CONTACT_ROLES = ['Cadre de santé gestionnaire de lits', 'Bed manager (journée)', 'Cadre des urgences', 'Administrateur de garde'];
const DELAYS = [30, 60, 60, 120, 120, 180];
const DESTINATIONS = ['SMR', 'SMR', 'EHPAD', 'EHPAD', 'USLD', 'HAD', 'HOME_SUPPORT', 'PSYCHIATRY'];

const day = (at: Date, minusDays: number) => new Date(at.getTime() - minusDays * 86_400_000).toISOString().slice(0, 10);

export function buildTerritoryDemo(region: DemoRegion) {
  const withBeds = new Set(region.units.filter((u) => u.discipline === 'MEDICINE' || u.discipline === 'SURGERY').map((u) => u.establishmentId));
  const contacts = region.establishments
    .filter((e) => withBeds.has(e.id))
    .map((e) => {
      const rng = rngFor(`bed-contact:${e.id}`);
      return {
        establishmentId: e.id,
        contact: CONTACT_ROLES[rng.int(0, CONTACT_ROLES.length - 1)]!,
        phone: e.switchboardPhone ?? e.managementPhone,
        answerDelayMinutes: DELAYS[rng.int(0, DELAYS.length - 1)]!,
        updatedBy: 'seed',
      };
    });
  const updatedAt = new Map(region.capacities.map((c) => [c.unitId, c.updatedAt]));
  const bedBlockers = region.units
    .filter((u) => u.discipline === 'MEDICINE' || u.discipline === 'SMR')
    .flatMap((u) => {
      const rng = rngFor(`bed-blockers:${u.id}`);
      const at = updatedAt.get(u.id);
      if (!at || rng.next() >= 0.3) return [];
      return Array.from({ length: rng.int(1, 3) }, () => ({
        unitId: u.id,
        destination: DESTINATIONS[rng.int(0, DESTINATIONS.length - 1)]!,
        fitSince: day(at, rng.int(0, 20)),
        notes: null,
        createdBy: 'seed',
      }));
    });
  const maturity = contacts.flatMap((c) => {
    const rng = rngFor(`bed-maturity:${c.establishmentId}`);
    if (rng.next() >= 2 / 3) return [];
    const yes = (p: number) => rng.next() < p;
    const bedManager = yes(0.7);
    return [
      {
        establishmentId: c.establishmentId,
        bedManager,
        clearRole: bedManager && yes(0.5),
        serviceContinuity: yes(0.3),
        managementInvolved: yes(0.6),
        toolsSystematic: yes(0.4),
        steeringToolsUsed: yes(0.5),
        weeklyMeeting: yes(0.7),
        updatedBy: 'seed',
      },
    ];
  });
  return { contacts, bedBlockers, maturity };
}
