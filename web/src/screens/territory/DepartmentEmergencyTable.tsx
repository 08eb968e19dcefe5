/**
 * A département's emergency table in one call (departmentEmergency): per ED the day's passages and
 * admissions, the week's BJML, the medicine + surgery beds available now, the totals; an ED
 * whose beds are below its BJML, or whose BJML cannot be computed, says so in words.
 */
import { useQuery } from 'urql';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { DepartmentEmergencyQuery } from '../../operations/territory';
import { frenchDay, number } from '../territory';
import { Unavailable } from '../dashboard/Dashboard';

export function DepartmentEmergencyTable(props: { departmentCode: string }) {
  const [{ data, error }] = useQuery({ query: DepartmentEmergencyQuery, variables: { departmentCode: props.departmentCode }, requestPolicy: 'network-only' });
  const table = data?.departmentEmergency;
  return (
    <section aria-labelledby={`urgences-${props.departmentCode}`} className="fr-mt-4w">
      <h2 id={`urgences-${props.departmentCode}`}>Urgences et BJML — département {props.departmentCode}</h2>
      <Unavailable error={error} />
      {table && (table.rows.length === 0 ? <p>Aucun service d’urgences n’a transmis de RPU ces 30 derniers jours.</p> : (
        <div className="fr-table fr-table--sm fr-table--bordered">
          <table>
            <caption>Passages du {frenchDay(table.day)}, BJML de la semaine {table.week}, lits de médecine et chirurgie disponibles</caption>
            <thead>
              <tr>
                <th scope="col">Établissement</th>
                <th scope="col">Passages</th>
                <th scope="col">Hospitalisations post-urgences</th>
                <th scope="col">BJML</th>
                <th scope="col">75e percentile</th>
                <th scope="col">Lits médecine + chirurgie disponibles</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Total ({table.totals.emergencyDepartments} services{table.totals.bjmlNotComputed > 0 && `, dont ${table.totals.bjmlNotComputed} BJML non calculé : besoin sous-évalué`})</th>
                <td><strong>{number(table.totals.visits)}</strong></td>
                <td><strong>{number(table.totals.admitted)}</strong></td>
                <td><strong>{number(table.totals.bjml, 1)}</strong></td>
                <td><strong>{number(table.totals.p75, 1)}</strong></td>
                <td><strong>{number(table.totals.availableDownstreamBeds)}</strong></td>
              </tr>
              {table.rows.map((r) => (
                <tr key={r.establishment.id}>
                  <th scope="row">{r.establishment.name}</th>
                  <td>{number(r.indicators?.visits)}</td>
                  <td>{number(r.indicators?.admitted)}</td>
                  <td>{r.bjml.quality === 'OK' ? number(r.bjml.bjml, 1) : <Badge severity="error" small>Non calculé</Badge>}</td>
                  <td>{number(r.bjml.p75, 1)}</td>
                  <td>
                    {number(r.availableDownstreamBeds)}
                    {r.belowBjml && <> <Badge severity="warning" small>Sous le BJML</Badge></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
