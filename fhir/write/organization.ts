/**
 * Organization writes (docs/fhir-write.md). An EG's contacts are what its referents keep current
 * (GraphQL `updateEstablishment`), by purpose (TRE_R287): 06 Standard (switchboard phone), 10
 * Direction (management phone and e-mail), 08 Alerte-Tension-SSE (alert phones, alert e-mail); and
 * its landing zone and prices (organization-ig.ts).
 * Everything else comes from FINESS (name, identifiers, category, address, legal entity): a change
 * to it is a 422 naming the element. EGs and EJs are created by the FINESS import, never over
 * FHIR: a create is answered only when If-None-Exist finds the existing one.
 */
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../codes.js';
import { OperationOutcomeError, fromGraphQLErrors, outcomeAt } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type { EstablishmentUpdate, FhirEstablishmentExistsQuery, FhirUpdateEstablishmentMutation } from '../../schemas/operations.js';
import type { Json } from './elements.js';
import type { WritableType } from './interactions.js';
import { organizationIgElement, organizationIgElementOf, type OrganizationIgInput } from './organization-ig.js';
import { expectedVersion, refuseElements, runMutation, type ElementRefusal } from './request.js';

const TYPE = 'Organization';

const UPDATE_MUTATION = /* GraphQL */ `
  mutation FhirUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!, $expectedUpdatedAt: DateTime) {
    updateEstablishment(id: $id, input: $input, expectedUpdatedAt: $expectedUpdatedAt) { id }
  }
`;

const EXISTS_QUERY = /* GraphQL */ `
  query FhirEstablishmentExists($id: ID!) { establishment(id: $id) { id } }
`;

interface Contact {
  purpose?: { coding?: { system?: string; code?: string }[] };
  telecom?: { system?: string; value?: string }[];
  [key: string]: unknown;
}

type ContactFields = Required<Pick<EstablishmentUpdate, 'switchboardPhone' | 'managementPhone' | 'managementEmail' | 'alertPhones' | 'alertEmail'>>;

/** Per purpose code: how many phones and e-mails the hub records. */
const PURPOSES: Record<string, { name: string; phones: number; emails: number }> = {
  '06': { name: 'Standard', phones: 1, emails: 0 },
  '10': { name: 'Direction', phones: 1, emails: 1 },
  '08': { name: 'Alerte-Tension-SSE', phones: Infinity, emails: 1 },
};

const RULE = `The hub records an EG's contacts by purpose (${CODE_SYSTEMS.natureContact}): 06 Standard (one phone), 10 Direction (a phone, an e-mail), 08 Alerte-Tension-SSE (phones in order, an e-mail); one contact per purpose.`;

/** contact → the fields of updateEstablishment; a purpose absent clears its fields. */
function contactFieldsOf(value: unknown, refusals: ElementRefusal[]): ContactFields {
  const fields: ContactFields = { switchboardPhone: null, managementPhone: null, managementEmail: null, alertPhones: [], alertEmail: null };
  const refuse = (why: string) => refusals.push({ element: 'contact', diagnostics: `${why} ${RULE}` });
  const seen = new Set<string>();
  for (const contact of (Array.isArray(value) ? value : []) as Contact[]) {
    const code = contact.purpose?.coding?.find((c) => c.system === CODE_SYSTEMS.natureContact)?.code ?? '';
    const rule = PURPOSES[code];
    const others = Object.keys(contact).filter((k) => !['purpose', 'telecom', 'extension'].includes(k));
    if (!rule || seen.has(code) || others.length > 0) {
      refuse(!rule ? `Contact purpose ${code || '(none)'} is not recorded.` : seen.has(code) ? `Purpose ${code} is given twice.` : `Contact.${others.join(', ')} is not recorded.`);
      continue;
    }
    seen.add(code);
    const telecoms = contact.telecom ?? [];
    const phones = telecoms.filter((t) => t.system === 'phone' && typeof t.value === 'string').map((t) => t.value!);
    const emails = telecoms.filter((t) => t.system === 'email' && typeof t.value === 'string').map((t) => t.value!);
    if (phones.length + emails.length !== telecoms.length || phones.length > rule.phones || emails.length > rule.emails || telecoms.length === 0) {
      refuse(`Contact ${code} (${rule.name}): ${phones.length} phone(s), ${emails.length} e-mail(s), ${telecoms.length - phones.length - emails.length} other telecom(s).`);
      continue;
    }
    if (code === '06') fields.switchboardPhone = phones[0]!;
    if (code === '10') Object.assign(fields, { managementPhone: phones[0] ?? null, managementEmail: emails[0] ?? null });
    if (code === '08') Object.assign(fields, { alertPhones: phones, alertEmail: emails[0] ?? null });
  }
  return fields;
}

/** The subgraph's field a refusal names, back to the element it came from. */
const elementOfField = () => 'contact';

async function updateEstablishment(id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext): Promise<void> {
  const refusals: ElementRefusal[] = [];
  // An EJ (no partOf) has nothing editable here.
  const establishment = current.partOf !== undefined;
  // Only what changed goes to the mutation: an absent field leaves the record's value.
  let input: EstablishmentUpdate & OrganizationIgInput = {};
  for (const element of changed) {
    if (element === 'contact' && establishment) input = { ...input, ...contactFieldsOf(next.contact, refusals) };
    else if (establishment && organizationIgElement(element, next, input, refusals)) continue;
    else {
      refusals.push({
        element,
        diagnostics: `${TYPE}.${element} ${establishment ? 'comes from FINESS' : 'of a legal entity comes from FINESS'} and is not changed here${establishment ? '; an establishment edits its contacts (contact)' : ''}.`,
        code: 'business-rule',
      });
    }
  }
  refuseElements(TYPE, refusals);
  await runMutation<FhirUpdateEstablishmentMutation>(ctx, UPDATE_MUTATION, { id, input, ...expectedVersion(ctx, current) }, TYPE, (field) => organizationIgElementOf(field) ?? elementOfField());
}

/** `identifier=` of If-None-Exist: a FINESS ET, or its idNat_Struct (`1` + FINESS), with or without the system. */
async function establishmentByIdentifier(value: string, ctx: HandlerContext): Promise<string[]> {
  const finess = /^1(\d{2}|2[AB])\d{7}$/.test(value) ? value.slice(1) : value;
  if (!/^(\d{2}|2[AB])\d{7}$/.test(finess)) return [];
  const result = await ctx.execute<FhirEstablishmentExistsQuery>({ query: EXISTS_QUERY, variables: { id: finess } }, ctx.caller);
  if (result.errors?.length && result.errors[0]!.extensions?.code !== 'NOT_FOUND') throw new OperationOutcomeError(fromGraphQLErrors(result.errors));
  return result.data?.establishment ? [result.data.establishment.id] : [];
}

/** A real creation: refused, naming the rule (D189: EGs come from FINESS). */
function refuseCreation(): Promise<string> {
  throw new OperationOutcomeError(
    outcomeAt(
      'unprocessable',
      'business-rule',
      `Organizations (EG and EJ) come from the FINESS import, not from FHIR: a new establishment is registered in FINESS and reaches the hub with its next import (docs/finess-import.md). ` +
        `A conditional create (If-None-Exist: identifier=${IDENTIFIER_SYSTEMS.finess}|<FINESS ET>) answers the existing one.`,
      TYPE,
    ),
  );
}

/** The Organization rules of interactions.ts (the registry adds its read). */
export const organizationWrites: Omit<WritableType<unknown>, 'resourceType' | 'read'> = {
  update: updateEstablishment,
  create: refuseCreation,
  byIdentifier: establishmentByIdentifier,
};
