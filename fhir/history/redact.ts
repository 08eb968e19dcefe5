/**
 * Past versions as one caller may see them (pure). Stored versions are full views; a caller gets
 * a past version only within what its current view of the resource shows (deny by default):
 *
 * - only versions taken while the unit was of the same class (sensitive or not, activity field)
 *   as now: the access profiles decide on both, and the current read only proves the caller may
 *   see the current class;
 * - Location without capacity now (no `ror-location-supported-capacity` in the caller's current
 *   view) → no capacity in any version, and versionId/lastUpdated as such a caller's reads name
 *   them (`0-<ms>`, the unit's own time), so versions differing only in capacity merge into one;
 * - HealthcareService contacts: public ones (TRE_R283 `1`) stay; a confidential level stays only
 *   when the caller's current view holds a contact of that level.
 */
import { CODE_SYSTEMS, EXTENSIONS } from '../codes.js';
import type { DomainResource, Extension, HealthcareService, Location } from '../types.js';
import type { StoredVersion } from './store.js';

type Redactor = (version: StoredVersion) => DomainResource | null;

const PUBLIC_LEVEL = '1';

const capacityOf = (resource: { extension?: Extension[] }): Extension[] =>
  (resource.extension ?? []).filter((e) => e.url === EXTENSIONS.supportedCapacity);

/** TRE_R283 level of a HealthcareService contact extension (undefined when it has none). */
function contactLevel(contact: Extension): string | undefined {
  const level = (contact.extension ?? []).find((e) => e.url === EXTENSIONS.confidentialityLevel);
  return level?.valueCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEMS.niveauConfidentialite)?.code;
}

function contactLevels(resource: HealthcareService): Set<string> {
  return new Set(
    (resource.extension ?? []).filter((e) => e.url === EXTENSIONS.healthcareServiceContact).flatMap((e) => contactLevel(e) ?? []),
  );
}

/** A Location as a caller without capacity read access reads it (fhir/README.md "Versions"). */
function withoutCapacity(location: Location): Location {
  const versionId = location.meta?.versionId ?? '';
  const unitMs = versionId.slice(versionId.indexOf('-') + 1);
  return {
    ...location,
    meta: { ...location.meta, versionId: `0-${unitMs}`, lastUpdated: new Date(Number(unitMs)).toISOString() },
    extension: (location.extension ?? []).filter((e) => e.url !== EXTENSIONS.supportedCapacity),
  };
}

function withContactsOf(service: HealthcareService, allowed: ReadonlySet<string>): HealthcareService {
  return {
    ...service,
    extension: (service.extension ?? []).filter((e) => {
      if (e.url !== EXTENSIONS.healthcareServiceContact) return true;
      const level = contactLevel(e);
      return level !== undefined && (level === PUBLIC_LEVEL || allowed.has(level));
    }),
  };
}

/**
 * How past versions are shown to the caller whose current view is `current`; `currentClass` is the
 * unit class of the newest stored version (the store's view of now).
 */
export function redactorFor(current: DomainResource, currentClass: string | null): Redactor {
  const sameClass = (v: StoredVersion) => v.unitClass === currentClass;
  if (current.resourceType === 'Location' && capacityOf(current).length === 0) {
    return (v) => (sameClass(v) ? withoutCapacity(v.body as Location) : null);
  }
  if (current.resourceType === 'HealthcareService') {
    const allowed = contactLevels(current);
    return (v) => (sameClass(v) ? withContactsOf(v.body as HealthcareService, allowed) : null);
  }
  return (v) => (sameClass(v) ? v.body : null);
}
