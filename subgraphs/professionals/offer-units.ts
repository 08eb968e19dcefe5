/**
 * Units as the offer subgraph knows them, resolved through federation (`_entities`) with the
 * system identity: the professionals subgraph never reads the offer's tables, and never derives
 * a unit's establishment from its id (a transferred unit keeps its id, D30).
 */
import type { SubgraphClient } from '../../platform/subgraph-client.js';

export interface OfferUnit {
  id: string;
  establishmentId: string;
  organizationId: string;
  archived: boolean;
  /** Sensitive unit (IG uniteSensible): hidden below access profile 1. */
  sensitive: boolean;
  /** TRE_R227 activity field code (01 MCO … 05 Ville): decides what access profiles 0 and 3 see. */
  activityFieldCode: string;
  /** TRE_R30 region of the unit's establishment: stored with each placement for the PractitionerRole `_tag` search. */
  regionCode: string;
}

export interface UnitDirectory {
  /** The units the offer knows among `ids` (unknown ids are absent from the map). */
  units(ids: readonly string[]): Promise<Map<string, OfferUnit>>;
  /** The TRE_R30 region of each establishment the offer knows among `ids`. */
  establishmentRegions(ids: readonly string[]): Promise<Map<string, string>>;
}

interface UnitEntity {
  id: string;
  archived: boolean;
  sensitive: boolean;
  activityField: { code: string };
  establishment: { id: string; organization: { id: string }; address: { regionCode: string } };
}

export function createUnitDirectory(client: SubgraphClient): UnitDirectory {
  return {
    units: async (ids) => {
      const found = await client.entities<UnitEntity>('offer', 'Unit', ids, 'id archived sensitive activityField { code } establishment { id organization { id } address { regionCode } }');
      const units = new Map<string, OfferUnit>();
      for (const u of found) {
        if (u) {
          units.set(u.id, {
            id: u.id,
            archived: u.archived,
            sensitive: u.sensitive,
            activityFieldCode: u.activityField.code,
            establishmentId: u.establishment.id,
            organizationId: u.establishment.organization.id,
            regionCode: u.establishment.address.regionCode,
          });
        }
      }
      return units;
    },
    establishmentRegions: async (ids) => {
      if (ids.length === 0) return new Map();
      const found = await client.entities<{ id: string; address: { regionCode: string } }>('offer', 'Establishment', ids, 'id address { regionCode }');
      return new Map(found.flatMap((e) => (e ? [[e.id, e.address.regionCode] as const] : [])));
    },
  };
}
