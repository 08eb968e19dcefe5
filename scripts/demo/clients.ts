/**
 * The demo region's trust-circle applications (OAuth clients with private_key_jwt, as SMART
 * Backend Services). Their key pairs are committed under keys/ — DEMO ONLY, see keys/README.md.
 */
import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { AccessLevel, Scope } from '../../platform/auth/identity.js';
import type { Database } from '../../platform/db/client.js';

export interface DemoClient {
  clientId: string;
  name: string;
  scopes: Scope[];
  accessLevel: AccessLevel;
  /** Where capacity.write reaches (FINESS ET); none: the application writes nothing. */
  writeEstablishments?: string[];
}

export const DEMO_CLIENTS: readonly DemoClient[] = [
  // The national public directory (santé.fr): public data only, hence access profile 0.
  { clientId: 'sante-fr-directory', name: 'Santé.fr — annuaire public', scopes: ['offer.read'], accessLevel: 0 },
  // Direct-admission software (ViaTrajectoire-like) that needs the beds available now, and sends
  // admission requests for the doctors who use it (docs/admissions.md).
  { clientId: 'place-search', name: 'Recherche de places (admissions directes)', scopes: ['offer.read', 'capacity.read', 'admission.request'], accessLevel: 2 },
  // The DGOS daily pull of the whole region: everything, read-only, with bulk export.
  {
    clientId: 'national-aggregator',
    name: 'Agrégateur national (DGOS)',
    scopes: ['offer.read', 'capacity.read', 'tension.read', 'professional.read', 'bulk.export'],
    accessLevel: 1,
  },
  // CH Châteauroux's bed-management system, pushing its units' capacities (FHIR conditional PATCH
  // of the national protocol). It reads back what it writes; access profile 2: no confidential data.
  {
    clientId: 'bed-manager-chateauroux',
    name: 'Gestion des lits — CH Châteauroux',
    scopes: ['offer.read', 'capacity.read', 'capacity.write', 'offer.report'],
    accessLevel: 2,
    writeEstablishments: ['360000137'],
  },
];

const KEYS = new URL('./keys/', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, KEYS), 'utf8')) as T;
}

/** The application's public JWK set, as registered in the hub. */
export function demoPublicJwks(clientId: string): { keys: JWK[] } {
  return readJson(`${clientId}.jwks.json`);
}

/** The application's private signing key (DEMO ONLY: it is committed). */
export function demoPrivateJwk(clientId: string): JWK {
  return readJson(`${clientId}.private.jwk.json`);
}

/**
 * Registers the demo applications that are missing; returns the ids it added. Never in
 * production: their private keys are public, so they would hand out tokens to anyone.
 */
export async function seedDemoClients(db: Database, nodeEnv = process.env.NODE_ENV): Promise<string[]> {
  if (nodeEnv === 'production') return [];
  // Loaded here, not with the file: `npm run token` reads the keys above and never writes, and
  // the tables module brings Drizzle's schema builders (about 0.6 s of CPU per process).
  const { clients } = await import('../../subgraphs/professionals/tables.js');
  const added = await db.orm
    .insert(clients)
    .values(
      DEMO_CLIENTS.map((c) => ({
        clientId: c.clientId,
        name: c.name,
        jwks: demoPublicJwks(c.clientId),
        scopes: c.scopes,
        accessLevel: c.accessLevel,
        writeEstablishments: c.writeEstablishments ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ clientId: clients.clientId });
  return added.map((row) => row.clientId);
}
