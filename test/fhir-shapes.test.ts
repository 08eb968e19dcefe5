/**
 * Every resource the demo region serves, read page by page with fhir-kit-client as a national
 * consumer would, and held to the ROR profiles' shapes that the per-resource checks of
 * test/helpers/fhir/validate.ts cannot see alone: one display per (system, code) across all
 * resources and equal to the national terminology file, the HealthcareService specialty slice,
 * Location.type and ror-commune-cog, Practitioner idNat_PS, complete PractitionerRoles (issue 17).
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds } from './helpers/hub.js';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { arsTeamOf, territorialCoordinatorOf, townDoctorOf } from '../scripts/demo/identities.js';
import { asApp } from './helpers/tokens.js';
import { displayIssues, rorIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, EXTENSIONS, IDENTIFIER_SYSTEMS } from '../fhir/codes.js';
import type { CodeableConcept, Extension, FhirResource } from '../fhir/types.js';

const hubs = inject('hubs');

type Served = FhirResource & {
  id: string;
  extension?: Extension[];
  type?: CodeableConcept | CodeableConcept[];
  specialty?: CodeableConcept[];
  identifier?: Array<{ system?: string; value?: string }>;
};
type Page = { entry?: Array<{ resource: Served; search?: { mode?: string } }>; link?: Array<{ relation: string; url: string }> };

/** Every match of `type`, following `next` links (the largest page the hub serves). */
async function readAll(client: Client, resourceType: string): Promise<Served[]> {
  const all: Served[] = [];
  let page = (await client.search({ resourceType, searchParams: { _count: 100 } })) as Page;
  for (;;) {
    all.push(...(page.entry ?? []).filter((e) => e.search?.mode !== 'outcome').map((e) => e.resource));
    const next = page.link?.find((l) => l.relation === 'next')?.url;
    if (!next) return all;
    page = (await client.nextPage({ bundle: page } as never)) as Page;
  }
}

const systemsOf = (concept: CodeableConcept | undefined) => (concept?.coding ?? []).map((c) => c.system);
const count = (resources: Served[], test: (r: Served) => boolean) => `${resources.filter(test).length}/${resources.length}`;

describe.each(endToEndKinds('pglite'))('the demo region as the IG draws it, on %s', (kind) => {
  const served: Record<string, Served[]> = {};

  beforeAll(async () => {
    const bearer = (await asApp(hubs[kind]!.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const client = new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: bearer });
    for (const type of ['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole']) {
      served[type] = await readAll(client, type);
    }
  }, 120_000);

  it('gives one display per (system, code) across resources, the national terminology file’s', () => {
    expect(displayIssues(Object.values(served).flat())).toEqual([]);
  });

  it('puts exactly one TRE_R211 activity in HealthcareService.specialty (the operationalActivity slice is 1..1)', () => {
    const services = served.HealthcareService!;
    const one = (s: Served) => (s.specialty ?? []).filter((c) => systemsOf(c).includes(CODE_SYSTEMS.activiteOperationnelle)).length === 1;
    expect(count(services, one)).toBe(`${services.length}/${services.length}`);
  });

  it('gives every Location a TRE_R343 type and a ror-commune-cog', () => {
    const locations = served.Location!;
    const typed = (l: Served) => Array.isArray(l.type) && l.type.length === 1 && systemsOf(l.type[0]).includes(CODE_SYSTEMS.fonctionLieu);
    const cog = (l: Served) => (l.extension ?? []).filter((e) => e.url === EXTENSIONS.communeCog).length === 1;
    expect({ type: count(locations, typed), cog: count(locations, cog) }).toEqual({
      type: `${locations.length}/${locations.length}`,
      cog: `${locations.length}/${locations.length}`,
    });
  });

  it('serves every health professional as a Practitioner with its idNat_PS (8 + RPPS or 0 + ADELI), and the ARS team’s and the territorial coordination’s records not at all', () => {
    // The seeded records only: test files that write on the shared hubs add professionals of their own.
    const region = buildDemoRegion();
    // Neither is a health professional: the regional team, and the ORU's territorial coordination (docs/territory.md).
    const unnumbered = [arsTeamOf(region), territorialCoordinatorOf(region)].map((p) => p.id);
    const seeded = new Set([...region.professionals, arsTeamOf(region), townDoctorOf(region), territorialCoordinatorOf(region)].map((p) => p.id));
    const practitioners = served.Practitioner!.filter((p) => seeded.has(p.id));
    expect(practitioners).toHaveLength(seeded.size - 2);
    expect(practitioners.filter((p) => unnumbered.includes(p.id))).toEqual([]);
    const identified = (p: Served) => (p.identifier ?? []).filter((i) => i.system === IDENTIFIER_SYSTEMS.idNatPs && /^(8\d{11}|0[0-9A-Z]{9})$/.test(i.value ?? '')).length === 1;
    expect(count(practitioners, identified)).toBe(`${practitioners.length}/${practitioners.length}`);
  });

  it('gives every seeded situation a PractitionerRole with its identifier, profession, savoir-faire and exercise mode', () => {
    const region = buildDemoRegion();
    const situations = new Set(region.professionals.flatMap((p) => p.unitIds.map((u) => `${p.id}.${u}`)));
    const roles = served.PractitionerRole!.filter((r) => situations.has(r.id));
    expect(roles).toHaveLength(situations.size);
    const complete = (r: Served) =>
      (r.identifier ?? []).some((i) => i.system === IDENTIFIER_SYSTEMS.situation && /^S\d{7,}$/.test(i.value ?? '')) &&
      ((r as { code?: unknown[] }).code ?? []).length === 1 &&
      (r.specialty ?? []).some((c) => systemsOf(c).includes(CODE_SYSTEMS.typeSavoirFaire)) &&
      (r.extension ?? []).some((e) => e.url === EXTENSIONS.practitionerRoleUnitExerciseMode);
    expect(count(roles, complete)).toBe(`${roles.length}/${roles.length}`);
    expect(new Set(roles.map((r) => r.identifier![0]!.value)).size).toBe(roles.length);
  });

  // Every served resource against its ROR profile with @medplum/core (about 10 ms each, 2,000+
  // resources): a generous timeout, not a timing assertion.
  it('serves resources that meet their ROR profile and the hub’s rules', () => {
    const issues = Object.values(served)
      .flat()
      .flatMap((r) => rorIssues(r).map((issue) => `${r.resourceType}/${r.id}: ${issue}`));
    expect(issues).toEqual([]);
  }, 240_000);
});
