/**
 * One declaration: its level, timeline, the crisis-cell mails of its changes and the beds of its
 * solidarity establishments; for its declarants, change the level, add actions, "Lever la
 * tension". Live: a change made elsewhere replaces it, with who and when.
 */
import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TensionChangedSubscription, TensionQuery } from '../../operations/tensions';
import { dateTime } from '../../labels';
import { frenchErrors } from '../../errors';
import type { Me } from '../../rights';
import { CHANGE_ACTIONS, MAIL_STATUSES, TIMELINE_KINDS, authorOf, coversEstablishment, levelSeverity, mayClose, mayUpdate, type Tension } from './shared';
import { SurveySection } from './het/SurveyForm';
import { TensionChanges } from './TensionChanges';

export function TensionDetail(props: { me: Me; id: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: TensionQuery, variables: { id: props.id }, requestPolicy: 'network-only' });
  const [tension, setTension] = useState<Tension | null>(null);
  const [lastChange, setLastChange] = useState<string | null>(null);
  useEffect(() => {
    if (data?.tension) setTension(data.tension);
  }, [data]);
  useSubscription({ query: TensionChangedSubscription, variables: {} }, (_previous, event) => {
    const change = event.tensionChanged;
    if (change.tension.id === props.id) {
      setTension(change.tension);
      setLastChange(`Dernière mise à jour en direct : ${CHANGE_ACTIONS[change.action] ?? change.action} par ${authorOf(change.entries)}, ${dateTime(change.at)}.`);
      // The mails of the change are queued after it: read them (and the beds) again.
      reload({ requestPolicy: 'network-only' });
    }
    return event;
  });
  const errors = frenchErrors(error);
  if (!tension) {
    if (fetching) return <p>Chargement…</p>;
    return <Alert severity="error" title="Déclaration introuvable" description={errors.general.join(' ') || 'Cette déclaration n’existe pas ou n’est pas dans votre périmètre.'} />;
  }
  const detail = data?.tension;
  const onWritten = (written: Tension) => {
    setTension(written);
    reload({ requestPolicy: 'network-only' });
  };
  return (
    <section aria-labelledby="declaration">
      <h2 id="declaration">
        {tension.id} — {tension.establishment.name}{' '}
        <Badge severity={tension.status === 'CLOSED' ? 'success' : 'warning'} small>
          {tension.status === 'CLOSED' ? 'Levée' : 'En cours'}
        </Badge>
      </h2>
      <p className="fr-text--sm" aria-live="polite">
        {lastChange ?? 'Les changements faits ailleurs apparaissent ici sans recharger la page.'}
      </p>
      <p>
        <Badge severity={levelSeverity(tension.levelDetail.rank)} noIcon>
          {tension.levelDetail.label}
        </Badge>{' '}
        — {tension.disciplineGroup} — depuis le {dateTime(tension.startedAt)}
        {tension.endedAt ? `, levée le ${dateTime(tension.endedAt)}` : ''} — déclarée par {tension.declaredBy ?? 'reprise des données'}
      </p>
      {(mayUpdate(props.me, tension) || mayClose(props.me, tension)) && <TensionChanges tension={tension} canUpdate={mayUpdate(props.me, tension)} onWritten={onWritten} />}
      <h3 className="fr-mt-4w">Chronologie</h3>
      <ol>
        {tension.timeline.map((entry) => (
          <li key={entry.id}>
            {dateTime(entry.at)} — {TIMELINE_KINDS[entry.kind]}
            {entry.action ? ` : ${entry.action.label}` : ''} — {entry.author}
            {entry.notes ? ` — « ${entry.notes} »` : ''}
          </li>
        ))}
      </ol>
      {detail && (
        <>
          <h3 className="fr-mt-4w">Mails envoyés (cellule de crise de l’ARS, et l’établissement s’il l’a demandé)</h3>
          {detail.notifications.length === 0 ? (
            <p>Aucun mail : les déclarations reprises des données n’en ont pas avant leur premier changement.</p>
          ) : (
            <ul>
              {detail.notifications.map((n, index) => (
                <li key={index}>
                  {n.subject} — à {n.recipient} — {MAIL_STATUSES[n.status]}
                  {n.sentAt ? ` le ${dateTime(n.sentAt)}` : ` (mis en file le ${dateTime(n.createdAt)})`}
                </li>
              ))}
            </ul>
          )}
          <h3 className="fr-mt-4w">Lits disponibles du groupe de disciplines</h3>
          <ul>
            {[detail.solidarity.establishment, ...detail.solidarity.solidarityEstablishments].map((e, index) => (
              <li key={e.establishment.id}>
                {e.establishment.name}
                {index > 0 ? ' (établissement solidaire)' : ''} : {e.beds.available}/{e.beds.total}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* The establishment's declarants answer the ARS's survey of their episode (docs/het-follow-up.md). */}
      {coversEstablishment(props.me, 'OruTension_tension_creation', tension.establishment) && <SurveySection tensionId={tension.id} chooseChannel={false} />}
      <Button className="fr-mt-3w" priority="secondary" linkProps={{ href: '/tensions' }}>
        Retour aux déclarations
      </Button>
    </section>
  );
}
