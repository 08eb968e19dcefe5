/**
 * EG (geographic establishment) and EJ (legal entity) records as ror-organization resources.
 * The resource id is the FINESS number (ET for an EG, EJ for an EJ), as in the GraphQL API.
 */
import { CODE_SYSTEMS, CODINGS, EXTENSIONS, IDENTIFIER_SYSTEMS, PROFILES, concept, nosCoding } from '../codes.js';
import type { EstablishmentRecord, OrganizationRecord } from '../queries.js';
import type { Coding, Extension, Identifier, Organization, OrganizationContact } from '../types.js';
import { establishmentIgExtensions } from './organization-ig.js';
import { geolocation, metaCreationDate, postalAddress, reference, rorMeta, toInstant, versionFromInstant, type RorAddress } from './common.js';

function finessIdentifier(finess: string): Identifier {
  return { use: 'official', type: concept(CODINGS.identifierFiness), system: IDENTIFIER_SYSTEMS.finess, value: finess };
}

/**
 * idNat_Struct of a FINESS-registered structure is "1" followed by its FINESS number (CI-SIS
 * rule; "2"+SIREN and "3"+SIRET are for structures without FINESS, which the hub does not hold).
 */
function idNatStructIdentifier(finess: string): Identifier {
  return {
    use: 'official',
    type: concept(CODINGS.identifierIdNatStruct),
    system: IDENTIFIER_SYSTEMS.idNatStruct,
    value: `1${finess}`,
  };
}

/** identifier[numSIRET]: type and system are fixed by the profile. */
function siretIdentifier(siret: string): Identifier {
  return { use: 'official', type: concept(CODINGS.identifierSiret), system: IDENTIFIER_SYSTEMS.sirene, value: siret };
}

type Telecom = { system: 'phone' | 'email'; value: string };

/**
 * One of the EG's contacts, shaped as in the IG's EG example: its purpose (TRE_R287), public
 * (TRE_R283#1, as GraphQL serves these fields to every reader), each telecom with the extensions
 * the profile makes 1..1. (Organization.telecom is described by the profile as MSS mailboxes, so
 * it stays empty.)
 */
function organizationContact(purpose: Coding, telecoms: readonly Telecom[]): OrganizationContact {
  return {
    extension: [{ url: EXTENSIONS.contactConfidentialityLevel, valueCodeableConcept: concept(CODINGS.confidentialityPublic) }],
    purpose: concept(purpose),
    telecom: telecoms.map(({ system, value }) => ({
      extension: [
        { url: EXTENSIONS.telecomCommunicationChannel, valueCodeableConcept: concept(system === 'phone' ? CODINGS.channelLandline : CODINGS.channelEmail) },
        { url: EXTENSIONS.telecomConfidentialityLevel, valueCodeableConcept: concept(CODINGS.confidentialityPublic) },
      ],
      system,
      value,
      use: 'work',
    })),
  };
}

/**
 * What the EG's referents keep current (GraphQL updateEstablishment), as contacts by purpose:
 * 06 Standard (the switchboard phone), 10 Direction (management phone and e-mail), 08
 * Alerte-Tension-SSE (alert phones in order, alert e-mail). The website has no element here.
 */
export function establishmentContacts(record: Pick<EstablishmentRecord, 'switchboardPhone' | 'managementPhone' | 'managementEmail' | 'alertPhones' | 'alertEmail'>): OrganizationContact[] {
  const phones = (values: readonly (string | null | undefined)[]): Telecom[] => values.filter((v): v is string => !!v).map((value) => ({ system: 'phone', value }));
  const email = (value: string | null | undefined): Telecom[] => (value ? [{ system: 'email', value }] : []);
  const groups: Array<[Coding, Telecom[]]> = [
    [CODINGS.contactSwitchboard, phones([record.switchboardPhone])],
    [CODINGS.contactManagement, [...phones([record.managementPhone]), ...email(record.managementEmail)]],
    [CODINGS.contactAlert, [...phones(record.alertPhones ?? []), ...email(record.alertEmail)]],
  ];
  return groups.filter(([, telecoms]) => telecoms.length > 0).map(([purpose, telecoms]) => organizationContact(purpose, telecoms));
}

/** Address with the INSEE commune code (FR Core extension) and the geolocation, when known. */
function establishmentAddress(record: EstablishmentRecord): RorAddress | undefined {
  const extension: Extension[] = [];
  if (record.address.inseeCode) {
    extension.push({
      url: EXTENSIONS.addressInseeCode,
      valueCoding: { system: CODE_SYSTEMS.communeOM, code: record.address.inseeCode },
    });
  }
  if (record.position) extension.push(geolocation(record.position));
  const postal = postalAddress(record.address);
  if (!postal && extension.length === 0) return undefined;
  return extension.length > 0 ? { extension, ...(postal ?? {}) } : postal;
}

/** EG → ror-organization (partOf its EJ). */
export function establishmentToOrganization(record: EstablishmentRecord): Organization {
  const identifier = [finessIdentifier(record.finess), idNatStructIdentifier(record.finess)];
  if (record.siret) identifier.push(siretIdentifier(record.siret));
  const organization: Organization = {
    resourceType: 'Organization',
    id: record.id,
    meta: rorMeta(PROFILES.organization, toInstant(record.updatedAt), versionFromInstant(record.updatedAt), record.address.regionCode),
    extension: [metaCreationDate(record.createdAt), ...establishmentIgExtensions(record)],
    identifier,
    type: [concept(nosCoding(CODE_SYSTEMS.categorieEtablissement, record.category))],
    name: record.name,
  };
  const address = establishmentAddress(record);
  if (address) organization.address = [address];
  organization.partOf = reference('Organization', record.organization.id);
  const contact = establishmentContacts(record);
  if (contact.length) organization.contact = contact;
  return organization;
}

/** The one region all of an EJ's establishments share, if they share one. */
function soleRegion(record: OrganizationRecord): string | undefined {
  const regions = new Set(record.establishments.map((e) => e.address.regionCode));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/** EJ → ror-organization. */
export function legalEntityToOrganization(record: OrganizationRecord): Organization {
  return {
    resourceType: 'Organization',
    id: record.id,
    meta: rorMeta(PROFILES.organization, toInstant(record.updatedAt), versionFromInstant(record.updatedAt), soleRegion(record)),
    extension: [metaCreationDate(record.createdAt)],
    identifier: [finessIdentifier(record.finess), idNatStructIdentifier(record.finess)],
    name: record.name,
  };
}
