/**
 * One display per code (issue 17), against the shared demo hubs (read-only), with fhir-kit-client:
 * every Coding the hub emits in the search pages of the five resource types of the offer carries,
 * for a system whose national file the hub loads (platform/terminology/systems), exactly that
 * file's display; and no (system, code) has two displays anywhere across all of them.
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { databaseKinds } from './helpers/hub.js';
import { asApp } from './helpers/tokens.js';
import { displayIssues, nationalCodingIssues } from './helpers/fhir/validate.js';
import { MAX_COUNT } from '../fhir/search/parse.js';
import { TERMINOLOGY } from '../subgraphs/offer/terminology/systems.js';

const hubs = inject('hubs');

interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ resource: { resourceType: string; id: string } }>;
}

const TYPES = ['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole'] as const;

/** Every Coding-holding object anywhere in a value: `{ system, code }`. */
function codings(value: unknown, found: Array<{ system: string; code: string; display?: string }> = []): typeof found {
  if (Array.isArray(value)) value.forEach((v) => codings(v, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.system === 'string' && typeof record.code === 'string') found.push(record as (typeof found)[number]);
    else Object.values(record).forEach((v) => codings(v, found));
  }
  return found;
}

describe.each(databaseKinds())('displays of the codes the hub emits, on %s', (kind) => {
  const resources: Array<{ resourceType: string; id: string }> = [];

  beforeAll(async () => {
    const bearer = await asApp(hubs[kind]!.graphql, 'national-aggregator');
    const client = new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: bearer.replace(/^Bearer /, '') });
    for (const resourceType of TYPES) {
      let bundle = (await client.search({ resourceType, searchParams: { _count: String(MAX_COUNT), _total: 'accurate' } })) as unknown as Bundle;
      const total = bundle.total;
      const before = resources.length;
      for (;;) {
        resources.push(...(bundle.entry ?? []).map((e) => e.resource));
        const next = (await client.nextPage({ bundle: bundle as never })) as unknown as Bundle | undefined;
        if (!next) break;
        bundle = next;
      }
      // Every page was read: as many resources as the search's own total.
      expect(resources.length - before, resourceType).toBe(total);
    }
  }, 600_000);

  it('read every resource of the five types, with codes of national systems among them', () => {
    for (const type of TYPES) expect(resources.some((r) => r.resourceType === type), type).toBe(true);
    const national = new Set(Object.values(TERMINOLOGY).map((s) => s.url));
    const systems = new Set(codings(resources).map((c) => c.system).filter((s) => national.has(s)));
    // The offer's coded fields reach FHIR: several national systems, TRE_R244 (HealthcareService.category) among them.
    expect(systems.size).toBeGreaterThan(5);
    expect(systems.has(TERMINOLOGY.organisationCategory.url)).toBe(true);
  });

  it("gives each code of a national file the hub loads exactly that file's display", () => {
    expect(nationalCodingIssues(resources)).toEqual([]);
  });

  it('never gives one code two displays', () => {
    expect(displayIssues(resources)).toEqual([]);
  });
});
