/**
 * The establishments where the user holds `right`: the establishment of an ESTABLISHMENT grant,
 * those of the legal entity of an ORGANIZATION grant (read from the offer). A TRANSVERSAL grant
 * would cover the whole region; no demo profile has one, so it is typed by FINESS number instead.
 */
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { DeclarableEstablishmentQuery, DeclarableOrganizationQuery } from '../../operations/tensions';
import { grantsOf, type Me } from '../../rights';

export interface Choice {
  id: string;
  name: string;
  city: string | null | undefined;
}

export function useEstablishmentsWith(me: Me, right: string): { choices: Choice[]; transversal: boolean; loading: boolean } {
  const client = useClient();
  const grants = grantsOf(me, right);
  const key = grants.map((g) => `${g.perimeterKind}:${g.perimeterId ?? ''}`).join(',');
  const [choices, setChoices] = useState<Choice[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let cancelled = false;
    const reads = grants.map(async (grant): Promise<Choice[]> => {
      if (!grant.perimeterId) return [];
      if (grant.perimeterKind === 'ESTABLISHMENT') {
        const answer = await client.query(DeclarableEstablishmentQuery, { id: grant.perimeterId }).toPromise();
        const e = answer.data?.establishment;
        return e ? [{ id: e.id, name: e.name, city: e.address.city }] : [];
      }
      if (grant.perimeterKind === 'ORGANIZATION') {
        const answer = await client.query(DeclarableOrganizationQuery, { id: grant.perimeterId }).toPromise();
        return (answer.data?.organization?.establishments ?? []).map((e) => ({ id: e.id, name: e.name, city: e.address.city }));
      }
      return [];
    });
    void Promise.all(reads).then((lists) => {
      if (cancelled) return;
      const unique = new Map(lists.flat().map((c) => [c.id, c]));
      setChoices([...unique.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
    // `key` stands for the grants (a new array at every render).
  }, [client, key]);
  return { choices, transversal: grants.some((g) => g.perimeterKind === 'TRANSVERSAL'), loading };
}
