/**
 * The ROR IG profiles of test/fixtures/ror-ig/profiles (authored in scripts/ror-profiles, snapshots
 * generated): up to date with their source, one IG version, and actually enforced by
 * @medplum/core: deliberately broken resources fail, the same way through the helper's parsed-once
 * path as through `validateResource(resource, { profile })`. No hub: the resources are the
 * mappers' output on the test fixtures (test/fhir-mapping.test.ts checks they are valid).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { validateResource } from '@medplum/core';
import type { StructureDefinition } from '@medplum/fhirtypes';
import { CODE_SYSTEMS, EXTENSIONS, IG, PROFILES } from '../fhir/codes.js';
import { unitToHealthcareService } from '../fhir/mappers/healthcare-service.js';
import { unitToLocation } from '../fhir/mappers/location.js';
import { establishmentToOrganization } from '../fhir/mappers/organization.js';
import { reportToTask } from '../fhir/mappers/report-task.js';
import type { Extension, FhirResource } from '../fhir/types.js';
import { PROFILES_DIR, buildRorDefinitions, fileNameOf, serialise } from '../scripts/ror-profiles/generate.js';
import { establishmentRecord, healthcareServiceRecord, locationRecord } from './helpers/fhir/fixtures.js';
import { loadR4Definitions, medplumIssues, rorProfileIssues, rorProfiles } from './helpers/fhir/profiles.js';
import { rorIssues } from './helpers/fhir/validate.js';

const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));
const byUrl = (resource: { extension?: Extension[] }, url: string): Extension => resource.extension!.find((e) => e.url === url)!;
const without = <T extends { extension?: Extension[] }>(resource: T, url: string): T => ({ ...resource, extension: resource.extension!.filter((e) => e.url !== url) });

beforeAll(() => loadR4Definitions(), 30_000);

describe('authored ROR profiles', () => {
  it('are committed exactly as scripts/ror-profiles generates them (npm run profiles:generate)', () => {
    const generated = buildRorDefinitions();
    const committed = readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(committed).toEqual(generated.map(fileNameOf).sort());
    for (const sd of generated) expect(readFileSync(`${PROFILES_DIR}${fileNameOf(sd)}`, 'utf8')).toBe(serialise(sd));
  });

  it('cover every profile and ROR extension the hub emits, at the IG version of fhir/codes.ts', () => {
    const urls = [...rorProfiles().keys()];
    expect(urls).toEqual(expect.arrayContaining(Object.values(PROFILES)));
    const rorExtensions = Object.values(EXTENSIONS).filter((url) => url.startsWith(IG.canonical));
    expect(urls).toEqual(expect.arrayContaining(rorExtensions));
    expect(new Set([...rorProfiles().values()].map((sd) => sd.version))).toEqual(new Set([IG.version]));
    expect((fixture('ror-ig/CapabilityStatement-ror-serveur.json') as { version: string }).version).toBe(IG.version);
  });

  it('agree with the two extensions the IG publishes here (url, value type, cardinality)', () => {
    for (const file of readdirSync(new URL('./fixtures/ror-ig/published/', import.meta.url))) {
      const published = fixture(`ror-ig/published/${file}`) as StructureDefinition;
      const ours = rorProfiles().get(published.url!)!;
      const value = (sd: StructureDefinition) => sd.snapshot!.element!.find((e) => e.id === 'Extension.value[x]')!;
      expect(value(ours).type!.map((t) => t.code)).toEqual(value(published).type!.map((t) => t.code));
      expect(ours.snapshot!.element!.find((e) => e.id === 'Extension.extension')!.max).toBe('0');
    }
  });
});

/** Issues of a resource against its claimed profile, through the helper and through Medplum's own entry point. */
function bothWays(resource: FhirResource): { helper: string[]; medplum: string[] } {
  const profile = rorProfiles().get(resource.meta!.profile![0]!)!;
  const helper = rorProfileIssues(resource, profile.url!).filter((issue) => issue.startsWith(`${profile.id!}: `)).map((issue) => issue.slice(profile.id!.length + 2));
  return { helper, medplum: medplumIssues(() => validateResource(resource as never, { profile })) };
}

describe('Medplum enforces the authored profiles', () => {
  const service = () => unitToHealthcareService(healthcareServiceRecord());
  const location = () => unitToLocation(locationRecord());

  it('accepts what the mappers emit', () => {
    for (const resource of [service(), location(), establishmentToOrganization(establishmentRecord())]) expect(rorProfileIssues(resource, resource.meta!.profile![0]!)).toEqual([]);
  });

  it('rejects a missing 1..1 slice (careMode, sensitive-unit, ror-commune-cog), the same way as validateResource(…, { profile })', () => {
    const noCareMode = service();
    noCareMode.characteristic = noCareMode.characteristic!.filter((c) => c.coding?.[0]?.system !== CODE_SYSTEMS.modePriseEnCharge);
    const noSensitive = without(service(), EXTENSIONS.sensitiveUnit);
    const noCommune = without(location(), EXTENSIONS.communeCog);
    const cases: Array<[FhirResource, string]> = [
      [noCareMode, "error HealthcareService.characteristic: Incorrect number of values provided for slice 'careMode': expected 1..1, but found 0"],
      [noSensitive, "error HealthcareService.extension: Incorrect number of values provided for slice 'ror-healthcareservice-sensitive-unit': expected 1..1, but found 0"],
      [noCommune, "error Location.extension: Incorrect number of values provided for slice 'ror-commune-cog': expected 1..1, but found 0"],
    ];
    for (const [resource, issue] of cases) {
      const { helper, medplum } = bothWays(resource);
      expect(helper).toEqual([issue]);
      expect(medplum).toEqual(helper);
    }
  });

  it('rejects the IG’s own HealthcareService example, which has no care mode', () => {
    expect(rorProfileIssues(fixture('ror-ig-examples/HealthcareService-1234564.json') as FhirResource, PROFILES.healthcareService)).toEqual([
      "ror-healthcareservice: error HealthcareService.characteristic: Incorrect number of values provided for slice 'careMode': expected 1..1, but found 0",
    ]);
  });

  it('rejects a wrong value type in a simple extension and in a sub-extension', () => {
    const wrongSensitive = service();
    byUrl(wrongSensitive, EXTENSIONS.sensitiveUnit).valueString = 'non';
    delete byUrl(wrongSensitive, EXTENSIONS.sensitiveUnit).valueBoolean;
    expect(rorIssues(wrongSensitive)).toEqual([
      expect.stringMatching(/^extension\[\d+\] \(ror-healthcareservice-sensitive-unit\): error Extension: Constraint ext-1 not met/),
      expect.stringMatching(/^extension\[\d+\] \(ror-healthcareservice-sensitive-unit\): error Extension\.value\[x\]: Missing required property$/),
      expect.stringMatching(/^extension\[\d+\] \(ror-healthcareservice-sensitive-unit\): error Extension\.valueString: Invalid additional property "valueString"$/),
    ]);

    const wrongCount = location();
    const figure = byUrl(wrongCount, EXTENSIONS.supportedCapacity).extension!.find((e) => e.url === 'nbCapacity')!;
    figure.valueString = '12';
    delete figure.valueInteger;
    expect(rorIssues(wrongCount)).toEqual([expect.stringMatching(/^extension\[\d+\] \(ror-location-supported-capacity\): error Extension: Constraint ror-slice-extension-nbCapacity-type not met/)]);
  });

  it('rejects a missing 1..1 sub-extension, a wrong code system and a slice’s wrong fixed value', () => {
    const noStatus = location();
    const record = byUrl(noStatus, EXTENSIONS.supportedCapacity);
    record.extension = record.extension!.filter((e) => e.url !== 'capacityStatus');
    expect(rorIssues(noStatus)).toEqual([expect.stringMatching(/\(ror-location-supported-capacity\): error Extension\.extension: Incorrect number of values provided for slice 'capacityStatus': expected 1\.\.1, but found 0$/)]);

    const otherChannel = service();
    const telecom = byUrl(byUrl(otherChannel, EXTENSIONS.healthcareServiceContact), EXTENSIONS.healthcareServiceContactTelecom);
    byUrl(telecom, EXTENSIONS.telecomCommunicationChannel).valueCodeableConcept = { coding: [{ system: CODE_SYSTEMS.natureContact, code: '2' }] };
    expect(rorIssues(otherChannel)).toEqual([expect.stringMatching(/\(ror-telecom-communication-channel\): error Extension\.value\[x\]: Value did not match expected pattern$/)]);

    const siret = establishmentToOrganization(establishmentRecord());
    const numSiret = siret.identifier!.find((i) => i.type?.coding?.[0]?.code === '3')!;
    numSiret.system = 'https://example.org/siret';
    const { helper, medplum } = bothWays(siret);
    expect(helper).toEqual([expect.stringMatching(/^error Organization: Constraint ror-slice-identifier-numSIRET-system not met/)]);
    expect(medplum).toEqual(helper);
  });

  it('serves ror-tasks that validate (codes derived from the report, typed inputs) and holds them to the profile', () => {
    const report = (over: Record<string, unknown>) =>
      reportToTask({
        id: '7',
        version: 1,
        status: 'OPEN',
        resolution: null,
        message: 'Mauvais numéro',
        subject: { type: 'UNIT', id: 'u-0042' },
        details: { pathElementError: 'HealthcareService.telecom', errorValue: '02 00', identifierRequester: 'urn:oid:1.2.3|GL-1' },
        senderKind: 'APPLICATION',
        senderLogin: 'Gestion des lits',
        senderProfessionalId: null,
        closedByProfessionalId: null,
        closedBy: null,
        closingNote: null,
        identifierAnalyst: null,
        newValue: null,
        createdAt: '2026-12-01T10:00:00Z',
        updatedAt: '2026-12-01T10:00:00Z',
        ...over,
      } as never)!;
    const codes = (task: ReturnType<typeof report>) => [task.businessStatus, task.code, task.reasonCode].map((c) => c?.coding?.[0]?.code);
    const cases: Array<[Record<string, unknown>, (string | undefined)[]]> = [
      [{}, ['02', '06', 'COR']],
      [{ status: 'CLOSED', resolution: 'CORRECTED', identifierAnalyst: 'ARS-7', newValue: '02 01' }, ['08', '06', 'COR']],
      [{ status: 'CLOSED', resolution: 'REJECTED' }, ['09', '06', 'COR']],
      [{ status: 'CLOSED', resolution: null, senderKind: 'USER', senderProfessionalId: 'P1' }, ['07', '06', 'COR']],
      [{ details: { proposedValue: '02 01' } }, ['02', '01', 'AJO']],
    ];
    for (const [over, expected] of cases) {
      const task = report(over);
      expect(codes(task)).toEqual(expected);
      expect(rorIssues(task)).toEqual([]);
    }
    const param = (task: ReturnType<typeof report>, code: string) => task.input?.find((p) => p.type?.coding?.[0]?.code === code);
    const byApp = report({});
    expect(param(byApp, 'systemRequester')?.valueString).toBe('Gestion des lits');
    expect(param(byApp, 'pathElementError')?.valueExpression).toEqual({ language: 'text/fhirpath', expression: 'HealthcareService.telecom' });
    expect(param(byApp, 'identifierRequester')?.valueIdentifier).toEqual({ system: 'urn:oid:1.2.3', value: 'GL-1' });
    expect(param(report({ senderKind: 'USER' }), 'systemRequester')?.valueString).toBe('ROR Hub');
    expect(param(report({ details: { systemRequester: 'IHM' } }), 'systemRequester')?.valueString).toBe('IHM');
    expect(report({ status: 'CLOSED', resolution: 'CORRECTED', identifierAnalyst: 'ARS-7' }).output).toEqual([
      { type: { coding: [{ system: expect.any(String), code: 'identifierAnalyst' }] }, valueIdentifier: { value: 'ARS-7' } },
    ]);

    // The profile still holds: the string forms and a missing business status are refused.
    const stringly = report({});
    param(stringly, 'pathElementError')!.valueString = 'HealthcareService.telecom';
    delete param(stringly, 'pathElementError')!.valueExpression;
    delete stringly.businessStatus;
    expect(rorProfileIssues(stringly, PROFILES.task)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ror-task: error Task: Constraint ror-slice-input-pathElementError-type not met/), 'ror-task: error Task.businessStatus: Missing required property']),
    );
    const otherSystem = report({});
    otherSystem.businessStatus = { coding: [{ system: CODE_SYSTEMS.actionAnomalie, code: 'COR' }] };
    expect(rorProfileIssues(otherSystem, PROFILES.task)).toEqual([expect.stringMatching(/Constraint ror-businessStatus-system not met/)]);
  });
});
