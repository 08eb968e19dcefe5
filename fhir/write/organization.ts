/**
 * Organization writes (docs/fhir-write.md): an EG's switchboard phone, the one element of the
 * served Organization its referents keep current (GraphQL `updateEstablishment`). Everything else
 * comes from FINESS (name, identifiers, category, address, legal entity): a change to it is a
 * 422 naming the element. EGs and EJs are created by the FINESS import, never over FHIR.
 */
import { CODE_SYSTEMS } from '../codes.js';
import type { HandlerContext } from '../records.js';
import type { FhirUpdateEstablishmentMutation } from '../../schemas/operations.js';
import type { Json } from './elements.js';
import type { WritableType } from './interactions.js';
import { expectedVersion, refuseElements, runMutation, type ElementRefusal } from './request.js';

const TYPE = 'Organization';

const UPDATE_MUTATION = /* GraphQL */ `
  mutation FhirUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!, $expectedUpdatedAt: DateTime) {
    updateEstablishment(id: $id, input: $input, expectedUpdatedAt: $expectedUpdatedAt) { id }
  }
`;

interface Contact {
  purpose?: { coding?: { system?: string; code?: string }[] };
  telecom?: { system?: string; value?: string }[];
  [key: string]: unknown;
}

/** contact → the switchboard phone: at most one contact, purpose TRE_R287 06 Standard, one phone. */
function switchboardPhoneOf(value: unknown, refusals: ElementRefusal[]): string | null {
  const contacts = (Array.isArray(value) ? value : []) as Contact[];
  if (contacts.length === 0) return null;
  const [contact] = contacts;
  const purpose = contact!.purpose?.coding?.find((c) => c.system === CODE_SYSTEMS.natureContact)?.code;
  const phones = (contact!.telecom ?? []).filter((t) => t.system === 'phone' && typeof t.value === 'string');
  const others = Object.keys(contact!).filter((k) => !['purpose', 'telecom', 'extension'].includes(k));
  if (contacts.length > 1 || purpose !== '06' || phones.length !== 1 || contact!.telecom!.length !== 1 || others.length > 0) {
    refusals.push({
      element: 'contact',
      diagnostics: `The hub records one Organization contact: the switchboard (purpose ${CODE_SYSTEMS.natureContact} 06 Standard) with one phone telecom.`,
    });
    return null;
  }
  return phones[0]!.value!;
}

async function updateEstablishment(id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext): Promise<void> {
  const refusals: ElementRefusal[] = [];
  // An EJ (no partOf) has nothing editable here.
  const establishment = current.partOf !== undefined;
  let switchboardPhone: string | null = null;
  for (const element of changed) {
    if (element === 'contact' && establishment) switchboardPhone = switchboardPhoneOf(next.contact, refusals);
    else {
      refusals.push({
        element,
        diagnostics: `${TYPE}.${element} ${establishment ? 'comes from FINESS' : 'of a legal entity comes from FINESS'} and is not changed here${establishment ? '; an establishment edits its switchboard phone (contact)' : ''}.`,
        code: 'business-rule',
      });
    }
  }
  refuseElements(TYPE, refusals);
  await runMutation<FhirUpdateEstablishmentMutation>(ctx, UPDATE_MUTATION, { id, input: { switchboardPhone }, ...expectedVersion(ctx, current) }, TYPE, () => 'contact');
}

/** The Organization rules of interactions.ts (the registry adds its read). */
export const organizationWrites: Omit<WritableType<unknown>, 'resourceType' | 'read'> = { update: updateEstablishment };
