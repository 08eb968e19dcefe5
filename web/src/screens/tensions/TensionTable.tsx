/** A table of declarations: establishment, group, level, since, status, who declared and the last change. */
import type { ReactNode } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from '../../router';
import { dateTime } from '../../labels';
import { TIMELINE_KINDS, levelSeverity, type Tension } from './shared';

export function TensionTable(props: { caption: string; tensions: Tension[]; empty: string }) {
  if (props.tensions.length === 0) return <p>{props.empty}</p>;
  return (
    <ScrollTable label={props.caption}>
            <table>
              <caption>{props.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Déclaration</th>
                  <th scope="col">Établissement</th>
                  <th scope="col">Niveau et groupe de disciplines</th>
                  <th scope="col">Période</th>
                  <th scope="col">Dernier changement</th>
                </tr>
              </thead>
              <tbody>
                {props.tensions.map((t) => {
                  const last = t.timeline[t.timeline.length - 1];
                  return (
                    <tr key={t.id} data-tension={t.id}>
                      <td>
                        <Link href={`/tensions/${t.id}`}>{t.id}</Link>
                      </td>
                      <td>
                        {t.establishment.name}
                        <br />
                        <span className="fr-text--xs">{t.establishment.address.city} ({t.establishment.address.departmentCode})</span>
                      </td>
                      <td>
                        <Badge small severity={levelSeverity(t.levelDetail.rank)} noIcon>
                          {t.levelDetail.label}
                        </Badge>
                        <br />
                        {t.disciplineGroup}
                      </td>
                      <td>
                        depuis le {dateTime(t.startedAt)}
                        <br />
                        {t.status === 'CLOSED' && t.endedAt ? <strong>Levée le {dateTime(t.endedAt)}</strong> : <strong>En cours</strong>}
                      </td>
                      <td>
                        {last && (
                          <>
                            {TIMELINE_KINDS[last.kind]}
                            {last.action ? ` : ${last.action.label}` : ''}
                            <br />
                            <span className="fr-text--xs">
                              {last.author}, {dateTime(last.at)}
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
    </ScrollTable>
  );
}

/**
 * DSFR's table frame. Its container scrolls sideways on narrow screens: it is a named region that
 * takes the focus, so the keyboard scrolls it too (axe: scrollable-region-focusable).
 */
export function ScrollTable(props: { label: string; children: ReactNode }) {
  return (
    <div className="fr-table fr-table--no-caption">
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={props.label}>
          <div className="fr-table__content">{props.children}</div>
        </div>
      </div>
    </div>
  );
}
