/**
 * FHIR mappers (GraphQL records → ROR IG resources) and the generated CapabilityStatement.
 * Every resource produced is validated offline against R4 with @medplum/core, and against the
 * ROR IG rules of this slice (test/helpers/fhir/validate.ts).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildSchema, parse, validate } from 'graphql';
import { buildCapabilityStatement } from '../fhir/capability.js';
import { CODE_SYSTEMS, CODINGS, EXTENSIONS, IDENTIFIER_SYSTEMS, PROFILES } from '../fhir/codes.js';
import { unitToHealthcareService } from '../fhir/mappers/healthcare-service.js';
import { unitToLocation } from '../fhir/mappers/location.js';
import { latestInstant, toInstant } from '../fhir/mappers/common.js';
import { establishmentToOrganization, legalEntityToOrganization } from '../fhir/mappers/organization.js';
import { FHIR_OPERATIONS } from '../fhir/queries.js';
import { FHIR_SEARCH_OPERATIONS } from '../fhir/search/graphql.js';
import { loadSubgraphSdl } from '../platform/sdl.js';
import { RESOURCE_HANDLERS, implementedInteractions } from '../fhir/registry.js';
import {
  EG_ID,
  EJ_ID,
  UNIT_ID,
  capacityRecord,
  establishmentRecord,
  healthcareServiceRecord,
  legalEntityRecord,
  locationRecord,
} from './helpers/fhir/fixtures.js';
import { displayIssues, loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { TERMINOLOGY } from '../subgraphs/offer/terminology/systems.js';
import type { Extension, FhirResource } from '../fhir/types.js';

/** An address without its ISO 21090 parts. */
const NO_PARTS = { houseNumber: null, houseNumberSuffix: null, streetType: null, streetName: null, namedPlace: null, postBox: null };

const IG_EXAMPLES = new URL('./fixtures/ror-ig-examples/', import.meta.url);
const readExample = (name: string): Record<string, unknown> & { extension?: Extension[] } =>
  JSON.parse(readFileSync(new URL(name, IG_EXAMPLES), 'utf8')) as Record<string, unknown> & { extension?: Extension[] };

/** R4-valid and meeting the ROR rules of this slice. */
function expectConformant(resource: FhirResource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource)).toEqual([]);
}

const ext = (resource: { extension?: Extension[] }, url: string): Extension[] =>
  (resource.extension ?? []).filter((e) => e.url === url);
const sub = (extension: Extension, url: string): Extension | undefined => extension.extension?.find((e) => e.url === url);

beforeAll(() => {
  loadR4Definitions();
}, 30_000);

describe('validator set-up', () => {
  it('accepts the IG examples as R4 and rejects a broken resource', () => {
    expect(r4Issues(readExample('HealthcareService-1234564.json'))).toEqual([]);
    expect(r4Issues(readExample('Location-ror-location-exemple.json'))).toEqual([]);
    expect(r4Issues({ resourceType: 'Location', status: 'active', position: { latitude: 'north' } })).not.toEqual([]);
  });

  it('catches a capacity qualifier on the wrong status or in the wrong code system', () => {
    const location = unitToLocation(locationRecord());
    const [installed] = ext(location, EXTENSIONS.supportedCapacity);
    installed?.extension?.push({ url: 'genderCapacityAvailable', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.genreCapacite, code: '03' }] } });
    const closed = ext(location, EXTENSIONS.supportedCapacity)[4];
    const closing = closed?.extension?.find((e) => e.url === 'capacityClosingType');
    if (closing) closing.valueCodeableConcept = { coding: [{ system: CODE_SYSTEMS.typeLitSupplementaire, code: '01' }] };
    expect(rorIssues(location)).toEqual([
      expect.stringMatching(/\(ror-location-supported-capacity\): error Extension: Constraint ror-slice-extension-capacityClosingType-system not met/),
      'capacity genderCapacityAvailable goes with status 02, not 01',
    ]);
  });
});

describe('code displays', () => {
  it('gives each fixed coding of a loaded national system that file’s display', () => {
    const national = new Map(Object.values(TERMINOLOGY).map((s) => [s.url, new Map(s.codes.map((c) => [c.code, c.display]))]));
    const held = Object.values(CODINGS).filter((c) => national.has(c.system!));
    expect(held.length).toBeGreaterThanOrEqual(3); // R283 1, R287 06, R200 2 at least
    for (const c of held) expect({ code: `${c.system!}|${c.code!}`, display: c.display }).toEqual({ code: `${c.system!}|${c.code!}`, display: national.get(c.system!)!.get(c.code!) });
  });

  it('writes a code the same way in an Organization and a HealthcareService', () => {
    const resources = [establishmentToOrganization(establishmentRecord()), unitToHealthcareService(healthcareServiceRecord()), unitToLocation(locationRecord())];
    expect(displayIssues(resources)).toEqual([]);
  });
});

describe('Organization (EG)', () => {
  const org = establishmentToOrganization(establishmentRecord());

  it('is a valid ror-organization with the record id, profile and dates', () => {
    expectConformant(org);
    expect(org.id).toBe(EG_ID);
    expect(org.meta?.profile).toEqual([PROFILES.organization]);
    expect(org.meta?.lastUpdated).toBe('2026-03-10T09:30:00.000Z');
    expect(org.meta?.tag).toEqual([{ system: CODE_SYSTEMS.regionOM, code: '24' }]);
    expect(ext(org, EXTENSIONS.metaCreationDate)).toEqual([
      { url: EXTENSIONS.metaCreationDate, valueDateTime: '2023-02-01T08:00:00.000Z' },
    ]);
  });

  it('carries FINESS, idNat_Struct and SIRET identifiers with their TRE_G07 types', () => {
    const byType = Object.fromEntries((org.identifier ?? []).map((i) => [i.type?.coding?.[0]?.code, i]));
    expect(byType['1']).toMatchObject({ system: IDENTIFIER_SYSTEMS.finess, value: EG_ID });
    expect(byType['40']).toMatchObject({ system: 'urn:oid:1.2.250.1.71.4.2.2', value: `1${EG_ID}` });
    expect(byType['3']).toMatchObject({ system: 'http://sirene.fr', value: '26450009100030' });
    for (const id of org.identifier ?? []) expect(id.type?.coding?.[0]?.system).toBe(CODE_SYSTEMS.typeIdentifiantStructure);
  });

  it('maps category, address (INSEE code, geolocation), switchboard and partOf', () => {
    expect(org.type).toEqual([
      {
        coding: [
          {
            system: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement',
            code: '101',
            display: 'Centre Hospitalier Régional (C.H.R.)',
          },
        ],
      },
    ]);
    const [address] = org.address ?? [];
    expect(address).toMatchObject({ line: ["14 AV DE L'HOPITAL"], postalCode: '45067', city: 'ORLEANS CEDEX 2' });
    // FINESS's numvoie, typvoie and voie as the ISO 21090 parts of the line (IG EG example's shape).
    expect((address as { _line?: unknown })._line).toEqual([
      {
        extension: [
          { url: EXTENSIONS.adxpHouseNumber, valueString: '14' },
          { url: EXTENSIONS.adxpStreetNameType, valueString: 'AV' },
          { url: EXTENSIONS.adxpStreetNameBase, valueString: "DE L'HOPITAL" },
        ],
      },
    ]);
    expect(ext(address ?? {}, EXTENSIONS.addressInseeCode)[0]?.valueCoding).toEqual({
      system: CODE_SYSTEMS.communeOM,
      code: '45234',
    });
    const geo = ext(address ?? {}, EXTENSIONS.geolocation)[0];
    expect(geo && sub(geo, 'latitude')?.valueDecimal).toBe(47.837906);
    expect(geo && sub(geo, 'longitude')?.valueDecimal).toBe(1.924398);
    expect(org.partOf).toEqual({ reference: `Organization/${EJ_ID}` });
    const [contact] = org.contact ?? [];
    expect(contact?.purpose?.coding?.[0]).toMatchObject({ system: CODE_SYSTEMS.natureContact, code: '06' });
    expect(contact?.telecom?.[0]).toMatchObject({ system: 'phone', value: '0238514444' });
    expect(contact?.telecom?.[0]?.extension?.map((e) => e.url)).toEqual([
      EXTENSIONS.telecomCommunicationChannel,
      EXTENSIONS.telecomConfidentialityLevel,
    ]);
  });

  it('leaves out what the record lacks rather than emitting empty elements', () => {
    const bare = establishmentToOrganization(
      establishmentRecord({
        siret: null,
        position: null,
        switchboardPhone: null,
        address: { line: null, ...NO_PARTS, postalCode: null, city: null, inseeCode: null, regionCode: '76' },
      }),
    );
    expectConformant(bare);
    expect(bare.address).toBeUndefined();
    expect(bare.contact).toBeUndefined();
    expect(bare.identifier?.map((i) => i.type?.coding?.[0]?.code)).toEqual(['1', '40']);
    expect(bare.meta?.tag?.[0]?.code).toBe('76');
  });
});

describe('Organization (EG) contacts', () => {
  it('serves direction and alert contacts by purpose (TRE_R287 10, 08), phones then e-mail, each telecom with its channel', () => {
    const org = establishmentToOrganization(establishmentRecord({ managementPhone: '0238000010', managementEmail: 'dir@chr.fr', alertPhones: ['0238000008', '0612345678'], alertEmail: 'alerte@chr.fr' }));
    expectConformant(org);
    const byPurpose = (org.contact ?? []).map((c) => [c.purpose?.coding?.[0]?.code, (c.telecom ?? []).map((t) => `${t.system}:${t.value}`)]);
    expect(byPurpose).toEqual([
      ['06', ['phone:0238514444']],
      ['10', ['phone:0238000010', 'email:dir@chr.fr']],
      ['08', ['phone:0238000008', 'phone:0612345678', 'email:alerte@chr.fr']],
    ]);
    const channel = (t: NonNullable<NonNullable<typeof org.contact>[number]['telecom']>[number]) => t.extension?.find((e) => e.url === EXTENSIONS.telecomCommunicationChannel)?.valueCodeableConcept?.coding?.[0]?.code;
    expect(org.contact![1]!.telecom!.map(channel)).toEqual(['2', '3']);
  });
});

describe('Organization (EJ)', () => {
  it('is R4-valid and meets the ROR rules of this slice', () => {
    const org = legalEntityToOrganization(legalEntityRecord());
    expect(r4Issues(org)).toEqual([]);
    expect(rorIssues(org)).toEqual([]);
    expect(org).toMatchObject({ id: EJ_ID, name: "CENTRE HOSPITALIER REGIONAL D'ORLEANS" });
    expect(org.meta).toEqual({
      versionId: String(Date.parse('2025-11-20T10:00:00.000Z')),
      profile: [PROFILES.organization],
      lastUpdated: '2025-11-20T10:00:00.000Z',
      tag: [{ system: CODE_SYSTEMS.regionOM, code: '24' }],
    });
    expect(org.partOf).toBeUndefined();
  });

  it('has no region tag when its establishments span regions', () => {
    const org = legalEntityToOrganization(
      legalEntityRecord({ establishments: [{ address: { regionCode: '24' } }, { address: { regionCode: '76' } }] }),
    );
    expect(org.meta?.tag).toBeUndefined();
  });
});

describe('HealthcareService', () => {
  const service = unitToHealthcareService(healthcareServiceRecord());

  it('is a valid ror-healthcareservice', () => {
    expectConformant(service);
    expect(service.id).toBe(UNIT_ID);
    expect(service.meta).toEqual({
      versionId: String(Date.parse('2026-01-05T16:00:00.000Z')),
      profile: [PROFILES.healthcareService],
      lastUpdated: '2026-01-05T16:00:00.000Z',
      tag: [{ system: CODE_SYSTEMS.regionOM, code: '24' }],
    });
    expect(service.active).toBe(true);
  });

  it('identifies the offer as TRE_R355#35 "<region>/<unit id>"', () => {
    expect(service.identifier).toEqual([
      {
        type: {
          coding: [
            {
              system: 'https://mos.esante.gouv.fr/NOS/TRE_R355-TypeIdentifiantOffre/FHIR/TRE-R355-TypeIdentifiantOffre',
              code: '35',
              display: "Identifiant fonctionnel de l'offre connu par l'instance ROR",
            },
          ],
        },
        value: `24/${UNIT_ID}`,
      },
    ]);
  });

  it('maps the offer description: category, maternity type and annual opening, patient types, zones, closure, entry form, dated hours', () => {
    const nos = (system: string, code: string, display: string) => ({ system, code, display });
    const full = unitToHealthcareService(
      healthcareServiceRecord({
        category: nos(CODE_SYSTEMS.categorieOrganisation, '157', 'Unité hospitalière de gynécologie'),
        maternityType: nos(CODE_SYSTEMS.typeMaternite, '04', 'Maternité de type 3'),
        annualOpening: nos(CODE_SYSTEMS.ouvertureAnnuelle, '02', 'Semaine et week-end (de 211 à 364 jours par an)'),
        patientTypes: [nos(CODE_SYSTEMS.publicPrisEnCharge, '07', 'Tout public')],
        interventionZones: [
          { type: nos(CODE_SYSTEMS.typeDivisionTerritoriale, '2', 'Département'), code: '45' },
          { type: nos(CODE_SYSTEMS.typeDivisionTerritoriale, '3', 'Commune'), code: '45234' },
        ],
        closure: { from: '2026-12-20', reopening: '2027-01-04', description: null },
        entryTemplate: 'https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1',
        openingHours: [{ days: ['MON'], allDay: true, opens: null, closes: null, effectiveFrom: '2025-04-08', effectiveUntil: null }],
      }),
    );
    expectConformant(full);
    expect(full.category).toEqual([{ coding: [nos(CODE_SYSTEMS.categorieOrganisation, '157', 'Unité hospitalière de gynécologie')] }]);
    expect(full.characteristic?.slice(2).map((c) => c.coding?.[0]?.system)).toEqual([CODE_SYSTEMS.typeMaternite, CODE_SYSTEMS.ouvertureAnnuelle]);
    const patients = full.extension?.find((e) => e.url === EXTENSIONS.patientType);
    expect(patients?.extension?.map((e) => e.url)).toEqual(['supportedPatientInfo', 'ageRange']);
    const zones = full.extension?.filter((e) => e.url === EXTENSIONS.territorialDivision) ?? [];
    expect(zones.map((z) => z.extension?.find((e) => e.url === 'codeTerritorialDivision')?.valueCodeableConcept?.coding?.[0])).toEqual([
      { system: CODE_SYSTEMS.departementOM, code: '45' },
      { system: CODE_SYSTEMS.communeOM, code: '45234' },
    ]);
    expect(full.notAvailable).toEqual([{ id: 'closingReopeningDate', description: 'Fermeture temporaire', during: { start: '2026-12-20', end: '2027-01-04' } }]);
    expect(full.extension?.find((e) => e.url === EXTENSIONS.metaQuestionnaireUsedAsATemplate)?.valueCanonical).toBe('https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1');
    expect(full.availableTime?.[0]?.extension?.find((e) => e.url === EXTENSIONS.availableTimeEffectiveOpeningClosingDate)?.valuePeriod).toEqual({ start: '2025-04-08' });
    // Nothing recorded, nothing served.
    for (const absent of ['category', 'notAvailable'] as const) expect(service[absent]).toBeUndefined();
  });

  it('maps psychiatric sectors, one extension each', () => {
    const psy = unitToHealthcareService(healthcareServiceRecord({ psychiatricSectors: ['45G03', '45I01'] }));
    expectConformant(psy);
    expect(psy.extension?.filter((e) => e.url === EXTENSIONS.psychiatricSector)).toEqual([
      { url: EXTENSIONS.psychiatricSector, valueString: '45G03' },
      { url: EXTENSIONS.psychiatricSector, valueString: '45I01' },
    ]);
    expect(service.extension?.some((e) => e.url === EXTENSIONS.psychiatricSector)).toBe(false);
  });

  it('maps activity field, operational activities, care mode and references', () => {
    expect(service.type?.[0]?.coding?.[0]).toMatchObject({ system: CODE_SYSTEMS.champActivite, code: '01' });
    // The operationalActivity slice is 1..1: the first of the unit's two activities only.
    expect(service.specialty?.map((s) => s.coding?.[0]?.code)).toEqual(['025']);
    expect(service.specialty?.every((s) => s.coding?.[0]?.system === CODE_SYSTEMS.activiteOperationnelle)).toBe(true);
    expect(service.characteristic?.[0]).toEqual({
      coding: [{ system: CODE_SYSTEMS.modePriseEnCharge, code: '28', display: 'Hospitalisation complète (HC)' }],
    });
    expect(service.providedBy).toEqual({ reference: `Organization/${EG_ID}` });
    expect(service.location).toEqual([{ reference: `Location/${UNIT_ID}` }]);
  });

  it('shapes sensitive-unit and patient-type exactly as the IG example does', () => {
    const example = readExample('HealthcareService-1234564.json');
    for (const url of [EXTENSIONS.sensitiveUnit, EXTENSIONS.patientType, EXTENSIONS.metaCreationDate]) {
      const [ours] = ext(service, url);
      const [theirs] = ext(example, url);
      expect(ours && Object.keys(ours).sort()).toEqual(theirs && Object.keys(theirs).sort());
    }
    const [patientType] = ext(service, EXTENSIONS.patientType);
    expect(patientType?.extension).toEqual([
      {
        url: 'ageRange',
        valueRange: {
          low: { value: 18, system: CODE_SYSTEMS.ucumUniteMesure, code: 'a' },
          high: { value: 120, system: CODE_SYSTEMS.ucumUniteMesure, code: 'a' },
        },
      },
    ]);
    const exampleRange = ext(example, EXTENSIONS.patientType)[0]?.extension?.[0]?.valueRange;
    expect(exampleRange?.low?.system).toBe(CODE_SYSTEMS.ucumUniteMesure);
    expect(ext(service, EXTENSIONS.sensitiveUnit)[0]?.valueBoolean).toBe(false);
  });

  it('gives specific acts as characteristic[specificAct] (TRE_R210, ror-act-type)', () => {
    expect(service.characteristic?.slice(1)).toEqual([
      {
        extension: [{ url: EXTENSIONS.actType, valueCode: 'specificAct' }],
        coding: [{ system: CODE_SYSTEMS.acteSpecifique, code: '0320', display: 'Neuromodulation sacrée' }],
      },
    ]);
  });

  it('gives the contacts GraphQL returned as ror-healthcareservice-contact, shaped as the IG example', () => {
    const contacts = ext(service, EXTENSIONS.healthcareServiceContact);
    expect(contacts).toHaveLength(2);
    const [theirs] = ext(readExample('HealthcareService-1234564.json'), EXTENSIONS.healthcareServiceContact);
    const urls = (e: Extension | undefined) => e?.extension?.map((x) => x.url).filter((u) => u !== 'description');
    expect(urls(contacts[0])).toEqual(urls(theirs));
    const telecomUrls = (e: Extension | undefined) => e && sub(e, EXTENSIONS.healthcareServiceContactTelecom)?.extension?.map((x) => x.url);
    expect(telecomUrls(contacts[0])).toEqual(telecomUrls(theirs));

    const [open, confidential] = contacts;
    expect(open && sub(open, 'purposeContact')?.valueCodeableConcept?.coding?.[0]).toMatchObject({ system: CODE_SYSTEMS.natureContact, code: '06' });
    expect(open && sub(open, 'description')?.valueString).toBe('Secrétariat');
    expect(open && sub(open, EXTENSIONS.confidentialityLevel)?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: CODE_SYSTEMS.niveauConfidentialite,
      code: '1',
    });
    const telecom = confidential && sub(confidential, EXTENSIONS.healthcareServiceContactTelecom);
    expect(telecom && sub(telecom, 'telecomAddress')?.valueString).toBe('0238515555');
    expect(telecom && sub(telecom, EXTENSIONS.telecomCommunicationChannel)?.valueCodeableConcept?.coding?.[0]).toMatchObject({
      system: CODE_SYSTEMS.canalCommunication,
      code: '2',
    });
    expect(confidential && sub(confidential, EXTENSIONS.confidentialityLevel)?.valueCodeableConcept?.coding?.[0]?.code).toBe('2');
    expect(confidential && sub(confidential, 'description')).toBeUndefined();

    // A public caller's GraphQL answer (level 1 only) gives only that contact.
    const publicView = unitToHealthcareService(healthcareServiceRecord({ contacts: healthcareServiceRecord().contacts.slice(0, 1) }));
    expect(ext(publicView, EXTENSIONS.healthcareServiceContact)).toHaveLength(1);
  });

  it('gives opening hours as availableTime, one day each, as the IG example', () => {
    expect(service.availableTime).toHaveLength(7);
    expect(service.availableTime?.[0]).toEqual({
      extension: [
        { url: EXTENSIONS.availableTimeNumberDaysOfWeek, valueInteger: 1 },
        { url: EXTENSIONS.availableTimeTypeOfTime, valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeHoraire, code: '01', display: "Horaire d'ouverture" }] } },
      ],
      daysOfWeek: ['mon'],
      allDay: true,
    });
    const office = unitToHealthcareService(
      healthcareServiceRecord({
        openingHours: [
          { days: ['SAT'], allDay: false, opens: '09:00', closes: '12:00', effectiveFrom: null, effectiveUntil: null },
          { days: ['MON', 'FRI'], allDay: false, opens: '08:30', closes: '18:00', effectiveFrom: null, effectiveUntil: null },
        ],
      }),
    );
    expectConformant(office);
    expect(office.availableTime?.map((t) => [t.daysOfWeek?.[0], t.availableStartTime, t.availableEndTime])).toEqual([
      ['mon', '08:30:00', '18:00:00'],
      ['fri', '08:30:00', '18:00:00'],
      ['sat', '09:00:00', '12:00:00'],
    ]);
    const none = unitToHealthcareService(healthcareServiceRecord({ openingHours: [], contacts: [], specificActs: [] }));
    expectConformant(none);
    expect('availableTime' in none).toBe(false);
    expect(none.characteristic).toHaveLength(1);
  });

  it('sends the conventional bounds of an open age range, and no invalid element without activities or for archived units', () => {
    // From birth, no upper age: the unit records 0 and 150 (D197), sent as they are.
    const openEnded = unitToHealthcareService(healthcareServiceRecord({ patientAge: { min: 0, max: 150 } }));
    expectConformant(openEnded);
    expect(ext(openEnded, EXTENSIONS.patientType)[0]?.extension?.at(-1)?.valueRange).toEqual({
      low: { value: 0, system: CODE_SYSTEMS.ucumUniteMesure, code: 'a' },
      high: { value: 150, system: CODE_SYSTEMS.ucumUniteMesure, code: 'a' },
    });
    const noPatientTypes = unitToHealthcareService(healthcareServiceRecord({ patientTypes: [], patientAge: { min: 18, max: 150 } }));
    expectConformant(noPatientTypes);
    expect(ext(noPatientTypes, EXTENSIONS.patientType)[0]?.extension?.map((e) => e.url)).toEqual(['ageRange']);

    const noActivities = unitToHealthcareService(healthcareServiceRecord({ operationalActivities: [] }));
    expect(r4Issues(noActivities)).toEqual([]);
    expect('specialty' in noActivities).toBe(false);

    const archived = unitToHealthcareService(healthcareServiceRecord({ archived: true, sensitive: true }));
    expectConformant(archived);
    expect(archived.active).toBe(false);
    expect(ext(archived, EXTENSIONS.sensitiveUnit)[0]?.valueBoolean).toBe(true);
  });
});

describe('Location', () => {
  const location = unitToLocation(locationRecord());
  const capacities = ext(location, EXTENSIONS.supportedCapacity);
  const code = (capacity: Extension | undefined, url: string) =>
    capacity && sub(capacity, url)?.valueCodeableConcept?.coding?.[0];
  /** Each record as "status/qualifier code=count", the qualifier being gender, closing or bed type. */
  const summary = (records: Extension[]) =>
    records.map((r) => {
      const qualifier = code(r, 'genderCapacityAvailable') ?? code(r, 'capacityClosingType') ?? code(r, 'additionalBedType');
      return `${code(r, 'capacityStatus')?.code ?? '?'}/${qualifier?.code ?? '-'}=${sub(r, 'nbCapacity')?.valueInteger ?? '?'}`;
    });

  it('is a valid ror-location, last updated when its capacity last changed, versioned by capacity and unit', () => {
    expectConformant(location);
    expect(location.id).toBe(UNIT_ID);
    expect(location.meta).toEqual({
      versionId: `7-${Date.parse('2026-03-10T09:30:00.000Z')}`,
      profile: [PROFILES.location],
      lastUpdated: '2026-04-02T06:15:00.000Z',
      tag: [{ system: CODE_SYSTEMS.regionOM, code: '24' }],
    });
  });

  it('gives the place its function (TRE_R343) from the unit’s field of activity, none for Ville', () => {
    const typeOf = (field: string) => unitToLocation(locationRecord({ activityField: { code: field } })).type;
    expect(location.type).toEqual([{ coding: [{ system: CODE_SYSTEMS.fonctionLieu, code: '001', display: 'Hébergement MCO' }] }]);
    expect(['01', '02', '03', '04'].map((f) => typeOf(f)?.[0]?.coding?.[0]?.code)).toEqual(['001', '004', '002', '003']);
    expect(typeOf('05')).toBeUndefined();
    expectConformant(unitToLocation(locationRecord({ activityField: { code: '05' } })));
  });

  it('moves versionId with the capacity version, the unit, and the establishment only when its address is used', () => {
    const version = (over: Parameters<typeof locationRecord>[0]) => unitToLocation(locationRecord(over)).meta?.versionId;
    const base = locationRecord();
    expect(version({ capacity: capacityRecord({ version: 8 }) })).toBe(`8-${Date.parse('2026-03-10T09:30:00.000Z')}`);
    expect(version({ updatedAt: '2026-05-01T00:00:00.000Z' })).toBe(`7-${Date.parse('2026-05-01T00:00:00.000Z')}`);
    expect(version({ capacity: null })).toBe(`0-${Date.parse('2026-03-10T09:30:00.000Z')}`);
    expect(version({ hasOwnAddress: true })).toBe(`7-${Date.parse(base.updatedAt)}`);
    expect(version({ hasOwnAddress: true })).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it('maps identifier, status, commune, address, position, equipment and managing organization', () => {
    expect(location.identifier).toEqual([
      {
        type: {
          coding: [
            {
              system: CODE_SYSTEMS.typeIdentifiantRessourceOperationnelle,
              code: '25',
              display: "Identifiant du lieu de réalisation de l'offre connu par l'instance ROR",
            },
          ],
        },
        value: `24/${UNIT_ID}`,
      },
    ]);
    expect(location.status).toBe('active');
    expect(location.operationalStatus).toEqual({ system: CODE_SYSTEMS.statutLieu, code: '3', display: 'Opérationnel' });
    expect(ext(location, EXTENSIONS.communeCog)[0]?.valueCodeableConcept).toEqual({
      coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM', code: '45234' }],
    });
    expect(location.address).toMatchObject({ line: ["14 AV DE L'HOPITAL"], postalCode: '45067', city: 'ORLEANS CEDEX 2' });
    expect((location.address as { _line?: Array<{ extension: Extension[] }> })._line?.[0]?.extension.map((e) => e.valueString)).toEqual(['14', 'AV', "DE L'HOPITAL"]);
    expect(location.position).toEqual({ longitude: 1.924398, latitude: 47.837906 });
    expect(location.managingOrganization).toEqual({ reference: `Organization/${EG_ID}` });
    expect(ext(location, EXTENSIONS.locationEquipment)).toEqual([
      {
        url: EXTENSIONS.locationEquipment,
        extension: [{ url: 'equipmentType', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.equipement, code: '83' }] } }],
      },
    ]);
  });

  it("uses the unit's own address, position and commune when it has one", () => {
    const own = unitToLocation(
      locationRecord({
        hasOwnAddress: true,
        address: { line: '1 RUE PORTE MADELEINE', ...NO_PARTS, postalCode: '45000', city: 'ORLEANS', inseeCode: '45234', regionCode: '24' },
        position: { latitude: 47.9, longitude: 1.9 },
        updatedAt: '2026-01-05T16:00:00.000Z',
        capacity: null,
      }),
    );
    expectConformant(own);
    expect(own.address).toMatchObject({ line: ['1 RUE PORTE MADELEINE'], city: 'ORLEANS' });
    expect(own.address).not.toHaveProperty('_line');
    expect(own.position).toEqual({ longitude: 1.9, latitude: 47.9 });
    // The establishment's later change does not touch a place with its own address.
    expect(own.meta?.lastUpdated).toBe('2026-01-05T16:00:00.000Z');
  });

  it('gives every capacity figure as a supported-capacity record, with the codes of docs/capacities.md', () => {
    expect(summary(capacities)).toEqual([
      '01/-=15', // installed
      '02/02=1', // available, Homme
      '02/01=0', // available, Femme
      '02/03=2', // available, Indifférencié
      '05/01=1', // closed, reactivable (reopenable)
      '05/02=1', // closed, not reactivable: 3 closed − 1 reopened − 1 reopenable
      '06/01=2', // supplementary, mobilised
    ]);
    for (const record of capacities) {
      expect(code(record, 'capacityType')).toMatchObject({ system: CODE_SYSTEMS.natureCapacite, code: '01', display: 'Lit' });
      expect(code(record, 'capacityStatus')?.system).toBe(CODE_SYSTEMS.typeStatutCapacite);
      expect(code(record, 'temporalityCapacity')).toMatchObject({ system: CODE_SYSTEMS.temporaliteCapacite, code: '01' });
      expect(code(record, 'capacitySourceType')).toMatchObject({ system: CODE_SYSTEMS.typeSourceCapacite, code: '01' });
      expect(code(record, 'temporaryAssignement')).toMatchObject({ system: CODE_SYSTEMS.affectationTemporaire, code: '01' });
      expect(sub(record, 'capacityUpdateDate')?.valueDateTime).toBe('2026-04-02T06:15:00.000Z');
    }
    expect(code(capacities[1], 'genderCapacityAvailable')?.system).toBe(CODE_SYSTEMS.genreCapacite);
    expect(code(capacities[4], 'capacityClosingType')).toMatchObject({ system: CODE_SYSTEMS.typeFermetureCapacite, display: 'Réactivable' });
    expect(code(capacities[6], 'additionalBedType')).toMatchObject({ system: CODE_SYSTEMS.typeLitSupplementaire, display: 'Mobilisé' });
  });

  it('counts places (nature PLACE) as TRE_R329 02', () => {
    const places = unitToLocation(locationRecord({ capacity: capacityRecord({ nature: 'PLACE' }) }));
    expectConformant(places);
    for (const record of ext(places, EXTENSIONS.supportedCapacity)) expect(code(record, 'capacityType')?.code).toBe('02');
  });

  it('uses the sub-extensions of the IG capacity example (RORLocationExemple1)', () => {
    // Sub-extension urls of the IG example's "Disponible / Indifférencié" record.
    const igAvailable = [
      'nbCapacity',
      'capacityUpdateDate',
      'capacityStatus',
      'capacityType',
      'temporalityCapacity',
      'capacitySourceType',
      'genderCapacityAvailable',
      'temporaryAssignement',
    ];
    expect(capacities[3]?.extension?.map((e) => e.url).sort()).toEqual([...igAvailable].sort());
    expect(capacities[0]?.extension?.map((e) => e.url).sort()).toEqual(
      igAvailable.filter((u) => u !== 'genderCapacityAvailable').sort(),
    );
  });

  it('maps capacity sources onto TRE_R335', () => {
    const sourceOf = (source: 'MANUAL' | 'AUTOMATIC_FEED' | 'IMPORT') => {
      const loc = unitToLocation(locationRecord({ capacity: capacityRecord({ source }) }));
      return code(ext(loc, EXTENSIONS.supportedCapacity)[0], 'capacitySourceType')?.code;
    };
    expect([sourceOf('MANUAL'), sourceOf('AUTOMATIC_FEED'), sourceOf('IMPORT')]).toEqual(['01', '02', '01']);
  });

  it('refuses an inconsistent record rather than emitting a negative count', () => {
    expect(() => unitToLocation(locationRecord({ capacity: capacityRecord({ closedBeds: 1, reopenedBeds: 0, reopenableBeds: 2 }) }))).toThrow(
      /Inconsistent capacity/,
    );
  });

  it('without capacity, archived or without commune code, stays valid R4', () => {
    const noCapacity = unitToLocation(locationRecord({ capacity: null }));
    expectConformant(noCapacity);
    expect(ext(noCapacity, EXTENSIONS.supportedCapacity)).toEqual([]);
    expect(noCapacity.meta?.lastUpdated).toBe('2026-03-10T09:30:00.000Z'); // the establishment's, the latest left

    const archived = unitToLocation(locationRecord({ archived: true }));
    expectConformant(archived);
    expect(archived.status).toBe('inactive');
    expect(archived.operationalStatus).toBeUndefined();

    const base = locationRecord();
    const noCommune = unitToLocation(locationRecord({ address: { ...base.address, inseeCode: null }, position: null, equipment: [] }));
    expect(r4Issues(noCommune)).toEqual([]);
    expect(rorIssues(noCommune)).toEqual([expect.stringMatching(/slice 'ror-commune-cog': expected 1\.\.1, but found 0$/)]);
    expect(noCommune.position).toBeUndefined();
    expect(ext(noCommune, EXTENSIONS.locationEquipment)).toEqual([]);
  });

  it('throws on a record with an unreadable date instead of emitting an invalid instant', () => {
    expect(() => unitToLocation(locationRecord({ updatedAt: 'yesterday' }))).toThrow(/date-time/);
  });
});

describe('CapabilityStatement', () => {
  const statement = buildCapabilityStatement(RESOURCE_HANDLERS, {
    baseUrl: 'http://localhost:4000/fhir',
    date: '2026-05-01T00:00:00.000Z',
  });

  it('is a valid R4 instance statement for ROR Hub', () => {
    expect(r4Issues(statement)).toEqual([]);
    expect(statement).toMatchObject({
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      software: { name: 'ROR Hub' },
      implementation: { url: 'http://localhost:4000/fhir' },
    });
    expect(statement.format).toContain('json');
  });

  it('lists exactly the registry: its types, profiles and implemented interactions', () => {
    const resources = statement.rest?.[0]?.resource ?? [];
    expect(resources.map((r) => r.type)).toEqual(RESOURCE_HANDLERS.map((h) => h.resourceType));
    for (const handler of RESOURCE_HANDLERS) {
      const resource = resources.find((r) => r.type === handler.resourceType);
      expect(resource?.interaction?.map((i) => i.code)).toEqual(implementedInteractions(handler));
      expect(resource?.profile).toBe(handler.profile);
      expect(resource?.supportedProfile).toEqual([handler.profile, ...(handler.otherProfiles ?? [])]);
    }
    const types = ['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole'];
    const searched = new Set(types);
    const WRITES: Record<string, string[]> = {
      Organization: ['create', 'update', 'patch'],
      HealthcareService: ['create', 'update', 'patch'],
      Location: ['patch'],
      Practitioner: ['create', 'update', 'patch'],
      PractitionerRole: ['create', 'update', 'patch'],
    };
    expect(resources.flatMap((r) => (r.interaction ?? []).map((i) => `${r.type}:${i.code}`))).toEqual(
      types.flatMap((type) => [
        `${type}:read`,
        `${type}:vread`,
        `${type}:history-instance`,
        // The IG's write side (docs/fhir-write.md): an establishment's create is conditional only (FINESS); no create of a Location.
        ...(WRITES[type] ?? []).map((code) => `${type}:${code}`),
        ...(searched.has(type) ? [`${type}:search-type`] : []),
      ]).concat(
        // Direct admissions (docs/admissions.md § FHIR): no version history, Task written by its status;
        // error reports (docs/feedback.md § FHIR Task) are created as Tasks.
        ['ServiceRequest:read', 'ServiceRequest:search-type', 'Task:read', 'Task:create', 'Task:patch', 'Task:update', 'Task:search-type'],
      ),
    );
    expect(resources.filter((r) => types.includes(r.type)).every((r) => r.readHistory === true)).toBe(true);
    expect(resources.filter((r) => !types.includes(r.type)).every((r) => r.readHistory === false)).toBe(true);
    expect(resources.map((r) => r.profile)).toEqual([
      PROFILES.organization,
      PROFILES.healthcareService,
      PROFILES.location,
      PROFILES.practitioner,
      PROFILES.practitionerRole,
      'http://hl7.org/fhir/StructureDefinition/ServiceRequest',
      'http://hl7.org/fhir/StructureDefinition/Task',
    ]);
  });
});

describe('GraphQL documents', () => {
  it('validate against the supergraph composed from schemas/*.graphql', () => {
    const services = ['offer', 'capacities', 'tensions', 'professionals', 'admissions'].map((name) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: loadSubgraphSdl(name), // main file and its parts (schemas/<name>.<part>.graphql)
    }));
    const composed = composeServices(services);
    expect(composed.errors ?? []).toEqual([]);
    if (composed.errors) return;
    // Rebuilt from the SDL with this package's graphql: the composer's schema object comes from
    // the CommonJS build of graphql, which the ESM `validate` refuses (dual-package hazard).
    const schema = buildSchema(composed.supergraphSdl);
    for (const [name, document] of Object.entries({ ...FHIR_OPERATIONS, ...FHIR_SEARCH_OPERATIONS })) {
      expect({ name, errors: validate(schema, parse(document)).map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });
});

describe('instants', () => {
  // The reference: what toInstant and latestInstant computed before their fast path (Date round trips).
  const viaDate = (value: string) => new Date(value).toISOString();
  const latestViaDate = (...values: string[]) => new Date(Math.max(...values.map((v) => new Date(viaDate(v)).getTime()))).toISOString();

  it('gives what a Date round trip gives, for canonical strings and for those Date rolls over or rewrites', () => {
    const values = [
      '2026-12-07T09:46:43.992Z', '2024-02-28T23:59:59.999Z', '0001-01-01T00:00:00.000Z',
      // Not a calendar date, or not in toISOString's form: Date rolls them over or rewrites them.
      '2026-02-29T00:00:00.000Z', '2026-02-30T12:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-12-07T24:00:00.000Z',
      '2026-12-07T10:46:43.992+01:00', '2026-12-07T09:46:43Z', '2026-12-07T09:46:43.9Z', '+010000-01-01T00:00:00.000Z',
    ];
    for (const value of values) expect(toInstant(value), value).toBe(viaDate(value));
    for (const bad of ['2026-13-01T00:00:00.000Z', '2026-12-07T23:59:60.000Z', 'yesterday']) expect(() => toInstant(bad)).toThrow(/Not a date-time/);
  });

  it('picks the latest instant as Date arithmetic does, across offsets and six-digit years', () => {
    const cases = [
      ['2026-12-07T09:46:43.992Z', '2026-12-07T09:46:43.993Z'],
      ['2026-12-07T10:00:00.000+01:00', '2026-12-07T09:30:00.000Z'],
      ['2026-02-30T00:00:00.000Z', '2026-03-01T23:00:00.000Z'],
      ['+010000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
      ['2026-12-07T09:46:43.992Z', '2026-12-07T09:46:43.992Z', '2025-01-01T00:00:00.000Z'],
    ];
    for (const [first, ...others] of cases) expect(latestInstant(first!, ...others, null, undefined)).toBe(latestViaDate(first!, ...others));
  });
});
