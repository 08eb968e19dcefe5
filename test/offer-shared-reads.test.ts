/**
 * Unit reads shared across concurrent requests (D218, -2): a unit comes with its
 * establishment in one statement, and the requests of one window share that statement, while
 * each request still applies its own identity's rules (sensitive units) to the shared rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Database } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { applyMigrations } from '../platform/db/migrate.js';
import type { Identity } from '../platform/auth/identity.js';
import { sharedReads } from '../platform/shared-reads.js';
import { createOfferStore } from '../subgraphs/offer/store.js';
import { createOfferService } from '../subgraphs/offer/service.js';
import { establishments, organizations, units } from '../subgraphs/offer/tables.js';

const MIGRATIONS = fileURLToPath(new URL('../subgraphs/offer/migrations', import.meta.url));

/** Profile 1 sees sensitive units; profile 2 does not (service.ts, seesConfidential). */
const confidential: Identity = { kind: 'client', subject: 'a', name: 'a', scopes: ['offer.read'], accessLevel: 1 };
const restricted: Identity = { kind: 'client', subject: 'b', name: 'b', scopes: ['offer.read'], accessLevel: 2 };

const unit = (id: string, sensitive: boolean) => ({
  id,
  establishmentId: '360000001',
  name: `UNIT ${id}`,
  ufCode: id,
  kind: 'MCO',
  discipline: 'MED',
  activityFieldCode: '01',
  careModeCode: '03',
  operationalActivityCodes: [],
  patientAgeMin: 0,
  patientAgeMax: 120,
  sensitive,
});

describe('shared unit reads', () => {
  let db: Database;
  /** Statements the database ran: the store builds some of its statements once and runs them many times. */
  let statements = 0;

  beforeAll(async () => {
    db = await emptyPglite();
    await applyMigrations(db, 'offer', MIGRATIONS);
    await db.orm.insert(organizations).values({ id: '360000000', name: 'CH TEST' });
    await db.orm.insert(establishments).values({
      id: '360000001', organizationId: '360000000', name: 'CH TEST SITE', categoryCode: '355', categoryLabel: 'CH', departmentCode: '36', regionCode: '24',
    });
    await db.orm.insert(units).values([unit('U-OPEN', false), unit('U-SENSITIVE', true)]);
    // Counted at the driver (Drizzle's PGlite client), where every statement of the store goes.
    const client = (db.orm as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => ((statements += 1), query(...args));
  });
  afterAll(() => db.close());

  it('gives two identities their own answers from one read, establishment included', async () => {
    const store = createOfferStore(db.orm);
    const open = createOfferService(store, confidential);
    const closed = createOfferService(store, restricted);
    statements = 0;
    const [seen, hidden, bothOpen] = await Promise.all([open.unit('U-SENSITIVE'), closed.unit('U-SENSITIVE'), closed.unit('U-OPEN')]);
    expect(statements).toBe(1);
    expect(seen?.id).toBe('U-SENSITIVE');
    expect(hidden).toBeNull();
    expect(bothOpen?.id).toBe('U-OPEN');
    // The establishment came with the unit: no statement more.
    expect((await open.establishment(seen!.establishmentId))?.name).toBe('CH TEST SITE');
    expect((await closed.establishment(bothOpen!.establishmentId))?.name).toBe('CH TEST SITE');
    expect(statements).toBe(1);
  });

  it('reads again in a later window (nothing kept between requests)', async () => {
    const store = createOfferStore(db.orm);
    statements = 0;
    expect((await createOfferService(store, restricted).unit('U-OPEN'))?.id).toBe('U-OPEN');
    expect(await createOfferService(store, restricted).unit('U-SENSITIVE')).toBeNull();
    expect((await createOfferService(store, confidential).unit('U-SENSITIVE'))?.sensitive).toBe(true);
    expect(await createOfferService(store, confidential).unit('U-UNKNOWN')).toBeNull();
    expect(statements).toBe(4);
  });
});

describe('sharedReads', () => {
  const rowsOf = (keys: string[]) => keys.filter((k) => !k.startsWith('missing')).map((k) => ({ id: k }));

  it('merges the keys of one window into one read and gives each caller its own rows', async () => {
    const reads: string[][] = [];
    const read = sharedReads(async (keys: string[]) => (reads.push(keys), rowsOf(keys)), (r) => r.id, { maxKeys: 10 });
    const [a, b, c] = await Promise.all([read(['x', 'y']), read(['y', 'z']), read(['missing-1'])]);
    expect(reads).toEqual([['x', 'y', 'z', 'missing-1']]);
    expect(a).toEqual([{ id: 'x' }, { id: 'y' }]);
    expect(b).toEqual([{ id: 'y' }, { id: 'z' }]);
    expect(c).toEqual([]);
  });

  it('starts a batch that would pass maxKeys, and reads a caller above it alone', async () => {
    const reads: string[][] = [];
    const read = sharedReads(async (keys: string[]) => (reads.push(keys), rowsOf(keys)), (r) => r.id, { maxKeys: 3 });
    await Promise.all([read(['a', 'b']), read(['c', 'd']), read(['e', 'f', 'g', 'h'])]);
    expect(reads).toEqual([['a', 'b'], ['e', 'f', 'g', 'h'], ['c', 'd']]);
    expect(await read([])).toEqual([]);
  });

  it('rejects every caller of a failed read, and the next window reads again', async () => {
    let fail = true;
    const read = sharedReads(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return rowsOf(keys);
    }, (r) => r.id, { maxKeys: 10 });
    const results = await Promise.allSettled([read(['a']), read(['b'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await read(['a'])).toEqual([{ id: 'a' }]);
  });
});
