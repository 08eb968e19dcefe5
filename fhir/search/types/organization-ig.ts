/**
 * The Organization search parameters of the IG's EG elements (issue 17): FINESS closure
 * (`closing-type`, `period-end`), `drop-zone`, `oi-name` (the EG's pôles) and the `price-*`
 * family with `special-price`. Each price parameter holds when ANY price of the establishment
 * matches it, independently of the other price parameters (as the IG's capacity parameters do:
 * the search does not pair two criteria on the same price). All run as structure criteria of the
 * offer subgraph (indexed SQL, subgraphs/offer/search-criteria.ts).
 */
import type { StructureCodeField, StructureDateField, StructureNumberField, StructureTextField } from '../../../schemas/operations.js';
import { CODE_SYSTEMS } from '../../codes.js';
import { badRequest, OperationOutcomeError } from '../../outcomes.js';
import { CriteriaBuilder } from '../criteria.js';
import { ALL_PREFIXES, NUMBER_PREFIXES, STRING_MODIFIERS, TOKEN_MODIFIERS, ror, type SearchParamDefinition } from '../definitions.js';
import type { Clause } from '../parse.js';
import { instantTest, numberTest } from '../values.js';


/** The structure criteria builder, with the number and date criteria these parameters need. */
export class StructureCriteriaBuilder extends CriteriaBuilder<StructureCodeField, StructureTextField> {
  readonly numbers: Array<{ anyOf: Array<{ field: StructureNumberField; comparison: string; value: number }> }> = [];
  readonly dates: Array<{ anyOf: Array<{ field: StructureDateField; range: ReturnType<typeof instantTest> }> }> = [];

  protected override own(): Record<string, unknown> {
    return {
      ...super.own(),
      ...(this.numbers.length ? { numbers: this.numbers } : {}),
      ...(this.dates.length ? { dates: this.dates } : {}),
    };
  }
}

const token = (code: string, sp: string, description: string): SearchParamDefinition => ({ code, type: 'token', description, definition: ror(sp), modifiers: TOKEN_MODIFIERS });
const PRICE = 'Any price (ror-organization-price) of an establishment';

export const ORGANIZATION_IG_PARAMS: readonly SearchParamDefinition[] = [
  token('closing-type', 'ror-sp-organization-closing-type', 'FINESS closing type of an establishment (TRE_R286: DEF, PRO…); open establishments have none.'),
  { code: 'period-end', type: 'date', description: 'FINESS closing date of an establishment (organization-period end, a day).', definition: ror('ror-sp-organization-period-end'), prefixes: ALL_PREFIXES },
  token('drop-zone', 'ror-sp-organization-drop-zone', 'Helicopter landing zone on the site: true or false (an establishment that has not said matches neither).'),
  { code: 'oi-name', type: 'string', description: "Name of one of the establishment's active pôles (its internal organisations): accent- and case-insensitive prefix; :exact, :contains.", definition: ror('ror-sp-organization-oi-name'), modifiers: STRING_MODIFIERS },
  { code: 'price-amount-value', type: 'number', description: `${PRICE} whose amount in euros compares so (exact value, no implicit precision range).`, definition: ror('ror-sp-organization-price-amount-value'), prefixes: NUMBER_PREFIXES },
  token('price-dependency-level', 'ror-sp-organization-price-dependency-level', `${PRICE} for this GIR group (TRE_R237).`),
  token('price-residential-type', 'ror-sp-organization-price-residential-type', `${PRICE} for this room or flat type (TRE_R242).`),
  token('price-type', 'ror-sp-organization-price-type', `${PRICE} of this type (TRE_R246).`),
  token('price-unit', 'ror-sp-organization-price-unit', `${PRICE} in this unit (TRE_R228).`),
  { code: 'price-validity-start-date', type: 'date', description: `${PRICE} valid from this day (startDate).`, definition: ror('ror-sp-organization-price-validity-start-date'), prefixes: ALL_PREFIXES },
  token('price-welcome-type', 'ror-sp-organization-price-welcome-type', `${PRICE} for a temporary or permanent stay (TRE_R240).`),
  token('special-price', 'ror-sp-organization-special-price', `${PRICE} under this tariff condition (TRE_R250; the IG's definition reads dependencyLevel, fhir/README.md).`),
];

const CODED: Readonly<Record<string, { system: string; field: StructureCodeField }>> = {
  'closing-type': { system: CODE_SYSTEMS.typeFermeture, field: 'CLOSING_TYPE' },
  'price-dependency-level': { system: CODE_SYSTEMS.groupeTarifaireDependance, field: 'PRICE_DEPENDENCY_LEVEL' },
  'price-residential-type': { system: CODE_SYSTEMS.typeHabitation, field: 'PRICE_RESIDENTIAL_TYPE' },
  'price-type': { system: CODE_SYSTEMS.typeTarif, field: 'PRICE_TYPE' },
  'price-unit': { system: CODE_SYSTEMS.unitePrix, field: 'PRICE_UNIT' },
  'price-welcome-type': { system: CODE_SYSTEMS.temporaliteAccueil, field: 'PRICE_WELCOME_TYPE' },
  'special-price': { system: CODE_SYSTEMS.conditionTarifaire, field: 'PRICE_SPECIAL' },
};

/** A boolean token: `true` or `false` (the element has no system). */
function booleanCode(code: string): string {
  if (code !== 'true' && code !== 'false') throw new OperationOutcomeError(badRequest(`drop-zone takes true or false, not "${code}"`));
  return code;
}

/** Adds the clause when it is one of ORGANIZATION_IG_PARAMS; false otherwise. */
export function organizationIgClause(builder: StructureCriteriaBuilder, clause: Clause): boolean {
  const coded = CODED[clause.code];
  if (coded) {
    builder.token(clause, [coded]);
    return true;
  }
  switch (clause.code) {
    case 'drop-zone':
      builder.token(clause, [{ field: 'DROP_ZONE' }], booleanCode);
      return true;
    case 'oi-name':
      builder.text(clause, 'OI_NAME');
      return true;
    case 'period-end':
    case 'price-validity-start-date': {
      const field = clause.code === 'period-end' ? 'CLOSED_ON' : 'PRICE_VALID_FROM';
      builder.dates.push({ anyOf: clause.values.map((v) => ({ field, range: instantTest(v) })) });
      return true;
    }
    case 'price-amount-value':
      builder.numbers.push({ anyOf: clause.values.map((v) => ({ field: 'PRICE_AMOUNT', ...numberTest(v, false) })) });
      return true;
    default:
      return false;
  }
}
