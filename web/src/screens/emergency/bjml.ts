/**
 * The BJML table's rows: the API gives one establishment's BJML at a time (`bjml`), so the
 * département's establishments are listed (offer) and asked in parallel. Establishments without
 * any RPU history (quality NO_HISTORY: no emergency department, or one that never sent its RPU)
 * are left out, like the Occitanie table lists only the EDs.
 */
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { BjmlQuality, ConsoleBjmlQuery } from '../../gql/graphql';
import { BjmlQuery, DepartmentEstablishmentsQuery } from '../../operations/emergency';

export type BjmlRow = ConsoleBjmlQuery['bjml'] & { establishment: { id: string; name: string; city: string | null } };

export const QUALITY_TEXT: Record<BjmlQuality, string> = {
  OK: 'Suffisante',
  NO_HISTORY: 'Aucun historique RPU',
  MISSING_DAYS: 'Insuffisante : plus de 20 % des jours sans passage dans l’historique',
  EXIT_MODE_UNFILLED: 'Insuffisante : mode de sortie renseigné dans moins de 80 % des passages',
};

export interface BjmlState {
  rows: BjmlRow[] | null;
  failed: boolean;
}

export function useDepartmentBjml(departmentCode: string | null): BjmlState {
  const client = useClient();
  const [state, setState] = useState<BjmlState>({ rows: null, failed: false });
  useEffect(() => {
    if (!departmentCode) return;
    let current = true;
    setState({ rows: null, failed: false });
    void (async () => {
      const list = await client.query(DepartmentEstablishmentsQuery, { departmentCode }, { requestPolicy: 'network-only' }).toPromise();
      if (!list.data) {
        if (current) setState({ rows: null, failed: true });
        return;
      }
      const establishments = list.data.establishments.edges.map((e) => e.node);
      const answers = await Promise.all(establishments.map((e) => client.query(BjmlQuery, { establishmentId: e.id }, { requestPolicy: 'network-only' }).toPromise()));
      const rows: BjmlRow[] = [];
      let failed = false;
      answers.forEach((answer, i) => {
        const e = establishments[i]!;
        if (answer.data) {
          if (answer.data.bjml.quality !== 'NO_HISTORY') rows.push({ ...answer.data.bjml, establishment: { id: e.id, name: e.name, city: e.address.city ?? null } });
        } else if (!answer.error?.graphQLErrors.some((g) => g.extensions?.code === 'FORBIDDEN')) failed = true; // outside the user's perimeter: not theirs to see
      });
      rows.sort((a, b) => a.establishment.name.localeCompare(b.establishment.name, 'fr'));
      if (current) setState({ rows, failed });
    })();
    return () => {
      current = false;
    };
  }, [client, departmentCode]);
  return state;
}
