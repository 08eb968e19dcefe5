/**
 * A unit's contacts as ror-healthcareservice-contact extensions, shaped as in the IG example
 * HealthcareService-1234564. The contacts are those the GraphQL API returned to the caller: the
 * offer subgraph already hides confidential levels from public access profiles, so nothing is
 * filtered (or could leak) here.
 */
import { CODE_SYSTEMS, EXTENSIONS, concept, nosCoding } from '../codes.js';
import type { GqlContact } from '../queries.js';
import type { Extension } from '../types.js';

/** One contact: nature, free-text role, confidentiality, and its one telecom (channel, level, value). */
export function contactExtension(contact: GqlContact): Extension {
  // A fresh concept per use, so the two levels are not one shared object.
  const level = () => concept(nosCoding(CODE_SYSTEMS.niveauConfidentialite, contact.confidentiality));
  const extension: Extension[] = [
    { url: 'purposeContact', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.natureContact, contact.nature)) },
  ];
  // The hub's role is free text; fonctionContact is coded (JDV_J220), so the role is the description.
  if (contact.role) extension.push({ url: 'description', valueString: contact.role });
  extension.push(
    { url: EXTENSIONS.confidentialityLevel, valueCodeableConcept: level() },
    {
      url: EXTENSIONS.healthcareServiceContactTelecom,
      extension: [
        {
          url: EXTENSIONS.telecomCommunicationChannel,
          valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.canalCommunication, contact.channel)),
        },
        { url: EXTENSIONS.telecomConfidentialityLevel, valueCodeableConcept: level() },
        { url: 'telecomAddress', valueString: contact.value },
      ],
    },
  );
  return { url: EXTENSIONS.healthcareServiceContact, extension };
}
