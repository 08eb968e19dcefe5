/**
 * "Offre": search the region's establishments and units, open their records (view, edit,
 * archive / reactivate / transfer / copy a unit, history of changes, "Signaler une erreur"), and,
 * for the regional team, the error reports to close. Paths: /offre, /offre/etablissements/<id>,
 * /offre/unites/<id>, /offre/signalements.
 */
import type { Me } from '../../rights';
import { OfferSearch } from './OfferSearch';
import { EstablishmentRecord } from './EstablishmentRecord';
import { UnitRecord } from './UnitRecord';
import { FeedbackList } from './FeedbackList';

export function Offer(props: { me: Me; path: string }) {
  const [, , section, id] = props.path.split('/');
  const recordId = id ? decodeURIComponent(id) : '';
  if (section === 'etablissements' && recordId) return <EstablishmentRecord key={recordId} me={props.me} id={recordId} />;
  if (section === 'unites' && recordId) return <UnitRecord key={recordId} me={props.me} id={recordId} />;
  if (section === 'signalements') return <FeedbackList me={props.me} />;
  return <OfferSearch me={props.me} />;
}

/** The regional team handles the reports: ORU_ROR_ETABLISSEMENT_EDIT granted transversally (docs/feedback.md). */
export function handlesReports(me: Me): boolean {
  return me.roleAssignments.some((a) => a.perimeterKind === 'TRANSVERSAL' && a.effectiveRights.includes('ORU_ROR_ETABLISSEMENT_EDIT'));
}
