/**
 * Demo data of the HET follow-up, on the demo declarations (scripts/demo/region/tensions.ts):
 * an open alert at CHR Orléans La Source; a closed one at CH Bourges that led to its declaration
 * T0005, which the ARS follows (record open, first steps done); and the closed record of CHRU
 * Tours's March 2020 plan blanc T0003, with its RETEX and survey. Times follow the declarations'.
 */
import { count, inArray } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import { declarations } from '../tables.js';
import { alerts, procedures, procedureSteps, retex, surveys } from './tables.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const FOLLOWED = 'T0005'; // CH Bourges, HET_2, in progress
const REVIEWED = 'T0003'; // CHRU Tours Trousseau, plan blanc, March–June 2020

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** Writes the demo once: nothing when an alert exists, or without the demo declarations. */
export async function seedHet(db: Database): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(alerts);
  if ((row?.n ?? 0) > 0) return false;
  const found = await db.orm.select().from(declarations).where(inArray(declarations.id, [FOLLOWED, REVIEWED]));
  const followed = found.find((d) => d.id === FOLLOWED);
  const reviewed = found.find((d) => d.id === REVIEWED);
  if (!followed || !reviewed) return false;
  const start = followed.startedAt;
  const lifted = reviewed.endedAt ?? at(reviewed.startedAt, 24 * HOUR_MS);
  await db.orm.transaction(async (tx) => {
    await tx.insert(alerts).values([
      {
        id: 'A0001', establishmentId: '450002613', disciplineGroupCode: 'URGENCES', reason: 'ED_INFLOW',
        message: '62 patients présents aux urgences à 14 h, 18 en attente d’un lit d’aval ; renfort médical demandé.',
        createdBy: 'seed', createdAt: new Date(Date.now() - 3 * HOUR_MS),
      },
      {
        id: 'A0002', establishmentId: '180000010', disciplineGroupCode: 'URGENCES', reason: 'BED_SHORTAGE',
        message: 'Plus aucun lit de médecine disponible, 12 patients en attente aux urgences.',
        createdBy: 'seed', createdAt: at(start, -2 * HOUR_MS), acknowledgedBy: 'seed', acknowledgedAt: at(start, -90 * MINUTE_MS),
        status: 'CLOSED', outcome: 'DECLARED', tensionId: FOLLOWED, closedBy: 'seed', closedAt: start, version: 3,
      },
    ]);
    await tx.insert(procedures).values([
      { tensionId: FOLLOWED, openedBy: 'seed', openedAt: at(start, 15 * MINUTE_MS) },
      { tensionId: REVIEWED, openedBy: 'seed', openedAt: at(reviewed.startedAt, 20 * MINUTE_MS), status: 'CLOSED', closedBy: 'seed', closedAt: at(lifted, 60 * 24 * HOUR_MS), version: 2 },
    ]);
    const step = (tensionId: string, code: string, doneAt: Date, notes: string | null = null) => ({ tensionId, step: code, doneAt, doneBy: 'seed', notes });
    await tx.insert(procedureSteps).values([
      step(FOLLOWED, 'ALERT_RECEIVED', at(start, 10 * MINUTE_MS)),
      step(FOLLOWED, 'ESTABLISHMENT_CONTACTED', at(start, 45 * MINUTE_MS), 'Directeur de garde joint ; cellule de crise à 17 h.'),
      step(FOLLOWED, 'SITUATION_ASSESSED', at(start, 2 * HOUR_MS), 'Médecine saturée ; Vierzon et Guillaume de Varye ont des lits.'),
      step(REVIEWED, 'ALERT_RECEIVED', at(reviewed.startedAt, 5 * MINUTE_MS)),
      step(REVIEWED, 'ESTABLISHMENT_CONTACTED', at(reviewed.startedAt, 30 * MINUTE_MS)),
      step(REVIEWED, 'SITUATION_ASSESSED', at(reviewed.startedAt, 3 * HOUR_MS)),
      step(REVIEWED, 'SUPPORT_MOBILISED', at(reviewed.startedAt, 24 * HOUR_MS), 'Transferts de réanimation coordonnés avec le SAMU 37.'),
      step(REVIEWED, 'DAILY_FOLLOW_UP', at(reviewed.startedAt, 48 * HOUR_MS)),
      step(REVIEWED, 'TENSION_LIFTED', lifted),
      step(REVIEWED, 'RETEX_HELD', at(lifted, 30 * 24 * HOUR_MS)),
      step(REVIEWED, 'SURVEY_SENT', at(lifted, 31 * 24 * HOUR_MS)),
    ]);
    await tx.insert(retex).values({
      tensionId: REVIEWED, heldAt: at(lifted, 30 * 24 * HOUR_MS), savedBy: 'seed',
      participants: 'ARS (direction de l’offre de soins, cellule de crise), direction et réanimation du CHRU, SAMU 37',
      summary: 'Plan blanc de réanimation pendant la première vague COVID : capacité doublée par transformation d’unités.',
      strengths: 'Cellule de crise quotidienne ; saisie des lits disponibles dans le ROR tenue à jour.',
      improvements: 'Délais de transfert inter-établissements ; information des établissements solidaires.',
      recommendations: 'Formaliser la procédure HET distincte du plan blanc ; désigner un gestionnaire de lits.',
    });
    await tx.insert(surveys).values({
      tensionId: REVIEWED, channel: 'PHONE', respondent: 'seed', respondedAt: at(lifted, 40 * 24 * HOUR_MS),
      answers: { HAS_HET_PROCEDURE: false, PROCEDURE_TRIGGERED: false, ARS_REACHABLE: 4, ARS_SUPPORT: 4, INFORMATION: 3, ROR_MODULE: 4, COMMENTS: 'Souhaite un modèle régional de procédure HET.' },
    });
  });
  return true;
}
