/**
 * Pure parts of Practitioner/PractitionerRole and of the version store: the mappers (validated
 * offline), idNat_PS both ways, which resources a change makes, `_history` parameters, and what
 * redaction leaves of stored versions.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { CODE_SYSTEMS, EXTENSIONS, IDENTIFIER_SYSTEMS, PROFILES } from '../fhir/codes.js';
import { idNatPs, isExposedPractitioner, isExposedSituation, nationalNumberOfIdNatPs, professionalToPractitioner, situationToPractitionerRole } from '../fhir/mappers/practitioner.js';
import { resourcesOfEvent } from '../fhir/history/feed.js';
import { historyParameters } from '../fhir/history/interactions.js';
import { redactorFor } from '../fhir/history/redact.js';
import type { StoredVersion } from '../fhir/history/store.js';
import type { PractitionerRecord, PractitionerRoleRecord } from '../fhir/queries.js';
import type { DomainResource, Extension, HealthcareService, Location } from '../fhir/types.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';

beforeAll(() => loadR4Definitions());

const professional = (overrides: Partial<PractitionerRecord> = {}): PractitionerRecord => ({
  id: 'P000328',
  lastName: 'ARNAUD',
  firstName: 'SOPHIE',
  sex: 'FEMALE',
  rppsNumber: '10101010101',
  adeliNumber: null,
  archived: false,
  establishments: [{ address: { regionCode: '24' } }, { address: { regionCode: '24' } }],
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-03-04T05:06:07.089Z',
  ...overrides,
});

const LIBERAL = { system: 'https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice', code: 'L', display: 'Libéral, indépendant, artisan, commerçant' };

const situation = (overrides: Partial<PractitionerRoleRecord['professional']> = {}, exerciseMode: PractitionerRoleRecord['exerciseMode'] = LIBERAL): PractitionerRoleRecord => ({
  id: 'P000328.450000088-1234',
  identifier: 'S0000042',
  professional: {
    id: 'P000328',
    rppsNumber: '10101010101',
    adeliNumber: null,
    profession: { system: CODE_SYSTEMS.professionSante, code: '10', display: 'Médecin' },
    specialty: { system: CODE_SYSTEMS.specialiteOrdinale, code: 'SM26', display: null },
    archived: false,
    createdAt: '2026-01-02T10:00:00Z',
    updatedAt: '2026-03-04T05:06:07.089Z',
    ...overrides,
  },
  unit: { id: '450000088-1234', archived: false },
  establishment: { id: '450000088', address: { regionCode: '24' } },
  exerciseMode,
});

function expectConformant(resource: DomainResource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource)).toEqual([]);
}

describe('Practitioner and PractitionerRole mappers', () => {
  it('builds idNat_PS from RPPS (8) or ADELI (0), and reads it back', () => {
    expect(idNatPs({ rppsNumber: '10101010101', adeliNumber: null })).toBe('810101010101');
    expect(idNatPs({ rppsNumber: null, adeliNumber: '2A1234567' })).toBe('02A1234567');
    expect(idNatPs({ rppsNumber: null, adeliNumber: null })).toBeUndefined();
    expect(nationalNumberOfIdNatPs('810101010101')).toBe('10101010101');
    expect(nationalNumberOfIdNatPs('02A1234567')).toBe('2A1234567');
    for (const value of ['10101010101', '81010101010', '3450000088/123', '0abc']) expect(nationalNumberOfIdNatPs(value)).toBeNull();
  });

  it('maps a professional to a valid ror-practitioner', () => {
    const practitioner = professionalToPractitioner(professional());
    expectConformant(practitioner);
    expect(practitioner).toMatchObject({
      id: 'P000328',
      meta: { versionId: String(Date.parse('2026-03-04T05:06:07.089Z')), profile: [PROFILES.practitioner], tag: [{ system: CODE_SYSTEMS.regionOM, code: '24' }] },
      identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810101010101' }],
      name: [{ family: 'ARNAUD', given: ['SOPHIE'] }],
      gender: 'female',
      active: true,
    });
    const archivedNurse = professionalToPractitioner(professional({ rppsNumber: null, adeliNumber: '451234567', sex: null, archived: true, establishments: [] }));
    expectConformant(archivedNurse);
    expect(archivedNurse.identifier).toEqual([{ use: 'official', system: IDENTIFIER_SYSTEMS.idNatPs, value: '0451234567' }]);
    expect(archivedNurse.gender).toBeUndefined();
    expect(archivedNurse.active).toBe(false);
    expect(archivedNurse.meta?.tag).toBeUndefined();
  });

  it('serves as Practitioner only a record with idNat_PS, as PractitionerRole only a situation the profile can describe', () => {
    expect(isExposedPractitioner(professional())).toBe(true);
    expect(isExposedPractitioner(professional({ rppsNumber: null, adeliNumber: '451234567' }))).toBe(true);
    expect(isExposedPractitioner(professional({ rppsNumber: null }))).toBe(false);
    expect(isExposedSituation(situation())).toBe(true);
    expect(isExposedSituation(situation({ rppsNumber: null }))).toBe(false);
    expect(isExposedSituation(situation({ profession: null }))).toBe(false);
    expect(isExposedSituation(situation({ specialty: null }))).toBe(false);
    expect(isExposedSituation(situation({}, null))).toBe(false);
  });

  it('maps a situation to a valid ror-practitionerrole with the expertiseType slice', () => {
    const role = situationToPractitionerRole(situation());
    expectConformant(role);
    expect(role.specialty).toEqual([
      { coding: [{ system: CODE_SYSTEMS.typeSavoirFaire, code: 'S', display: 'Spécialité ordinale' }] },
      { coding: [{ system: CODE_SYSTEMS.specialiteOrdinale, code: 'SM26' }] },
    ]);
    expect(role.extension?.find((e) => e.url === EXTENSIONS.practitionerRoleUnitExerciseMode)).toEqual({
      url: EXTENSIONS.practitionerRoleUnitExerciseMode,
      valueCodeableConcept: { coding: [LIBERAL] },
    });
    expect(role.identifier).toEqual([{ use: 'official', system: IDENTIFIER_SYSTEMS.situation, value: 'S0000042' }]);
    const archived = situationToPractitionerRole(situation({ archived: true }));
    expectConformant(archived);
    expect(archived.active).toBe(false);
  });

  it('has the validator refuse what the hub does not serve: a Practitioner without idNat_PS, a role without code, savoir-faire or exercise mode', () => {
    expect(rorIssues(professionalToPractitioner(professional({ rppsNumber: null })))).toEqual([expect.stringMatching(/Practitioner\.identifier: Missing required property/)]);
    const bare = rorIssues(situationToPractitionerRole(situation({ profession: null, specialty: null }, null)));
    expect(bare).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/PractitionerRole\.code: Missing required property/),
        expect.stringMatching(/PractitionerRole\.specialty: Missing required property/),
        expect.stringMatching(/ror-practitionerrole-unit-exercise-mode': expected 1\.\.1, but found 0/),
      ]),
    );
  });

  it('lets the validator catch a wrong idNat_PS, a specialty without its expertiseType or an exercise mode of another system', () => {
    const practitioner = professionalToPractitioner(professional());
    practitioner.identifier![0]!.value = '10101010101';
    expect(rorIssues(practitioner)).toEqual([expect.stringMatching(/idNat_PS/)]);
    const role = situationToPractitionerRole(situation());
    role.specialty = role.specialty!.slice(1);
    expect(rorIssues(role)).toEqual([expect.stringMatching(/expertiseType/)]);
    const badMode = situationToPractitionerRole(situation());
    const mode = badMode.extension!.find((e) => e.url === EXTENSIONS.practitionerRoleUnitExerciseMode)!;
    mode.valueCodeableConcept = { coding: [{ ...LIBERAL, system: CODE_SYSTEMS.typeSavoirFaire }] };
    expect(rorIssues(badMode)).toEqual([expect.stringMatching(/\(ror-practitionerrole-unit-exercise-mode\): error Extension\.value\[x\]: Value did not match expected pattern/)]);
  });
});

describe('version store', () => {
  it('knows which resources each change may have changed', () => {
    const event = (topic: string, recordType: string, recordId: string, payload: Record<string, unknown> = {}, action = 'UPDATE') => ({ topic, recordType, recordId, action, payload });
    expect(resourcesOfEvent(event('capacity', 'UNIT_CAPACITY', 'u-1'))).toEqual([['Location', 'u-1']]);
    expect(resourcesOfEvent(event('offer', 'UNIT', 'u-1'))).toEqual([['HealthcareService', 'u-1'], ['Location', 'u-1']]);
    expect(resourcesOfEvent(event('offer', 'ESTABLISHMENT', '450000088'))).toEqual([['Organization', '450000088']]);
    expect(resourcesOfEvent(event('professional', 'PROFESSIONAL', 'P1', { unitIds: ['u-1', 'u-2'] }))).toEqual([
      ['Practitioner', 'P1'],
      ['PractitionerRole', 'P1.u-1'],
      ['PractitionerRole', 'P1.u-2'],
    ]);
    expect(resourcesOfEvent(event('professional', 'PROFESSIONAL', 'P1', {}, 'PURGE'))).toEqual([]);
    expect(resourcesOfEvent(event('professional', 'ROLE_ASSIGNMENT', '12'))).toEqual([]);
    expect(resourcesOfEvent(event('tension', 'TENSION', 't-1'))).toEqual([]);
  });

  it('accepts _count 1–200 and _since as an instant or a date, and nothing else', () => {
    expect(historyParameters({})).toEqual({ count: 50, since: null });
    expect(historyParameters({ _count: '200', _since: '2026-12-01', _format: 'json' })).toEqual({ count: 200, since: Date.parse('2026-12-01') });
    for (const query of [{ _count: '0' }, { _count: '201' }, { _count: '1.5' }, { _since: '12/01/2026' }, { _since: '2026-12-01T10:00' }, { name: 'x' }]) {
      expect(historyParameters(query)).toMatchObject({ resourceType: 'OperationOutcome', id: 'invalid' });
    }
  });

  const stored = (body: DomainResource, unitClass: string | null = 'N:01'): StoredVersion => ({
    resourceType: body.resourceType,
    resourceId: body.id!,
    versionId: body.meta!.versionId!,
    lastUpdated: body.meta!.lastUpdated!,
    unitClass,
    body,
  });
  const capacity: Extension = { url: EXTENSIONS.supportedCapacity, extension: [{ url: 'nbCapacity', valueInteger: 3 }] };
  const location = (versionId: string, withCapacity: boolean): Location => ({
    resourceType: 'Location',
    id: 'u-1',
    meta: { versionId, lastUpdated: '2026-12-01T10:00:00.000Z' },
    extension: withCapacity ? [capacity] : [],
  });

  it('strips capacity and renames versions for a caller whose current Location has none', () => {
    const redact = redactorFor(location('0-1764583200000', false), 'N:01');
    const past = redact(stored(location('7-1764583200000', true)));
    expect(past).toMatchObject({ meta: { versionId: '0-1764583200000', lastUpdated: '2025-12-01T10:00:00.000Z' }, extension: [] });
    expect(redactorFor(location('7-1', true), 'N:01')(stored(location('6-1', true)))).toMatchObject({ extension: [capacity] });
  });

  it('drops versions of another unit class, and confidential contact levels the caller does not see now', () => {
    const contact = (level: string): Extension => ({
      url: EXTENSIONS.healthcareServiceContact,
      extension: [{ url: EXTENSIONS.confidentialityLevel, valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.niveauConfidentialite, code: level }] } }],
    });
    const service = (versionId: string, levels: string[]): HealthcareService => ({
      resourceType: 'HealthcareService',
      id: 'u-1',
      meta: { versionId, lastUpdated: '2026-12-01T10:00:00.000Z' },
      extension: levels.map(contact),
    });
    const publicCaller = redactorFor(service('2', ['1']), 'N:01');
    expect(publicCaller(stored(service('1', ['1', '2', '3'])))?.extension).toEqual([contact('1')]);
    expect(publicCaller(stored(service('1', ['1']), 'S:01'))).toBeNull();
    expect(publicCaller(stored(service('1', ['1']), 'N:05'))).toBeNull();
    const confidentialCaller = redactorFor(service('2', ['1', '3']), 'N:01');
    expect(confidentialCaller(stored(service('1', ['2', '3'])))?.extension).toEqual([contact('3')]);
  });
});
