/**
 * "Urgences": for a département, the BJML table of its EDs; for one ED and a period (the last 30
 * days by default), its daily indicators as charts, each with its data table; the tension-detection
 * proposals to take into account. Read rights: the tension read rights on the establishment.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { EmergencyIndicatorsQuery } from '../../operations/emergency';
import { frenchErrors } from '../../errors';
import { rightsOf, type Me } from '../../rights';
import { DepartmentSelect, addDays, number, parisToday, percent, useDepartment } from '../territory';
import { BjmlTable } from './BjmlTable';
import { useDepartmentBjml } from './bjml';
import { IndicatorChart } from './IndicatorChart';
import { Proposals } from './Proposals';

/** Who may decide a proposal (docs/emergency.md § Rights); the API checks the establishment. */
const DECIDE_RIGHTS = ['OruTension_tension_creation', 'OruTension_alerte_cloture', 'ORU_ALERTE_NEW'];

interface Period {
  from: string;
  to: string;
}

export function Emergency(props: { me: Me }) {
  const territory = useDepartment(props.me);
  const bjml = useDepartmentBjml(territory.code);
  const departmentName = territory.departments.find((d) => d.code === territory.code)?.name ?? territory.code ?? '';
  const eds = bjml.rows ?? [];
  const [edId, setEdId] = useState('');
  useEffect(() => {
    if (bjml.rows && !bjml.rows.some((r) => r.establishment.id === edId)) setEdId(bjml.rows[0]?.establishment.id ?? '');
  }, [bjml.rows, edId]);
  const mayDecide = DECIDE_RIGHTS.some((r) => rightsOf(props.me).has(r));
  return (
    <>
      <h1>Urgences</h1>
      <p>Activité des services d’urgences (résumés de passage aux urgences, RPU) et besoin journalier minimal en lits par département.</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <DepartmentSelect departments={territory.departments} code={territory.code} onChange={territory.choose} />
        </div>
      </div>
      {(territory.error || bjml.failed) && <Alert severity="error" small description="Une partie des données n’a pas pu être lue : réessayez dans un instant." />}
      {!bjml.rows && <p>Chargement…</p>}
      {bjml.rows && bjml.rows.length === 0 && <p>Aucun service d’urgences de ce département n’a transmis de RPU que vos droits permettent de voir.</p>}
      {bjml.rows && bjml.rows.length > 0 && (
        <>
          <section aria-labelledby="indicateurs" className="fr-mt-2w">
            <h2 id="indicateurs">Indicateurs d’un service d’urgences</h2>
            <Indicators eds={eds.map((r) => r.establishment)} edId={edId} onEd={setEdId} />
          </section>
          <section aria-labelledby="bjml" className="fr-mt-6w">
            <h2 id="bjml">Besoin journalier minimal en lits (BJML)</h2>
            <p className="fr-text--sm">
              Le BJML est le nombre de lits à réserver chaque jour de la semaine pour les hospitalisations après passage aux urgences : le 25e percentile des hospitalisations post-urgences constatées la même semaine des années précédentes. Sans RPU de qualité suffisante, il n’est pas calculé et le besoin du département est sous-évalué d’autant : ces établissements sont sur fond rouge.
            </p>
            <BjmlTable rows={bjml.rows} departmentName={departmentName} />
          </section>
          <Proposals establishmentIds={new Set(eds.map((r) => r.establishment.id))} mayDecide={mayDecide} />
        </>
      )}
    </>
  );
}

function Indicators(props: { eds: Array<{ id: string; name: string }>; edId: string; onEd: (id: string) => void }) {
  const today = parisToday();
  const [draft, setDraft] = useState<Period>({ from: addDays(today, -29), to: today });
  const [period, setPeriod] = useState<Period>(draft);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [{ data, error, fetching }] = useQuery({
    query: EmergencyIndicatorsQuery,
    variables: { establishmentId: props.edId, from: period.from, to: period.to },
    pause: !props.edId,
  });
  const apiErrors = frenchErrors(error);
  const errors = { ...apiErrors.fields, ...fieldErrors };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.from) found.from = 'Indiquez la date de début.';
    if (!draft.to) found.to = 'Indiquez la date de fin.';
    else if (draft.from && draft.to < draft.from) found.to = 'La fin doit être le même jour que le début ou après.';
    else if (draft.from && addDays(draft.from, 399) < draft.to) found.to = 'La période compte au plus 400 jours.';
    setFieldErrors(found);
    if (Object.keys(found).length === 0) setPeriod(draft);
  };
  const result = data?.emergencyIndicators;
  const days = result?.days ?? [];
  const series = (pick: (d: (typeof days)[number]) => number | null | undefined) => days.map((d) => ({ day: d.day, value: pick(d) ?? null }));
  const ed = props.eds.find((e) => e.id === props.edId);
  return (
    <>
      <form onSubmit={apply} noValidate className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" aria-label="Service et période">
        <div className="fr-col-12 fr-col-lg-5">
          <Select label="Service d’urgences" nativeSelectProps={{ value: props.edId, onChange: (e) => props.onEd(e.target.value) }}>
            {props.eds.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-lg-3">
          <Input label="Du" nativeInputProps={{ type: 'date', value: draft.from, onChange: (e) => setDraft({ ...draft, from: e.target.value }) }} {...(errors.from ? { state: 'error' as const, stateRelatedMessage: errors.from } : {})} />
        </div>
        <div className="fr-col-6 fr-col-lg-3">
          <Input label="Au" nativeInputProps={{ type: 'date', value: draft.to, onChange: (e) => setDraft({ ...draft, to: e.target.value }) }} {...(errors.to ? { state: 'error' as const, stateRelatedMessage: errors.to } : {})} />
        </div>
        <div className="fr-col-12 fr-col-lg-1">
          <Button type="submit" className="fr-mb-3w">
            Afficher
          </Button>
        </div>
      </form>
      {apiErrors.general.length > 0 && <Alert severity="error" small description={apiErrors.general.join(' ')} />}
      {fetching && !result && <p>Chargement…</p>}
      {result && (
        <>
          <p className="fr-text--sm" aria-live="polite">
            {ed?.name} : {days.length} jour{days.length > 1 ? 's' : ''} avec des passages du {period.from.split('-').reverse().join('/')} au {period.to.split('-').reverse().join('/')} ; capacité d’accueil {result.receptionCapacity} places
            {result.receptionCapacityIsDefault ? ' (valeur par défaut : le service n’a pas déclaré la sienne)' : ''}.
          </p>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Passages" unit="passages" format={(v) => number(v)} points={series((d) => d.visits)} />
            </div>
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Passages des 75 ans et plus" unit="passages" format={(v) => number(v)} points={series((d) => d.visits75)} />
            </div>
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Taux d’hospitalisation" unit="%" percent format={(v) => percent(v, 1)} points={series((d) => (d.admissionRate === null || d.admissionRate === undefined ? null : d.admissionRate))} />
            </div>
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Durée moyenne de passage des patients hospitalisés" unit="minutes" format={(v) => (v === null ? '—' : `${number(v)} min`)} points={series((d) => d.admittedMeanLengthOfStay)} />
            </div>
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Patients présents à 15 h" unit="patients" format={(v) => number(v)} points={series((d) => d.presentAt15)} rule={result.receptionCapacity} />
            </div>
            <div className="fr-col-12 fr-col-lg-6">
              <IndicatorChart title="Charge à 15 h (présents ÷ capacité d’accueil)" unit="%" percent format={(v) => percent(v)} points={series((d) => d.loadAt15)} rule={1} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
