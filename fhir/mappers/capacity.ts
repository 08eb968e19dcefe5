/**
 * A unit's capacity record as ror-location-supported-capacity extensions, one per figure, as the
 * mapping table of docs/capacities.md says. Every record is emitted, zeros included (as the IG
 * example RORLocationExemple1 does), so a consumer replacing its picture of the unit also learns
 * that closed or supplementary beds went back to 0.
 */
import { CAPACITY_SOURCE_CODINGS, CODE_SYSTEMS, CODINGS, EXTENSIONS, concept, nosCoding } from '../codes.js';
import type { CapacityRecord } from '../queries.js';
import type { Coding, Extension } from '../types.js';
import { toInstant } from './common.js';

const coded = (url: string, value: Coding): Extension => ({ url, valueCodeableConcept: concept(value) });

/** The qualifier a record may carry besides its status: gender, closing type or supplementary bed type. */
type Qualifier = { url: 'genderCapacityAvailable' | 'capacityClosingType' | 'additionalBedType'; value: Coding };

/**
 * One capacity record ("indicateur" of ROR N): nature, status, temporality, count, source, its
 * qualifier, update date, crisis type (supplementary beds) and temporary assignment (the unit's). Coded sub-extensions use valueCodeableConcept,
 * as the newer IG extension and its example do.
 */
function capacityRecord(capacity: CapacityRecord, updated: string, status: Coding, count: number, qualifier?: Qualifier, crisis?: boolean): Extension {
  const extension: Extension[] = [
    coded('capacityType', capacity.nature === 'PLACE' ? CODINGS.capacityPlace : CODINGS.capacityBed),
    coded('capacityStatus', status),
    coded('temporalityCapacity', CODINGS.temporalityCurrent),
    { url: 'nbCapacity', valueInteger: count },
    coded('capacitySourceType', CAPACITY_SOURCE_CODINGS[capacity.source]),
  ];
  if (qualifier) extension.push(coded(qualifier.url, qualifier.value));
  extension.push({ url: 'capacityUpdateDate', valueDateTime: updated });
  // The crisis qualifies the supplementary beds it opens (IG: "le type de crise qui permet de mobiliser" them).
  if (crisis && capacity.crisisType) extension.push(coded('crisisType', nosCoding(CODE_SYSTEMS.typeCrise, capacity.crisisType)));
  extension.push(coded('temporaryAssignement', nosCoding(CODE_SYSTEMS.affectationTemporaire, capacity.temporaryAssignment)));
  return { url: EXTENSIONS.supportedCapacity, extension };
}

/**
 * installed (R330 01); available by sex (02 with R332 02 Homme, 01 Femme, 03 Indifférencié);
 * closed (05) split into reactivable (R333 01, the reopenable beds) and not reactivable (02, the
 * beds still closed that cannot be reactivated); supplementary (06, R334 01 Mobilisé).
 * Reopened beds are open again and have no record; availableBeds is the sum of the three
 * available records and is not exchanged on its own.
 */
export function capacityExtensions(capacity: CapacityRecord): Extension[] {
  const stillClosed = capacity.closedBeds - capacity.reopenedBeds;
  const notReactivable = stillClosed - capacity.reopenableBeds;
  // The subgraph's rules (and table constraints) guarantee this; a negative count would be invalid.
  if (notReactivable < 0) throw new Error(`Inconsistent capacity record: ${stillClosed} beds closed, ${capacity.reopenableBeds} reopenable`);
  const gender = (value: Coding): Qualifier => ({ url: 'genderCapacityAvailable', value });
  const closing = (value: Coding): Qualifier => ({ url: 'capacityClosingType', value });
  const updated = toInstant(capacity.updatedAt);
  return [
    capacityRecord(capacity, updated, CODINGS.capacityInstalled, capacity.installedBeds),
    capacityRecord(capacity, updated, CODINGS.capacityAvailable, capacity.available.men, gender(CODINGS.genderMen)),
    capacityRecord(capacity, updated, CODINGS.capacityAvailable, capacity.available.women, gender(CODINGS.genderWomen)),
    capacityRecord(capacity, updated, CODINGS.capacityAvailable, capacity.available.undifferentiated, gender(CODINGS.genderUndifferentiated)),
    capacityRecord(capacity, updated, CODINGS.capacityClosed, capacity.reopenableBeds, closing(CODINGS.closingReactivable)),
    capacityRecord(capacity, updated, CODINGS.capacityClosed, notReactivable, closing(CODINGS.closingNotReactivable)),
    capacityRecord(capacity, updated, CODINGS.capacitySupplementary, capacity.mobilisedBeds, { url: 'additionalBedType', value: CODINGS.additionalBedMobilised }, true),
  ];
}
