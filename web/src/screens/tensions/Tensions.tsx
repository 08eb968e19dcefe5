/**
 * "Tensions": hospital-in-tension declarations and crisis plans, in sub-views the user's rights
 * open: the lists (HET en cours, J-7 / J-15 / J-30), "Déclarer une HET" (OruTension_tension_creation),
 * the alerts and their "Nouvelle alerte" form (ORU_ALERTE_NEW), the map, the ARS view (a tension-read
 * right granted transversally), the ARS's procedure record (ORU_HET_PROCEDURE_*), Plan blanc / Plan
 * bleu (ORU_PLAN_*), and one declaration at /tensions/<id>.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TENSION_READ_RIGHTS, PLAN_RIGHTS, grantsOf, readsRegionTensions, type Me } from '../../rights';
import { mayDeclare } from './shared';
import { TensionLists } from './TensionLists';
import { DeclareWizard } from './DeclareWizard';
import { TensionDetail } from './TensionDetail';
import { ArsView } from './ArsView';
import { CrisisPlans } from './CrisisPlans';
import { Alerts } from './het/Alerts';
import { AlertForm } from './het/AlertForm';
import { TensionMap } from './het/TensionMap';
import { ArsProcedures } from './het/ArsProcedures';
import { mayRaiseAlerts, readsProcedures } from './het/labels';

interface View {
  path: string;
  title: string;
}

function viewsFor(me: Me): View[] {
  const has = (rights: readonly string[]) => rights.some((right) => grantsOf(me, right).length > 0);
  const views: View[] = [];
  if (has(TENSION_READ_RIGHTS)) views.push({ path: '/tensions', title: 'HET en cours et historique' });
  if (mayDeclare(me)) views.push({ path: '/tensions/declarer', title: 'Déclarer une HET' });
  if (has(TENSION_READ_RIGHTS)) views.push({ path: '/tensions/alertes', title: 'Alertes' }, { path: '/tensions/carte', title: 'Carte' });
  if (readsRegionTensions(me)) views.push({ path: '/tensions/ars', title: 'Vue ARS' });
  if (readsProcedures(me)) views.push({ path: '/tensions/procedure', title: 'Procédure ARS' });
  if (has(PLAN_RIGHTS)) views.push({ path: '/tensions/plans', title: 'Plan blanc / Plan bleu' });
  return views;
}

export function Tensions(props: { me: Me; path: string }) {
  const views = viewsFor(props.me);
  const path = props.path.replace(/\/$/, '');
  // A Plan bleu referent reads no declaration: their first view is the plans.
  const current = views.find((v) => v.path === path) ?? (path === '/tensions' ? views[0] : undefined);
  const id = !current && /^\/tensions\/T\d+$/.test(path) ? path.slice('/tensions/'.length) : null;
  let content: React.ReactNode;
  if (id && views.some((v) => v.path === '/tensions')) content = <TensionDetail me={props.me} id={id} />;
  else if (current?.path === '/tensions') content = <TensionLists />;
  else if (current?.path === '/tensions/declarer') content = <DeclareWizard me={props.me} />;
  else if (current?.path === '/tensions/alertes') content = <Alerts me={props.me} />;
  else if (path === '/tensions/alertes/nouvelle' && mayRaiseAlerts(props.me)) content = <AlertForm me={props.me} />;
  else if (current?.path === '/tensions/carte') content = <TensionMap />;
  else if (current?.path === '/tensions/procedure') content = <ArsProcedures me={props.me} />;
  else if (current?.path === '/tensions/ars') content = <ArsView />;
  else if (current?.path === '/tensions/plans') content = <CrisisPlans me={props.me} />;
  else content = <p>Cette vue n’existe pas ou vos droits ne l’ouvrent pas.</p>;
  return (
    <>
      <h1>Tensions</h1>
      <nav aria-label="Vues de l’écran Tensions" className="fr-mb-4w">
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {views.map((view) => (
            <li key={view.path}>
              <Button size="small" priority={view === current ? 'primary' : 'secondary'} linkProps={{ href: view.path, ...(view === current ? { 'aria-current': 'page' as const } : {}) }}>
                {view.title}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {content}
    </>
  );
}
