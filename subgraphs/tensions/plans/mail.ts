/**
 * The mail the ARS crisis cell (and the establishment, when it asked) receives at each declaration,
 * change and closure of a tension, in French like every mail of the hub. The establishment's name
 * is left as ESTABLISHMENT_MARKER: it comes from the offer subgraph after the draft is committed
 * (mailer.ts says why), and `withEstablishment` fills it in.
 */
import type { ChangeEvent } from '../../../platform/changes/tables.js';
import type { MailDetails, MailEntry } from './mail-store.js';

export const ESTABLISHMENT_MARKER = '{{ETABLISSEMENT}}';

const ACTION_LABELS: Record<string, string> = {
  DECLARE: 'Déclaration de tension',
  UPDATE: 'Tension modifiée',
  ADD_ACTIONS: 'Nouvelles actions',
  CLOSE: 'Fin de tension',
};

const ENTRY_LABELS: Record<string, string> = {
  DECLARED: 'Déclaration',
  LEVEL_CHANGED: 'Changement de niveau',
  DISCIPLINE_GROUP_CHANGED: 'Changement de groupe de disciplines',
  ACTION_ADDED: 'Action',
  CLOSED: 'Clôture',
};

const PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

export const formatParis = (at: Date): string => PARIS.format(at);

function entryLine(e: MailEntry): string {
  const what = [ENTRY_LABELS[e.kind] ?? e.kind, e.actionLabel, e.kind === 'LEVEL_CHANGED' ? e.levelCode : null].filter(Boolean).join(' : ');
  return `- ${formatParis(e.at)} – ${e.author} – ${what}${e.notes ? ` (${e.notes})` : ''}`;
}

/** A GraphQL GET on the gateway showing the declaration (with a bearer token of a tension reader). */
export function tensionLink(gatewayBase: string, tensionId: string): string {
  const query = `{ tension(id: "${tensionId}") { id status level disciplineGroup startedAt endedAt timeline { at author kind action { label } notes } } }`;
  return `${gatewayBase}/graphql?query=${encodeURIComponent(query)}`;
}

export interface TensionMailContext {
  event: ChangeEvent;
  establishmentId: string;
  status: string;
  details: MailDetails;
  link: string;
}

export function tensionMail({ event, establishmentId, status, details, link }: TensionMailContext): { subject: string; body: string } {
  const action = ACTION_LABELS[event.action] ?? event.action;
  return {
    subject: `ROR : ${action} – ${ESTABLISHMENT_MARKER} – ${details.levelLabel} (${event.recordId})`,
    body: [
      'Bonjour,',
      '',
      `${action} n° ${event.recordId} sur le ROR.`,
      '',
      `Établissement : ${ESTABLISHMENT_MARKER} (FINESS ${establishmentId})`,
      `Niveau : ${details.levelLabel}`,
      `Groupe de disciplines : ${details.groupLabel}`,
      `Statut : ${status === 'CLOSED' ? 'clôturée' : 'en cours'}`,
      `Par : ${event.actor ?? 'inconnu'}, le ${formatParis(event.occurredAt)} (heure de Paris)`,
      '',
      'Ce qui a changé :',
      ...(details.entries.length ? details.entries.map(entryLine) : ['- (aucune entrée de chronologie)']),
      '',
      'Consulter la déclaration (API du hub, jeton requis) :',
      link,
    ].join('\n'),
  };
}

/** Fills in the establishment's name once known. */
export function withEstablishment(text: string, name: string): string {
  return text.split(ESTABLISHMENT_MARKER).join(name);
}
