/**
 * The search's centre. A commune named by INSEE or postal code is looked up in the official
 * geographic code (npm `@etalab/decoupage-administratif`: codes, names, postal codes,
 * populations); that dataset has no coordinates, and no registry package carries commune
 * centroids, so the commune's point is derived: the mean position of the establishments of the
 * commune, asked from the offer (docs/admissions.md § Place search). A commune without any
 * establishment has no point: BAD_USER_INPUT naming the field.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { badInput, type Origin } from './criteria.js';

export interface Centre {
  latitude: number;
  longitude: number;
  communeCode: string | null;
  communeName: string | null;
}

interface Commune {
  code: string;
  nom: string;
  type: string;
  population?: number;
  codesPostaux?: string[];
}

interface Communes {
  byCode: Map<string, Commune>;
  byPostalCode: Map<string, Commune>;
}

/**
 * Current communes and, for Paris, Lyon and Marseille, their municipal arrondissements (the codes
 * FINESS addresses carry); former and delegated communes are not centres.
 */
const CENTRE_TYPES = new Set(['commune-actuelle', 'arrondissement-municipal']);

/**
 * A postal code names the most populated commune it serves; where it serves municipal
 * arrondissements, the arrondissement (Paris 75056 spans every Paris code).
 */
function better(current: Commune | undefined, candidate: Commune): boolean {
  if (!current) return true;
  const rank = (c: Commune) => (c.type === 'arrondissement-municipal' ? 1 : 0);
  if (rank(candidate) !== rank(current)) return rank(candidate) > rank(current);
  return (candidate.population ?? 0) > (current.population ?? 0);
}

let loading: Promise<Communes> | null = null;

/** The 35,000-odd communes, read once and only when a search first names one (the file is 10 MB). */
export function communes(): Promise<Communes> {
  loading ??= (async () => {
    const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    const all = (JSON.parse(await readFile(file, 'utf8')) as Commune[]).filter((c) => CENTRE_TYPES.has(c.type));
    const byCode = new Map<string, Commune>();
    const byPostalCode = new Map<string, Commune>();
    for (const commune of all) {
      byCode.set(commune.code, commune);
      for (const postal of commune.codesPostaux ?? []) if (better(byPostalCode.get(postal), commune)) byPostalCode.set(postal, commune);
    }
    return { byCode, byPostalCode };
  })().catch((error: unknown) => {
    loading = null; // a failed read is tried again by the next search
    throw error;
  });
  return loading;
}

export async function resolveCentre(origin: Origin, client: SubgraphClient): Promise<Centre> {
  if (origin.kind === 'near') return { latitude: origin.latitude, longitude: origin.longitude, communeCode: null, communeName: null };
  const field = origin.kind === 'commune' ? 'criteria.communeCode' : 'criteria.postalCode';
  const { byCode, byPostalCode } = await communes();
  const commune = origin.kind === 'commune' ? byCode.get(origin.code) : byPostalCode.get(origin.code);
  if (!commune) {
    throw badInput(field, origin.kind === 'commune' ? `No current commune has the INSEE code ${origin.code}.` : `No commune has the postal code ${origin.code}.`);
  }
  const { communePoint } = await client.query<{ communePoint: { latitude: number; longitude: number } | null }>(
    'offer',
    'query($code: String!) { communePoint(inseeCode: $code) { latitude longitude } }',
    { code: commune.code },
  );
  if (!communePoint) {
    throw badInput(field, `The hub knows no position for ${commune.nom} (${commune.code}): it has no establishment there. Search with \`near\` instead.`);
  }
  return { ...communePoint, communeCode: commune.code, communeName: commune.nom };
}
