/**
 * Metropolitan départements outside Centre-Val de Loire (the demo region), with their region:
 * where the synthetic national establishments go. Corsica (2A, 2B) is left out: FINESS numbers
 * there do not start with two digits, and one region less changes nothing to the figures.
 */
export interface Department {
  code: string;
  regionCode: string;
  regionName: string;
}

const REGIONS: ReadonlyArray<[string, string, string[]]> = [
  ['11', 'Île-de-France', ['75', '77', '78', '91', '92', '93', '94', '95']],
  ['84', 'Auvergne-Rhône-Alpes', ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']],
  ['27', 'Bourgogne-Franche-Comté', ['21', '25', '39', '58', '70', '71', '89', '90']],
  ['53', 'Bretagne', ['22', '29', '35', '56']],
  ['44', 'Grand Est', ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']],
  ['32', 'Hauts-de-France', ['02', '59', '60', '62', '80']],
  ['28', 'Normandie', ['14', '27', '50', '61', '76']],
  ['75', 'Nouvelle-Aquitaine', ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']],
  ['76', 'Occitanie', ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']],
  ['52', 'Pays de la Loire', ['44', '49', '53', '72', '85']],
  ['93', "Provence-Alpes-Côte d'Azur", ['04', '05', '06', '13', '83', '84']],
];

export const DEPARTMENTS: readonly Department[] = REGIONS.flatMap(([regionCode, regionName, codes]) => codes.map((code) => ({ code, regionCode, regionName })));
