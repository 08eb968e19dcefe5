/**
 * RPU code lists and their cross-field rules (copied from codes/rpu_codes.csv, see codes/README.md;
 * a test checks the two agree).
 */

export const SEXES = ['M', 'F', 'I'] as const;
export const ENTRY_MODES = ['6', '7', '8'] as const;
export const TRANSPORTS = ['PERSO', 'AMBU', 'VSAB', 'SMUR', 'HELI', 'FO'] as const;
export const TRANSPORT_CARE = ['MED', 'PARAMED', 'AUCUN'] as const;
export const SEVERITIES = ['1', 'P', '2', '3', '4', '5', 'D'] as const;
export const EXIT_MODES = ['6', '7', '8', '9'] as const;

/** PROVENANCE allowed per MODE_ENTREE: hospital units after a mutation/transfer, 5-8 after home. */
export const PROVENANCE_BY_ENTRY: Readonly<Record<string, readonly string[]>> = {
  '6': ['1', '2', '3', '4'],
  '7': ['1', '2', '3', '4'],
  '8': ['5', '6', '7', '8'],
};

/** DESTINATION allowed per MODE_SORTIE (none after a death). */
export const DESTINATION_BY_EXIT: Readonly<Record<string, readonly string[]>> = {
  '6': ['1', '2', '3', '4'],
  '7': ['1', '2', '3', '4'],
  '8': ['6', '7'],
  '9': [],
};

/** ORIENT allowed per MODE_SORTIE. `NA`, emitted by some software, is read as empty. */
export const ORIENT_BY_EXIT: Readonly<Record<string, readonly string[]>> = {
  '6': ['HDT', 'HO', 'SC', 'SI', 'REA', 'UHCD', 'MED', 'CHIR', 'OBST'],
  '7': ['HDT', 'HO', 'SC', 'SI', 'REA', 'UHCD', 'MED', 'CHIR', 'OBST'],
  '8': ['FUGUE', 'SCAM', 'PSA', 'REO'],
  '9': [],
};

/** Exit modes that count as an admission after the ED (mutation, transfer; UHCD included). */
export const ADMISSION_EXIT_MODES = ['6', '7'] as const;
