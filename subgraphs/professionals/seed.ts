/**
 * Demo data loading for the professionals subgraph: the region's professionals and, outside
 * production, demo accounts with role assignments (scripts/demo/identities.ts builds them).
 */
import { createHash } from 'node:crypto';
import type { Database, Orm } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import type { PerimeterKind, RightCode } from '../../platform/auth/rights.js';
import type { RoleCode } from '../../platform/auth/roles.js';
import { createProfessionalStore } from './store.js';
import { createAccountStore } from './accounts.js';
import { createRoleStore } from './role-store.js';
import { hashPassword } from './passwords.js';
import { establishmentAssignments, people, unitAssignments } from './tables.js';

/** A record with its placement; `exerciseModeCodes`: TRE_R23 code by unit id, where known. */
type Person = typeof people.$inferInsert & { establishmentIds: string[]; unitIds: string[]; exerciseModeCodes?: Record<string, string> };

export interface SeedIdentity {
  login: string;
  password: string;
  /** A professional of the seed, or `newProfessional`'s id. */
  professionalId: string;
  /** A record created for this identity alone (e.g. the ARS team), seeded with it. */
  newProfessional?: Person;
  assignments: Array<{ role?: RoleCode; right?: RightCode; perimeterKind: PerimeterKind; perimeterId: string | null }>;
}

export interface ProfessionalSeed {
  professionals: Person[];
  /** TRE_R30 region of each establishment (FINESS ET) of the seed: the offer's data, stored with each placement. */
  establishmentRegions: Readonly<Record<string, string>>;
  /** Demo accounts; seeded only when `nodeEnv` is not production (they share a published password). */
  identities?: SeedIdentity[];
  nodeEnv?: string;
  /** scrypt cost of the demo accounts' hashes (config.passwordScryptLog2N); OWASP's by default. */
  passwordLog2N?: number;
}

/** Stable account ids, so a demo identity has the same `sub` on every machine. */
export function demoAccountId(login: string): string {
  const h = createHash('sha256').update(`ror-hub demo account ${login}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

async function seedIdentities(orm: Orm, identities: Array<SeedIdentity & { passwordHash: string }>): Promise<void> {
  const accountStore = createAccountStore(orm);
  const roleStore = createRoleStore(orm);
  for (const identity of identities) {
    const id = demoAccountId(identity.login);
    await accountStore.insert({ id, professionalId: identity.professionalId, login: identity.login });
    await accountStore.setPassword(id, identity.passwordHash);
    await roleStore.insertMany(
      identity.assignments.map((a) => ({
        professionalId: identity.professionalId,
        role: a.role ?? null,
        right: a.right ?? null,
        perimeterKind: a.perimeterKind,
        perimeterId: a.perimeterId,
        grantedBy: 'demo seed',
      })),
    );
  }
}

export async function seedProfessionals(db: Database, input: ProfessionalSeed): Promise<boolean> {
  if ((await createProfessionalStore(db.orm).countAll()) > 0) return false;
  const demo = input.nodeEnv && input.nodeEnv !== 'production' ? (input.identities ?? []) : [];
  const all = [...input.professionals, ...demo.flatMap((i) => (i.newProfessional ? [i.newProfessional] : []))];
  const persons = all.map(({ establishmentIds: _e, unitIds: _u, exerciseModeCodes: _m, ...person }) => person);
  const atEstablishments = all.flatMap((p) => p.establishmentIds.map((establishmentId) => ({ professionalId: p.id, establishmentId, regionCode: input.establishmentRegions[establishmentId] ?? null })));
  // Demo units are all `<FINESS ET>-<UF code>` of the establishment they are seeded in.
  const atUnits = all.flatMap((p) =>
    p.unitIds.map((unitId) => {
      const establishmentId = unitId.split('-')[0]!;
      return { professionalId: p.id, unitId, establishmentId, exerciseModeCode: p.exerciseModeCodes?.[unitId] ?? null, regionCode: input.establishmentRegions[establishmentId] ?? null };
    }),
  );
  // Hashed before the transaction: scrypt is slow on purpose. Once per distinct password: the demo
  // accounts share one published password, and hashing it for each (0.1–0.3 s of CPU at OWASP's
  // cost) was most of a first start's seed (issue 16); the accounts then store the same hash, which
  // tells nothing the documentation does not.
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (password: string) => hashes.get(password) ?? hashes.set(password, hashPassword(password, input.passwordLog2N)).get(password)!;
  const identities = await Promise.all(demo.map(async (i) => ({ ...i, passwordHash: await hashOf(i.password) })));
  await db.orm.transaction(async (tx) => {
    await insertInChunks(tx, people, persons);
    await insertInChunks(tx, establishmentAssignments, atEstablishments);
    await insertInChunks(tx, unitAssignments, atUnits);
    await seedIdentities(tx, identities);
  });
  return true;
}
