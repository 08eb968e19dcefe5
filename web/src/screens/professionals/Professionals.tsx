/**
 * "Professionnels": the list with filters (name, profession, establishment), a professional's
 * record and role assignments; for those whose rights cover the person, editing the record
 * (updateProfessional) and assigning / revoking roles. Paths: /professionnels, /professionnels/<id>.
 * Shows only what the API returns: the rescue e-mail and passwords are never readable.
 */
import type { Me } from '../../rights';
import { ProfessionalList } from './ProfessionalList';
import { ProfessionalRecord } from './ProfessionalRecord';

export function Professionals(props: { me: Me; path: string }) {
  const id = props.path.split('/')[2];
  if (id) return <ProfessionalRecord key={id} me={props.me} id={decodeURIComponent(id)} />;
  return <ProfessionalList />;
}
