/**
 * The elements of an EG's ror-organization that the IG adds to FINESS's identity (issue 17):
 * the FINESS opening and closure (organization-period, ror-organization-closing-type), the
 * helicopter landing zone, the names of its internal organisations (its pôles, oi-name) and its
 * prices (ror-organization-price, one extension per price). Separate from organization.ts so
 * that the base mapping and these elements change apart.
 */
import { CODE_SYSTEMS, EXTENSIONS, concept, nosCoding } from '../codes.js';
import type { EstablishmentRecord } from '../queries.js';
import type { Extension } from '../types.js';

type PriceRecord = EstablishmentRecord['prices'][number];
type CodingRecord = { code: string; display?: string | null };

/** A price's sub-extension holding a code of `system`, when the price has one. */
function codedPart(url: string, system: string, coding: CodingRecord | null | undefined): Extension[] {
  return coding ? [{ url, valueCodeableConcept: concept(nosCoding(system, coding)) }] : [];
}

/** One ror-organization-price: the sub-extensions in the order the IG's extension lists them. */
export function priceExtension(price: PriceRecord): Extension {
  return {
    url: EXTENSIONS.organizationPrice,
    extension: [
      ...codedPart('priceType', CODE_SYSTEMS.typeTarif, price.type),
      ...codedPart('priceUnit', CODE_SYSTEMS.unitePrix, price.unit),
      { url: 'amount', valueMoney: { value: price.amount, currency: price.currency as 'EUR' } },
      ...(price.validFrom ? [{ url: 'startDate', valueDateTime: price.validFrom }] : []),
      ...codedPart('residentialType', CODE_SYSTEMS.typeHabitation, price.residentialType),
      ...codedPart('specialPrice', CODE_SYSTEMS.conditionTarifaire, price.specialPrice),
      ...codedPart('welcomeType', CODE_SYSTEMS.temporaliteAccueil, price.welcomeType),
      ...codedPart('dependencyLevel', CODE_SYSTEMS.groupeTarifaireDependance, price.dependencyLevel),
    ],
  };
}

/** organization-period: dateOuverture and dateFermeture, when FINESS gives either. */
function periodExtension(record: EstablishmentRecord): Extension[] {
  if (!record.openedOn && !record.closedOn) return [];
  return [{ url: EXTENSIONS.organizationPeriod, valuePeriod: { ...(record.openedOn ? { start: record.openedOn } : {}), ...(record.closedOn ? { end: record.closedOn } : {}) } }];
}

/** The IG's EG extensions this hub records, after ror-meta-creation-date. */
export function establishmentIgExtensions(record: EstablishmentRecord): Extension[] {
  return [
    ...record.prices.map(priceExtension),
    ...(record.dropZone === null ? [] : [{ url: EXTENSIONS.organizationDropZone, valueBoolean: record.dropZone }]),
    ...codedPart(EXTENSIONS.organizationClosingType, CODE_SYSTEMS.typeFermeture, record.closingType),
    ...periodExtension(record),
    ...record.poles.map((pole) => ({ url: EXTENSIONS.organizationOiName, valueString: pole.name })),
  ];
}
