/**
 * Plan blanc / Plan bleu forms (docs/tension-plans.md § Plans) through the gateway on a private hub,
 * with the demo accounts: the seeded Plan blanc of CH Chartres; create, edit and version with
 * optimistic concurrency; validation of the sections; allow and deny for every right
 * (ORU_PLAN_BLANC_SHOW / _EDIT, ORU_PLAN_BLEU_NEW / _SHOW / _EDIT).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const CHARTRES = '280504267'; // ref.planblanc.chartres: Plan blanc show/edit, Plan bleu edit
const BLOIS = '410000020'; // ref.planbleu.blois: Plan bleu new/show/edit on its legal entity
const BOURGES = '180000010';

const PLAN = `kind version updatedBy establishment { id name } content { summary levels { code label description } triggers { levelCode description indicator threshold } contacts { role name phone email availability } actions { levelCode description owner } } versions { version author }`;
const GET = `query($k: CrisisPlanKind!, $e: ID!) { crisisPlan(kind: $k, establishmentId: $e) { ${PLAN} } }`;
const SAVE = `mutation($k: CrisisPlanKind!, $e: ID!, $c: CrisisPlanContentInput!, $v: Int!) { saveCrisisPlan(kind: $k, establishmentId: $e, content: $c, expectedVersion: $v) { ${PLAN} } }`;

type Result<T = Record<string, unknown>> = { data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
interface Plan {
  kind: string;
  version: number;
  updatedBy: string;
  establishment: { id: string; name: string };
  content: { summary: string | null; levels: Array<{ code: string }>; triggers: unknown[]; contacts: Array<{ email: string | null; phone: string | null }>; actions: Array<{ levelCode: string }> };
  versions: Array<{ version: number; author: string }>;
}
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

const BLEU = {
  summary: 'Plan bleu de démonstration',
  levels: [{ code: 'N1', label: 'Niveau 1 – Vigilance' }, { code: 'N2', label: 'Niveau 2 – Crise' }],
  triggers: [{ levelCode: 'N2', description: 'Canicule : alerte rouge Météo-France', indicator: 'Vigilance canicule', threshold: 'rouge' }],
  contacts: [{ role: 'Directeur', name: 'Direction', email: 'direction@ch-blois-test.localhost', phone: '+33 2 54 00 00 00' }],
  actions: [{ levelCode: 'N1', description: 'Rafraîchissement des locaux' }, { levelCode: 'N2', description: 'Rappel des personnels', owner: 'DRH' }],
};

describe.each(endToEndKinds('postgres'))('Plan blanc and Plan bleu (%s)', (kind) => {
  let hub: TestHub;
  let blanc: string;
  let bleu: string;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const get = (token: string | null, k: string, e: string) => as<{ crisisPlan: Plan | null }>(token, GET, { k, e });
  const save = (token: string | null, k: string, e: string, c: unknown, v: number) => as<{ saveCrisisPlan: Plan }>(token, SAVE, { k, e, c, v });

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [blanc, bleu] = await Promise.all([asUser(hub.urls.graphql, 'ref.planblanc.chartres'), asUser(hub.urls.graphql, 'ref.planbleu.blois')]);
  }, 120_000);
  afterAll(async () => hub?.close());

  it('shows the seeded Plan blanc of CH Chartres to its referent, and to no one without the right', async () => {
    const plan = ok(await get(blanc, 'BLANC', CHARTRES)).crisisPlan!;
    expect(plan).toMatchObject({ kind: 'BLANC', version: 1, updatedBy: 'seed', establishment: { id: CHARTRES }, versions: [{ version: 1, author: 'seed' }] });
    expect(plan.establishment.name).toBeTruthy(); // from the offer subgraph
    expect(plan.content.levels.map((l) => l.code)).toEqual(['PMI', 'PLAN_BLANC']);
    expect(plan.content.triggers.length).toBeGreaterThan(0);
    expect(plan.content.contacts.length).toBeGreaterThan(0);
    expect(new Set(plan.content.actions.map((a) => a.levelCode))).toEqual(new Set(['PMI', 'PLAN_BLANC']));
    const viaEstablishment = ok(await as<{ establishment: { planBlanc: { version: number } | null; planBleu: unknown } }>(blanc, `{ establishment(id: "${CHARTRES}") { planBlanc { version } planBleu { version } } }`));
    expect(viaEstablishment.establishment).toEqual({ planBlanc: { version: 1 }, planBleu: null }); // Plan bleu: read through its edit right
    expect(ok(await as<{ myCrisisPlans: Plan[] }>(blanc, `{ myCrisisPlans(kind: BLANC) { establishment { id } } }`)).myCrisisPlans).toEqual([{ establishment: { id: CHARTRES } }]);

    const denied = await get(bleu, 'BLANC', CHARTRES);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(denied.errors![0]!.message).toContain('ORU_PLAN_BLANC_SHOW');
    for (const login of ['decl.tension.bourges', 'admin.ars', 'ref.etab.orleans']) expect(codeOf(await get(await asUser(hub.urls.graphql, login), 'BLANC', CHARTRES))).toBe('FORBIDDEN');
    expect(codeOf(await get(await asApp(hub.urls.graphql, 'national-aggregator'), 'BLANC', CHARTRES))).toBe('FORBIDDEN');
    expect(codeOf(await get(null, 'BLANC', CHARTRES))).toBe('UNAUTHENTICATED');
    expect(ok(await as<{ myCrisisPlans: Plan[] }>(bleu, `{ myCrisisPlans(kind: BLANC) { version } }`)).myCrisisPlans).toEqual([]);
  });

  it('edits the Plan blanc with optimistic concurrency and keeps every version', async () => {
    const current = ok(await get(blanc, 'BLANC', CHARTRES)).crisisPlan!;
    const content = { ...strip(current.content), summary: 'Révision 2026 après exercice' };
    const v2 = ok(await save(blanc, 'BLANC', CHARTRES, content, 1)).saveCrisisPlan;
    expect(v2).toMatchObject({ version: 2, updatedBy: 'ref.planblanc.chartres', content: { summary: 'Révision 2026 après exercice' } });
    expect(v2.versions.map((v) => [v.version, v.author])).toEqual([[2, 'ref.planblanc.chartres'], [1, 'seed']]);

    const stale = await save(blanc, 'BLANC', CHARTRES, content, 1);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { version: 2, updatedBy: 'ref.planblanc.chartres' } });
    expect(codeOf(await save(blanc, 'BLANC', CHARTRES, content, 0))).toBe('CONFLICT'); // it exists already

    // Editing is ORU_PLAN_BLANC_EDIT on the establishment.
    expect(codeOf(await save(blanc, 'BLANC', BOURGES, content, 0))).toBe('FORBIDDEN');
    expect(codeOf(await save(bleu, 'BLANC', CHARTRES, content, 2))).toBe('FORBIDDEN');
    expect(codeOf(await save(await asUser(hub.urls.graphql, 'admin.ars'), 'BLANC', CHARTRES, content, 2))).toBe('FORBIDDEN');
    expect(codeOf(await save(null, 'BLANC', CHARTRES, content, 2))).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed form, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...BLEU, levels: [] }, 'content.levels'],
      [{ ...BLEU, contacts: [{ role: 'Directeur', name: 'X', email: 'pas-une-adresse' }] }, 'content.contacts.0.email'],
      [{ ...BLEU, actions: [{ levelCode: 'N9', description: 'Inconnu' }] }, 'content.actions.0.levelCode'],
      [{ ...BLEU, levels: [{ code: 'n1', label: 'minuscules' }] }, 'content.levels.0.code'],
      [{ ...BLEU, levels: [...BLEU.levels, { code: 'N1', label: 'doublon' }] }, 'content.levels.2.code'],
    ];
    for (const [content, field] of cases) {
      const r = await save(bleu, 'BLEU', BLOIS, content, 0);
      expect(r.errors![0]!.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('creates a Plan bleu with ORU_PLAN_BLEU_NEW, edits it with _EDIT, shows it with _SHOW', async () => {
    // The Plan blanc referent holds ORU_PLAN_BLEU_EDIT on Chartres, not _NEW: it cannot create one.
    const refused = await save(blanc, 'BLEU', CHARTRES, BLEU, 0);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('ORU_PLAN_BLEU_NEW');
    expect(codeOf(await save(bleu, 'BLEU', CHARTRES, BLEU, 0))).toBe('FORBIDDEN'); // outside its legal entity

    const created = ok(await save(bleu, 'BLEU', BLOIS, BLEU, 0)).saveCrisisPlan;
    expect(created).toMatchObject({ kind: 'BLEU', version: 1, establishment: { id: BLOIS }, content: { contacts: [{ email: 'direction@ch-blois-test.localhost', phone: '+33 2 54 00 00 00' }] } });
    const edited = ok(await save(bleu, 'BLEU', BLOIS, { ...BLEU, summary: 'v2' }, 1)).saveCrisisPlan;
    expect(edited.version).toBe(2);
    expect(ok(await get(bleu, 'BLEU', BLOIS)).crisisPlan!.content.summary).toBe('v2');
    expect(ok(await as<{ myCrisisPlans: Plan[] }>(bleu, `{ myCrisisPlans(kind: BLEU) { establishment { id } } }`)).myCrisisPlans).toEqual([{ establishment: { id: BLOIS } }]);

    for (const token of [blanc, await asUser(hub.urls.graphql, 'decl.tension.bourges')]) {
      expect(codeOf(await get(token, 'BLEU', BLOIS))).toBe('FORBIDDEN');
      expect(codeOf(await save(token, 'BLEU', BLOIS, BLEU, 2))).toBe('FORBIDDEN');
    }
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), `{ myCrisisPlans(kind: BLEU) { version } }`))).toBeUndefined();
    expect(codeOf(await as(null, `{ myCrisisPlans(kind: BLEU) { version } }`))).toBe('UNAUTHENTICATED');
  });

  it('lets the Plan blanc referent edit and read the Plan bleu of its establishment once it exists', async () => {
    // No demo account holds ORU_PLAN_BLEU_NEW on Chartres: the plan is written as a Plan bleu referent of its legal entity would have.
    await hub.db.rows(sql`insert into tensions.plan (kind, establishment_id, version, content, updated_by) values ('BLEU', ${CHARTRES}, 1, ${JSON.stringify(BLEU)}::jsonb, 'other.referent')`);
    expect(codeOf(await save(blanc, 'BLEU', CHARTRES, BLEU, 2))).toBe('CONFLICT');
    const edited = ok(await save(blanc, 'BLEU', CHARTRES, { ...BLEU, summary: 'Complété par le référent Plan blanc' }, 1)).saveCrisisPlan;
    expect(edited).toMatchObject({ version: 2, updatedBy: 'ref.planblanc.chartres' });
    expect(ok(await as<{ establishment: { planBleu: { version: number } } }>(blanc, `{ establishment(id: "${CHARTRES}") { planBleu { version } } }`)).establishment.planBleu).toEqual({ version: 2 });
  });
});

/** The content as an input (GraphQL outputs and inputs share the field names). */
function strip(content: Plan['content']): Record<string, unknown> {
  return JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
}
