/**
 * The HET action repertoire, as data (docs/tensions.md § Repertoire): FEDORU's action types and the
 * ROR Centre-Val de Loire examples, grouped by category. Codes are the hub's; a retired action is
 * kept with `active: false` (old timelines name it).
 */
export interface ActionData {
  code: string;
  label: string;
  active?: boolean;
}

export interface CategoryData {
  code: string;
  label: string;
  actions: readonly ActionData[];
}

/** The action that asks the ARS for support (indicators.ts counts it). */
export const ARS_SUPPORT_ACTION = 'TERR_APPUI_ARS';

export const REPERTOIRE: readonly CategoryData[] = [
  {
    code: 'GOUVERNANCE', label: 'Gouvernance – pilotage',
    actions: [
      { code: 'GOUV_CELLULE_VEILLE', label: 'Activation de la cellule de veille' },
      { code: 'GOUV_CELLULE_CRISE', label: 'Activation d’une cellule de crise' },
      { code: 'GOUV_INFO_ARS_ORU', label: 'Information de l’ARS et de l’ORU' },
      { code: 'GOUV_PLAN_BLANC', label: 'Passage en plan blanc' },
      { code: 'GOUV_LEVEE_PLAN_BLANC', label: 'Levée du plan blanc' },
    ],
  },
  {
    code: 'PROGRAMME', label: 'Régulation des admissions programmées',
    actions: [
      { code: 'PROG_DEPROG_AMBU', label: 'Déprogrammation des interventions en ambulatoire' },
      { code: 'PROG_DEPROG_CHIR', label: 'Déprogrammation de la chirurgie non urgente' },
      { code: 'PROG_REPORT_MED', label: 'Report des hospitalisations programmées de médecine' },
      { code: 'PROG_REPORT_CONSULT', label: 'Report des consultations' },
    ],
  },
  {
    code: 'LITS', label: 'Capacité d’aval',
    actions: [
      { code: 'LITS_SUPPLEMENTAIRES', label: 'Ouverture de lits supplémentaires' },
      { code: 'LITS_REOUVERTURE', label: 'Réouverture de lits fermés' },
      { code: 'LITS_HEBERGEMENT', label: 'Lits d’hébergement hors spécialité' },
      { code: 'LITS_BED_MANAGER', label: 'Gestionnaire de lits renforcé' },
      { code: 'LITS_RESERVE_BJML', label: 'Réservation de lits à hauteur du BJML' },
    ],
  },
  {
    code: 'SORTIES', label: 'Fluidité des sorties',
    actions: [
      { code: 'SORT_ANTICIPATION', label: 'Anticipation des sorties (sorties avant midi, salon de sortie)' },
      { code: 'SORT_TRANSFERTS_AVAL', label: 'Transferts précoces vers SMR, HAD ou EHPAD' },
      { code: 'SORT_HAD', label: 'Mobilisation de l’HAD' },
      { code: 'SORT_COMMISSION', label: 'Commission des admissions non programmées' },
    ],
  },
  {
    code: 'PERSONNEL', label: 'Renforts de personnel',
    actions: [
      { code: 'PERS_RAPPEL', label: 'Rappel de personnels en repos ou en congés' },
      { code: 'PERS_HEURES_SUP', label: 'Heures supplémentaires' },
      { code: 'PERS_INTERIM', label: 'Recours à l’intérim' },
      { code: 'PERS_RENFORT_URG', label: 'Renfort médical et paramédical aux urgences' },
      { code: 'PERS_SUSPENSION_FORMATIONS', label: 'Suspension des formations' },
    ],
  },
  {
    code: 'URGENCES', label: 'Organisation des urgences',
    actions: [
      { code: 'URG_RENFORT_IOA', label: 'Renfort de l’accueil et de l’IOA' },
      { code: 'URG_FILIERE_COURTE', label: 'Ouverture de la filière courte' },
      { code: 'URG_BOXES_UHCD', label: 'Augmentation des boxes et des lits d’UHCD' },
      { code: 'URG_REORIENTATION', label: 'Réorientation vers les maisons médicales de garde ou le SAS' },
      { code: 'URG_DELESTAGE_SAMU', label: 'Demande de délestage au SAMU' },
    ],
  },
  {
    code: 'TERRITOIRE', label: 'Coopération territoriale',
    actions: [
      { code: 'TERR_VOISINS_GHT', label: 'Sollicitation des établissements voisins et du GHT' },
      { code: 'TERR_TRANSFERTS', label: 'Transferts de patients' },
      { code: 'TERR_CLINIQUE_PRIVEE', label: 'Mobilisation de la clinique privée du territoire' },
      { code: ARS_SUPPORT_ACTION, label: 'Demande d’appui de l’ARS' },
    ],
  },
  {
    code: 'COMMUNICATION', label: 'Communication',
    actions: [
      { code: 'COM_PERSONNELS', label: 'Information des personnels' },
      { code: 'COM_VILLE_EHPAD', label: 'Information des médecins de ville et des EHPAD' },
      { code: 'COM_PUBLIC_MEDIAS', label: 'Communication vers le public et les médias' },
    ],
  },
];
