/**
 * Free beds of a département by discipline. With a synthesis right the hub's capacity synthesis
 * gives them; a user who only reads capacities (the ARS: ORU_CAPACITE_DISPONIBLE_SHOW on the
 * whole region) gets the same sums made here from the units' capacities, which their right reads
 * one by one: the console never asks the synthesis of someone it would refuse.
 */
import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { Discipline } from '../../gql/graphql';
import { DashboardCapacityQuery, DashboardUnitsQuery } from '../../operations/dashboard';
import { DISCIPLINES } from '../../labels';

export interface BedRow {
  key: string;
  label: string;
  units: number;
  unitsWithoutCapacity: number;
  installedBeds: number;
  availableBeds: number;
  oldestUpdate: string | null;
}

export interface Beds {
  rows: BedRow[];
  total: BedRow;
  source: 'synthesis' | 'units';
}

export const SYNTHESIS_RIGHTS = ['ORU_CAPACITE_SYNTHESE_SHOW', 'OruLitsDispos_litsdispos_synthese'];

const older = (a: string | null, b: string | null | undefined): string | null => (!b ? a : !a || b < a ? b : a);

function empty(key: string, label: string): BedRow {
  return { key, label, units: 0, unitsWithoutCapacity: 0, installedBeds: 0, availableBeds: 0, oldestUpdate: null };
}

export function useBeds(code: string, synthesis: boolean): { beds: Beds | null; failed: 'forbidden' | 'error' | null; reload: () => void } {
  const client = useClient();
  const [beds, setBeds] = useState<Beds | null>(null);
  const [failed, setFailed] = useState<'forbidden' | 'error' | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let current = true;
    const fail = (forbidden: boolean) => current && setFailed(forbidden ? 'forbidden' : 'error');
    void (async () => {
      if (synthesis) {
        const result = await client.query(DashboardCapacityQuery, { departmentCode: code }, { requestPolicy: 'network-only' }).toPromise();
        if (!result.data) return fail(result.error?.graphQLErrors.some((g) => g.extensions?.code === 'FORBIDDEN') ?? false);
        const s = result.data.capacitySynthesis;
        const row = (key: string, label: string, t: typeof s.totals): BedRow => ({ key, label, units: t.units, unitsWithoutCapacity: t.unitsWithoutCapacity, installedBeds: t.installedBeds, availableBeds: t.availableBeds, oldestUpdate: t.oldestUpdate ?? null });
        if (current) setBeds({ rows: s.groups.map((g) => row(g.key, g.label ?? g.key, g.totals)), total: row('TOTAL', 'Total', s.totals), source: 'synthesis' });
        return;
      }
      const byDiscipline = new Map<string, BedRow>();
      const total = empty('TOTAL', 'Total');
      let after: string | null = null;
      do {
        const result = await client.query(DashboardUnitsQuery, { departmentCode: code, after }, { requestPolicy: 'network-only' }).toPromise();
        if (!result.data) return fail(false);
        for (const { node } of result.data.units.edges) {
          if (!node.discipline) continue; // the sanitary view: units with a discipline, like the synthesis
          const key = node.discipline as Discipline;
          const row = byDiscipline.get(key) ?? empty(key, DISCIPLINES[key]);
          for (const r of [row, total]) {
            r.units++;
            if (!node.capacity) r.unitsWithoutCapacity++;
            else {
              r.installedBeds += node.capacity.installedBeds;
              r.availableBeds += node.capacity.availableBeds;
              r.oldestUpdate = older(r.oldestUpdate, node.capacity.updatedAt);
            }
          }
          byDiscipline.set(key, row);
        }
        after = result.data.units.pageInfo.hasNextPage ? (result.data.units.pageInfo.endCursor ?? null) : null;
      } while (after);
      if (current) setBeds({ rows: [...byDiscipline.values()], total, source: 'units' });
    })();
    return () => {
      current = false;
    };
  }, [client, code, synthesis, round]);
  return { beds, failed, reload };
}
