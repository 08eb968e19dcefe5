/**
 * Issue 13's "done when", end to end with real clients on every database kind: a GP signed in
 * finds free beds for an 82-year-old woman within 40 km of Orléans in one call, asks a CHR Orléans
 * unit for one, the bed manager's open graphql-ws subscription receives the request, the
 * acceptance reaches the GP's subscription live and shows in FHIR (fhir-kit-client) as an
 * accepted Task; a user of another establishment sees none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Client as FhirClient } from 'fhir-kit-client';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';

const ORLEANS = { latitude: 47.9029, longitude: 1.9093 };
const CHR_ORLEANS = '450000088';

const PLACE_SEARCH = /* GraphQL */ `
  query($criteria: PlaceSearchInput!) {
    placeSearch(criteria: $criteria, first: 50) {
      totalCount
      edges { node { distanceKm freeBeds stale unit { id establishment { id organization { id } } } } }
    }
  }
`;

const CHANGES = /* GraphQL */ `
  subscription($filter: AdmissionRequestChangeFilter) {
    admissionRequestChanged(filter: $filter) { action actor request { id status version targets { unit { id } status } } }
  }
`;

interface Change {
  action: string;
  actor: string;
  request: { id: string; status: string; version: number; targets: Array<{ unit: { id: string }; status: string }> };
}

/** Subscribes; `next(predicate)` waits for the first event that matches it. */
function follow(client: Client, variables: Record<string, unknown>) {
  const events: Change[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => undefined;
  const stop = client.subscribe<{ admissionRequestChanged: Change }>({ query: CHANGES, variables }, {
    next: (r) => {
      if (r.errors) errors.push(r.errors);
      if (r.data) events.push(r.data.admissionRequestChanged);
      wake();
    },
    error: (e) => {
      errors.push(e);
      wake();
    },
    complete: () => undefined,
  });
  const next = async (match: (c: Change) => boolean, ms = 10_000): Promise<Change | undefined> => {
    const end = Date.now() + ms;
    while (Date.now() < end && !events.some(match) && errors.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    return events.find(match);
  };
  return { events, errors, next, stop };
}

describe.each(endToEndKinds('postgres'))('direct admission, end to end (%s)', (kind) => {
  let hub: TestHub;
  const tokens: Record<string, string> = {};
  const sockets: Client[] = [];
  const socket = (token: string) => {
    const c = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    sockets.push(c);
    return c;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const login of ['medecin.ville.orleans', 'gestionnaire.lits.orleans', 'saisie.lits.chateauroux', 'ref.uo.tours']) tokens[login] = await asUser(hub.urls.graphql, login);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await hub?.close();
  });

  it('finds a bed, asks for it, and follows the answer live in GraphQL and FHIR', async () => {
    const gp = tokens['medecin.ville.orleans']!;
    const manager = tokens['gestionnaire.lits.orleans']!;

    // 1. One call: free beds for an 82-year-old woman within 40 km of Orléans.
    const found = await gql<{ placeSearch: { totalCount: number; edges: Array<{ node: { distanceKm: number; freeBeds: number; stale: boolean; unit: { id: string; establishment: { id: string; organization: { id: string } } } } }> } }>(
      hub.urls.graphql,
      PLACE_SEARCH,
      { criteria: { near: { ...ORLEANS, radiusKm: 40 }, patientAge: 82, patientSex: 'FEMALE', freeBedsOnly: true, disciplines: ['MEDICINE'] } },
      { authorization: gp },
    );
    expect(found.errors).toBeUndefined();
    const places = found.data!.placeSearch.edges.map((e) => e.node);
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) {
      expect(place.distanceKm).toBeLessThanOrEqual(40);
      expect(place.freeBeds).toBeGreaterThan(0);
    }
    const distances = places.map((p) => p.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const target = places.find((p) => p.unit.establishment.organization.id === CHR_ORLEANS);
    expect(target, 'a CHR Orléans unit with a free bed').toBeDefined();
    const unitId = target!.unit.id;

    // 2. The bed manager listens; the GP listens to its own requests.
    const managerFeed = follow(socket(manager), { filter: { side: 'RECEIVED' } });
    const gpFeed = follow(socket(gp), { filter: { side: 'SENT' } });
    await new Promise((r) => setTimeout(r, 500)); // both subscriptions open upstream

    const sent = await gql<{ requestAdmission: { id: string; status: string; version: number } }>(
      hub.urls.graphql,
      `mutation($input: AdmissionRequestInput!) { requestAdmission(input: $input) { id status version } }`,
      { input: { unitIds: [unitId], patientAge: 82, patientSex: 'FEMALE', discipline: 'MEDICINE', urgency: 'SAME_DAY', clinicalSummary: 'Chute à domicile, déshydratation, pas de fracture.', callbackContact: '+33 2 38 00 00 00' } },
      { authorization: gp },
    );
    expect(sent.errors).toBeUndefined();
    const request = sent.data!.requestAdmission;
    expect(request.status).toBe('PENDING');

    // 3. The bed manager's subscription receives it (well under a second in practice).
    const arrived = await managerFeed.next((c) => c.request.id === request.id);
    expect(managerFeed.errors).toEqual([]);
    expect(arrived?.request.status).toBe('PENDING');

    // 4. A user of another establishment sees nothing of it.
    for (const outsider of ['saisie.lits.chateauroux', 'ref.uo.tours']) {
      const seen = await gql<{ admissionRequest: unknown }>(hub.urls.graphql, `query($id: ID!) { admissionRequest(id: $id) { id } }`, { id: request.id }, { authorization: tokens[outsider]! });
      expect(seen.data?.admissionRequest ?? null, outsider).toBeNull();
    }

    // 5. The bed manager accepts; the acceptance reaches the GP live.
    const accepted = await gql<{ answerAdmissionRequest: { status: string } }>(
      hub.urls.graphql,
      `mutation($id: ID!, $unitId: ID!, $v: Int!) { answerAdmissionRequest(id: $id, unitId: $unitId, input: { answer: ACCEPT }, expectedVersion: $v) { status } }`,
      { id: request.id, unitId, v: arrived!.request.version },
      { authorization: manager },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.answerAdmissionRequest.status).toBe('ACCEPTED');
    const answer = await gpFeed.next((c) => c.request.id === request.id && c.request.status === 'ACCEPTED');
    expect(gpFeed.errors).toEqual([]);
    expect(answer?.request.targets).toEqual([{ unit: { id: unitId }, status: 'ACCEPTED' }]);

    // 6. FHIR shows it as an accepted Task, to the GP; not to an outsider.
    const fhir = (token: string) => new FhirClient({ baseUrl: hub.urls.fhir, bearerToken: token.replace(/^Bearer /, '') });
    const tasks = (await fhir(gp).search({ resourceType: 'Task', searchParams: { focus: `ServiceRequest/${request.id}` } })) as { entry?: Array<{ resource: { status: string; focus: { reference: string } } }> };
    expect(tasks.entry?.map((e) => e.resource.status)).toEqual(['accepted']);
    const hidden = (await fhir(tokens['saisie.lits.chateauroux']!).search({ resourceType: 'Task', searchParams: { focus: `ServiceRequest/${request.id}` } })) as { entry?: unknown[] };
    expect(hidden.entry ?? []).toEqual([]);

    managerFeed.stop();
    gpFeed.stop();
  });
});
