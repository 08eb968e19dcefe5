/**
 * A unit seen as the place where its beds live (LieuRealisationOffre) → ror-location, with its
 * bed figures as ror-location-supported-capacity records (IG §2: capacity lives on Location).
 */
import { CAPACITY_SOURCE_CODINGS, CODE_SYSTEMS, CODINGS, EXTENSIONS, PROFILES, concept } from '../codes.js';
import type { CapacityRecord, LocationRecord } from '../queries.js';
import type { Coding, Extension, Location } from '../types.js';
import { latestInstant, metaCreationDate, postalAddress, reference, regionalIdentifierValue, rorMeta, toInstant } from './common.js';

const coded = (url: string, value: Coding): Extension => ({ url, valueCodeableConcept: concept(value) });

/**
 * One capacity record ("indicateur" of ROR N): bed nature, status, temporality, count, source,
 * update date and temporary assignment, plus the gender of available beds when it applies.
 * Coded sub-extensions use valueCodeableConcept, as the newer IG extension and its example do.
 */
function capacityRecord(status: Coding, count: number, capacity: CapacityRecord, gender?: Coding): Extension {
  const extension: Extension[] = [
    coded('capacityType', CODINGS.capacityBed),
    coded('capacityStatus', status),
    coded('temporalityCapacity', CODINGS.temporalityCurrent),
    { url: 'nbCapacity', valueInteger: count },
    coded('capacitySourceType', CAPACITY_SOURCE_CODINGS[capacity.source]),
  ];
  if (gender) extension.push(coded('genderCapacityAvailable', gender));
  extension.push(
    { url: 'capacityUpdateDate', valueDateTime: toInstant(capacity.updatedAt) },
    coded('temporaryAssignement', CODINGS.assignmentNone),
  );
  return { url: EXTENSIONS.supportedCapacity, extension };
}

/**
 * The hub's two figures: installed beds (R330 01) and available beds (R330 02). Available beds
 * are counted all sexes together, hence gender 03 "Indifférencié".
 */
export function capacityExtensions(capacity: CapacityRecord): Extension[] {
  return [
    capacityRecord(CODINGS.capacityInstalled, capacity.installedBeds, capacity),
    capacityRecord(CODINGS.capacityAvailable, capacity.availableBeds, capacity, CODINGS.genderUndifferentiated),
  ];
}

/**
 * Unit → ror-location. meta.lastUpdated is the latest change of the unit, its capacity or its
 * establishment (which gives the address): incremental sync on Location `_lastUpdated` must see
 * a capacity change. Archived units are `inactive` with no operationalStatus, since archiving
 * does not say whether the place is closed for good or for the season.
 */
export function unitToLocation(record: LocationRecord): Location {
  const { establishment, capacity } = record;
  const regionCode = establishment.address.regionCode;
  const extension: Extension[] = [];
  if (establishment.address.inseeCode) {
    extension.push({
      url: EXTENSIONS.communeCog,
      valueCodeableConcept: concept({ system: CODE_SYSTEMS.communeOM, code: establishment.address.inseeCode }),
    });
  }
  if (capacity) extension.push(...capacityExtensions(capacity));
  extension.push(metaCreationDate(record.createdAt));

  const location: Location = {
    resourceType: 'Location',
    id: record.id,
    meta: rorMeta(
      PROFILES.location,
      latestInstant(record.updatedAt, capacity?.updatedAt, establishment.updatedAt),
      regionCode,
    ),
    extension,
    identifier: [{ type: concept(CODINGS.identifierLocation), value: regionalIdentifierValue(regionCode, record.id) }],
    status: record.archived ? 'inactive' : 'active',
  };
  if (!record.archived) location.operationalStatus = { ...CODINGS.locationOperational };
  location.name = record.name;
  const address = postalAddress(establishment.address);
  if (address) location.address = address;
  if (establishment.position) {
    location.position = { longitude: establishment.position.longitude, latitude: establishment.position.latitude };
  }
  location.managingOrganization = reference('Organization', establishment.id);
  return location;
}
