/**
 * Issue 17, zero tolerance: every Organization, Location, HealthcareService, Practitioner and
 * PractitionerRole the hub serves for the demo region validates against its ROR profile as it is (`rorIssues`, no gap tolerated; the
 * profile snapshots hold R4's rules too). Read with fhir-kit-client from the shared hubs, every page
 * of each type followed by its `next` link, as the national aggregator (access profile 1, which
 * sees sensitive units too).
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds } from './helpers/hub.js';
import { asApp } from './helpers/tokens.js';
import { loadR4Definitions, rorIssues } from './helpers/fhir/validate.js';
import { EXTENSIONS } from '../fhir/codes.js';
import type { FhirResource } from '../fhir/types.js';

const hubs = inject('hubs');
type Resource = FhirResource & { id: string; extension?: Array<{ url: string }> };
type Page = { total?: number; entry?: Array<{ resource: Resource; search?: { mode?: string } }>; link?: Array<{ relation: string; url: string }> };

const TYPES = ['Organization', 'Location', 'HealthcareService', 'Practitioner', 'PractitionerRole'] as const;

beforeAll(() => loadR4Definitions());

// One kind (D206): what is validated is the mapping of the served data, the same on both kinds.
describe.each(endToEndKinds('postgres'))('served resources against their ROR profiles on %s', (kind) => {
  const served = new Map<string, Resource[]>();
  const totals = new Map<string, number | undefined>();

  beforeAll(async () => {
    const bearer = (await asApp(hubs[kind]!.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const client = new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: bearer });
    for (const resourceType of TYPES) {
      const resources: Resource[] = [];
      let page = (await client.search({ resourceType, searchParams: { _count: '200', _sort: '_id' } })) as unknown as Page;
      totals.set(resourceType, page.total);
      for (;;) {
        resources.push(...(page.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource));
        const next = (await client.nextPage({ bundle: page as never })) as unknown as Page | undefined;
        if (!next) break;
        page = next;
      }
      served.set(resourceType, resources);
    }
  }, 300_000);

  it('pages through every resource of the five types (one Location and one HealthcareService per unit)', () => {
    for (const resourceType of TYPES) {
      const resources = served.get(resourceType)!;
      expect(resources.length, resourceType).toBeGreaterThan(0);
      expect(resources.length, resourceType).toBe(totals.get(resourceType));
      expect(new Set(resources.map((r) => r.id)).size, resourceType).toBe(resources.length);
    }
    expect(served.get('HealthcareService')!.map((r) => r.id)).toEqual(served.get('Location')!.map((r) => r.id));
  });

  it.each(TYPES)('every %s validates against its ROR profile, with no tolerance', (resourceType) => {
    const issues = served.get(resourceType)!.flatMap((resource) => rorIssues(resource).map((issue) => `${resourceType}/${resource.id}: ${issue}`));
    expect(issues).toEqual([]);
  }, 300_000); // some 700 Locations with their capacity records, validated one by one on a loaded machine

  it('fails on a reintroduced violation: a served resource without its commune or its patient type', () => {
    const strip = (resource: Resource, url: string): Resource => ({ ...resource, extension: resource.extension!.filter((e) => e.url !== url) }) as Resource;
    const location = served.get('Location')![0]!;
    const service = served.get('HealthcareService')![0]!;
    expect(rorIssues(strip(location, EXTENSIONS.communeCog))).toEqual([expect.stringMatching(/slice 'ror-commune-cog': expected 1\.\.1, but found 0$/)]);
    expect(rorIssues(strip(service, EXTENSIONS.patientType))).toEqual([expect.stringMatching(/slice 'ror-healthcareservice-patient-type': expected 1\.\.1, but found 0$/)]);
  });
});
