/**
 * The mail the ARS crisis cell (and the establishment, when it opted in) receives when a manual
 * alert is raised or closed, in French, drafted by the Plans part's mailer (plans/mailer.ts) like
 * a declaration's, with the establishment's name filled in after commit.
 */
import type { ChangeEvent } from '../../../platform/changes/tables.js';
import { ESTABLISHMENT_MARKER, formatParis } from '../plans/mail.js';
import { ALERT_OUTCOMES, ALERT_REASONS, labelOf } from './codes.js';
import type { AlertEventPayload } from './events.js';

/** Acknowledging an alert mails nobody: the cell is told when it is raised and when it ends. */
export const MAILED_ALERT_ACTIONS = new Set(['CREATE', 'CLOSE']);

export function alertMail(event: ChangeEvent, p: AlertEventPayload, groupLabel: string): { subject: string; body: string } {
  const what = event.action === 'CLOSE' ? 'Alerte close' : 'Nouvelle alerte';
  return {
    subject: `ROR : ${what} – ${ESTABLISHMENT_MARKER} – ${labelOf(ALERT_REASONS, p.reason)} (${event.recordId})`,
    body: [
      'Bonjour,',
      '',
      `${what} n° ${event.recordId} sur le ROR.`,
      '',
      `Établissement : ${ESTABLISHMENT_MARKER} (FINESS ${p.establishmentId})${p.unitId ? `, unité ${p.unitId}` : ''}`,
      `Motif : ${labelOf(ALERT_REASONS, p.reason)}`,
      `Groupe de disciplines : ${groupLabel}`,
      `Message : ${p.message}`,
      ...(p.outcome ? [`Issue : ${labelOf(ALERT_OUTCOMES, p.outcome)}${p.tensionId ? ` (déclaration ${p.tensionId})` : ''}`] : []),
      `Par : ${event.actor ?? 'inconnu'}, le ${formatParis(event.occurredAt)} (heure de Paris)`,
    ].join('\n'),
  };
}
