/** "Historique des modifications" of a record: who changed what, when, newest first (the API's `history`). */
import type { ConsoleAuditEventFragment } from '../../gql/graphql';
import { dateTime } from '../../labels';
import { AUDIT_ACTIONS, AUDIT_FIELDS } from './labels';

/** A JSON value of the audit trail, readable: text as is, lists joined, nothing as "—". */
function shown(json: string | null | undefined): string {
  if (json === null || json === undefined) return '—';
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || value === '') return '—';
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') || '—';
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return json;
  }
}

export function History(props: { events: ConsoleAuditEventFragment[] | undefined; total: number; fetching: boolean; denied: boolean }) {
  return (
    <section aria-labelledby="historique" className="fr-mt-4w">
      <h2 id="historique">Historique des modifications</h2>
      {props.denied ? (
        <p>Vos droits ne permettent pas de consulter l’historique de cette fiche.</p>
      ) : props.fetching && !props.events ? (
        <p>Chargement…</p>
      ) : !props.events?.length ? (
        <p>Aucune modification enregistrée.</p>
      ) : (
        <>
          <ol className="fr-raw-list" aria-label="Modifications, la plus récente d’abord">
            {props.events.map((event) => (
              <li key={event.id} className="fr-mb-2w">
                <p className="fr-mb-1v">
                  <strong>{AUDIT_ACTIONS[event.action] ?? event.action}</strong> — {dateTime(event.at)}, par {event.actor}
                </p>
                {event.changes.length > 0 && (
                  <ul className="fr-text--sm fr-mb-0">
                    {event.changes.map((change) => (
                      <li key={change.field}>
                        {AUDIT_FIELDS[change.field] ?? change.field} : {shown(change.from)} → {shown(change.to)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {props.total > props.events.length && <p className="fr-text--sm">Les {props.events.length} dernières modifications sur {props.total}.</p>}
        </>
      )}
    </section>
  );
}
