/**
 * Entry point of the demo region builder: reads the sources, plans the units and assembles the
 * organizations, capacities, professionals, tensions and past admission requests.
 */
import { buildAdmissions } from './admissions.js';
import { bedRequests, fallbackRequests, readSae, relocateLongStay } from './bed-requests.js';
import { buildCapacity } from './capacities.js';
import { DEFAULT_REFERENCE_INSTANT } from './constants.js';
import { buildOrganizations, readEstablishments, readLegalStatuses } from './establishments.js';
import { fillUnitRecords } from './records.js';
import { buildProfessionals } from './professionals.js';
import { buildTensions } from './tensions.js';
import type { DemoContact, DemoPole, DemoRegion, DemoUnit } from './types.js';
import { describeOffers } from './offer-characteristics.js';
import { assignPsychiatricSectors, buildEstablishmentUnits, markSensitiveUnit } from './units.js';

/** Builds the whole demo region from the copied FINESS and SAE files. It is pure apart from reading them. */
export function buildDemoRegion(referenceInstant: Date = DEFAULT_REFERENCE_INSTANT): DemoRegion {
  const referenceMs = referenceInstant.getTime();
  const establishments = readEstablishments();
  const saeById = readSae();
  const longStayBeds = relocateLongStay(establishments, saeById);

  const units: DemoUnit[] = [];
  const bedsByUnit = new Map<string, number>();
  const unitsByEstablishment = new Map<string, DemoUnit[]>();
  const bedsByEstablishment = new Map<string, number>();
  for (const est of establishments) {
    const sae = saeById.get(est.id);
    const requests = bedRequests(sae, longStayBeds.get(est.id) ?? 0);
    // Only a site absent from SAE can fall back to a category-implied unit: an SAE respondent
    // with no beds (e.g. a day hospital) really has none.
    const planned = buildEstablishmentUnits(est, sae || requests.length > 0 ? requests : fallbackRequests(est));
    for (const { unit, beds } of planned) {
      units.push(unit);
      bedsByUnit.set(unit.id, beds);
    }
    unitsByEstablishment.set(est.id, planned.map((p) => p.unit));
    bedsByEstablishment.set(est.id, planned.reduce((sum, p) => sum + p.beds, 0));
  }
  markSensitiveUnit(units);
  const departmentOf = new Map(establishments.map((e) => [e.id, e.departmentCode]));
  assignPsychiatricSectors(units, (id) => departmentOf.get(id)!);
  const poles: DemoPole[] = [];
  const contacts: DemoContact[] = [];
  for (const est of establishments) {
    const records = fillUnitRecords(est, unitsByEstablishment.get(est.id) ?? [], bedsByUnit);
    poles.push(...records.poles);
    contacts.push(...records.contacts);
  }
  describeOffers(units, (id) => departmentOf.get(id)!);

  const organizations = buildOrganizations(establishments, bedsByEstablishment, readLegalStatuses());
  const legalStatusOf = new Map(organizations.map((o) => [o.id, o.legalStatusCode]));
  const region: DemoRegion = {
    organizations,
    establishments,
    poles,
    units,
    contacts,
    capacities: units.map((u) => buildCapacity(u, bedsByUnit.get(u.id) ?? 0, referenceMs)),
    professionals: buildProfessionals(establishments, unitsByEstablishment, bedsByEstablishment, (e) => legalStatusOf.get(e.organizationId) ?? null),
    tensions: buildTensions(new Set(establishments.map((e) => e.id)), referenceMs),
    admissions: [],
  };
  // Requests name units, establishments and the town doctor's record: built from the rest.
  region.admissions = buildAdmissions(region, referenceMs);
  return region;
}
