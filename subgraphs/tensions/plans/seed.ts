/**
 * Demo data: the Plan blanc of CH Chartres Louis Pasteur (280504267), the establishment of the demo
 * account `ref.planblanc.chartres`, after the PGTHSSE structure of the DGOS 2019 guide (level 1
 * PMI, level 2 plan blanc). Contacts name functions, not people: their addresses are demo ones.
 */
import { count } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import type { PlanContent } from './plan-schema.js';
import { plans, planVersions, solidarityLinks } from './tables.js';

export const DEMO_PLAN_BLANC_ESTABLISHMENT = '280504267';

export const DEMO_PLAN_BLANC: PlanContent = {
  summary:
    "Plan de gestion des tensions hospitalières et des situations sanitaires exceptionnelles (PGTHSSE) : niveau 1 plan de mobilisation interne, niveau 2 plan blanc. Déclenché par le directeur ou l'administrateur de garde, après avis de la cellule de crise.",
  levels: [
    { code: 'PMI', label: 'Niveau 1 – Plan de mobilisation interne', description: "Tension avérée : cellule de veille quotidienne, suivi renforcé des lits." },
    { code: 'PLAN_BLANC', label: 'Niveau 2 – Plan blanc', description: 'Tension majeure ou SSE : cellule de crise, déprogrammation, rappel des personnels.' },
  ],
  triggers: [
    { levelCode: 'PMI', description: 'Patients présents aux urgences à 15 h au-delà du seuil habituel', indicator: 'Charge des urgences à 15 h', threshold: '> 45 patients' },
    { levelCode: 'PMI', description: 'Lits disponibles en médecine insuffisants pour les hospitalisations après urgences', indicator: 'Lits disponibles médecine', threshold: '< BJML du jour' },
    { levelCode: 'PLAN_BLANC', description: 'Afflux de victimes ou épidémie dépassant les capacités du PMI', indicator: null, threshold: null },
    { levelCode: 'PLAN_BLANC', description: 'Réanimation et soins continus saturés', indicator: 'Lits disponibles réanimation + USC', threshold: '0 pendant 12 h' },
  ],
  contacts: [
    { role: 'Directeur de garde', name: 'Administrateur de garde', phone: null, email: 'direction-garde@ch-chartres.localhost', availability: '24 h/24 par le standard' },
    { role: 'Président de la CME', name: 'Président de CME', phone: null, email: 'cme@ch-chartres.localhost', availability: 'Jours ouvrés' },
    { role: 'Chef de service des urgences', name: 'Responsable des urgences', phone: null, email: 'urgences@ch-chartres.localhost', availability: '24 h/24' },
    { role: 'Cadre de santé gestionnaire de lits', name: 'Bed manager', phone: null, email: 'gestion-lits@ch-chartres.localhost', availability: '8 h – 20 h' },
  ],
  actions: [
    { levelCode: 'PMI', description: 'Activation de la cellule de veille (point quotidien à 9 h)', owner: 'Directeur de garde' },
    { levelCode: 'PMI', description: 'Anticipation des sorties (sorties avant midi, salon de sortie)', owner: 'Cadres de santé' },
    { levelCode: 'PMI', description: 'Report des hospitalisations programmées de médecine', owner: 'Chefs de pôle' },
    { levelCode: 'PLAN_BLANC', description: "Activation de la cellule de crise et information de l'ARS", owner: 'Directeur de garde' },
    { levelCode: 'PLAN_BLANC', description: 'Déprogrammation de la chirurgie non urgente', owner: 'Président de la CME' },
    { levelCode: 'PLAN_BLANC', description: 'Rappel des personnels en repos et ouverture de lits supplémentaires', owner: 'Direction des soins' },
  ],
};

/**
 * Solidarity establishments of the demo declarations' establishments: the nearest ones of the same
 * département holding intensive or continuous care units (chosen once from the demo region).
 */
export const DEMO_SOLIDARITY: Record<string, string[]> = {
  '450002613': ['450000245', '450010079', '450000294'], // CHR Orléans La Source
  '280504267': ['280505777', '280000084'], // CH Chartres
  '370004467': ['370007569', '370000861'], // CHRU Trousseau
  '360000137': ['360000160'], // CH Châteauroux
  '180000010': ['180004145', '180000200'], // CH Bourges
  '410000020': ['410000202', '410000038'], // CH Blois
  '280000084': ['280504267', '280505777'], // CH Dreux
};

/** Writes the demo plan once: nothing when the subgraph already holds plans. */
export async function seedPlans(db: Database): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(plans);
  if ((row?.n ?? 0) > 0) return false;
  await db.orm.transaction(async (tx) => {
    const at = new Date('2025-01-15T09:00:00Z');
    const base = { kind: 'BLANC', establishmentId: DEMO_PLAN_BLANC_ESTABLISHMENT, version: 1, content: DEMO_PLAN_BLANC };
    await tx.insert(plans).values({ ...base, createdAt: at, updatedAt: at, updatedBy: 'seed' });
    await tx.insert(planVersions).values({ ...base, author: 'seed', at });
    const links = Object.entries(DEMO_SOLIDARITY).flatMap(([establishmentId, ids]) =>
      ids.map((solidarityEstablishmentId, rank) => ({ establishmentId, solidarityEstablishmentId, rank, updatedBy: 'seed', updatedAt: at })),
    );
    await tx.insert(solidarityLinks).values(links);
  });
  return true;
}
