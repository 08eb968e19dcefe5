/**
 * "HET en cours" and the history (declarations in progress at some moment of the last 7, 15 or
 * 30 days), live: a declaration made or closed elsewhere shows without a reload.
 */
import { useState } from 'react';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { TensionWindow } from '../../gql/graphql';
import { useLiveTensions } from './useLiveTensions';
import { TensionTable } from './TensionTable';

type View = 'CURRENT' | Exclude<TensionWindow, 'ALL'>;

const VIEWS: Record<View, string> = { CURRENT: 'HET en cours', D7: 'J-7', D15: 'J-15', D30: 'J-30' };

export function TensionLists() {
  const [view, setView] = useState<View>('CURRENT');
  const live = useLiveTensions(view === 'CURRENT' ? { status: 'IN_PROGRESS' } : {}, view === 'CURRENT' ? 'ALL' : view);
  const segment = (key: View) => ({ label: VIEWS[key], nativeInputProps: { checked: view === key, onChange: () => setView(key) } });
  const title = view === 'CURRENT' ? 'HET en cours' : `Historique ${VIEWS[view]} (en cours à un moment des ${view.slice(1)} derniers jours)`;
  return (
    <>
      <SegmentedControl
        legend="Afficher"
        segments={[segment('CURRENT'), segment('D7'), segment('D15'), segment('D30')]}
      />
      <p className="fr-text--sm fr-mt-2w" aria-live="polite">
        {live.lastChange ?? 'Les déclarations faites ou levées ailleurs apparaissent ici sans recharger la page.'}
      </p>
      {live.errors.general.length > 0 && <Alert severity="error" title="Liste indisponible" description={live.errors.general.join(' ')} />}
      <h2 id="liste-tensions">
        {title} ({live.fetching ? '…' : live.tensions.length})
      </h2>
      {live.fetching && live.tensions.length === 0 ? <p>Chargement…</p> : <TensionTable caption={title} tensions={live.tensions} empty="Aucune déclaration." />}
    </>
  );
}
