/**
 * Code systems and labels of the demo region: the canonical NOS code-system URLs, and the
 * TRE_R227, TRE_R213, TRE_R211, TRE_G15 and FINESS category tables the builder may emit.
 */

/** Canonical code-system URLs (pattern https://mos.esante.gouv.fr/NOS/TRE_Xnnn-Name/FHIR/TRE-Xnnn-Name). */
export const CODE_SYSTEMS = {
  activityField: 'https://mos.esante.gouv.fr/NOS/TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite',
  careMode: 'https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge',
  operationalActivity:
    'https://mos.esante.gouv.fr/NOS/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle',
  profession: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  finessCategory: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement',
} as const;

const ACTIVITY_FIELD_LABELS = {
  '01': 'Médecine Chirurgie Obstétrique (MCO)',
  '02': 'Soins Médicaux et de réadaptation (SMR)',
  '03': 'Psychiatrie (PSY)',
} as const;
export type ActivityFieldCode = keyof typeof ACTIVITY_FIELD_LABELS;

const CARE_MODE_LABELS = {
  '13': 'Hospitalisation courte durée (UHCD)',
  '28': 'Hospitalisation complète (HC)',
  '31': 'Hospitalisation à domicile (HAD)',
} as const;
export type CareModeCode = keyof typeof CARE_MODE_LABELS;

/**
 * The TRE_R211 codes the unit templates may use. Every code is active in the ANS TRE_R211
 * CodeSystem (version 20260730120000), and the labels are copied from it. Templates are typed
 * against this table, so a template cannot emit a code that has no label.
 */
const OPERATIONAL_ACTIVITY_LABELS = {
  '003': 'Alcoologie',
  '013': 'Cardiologie générale',
  '016': 'Chirurgie cervico-faciale et Oto-rhino-laryngologie (ORL)',
  '018': 'Chirurgie cardiaque et gros vaisseaux (cardio-vasculaire)',
  '022': 'Chirurgie gynécologique',
  '023': 'Chirurgie maxillo-faciale',
  '025': 'Chirurgie orthopédique et traumatologique',
  '030': 'Chirurgie thoracique et pulmonaire',
  '031': 'Urologie (chirurgie urologique)',
  '032': 'Chirurgie vasculaire et endovasculaire',
  '033': 'Chirurgie digestive et viscérale fonctionnelle (hors carcinologie)',
  '037': 'Dermatologie',
  '039': 'Diabétologie',
  '041': 'Endocrinologie',
  '046': 'Gastro-entérologie',
  '050': 'Gériatrie, Gérontologie',
  '051': 'Psychiatrie du sujet âgé (et géronto-psychiatrie)',
  '055': 'Hématologie',
  '062': 'Hépatologie',
  '077': 'Maladies infectieuses et tropicales',
  '083': 'Médecine polyvalente',
  '085': 'Médecine interne',
  '088': 'Médecine pédiatrique',
  '091': 'Médecine vasculaire (Angiologie, Phlébologie)',
  '094': 'Néonatalogie',
  '095': 'Néphrologie',
  '096': 'Neurochirurgie',
  '097': 'Neurologie',
  '098': 'Neurologie vasculaire',
  '100': 'Obstétrique',
  '102': 'Oncologie médicale (cancérologie)',
  '103': 'Ophtalmologie',
  '114': 'Pneumologie',
  '122': 'Réanimation chirurgicale',
  '126': 'Réanimation médicale',
  '127': 'Réanimation polyvalente',
  '129': 'Réanimation spécialisée neurochirurgicale',
  '130': 'Réanimation spécialisée pédiatrique',
  '131': 'Rhumatologie',
  '145': 'Traumatologie',
  '157': 'Urgences polyvalentes hospitalières',
  '172': 'Réadaptation polyvalente',
  '177': 'Chirurgie reconstructrice',
  '178': 'Chirurgie plastique et esthétique',
  '227': 'Psychiatrie de l’enfant (pédopsychiatrie)',
  '228': 'Psychiatrie de l’adolescent (pédopsychiatrie)',
  '229': 'Psychiatrie adulte',
  '231': 'Evaluation et soins de réhabilitation psychosociale',
  '233': "Réadaptation des affections de l'appareil locomoteur",
  '234': 'Réadaptation des affections du système nerveux',
  '235': 'Réadaptation des affections cardio-vasculaires',
  '236': 'Réadaptation des affections respiratoires',
  '237': 'Réadaptation des affections du système digestif, endocrino-métaboliques et nutrition',
  '238': 'Réadaptation des affections onco-hématologiques',
  '240': 'Réadaptation des affections liées aux conduites addictives',
  '241': 'Réadaptation gériatrique',
  '249': 'Urgences pédiatriques hospitalières',
  '279': 'Oncologie médicale pédiatrique (cancérologie)',
  '282': 'Périnatalité (suivi de grossesse)',
  '333': 'Soins de longue durée (SLD)',
  '351': 'Soins intensifs polyvalents',
  '354': 'Soins intensifs spécialisés cardiologie (USIC)',
  '355': 'Soins intensifs spécialisés en psychiatrie',
  '356': 'Soins intensifs spécialisés neurologie vasculaire (USINV)',
  '357': 'Soins intensifs spécialisés pneumologie',
  '361': 'Soins intensifs spécialisés hématologie (USIH)',
  '373': 'Surveillance continue polyvalente',
  '374': 'Surveillance continue chirurgicale',
  '375': 'Surveillance continue médicale',
  '376': 'Surveillance continue spécialisée cardiologie',
  '391': 'Surveillance continue spécialisée pédiatrique',
} as const;
export type OperationalActivityCode = keyof typeof OPERATIONAL_ACTIVITY_LABELS;

/**
 * TRE_G15 codes. Only 10 and 60 are used, because they are the two codes we are sure of.
 * Pharmacien is 21 in TRE_G15, not 50: 50 is Sage-femme.
 */
const PROFESSION_LABELS = { '10': 'Médecin', '60': 'Infirmier' } as const;
export type ProfessionCode = keyof typeof PROFESSION_LABELS;

/** The 19 FINESS categories kept in the source extract. Labels follow categories.csv. */
const FINESS_CATEGORY_LABELS = {
  '101': 'Centre Hospitalier Régional (C.H.R.)',
  '106': 'Centre hospitalier, ex Hôpital local',
  '109': 'Etablissement de santé privé autorisé en SSR',
  '114': 'Hôpital des armées',
  '122': 'Etablissement Soins Obstétriques Chirurgico-Gynécologiques',
  '127': 'Hospitalisation à Domicile',
  '128': 'Etablissement de Soins Chirurgicaux',
  '129': 'Etablissement de Soins Médicaux',
  '131': 'Centre de Lutte Contre Cancer',
  '156': 'Centre Médico-Psychologique (C.M.P.)',
  '161': 'Maison de Santé pour Maladies Mentales',
  '292': 'Centre Hospitalier Spécialisé lutte Maladies Mentales',
  '355': 'Centre Hospitalier (C.H.)',
  '362': 'Etablissement de Soins Longue Durée',
  '365': 'Etablissement de Soins Pluridisciplinaire',
  '425': "Centre d'Accueil Thérapeutique à temps partiel (C.A.T.T.P.)",
  '430': 'Centre Postcure Malades Mentaux',
  '444': 'Centre Crise Accueil Permanent',
  '697': 'Groupement de coopération sanitaire - Etablissement de santé',
} as const;

/** Display labels for every code the builder emits, per system key of CODE_SYSTEMS. */
export const CODE_LABELS: Record<keyof typeof CODE_SYSTEMS, Record<string, string>> = {
  activityField: ACTIVITY_FIELD_LABELS,
  careMode: CARE_MODE_LABELS,
  operationalActivity: OPERATIONAL_ACTIVITY_LABELS,
  profession: PROFESSION_LABELS,
  finessCategory: FINESS_CATEGORY_LABELS,
};
