/**
 * The BJML table of a département, like ORU Occitanie's "Pilotage > BJML": per ED, the 25th
 * percentile of post-ED admissions over the same ISO week of past years (the BJML), their mean and
 * 75th percentile, the département's total; an ED whose RPU quality does not allow the
 * computation is on red, with the reason written out (never colour alone).
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { number, percent } from '../territory';
import { QUALITY_TEXT, type BjmlRow } from './bjml';

const RED = { background: 'var(--background-contrast-error, #ffe9e9)' };

export function BjmlTable(props: { rows: BjmlRow[]; departmentName: string }) {
  const computed = props.rows.filter((r) => r.quality === 'OK');
  const sum = (pick: (r: BjmlRow) => number | null | undefined) => computed.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const first = props.rows[0];
  const insufficient = props.rows.length - computed.length;
  return (
    <div className="fr-table fr-table--bordered">
      <table>
        <caption>
          Besoin journalier minimal en lits (BJML) — {props.departmentName}
          {first && `, semaine ${first.week} de ${first.year} (historique des ${first.years} années précédentes)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">BJML (25e percentile, même semaine)</th>
            <th scope="col">Moyenne quotidienne des hospitalisations post-urgences</th>
            <th scope="col">75e percentile</th>
            <th scope="col">Qualité des RPU</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Total du département{insufficient > 0 && ` (hors ${insufficient} établissement${insufficient > 1 ? 's' : ''} non calculé${insufficient > 1 ? 's' : ''} : besoin sous-évalué)`}</th>
            <td><strong>{number(sum((r) => r.bjml), 1)}</strong></td>
            <td><strong>{number(sum((r) => r.mean), 1)}</strong></td>
            <td><strong>{number(sum((r) => r.p75), 1)}</strong></td>
            <td>{computed.length} sur {props.rows.length} calculés</td>
          </tr>
          {props.rows.map((r) => {
            const bad = r.quality !== 'OK';
            return (
              <tr key={r.establishment.id} style={bad ? RED : undefined} data-quality={r.quality}>
                <th scope="row" style={bad ? RED : undefined}>
                  {r.establishment.name}
                  {r.establishment.city && <span className="fr-text--xs"> — {r.establishment.city}</span>}
                </th>
                <td style={bad ? RED : undefined}>{bad ? 'Non calculé' : number(r.bjml, 1)}</td>
                <td style={bad ? RED : undefined}>{number(r.mean, 1)}</td>
                <td style={bad ? RED : undefined}>{number(r.p75, 1)}</td>
                <td style={bad ? RED : undefined}>
                  {bad ? (
                    <Badge severity="error" small>
                      {QUALITY_TEXT[r.quality]}
                    </Badge>
                  ) : (
                    QUALITY_TEXT.OK
                  )}
                  <br />
                  <span className="fr-text--xs">
                    Mode de sortie renseigné : {percent(r.exitModeFilledRate)} ; jours observés : {r.observedDays}/{r.expectedDays}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
