/**
 * "Lits disponibles": the capacity grid of the user's perimeter, its synthesis and planned
 * closures, each tab shown only when the user's rights open it, and the day's national snapshot
 * for those with the export right. The units' capacities are kept live by `capacityChanged`: a
 * change made elsewhere replaces the unit's figures in place, with who and when.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CapacityChangedSubscription, CapacitySnapshotsQuery, CapacityUnitsQuery } from '../../operations/capacities';
import { useCatchUpOnReconnect } from '../../graphql/connection';
import { frenchErrors } from '../../errors';
import { CAPACITY_RIGHTS, holdsOn, rightsOf, type Me } from '../../rights';
import { Filters, NO_FILTERS, matches, type GridFilters } from './Filters';
import { Grid } from './Grid';
import { Synthesis } from './Synthesis';
import { Closures } from './Closures';
import { who } from './Row';
import { usePerimeter, type Perimeter } from './perimeter';
import type { Capacity, Unit } from './figures';
import './capacity.css';

/** Re-renders every 30 s, so that "il y a 5 min" stays true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function CapacityScreen(props: { me: Me }) {
  const { perimeter, failed } = usePerimeter(props.me);
  return (
    <>
      <h1 className="fr-h2 fr-mb-2w">Lits disponibles</h1>
      {failed && <Alert severity="error" small description="Votre périmètre n’a pas pu être lu : rechargez la page." />}
      {!perimeter && !failed && <p>Chargement…</p>}
      {perimeter && <Loaded me={props.me} perimeter={perimeter} />}
    </>
  );
}

const has = (rights: ReadonlySet<string>, wanted: readonly string[]) => wanted.some((right) => rights.has(right));

function Loaded(props: { me: Me; perimeter: Perimeter }) {
  const rights = rightsOf(props.me);
  const now = useNow();
  const [filters, setFilters] = useState<GridFilters>(NO_FILTERS);
  // A transversal reader sees one establishment at a time; others their whole perimeter.
  const establishmentIds = props.perimeter.transversal ? (filters.establishmentId ? [filters.establishmentId] : []) : props.perimeter.establishments.map((e) => e.id);
  const [{ data, error }, reload] = useQuery({
    query: CapacityUnitsQuery,
    variables: { filter: { establishmentIds }, first: 200 },
    pause: establishmentIds.length === 0,
    requestPolicy: 'network-only',
  });
  const [units, setUnits] = useState<Map<string, Unit>>(new Map());
  const [live, setLive] = useState<Set<string>>(new Set());
  const [liveChanges, setLiveChanges] = useState(0);
  const [lastLive, setLastLive] = useState<string | null>(null);
  const unitsRef = useRef(units);
  unitsRef.current = units;
  useEffect(() => {
    setUnits(new Map((data?.units.edges ?? []).map((e) => [e.node.id, e.node])));
    setLive(new Set());
  }, [data]);

  // Back from a lost connection: read again, for the changes made while it was down.
  useCatchUpOnReconnect(() => reload({ requestPolicy: 'network-only' }));

  const setCapacity = (unitId: string, capacity: Capacity) =>
    setUnits((current) => {
      const unit = current.get(unitId);
      // An older version (an event arriving after the mutation's answer) never replaces a newer one.
      if (!unit || (unit.capacity && unit.capacity.version > capacity.version)) return current;
      return new Map(current).set(unitId, { ...unit, capacity });
    });

  useSubscription(
    { query: CapacityChangedSubscription, variables: { filter: props.perimeter.transversal && filters.establishmentId ? { establishmentId: filters.establishmentId } : null } },
    (_previous, event) => {
      const change = event.capacityChanged;
      const unit = unitsRef.current.get(change.unit.id);
      setLiveChanges((n) => n + 1);
      if (!unit) return event;
      setCapacity(change.unit.id, change.capacity);
      if (change.capacity.updatedBy !== props.me.account?.login) setLive((current) => new Set(current).add(change.unit.id));
      setLastLive(`Dernière mise à jour en direct : ${unit.name}, par ${who(change.capacity)} à ${new Date(change.at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}.`);
      return event;
    },
  );

  const tabs = [
    ...(has(rights, CAPACITY_RIGHTS.read) ? [{ tabId: 'grid', label: 'Saisie des capacités' }] : []),
    ...(has(rights, CAPACITY_RIGHTS.synthesis) ? [{ tabId: 'synthesis', label: 'Synthèse' }] : []),
    ...(has(rights, CAPACITY_RIGHTS.closuresRead) ? [{ tabId: 'closures', label: 'Fermetures prévues' }] : []),
  ];
  const [tab, setTab] = useState(tabs[0]?.tabId ?? 'grid');
  // A unit perimeter (a unit's referent) loads its establishment's units: only those it reads are shown.
  const all = [...units.values()].filter((u) => holdsOn(props.me, CAPACITY_RIGHTS.read, { unitId: u.id, establishmentId: u.establishment.id, organizationId: u.establishment.organization.id }));
  const shown = all.filter((u) => matches(u, filters));
  const errors = frenchErrors(error);
  return (
    <>
      <div className="fr-mb-2w">
        {has(rights, CAPACITY_RIGHTS.export) && <SnapshotStatus />}
        <p className="fr-text--sm fr-mb-0" aria-live="polite">
          {lastLive ?? 'Les saisies faites ailleurs apparaissent ici sans recharger la page.'}
        </p>
      </div>
      <Filters perimeter={props.perimeter} units={all} filters={filters} onChange={setFilters} canSave={has(rights, CAPACITY_RIGHTS.synthesis)} />
      {/* The other units' capacities are refused (FORBIDDEN) for a unit perimeter: not an error when the page has its units. */}
      {errors.general.length > 0 && all.length === 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {data && data.units.totalCount > data.units.edges.length && (
        <Alert severity="info" small description={`Les ${data.units.edges.length} premières unités sur ${data.units.totalCount} : choisissez un établissement.`} />
      )}
      <Tabs label="Vues des lits disponibles" selectedTabId={tab} onTabChange={setTab} tabs={tabs}>
        {tab === 'grid' &&
          (establishmentIds.length === 0 ? (
            <p>Choisissez un établissement pour voir ses unités.</p>
          ) : (
            <Grid me={props.me} units={shown} live={live} now={now} onCapacity={setCapacity} />
          ))}
        {tab === 'synthesis' && <Synthesis filters={filters} liveChanges={liveChanges} now={now} />}
        {tab === 'closures' && <Closures me={props.me} establishmentIds={establishmentIds} units={all} filters={filters} />}
      </Tabs>
    </>
  );
}

/** The day's national snapshot (taken daily at ROR_SNAPSHOT_TIME, docs/capacities.md): taken or not, when. */
function SnapshotStatus() {
  const [{ data }] = useQuery({ query: CapacitySnapshotsQuery, requestPolicy: 'network-only' });
  const latest = data?.capacitySnapshots[0];
  if (!data) return null;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const text =
    latest?.date === today
      ? `Instantané national du jour : pris à ${new Date(latest.takenAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })} (${latest.units} unités).`
      : `Instantané national du jour : pas encore pris${latest ? ` (dernier : ${new Date(`${latest.date}T12:00:00`).toLocaleDateString('fr-FR')})` : ''}.`;
  return (
    <p className="fr-badge fr-badge--info fr-badge--sm fr-mb-1w" role="status">
      {text}
    </p>
  );
}
