/** National code systems (NOS) the offer subgraph uses, by canonical URL. */
const nos = (id: string, name: string) => `https://mos.esante.gouv.fr/NOS/${id}-${name}/FHIR/${id.replace('_', '-')}-${name}`;

export const CODE_SYSTEMS = {
  /** Field of activity (champ d'activité), on the unit's offer. */
  activityField: nos('TRE_R227', 'ChampActivite'),
  /** Care mode (mode de prise en charge). */
  careMode: nos('TRE_R213', 'ModePriseEnCharge'),
  /** Operational activity (activité opérationnelle). */
  operationalActivity: nos('TRE_R211', 'ActiviteOperationnelle'),
  /** FINESS establishment category. */
  finessCategory: nos('TRE_R66', 'CategorieEtablissement'),
} as const;

export type CodeSystemKey = keyof typeof CODE_SYSTEMS;
