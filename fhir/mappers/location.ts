/**
 * A unit seen as the place where its beds live (LieuRealisationOffre) → ror-location, with its
 * bed figures as ror-location-supported-capacity records (IG §2: capacity lives on Location) and
 * its specific equipment.
 */
import { CODE_SYSTEMS, CODINGS, EXTENSIONS, PROFILES, UCUM, concept, nosCoding } from '../codes.js';
import type { GqlCoding, LocationRecord } from '../queries.js';
import type { Coding, Extension, Location } from '../types.js';
import { capacityExtensions } from './capacity.js';
import { latestInstant, metaCreationDate, postalAddress, reference, regionalIdentifierValue, rorMeta } from './common.js';

type EquipmentLimit = NonNullable<LocationRecord['equipmentLimits']>[number];
type ResidentialCapacity = NonNullable<LocationRecord['residentialCapacities']>[number];

/** ror-location-equipment-limit: the feature (TRE_R340) and its extreme value, a UCUM Quantity. */
function limitExtension(limit: EquipmentLimit): Extension {
  return {
    url: EXTENSIONS.locationEquipmentLimit,
    extension: [
      { url: 'equipmentFeature', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.typeCaracteristiqueEquipement, limit.feature)) },
      { url: 'limitValue', valueQuantity: { value: limit.value, unit: limit.unit, system: UCUM, code: limit.unit } },
    ],
  };
}

/** ror-location-equipment: the TRE_R212 type, then the limits of that equipment (when the caller may read them). */
function equipmentExtension(equipment: GqlCoding, limits: readonly EquipmentLimit[]): Extension {
  return {
    url: EXTENSIONS.locationEquipment,
    extension: [
      { url: 'equipmentType', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.equipement, equipment)) },
      ...limits.filter((l) => l.equipmentType === equipment.code).map(limitExtension),
    ],
  };
}

/** ror-location-residential-capacity: the housing type (TRE_R242) and, when known, the number. */
function residentialExtension(row: ResidentialCapacity): Extension {
  const extension: Extension[] = [{ url: 'residentialType', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.typeHabitation, row.type)) }];
  if (row.count !== null && row.count !== undefined) extension.push({ url: 'residentialNumber', valueInteger: row.count });
  return { url: EXTENSIONS.locationResidentialCapacity, extension };
}

/**
 * Location.type (fonctionLieu, TRE_R343) from the unit's field of activity (TRE_R227): the place
 * where a unit's beds or places live is its hosting place, and R343 has one per field (001 MCO,
 * 002 PSY, 003 MS, 004 SMR). Ville (05) and Social (06) have no hosting code: no type (0..1).
 */
const PLACE_FUNCTION_BY_FIELD: Readonly<Record<string, Coding>> = {
  '01': CODINGS.placeHostingMco,
  '02': CODINGS.placeHostingSmr,
  '03': CODINGS.placeHostingPsy,
  '04': CODINGS.placeHostingMs,
};

/** The field of activity (TRE_R227) a Location.type code (TRE_R343) stands for: the search `type` (fhir/search/types/location.ts). */
export const FIELD_BY_PLACE_FUNCTION: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PLACE_FUNCTION_BY_FIELD).map(([field, coding]) => [coding.code!, field]),
);

/**
 * versionId of a Location: `<capacity version>-<epoch ms>`, the capacity's own version counter
 * (0 when no capacity is recorded or the caller may not see it: the representation is then the
 * same) and the latest `updatedAt` of the unit and, when the unit uses it, its establishment's
 * address. Any change of what the resource shows moves one of the two.
 */
function locationVersion(record: LocationRecord, placeUpdatedAt: string): string {
  return `${record.capacity?.version ?? 0}-${new Date(placeUpdatedAt).getTime()}`;
}

/**
 * Unit → ror-location. meta.lastUpdated is the latest change of the unit, its capacity or (when
 * the unit has no address of its own) its establishment: incremental sync on Location
 * `_lastUpdated` must see a capacity change. Archived units are `inactive` with no
 * operationalStatus, since archiving does not say whether the place is closed for good or for
 * the season. No capacity (none recorded, or not visible to the caller) means no capacity record.
 */
export function unitToLocation(record: LocationRecord): Location {
  const { establishment, capacity, address: place } = record;
  const regionCode = establishment.address.regionCode;
  const extension: Extension[] = [];
  if (place.inseeCode) {
    extension.push({
      url: EXTENSIONS.communeCog,
      valueCodeableConcept: concept({ system: CODE_SYSTEMS.communeOM, code: place.inseeCode }),
    });
  }
  extension.push(...record.equipment.map((e) => equipmentExtension(e, record.equipmentLimits ?? [])));
  extension.push(...(record.residentialCapacities ?? []).map(residentialExtension));
  if (capacity) extension.push(...capacityExtensions(capacity));
  extension.push(metaCreationDate(record.createdAt));

  const placeUpdatedAt = latestInstant(record.updatedAt, record.hasOwnAddress ? null : establishment.updatedAt);
  const location: Location = {
    resourceType: 'Location',
    id: record.id,
    meta: rorMeta(
      PROFILES.location,
      latestInstant(placeUpdatedAt, capacity?.updatedAt),
      locationVersion(record, placeUpdatedAt),
      regionCode,
    ),
    extension,
    identifier: [{ type: concept(CODINGS.identifierLocation), value: regionalIdentifierValue(regionCode, record.id) }],
    status: record.archived ? 'inactive' : 'active',
  };
  if (!record.archived) location.operationalStatus = { ...CODINGS.locationOperational };
  location.name = record.name;
  const placeFunction = PLACE_FUNCTION_BY_FIELD[record.activityField.code];
  if (placeFunction) location.type = [concept(placeFunction)];
  const address = postalAddress(place);
  if (address) location.address = address;
  if (record.position) location.position = { longitude: record.position.longitude, latitude: record.position.latitude };
  location.managingOrganization = reference('Organization', establishment.id);
  return location;
}
