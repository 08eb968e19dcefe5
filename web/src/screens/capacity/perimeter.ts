/**
 * Which establishments the grid shows: those of the user's capacity perimeters (a legal entity's
 * establishments, an establishment, the establishment of a unit), or, for a transversal reader
 * such as the ARS, any establishment of the region, one at a time (681 units region-wide are too
 * many rows to read or enter at once).
 */
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { CapacityEstablishmentsQuery, CapacityOrganizationsQuery, CapacityPerimeterPlaceQuery } from '../../operations/capacities';
import { CAPACITY_RIGHTS, type Me } from '../../rights';

export interface Place {
  id: string;
  name: string;
}

export interface Perimeter {
  /** True when a right reaches every unit: the user picks an establishment. */
  transversal: boolean;
  establishments: Place[];
}

const READ: readonly string[] = CAPACITY_RIGHTS.read;

export function usePerimeter(me: Me): { perimeter: Perimeter | null; failed: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ perimeter: Perimeter | null; failed: boolean }>({ perimeter: null, failed: false });
  useEffect(() => {
    let live = true;
    const assignments = me.roleAssignments.filter((a) => a.effectiveRights.some((right) => READ.includes(right)));
    const transversal = assignments.some((a) => a.perimeterKind === 'TRANSVERSAL');
    const load = async (): Promise<Place[]> => {
      if (transversal) {
        const result = await client.query(CapacityEstablishmentsQuery, { first: 200 }).toPromise();
        if (result.error) throw result.error;
        return result.data!.establishments.edges.map((e) => e.node);
      }
      const places = await Promise.all(
        assignments.map(async (a): Promise<Place[]> => {
          if (!a.perimeterId) return [];
          if (a.perimeterKind === 'ORGANIZATION') {
            const result = await client.query(CapacityOrganizationsQuery, { id: a.perimeterId }).toPromise();
            if (result.error) throw result.error;
            return result.data?.organization?.establishments ?? [];
          }
          const byUnit = a.perimeterKind === 'UNIT';
          if (!byUnit && a.perimeterKind !== 'ESTABLISHMENT') return [];
          const result = await client.query(CapacityPerimeterPlaceQuery, { establishmentId: a.perimeterId, unitId: a.perimeterId, byUnit }).toPromise();
          if (result.error) throw result.error;
          const place = byUnit ? result.data?.unit?.establishment : result.data?.establishment;
          return place ? [place] : [];
        }),
      );
      const unique = new Map(places.flat().map((p) => [p.id, p]));
      return [...unique.values()];
    };
    load().then(
      (establishments) => live && setState({ perimeter: { transversal, establishments: establishments.sort((a, b) => a.name.localeCompare(b.name, 'fr')) }, failed: false }),
      () => live && setState({ perimeter: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [client, me]);
  return state;
}
