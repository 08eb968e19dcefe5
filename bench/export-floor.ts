/**
 * A floor estimate for the export, for bench/export.ts (`--floor`): the time PostgreSQL itself
 * takes to build JSON shaped like the export's resources from the same rows, one `COPY (SELECT
 * json_build_object(…)) TO STDOUT`. This is **not a second FHIR mapping** and nothing in the
 * product uses it (D116/D143): it keeps the resources' structure and their long constant strings
 * (profile and extension URLs, code systems, labels), so its bytes come near the NDJSON's, but it
 * leaves out fields, labels from the terminologies and every perimeter rule. It answers one
 * question: how long does the database take to produce this much JSON of these rows? The bench
 * reports its bytes next to the export's, and its time scaled to the export's bytes.
 */

const SD = 'https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/';
const NOS = 'https://mos.esante.gouv.fr/NOS/';

/** A CodeableConcept `{coding:[{system, code, display}]}` from SQL expressions (display may be null: then omitted). */
const concept = (system: string, code: string, display = 'null') =>
  `json_build_object('coding', json_build_array(json_build_object('system', '${NOS}${system}', 'code', ${code}, 'display', ${display})))`;
const instant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const meta = (profile: string, updated: string, region: string) =>
  `json_build_object('versionId', (extract(epoch from ${updated}) * 1000)::bigint::text, 'lastUpdated', ${instant(updated)}, 'profile', json_build_array('${SD}${profile}'), 'tag', json_build_array(json_build_object('system', '${NOS}TRE_R30-RegionOM/FHIR/TRE-R30-RegionOM', 'code', ${region})))`;
const address = (t: string) => `json_build_object('use', 'work', 'type', 'both', 'line', json_build_array(${t}.address_line),
  '_line', json_build_array(json_build_object('extension', json_build_array(
    json_build_object('url', 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber', 'valueString', ${t}.house_number),
    json_build_object('url', 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetNameType', 'valueString', ${t}.street_type),
    json_build_object('url', 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetNameBase', 'valueString', ${t}.street_name)))),
  'city', ${t}.city, 'postalCode', ${t}.postal_code)`;
/** One supported-capacity extension (status code, count, gender or null). */
const capacityExtension = `json_build_object('url', '${SD}ror-location-supported-capacity', 'extension', json_build_array(
    json_build_object('url', 'capacityType', 'valueCodeableConcept', ${concept('TRE_R329-NatureCapacite/FHIR/TRE-R329-NatureCapacite', "'01'", "'Lit'")}),
    json_build_object('url', 'capacityStatus', 'valueCodeableConcept', ${concept('TRE_R330-TypeStatutCapacite/FHIR/TRE-R330-TypeStatutCapacite', 'k.status', 'k.label')}),
    json_build_object('url', 'temporalityCapacity', 'valueCodeableConcept', ${concept('TRE_R331-TemporaliteCapacite/FHIR/TRE-R331-TemporaliteCapacite', "'01'", "'Courant'")}),
    json_build_object('url', 'nbCapacity', 'valueInteger', k.n),
    json_build_object('url', 'capacitySourceType', 'valueCodeableConcept', ${concept('TRE_R335-TypeSourceCapacite/FHIR/TRE-R335-TypeSourceCapacite', "'01'", "'Saisie manuelle'")}),
    json_build_object('url', 'capacityUpdateDate', 'valueDateTime', ${instant('c.updated_at')}),
    json_build_object('url', 'temporaryAssignement', 'valueCodeableConcept', ${concept('TRE_R337-AffectationTemporaire/FHIR/TRE-R337-AffectationTemporaire', "'01'", "'Aucune'")})))`;
const contacts = (table: string, key: string, id: string) => `coalesce((select json_agg(json_build_object(
    'extension', json_build_array(json_build_object('url', '${SD}ror-contact-confidentiality-level', 'valueCodeableConcept', ${concept('TRE_R283-NiveauConfidentialite/FHIR/TRE-R283-NiveauConfidentialite', 'x.confidentiality_code')})),
    'purpose', ${concept('TRE_R287-NatureContact/FHIR/TRE-R287-NatureContact', 'x.nature_code')},
    'telecom', json_build_array(json_build_object('extension', json_build_array(
        json_build_object('url', '${SD}ror-telecom-communication-channel', 'valueCodeableConcept', ${concept('TRE_R200-CanalCommunication/FHIR/TRE-R200-CanalCommunication', 'x.channel_code')}),
        json_build_object('url', '${SD}ror-telecom-confidentiality-level', 'valueCodeableConcept', ${concept('TRE_R283-NiveauConfidentialite/FHIR/TRE-R283-NiveauConfidentialite', 'x.confidentiality_code')})),
      'system', 'phone', 'value', x.value, 'use', 'work'))) order by x.position) from ${table} x where x.${key} = ${id}), '[]'::json)`;

/** Legal entities, establishments, then each unit as a HealthcareService-like and a Location-like object. */
export const FLOOR_QUERY = `copy (
  select json_build_object('resourceType', 'Organization', 'id', o.id, 'meta', ${meta('ror-organization', 'o.updated_at', "'00'")},
    'identifier', json_build_array(json_build_object('use', 'official', 'type', ${concept('TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure', "'1'", "'FINESS'")}, 'system', 'https://finess.esante.gouv.fr', 'value', o.id),
      json_build_object('use', 'official', 'type', ${concept('TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure', "'2'", "'SIREN'")}, 'system', 'https://sirene.fr', 'value', o.siren)),
    'type', json_build_array(${concept('TRE_R72-FinessStatutJuridique/FHIR/TRE-R72-FinessStatutJuridique', 'o.legal_status_code')}), 'name', o.name)
  from offer.organization o
  union all
  select json_build_object('resourceType', 'Organization', 'id', e.id, 'meta', ${meta('ror-organization', 'e.updated_at', 'e.region_code')},
    'extension', json_build_array(json_build_object('url', '${SD}ror-meta-creation-date', 'valueDateTime', ${instant('e.created_at')}),
      json_build_object('url', 'http://hl7.org/fhir/StructureDefinition/organization-period', 'valuePeriod', json_build_object('start', e.opened_on, 'end', e.closed_on))),
    'identifier', json_build_array(json_build_object('use', 'official', 'type', ${concept('TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure', "'1'", "'FINESS'")}, 'system', 'https://finess.esante.gouv.fr', 'value', e.id),
      json_build_object('use', 'official', 'type', ${concept('TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure', "'3'", "'SIRET'")}, 'system', 'http://sirene.fr', 'value', e.siret)),
    'type', json_build_array(${concept('TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement', 'e.category_code', 'e.category_label')}),
    'name', e.name, 'address', ${address('e')}, 'partOf', json_build_object('reference', 'Organization/' || e.organization_id),
    'contact', json_build_array(json_build_object('purpose', ${concept('TRE_R287-NatureContact/FHIR/TRE-R287-NatureContact', "'06'", "'Standard'")},
      'telecom', json_build_array(json_build_object('system', 'phone', 'value', e.switchboard_phone, 'use', 'work')))))
  from offer.establishment e
  union all
  select json_build_object('resourceType', 'HealthcareService', 'id', u.id, 'meta', ${meta('ror-healthcareservice', 'u.updated_at', 'e.region_code')},
    'extension', json_build_array(json_build_object('url', '${SD}ror-healthcareservice-sensitive-unit', 'valueBoolean', u.sensitive),
      json_build_object('url', '${SD}ror-healthcareservice-patient-type', 'extension', json_build_array(json_build_object('url', 'ageRange', 'valueRange', json_build_object(
        'low', json_build_object('value', u.patient_age_min, 'system', '${NOS}TRE_R247-UcumUniteMesure/FHIR/TRE-R247-UcumUniteMesure', 'code', 'a'),
        'high', json_build_object('value', u.patient_age_max, 'system', '${NOS}TRE_R247-UcumUniteMesure/FHIR/TRE-R247-UcumUniteMesure', 'code', 'a'))))),
      json_build_object('url', '${SD}ror-healthcareservice-contact', 'extension', ${contacts('offer.unit_contact', 'unit_id', 'u.id')}),
      json_build_object('url', '${SD}ror-activity-field', 'valueCodeableConcept', ${concept('TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite', 'u.activity_field_code')}),
      json_build_object('url', '${SD}ror-care-mode', 'valueCodeableConcept', ${concept('TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge', 'u.care_mode_code')}),
      json_build_object('url', '${SD}ror-operational-activity', 'valueCodeableConcept', json_build_object('coding', (select json_agg(json_build_object('system', '${NOS}TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle', 'code', a)) from unnest(u.operational_activity_codes) a))),
      json_build_object('url', '${SD}ror-specific-act', 'valueCodeableConcept', json_build_object('coding', (select json_agg(json_build_object('system', '${NOS}TRE_R210-ActeSpecifique/FHIR/TRE-R210-ActeSpecifique', 'code', a)) from unnest(u.specific_act_codes) a))),
      json_build_object('url', '${SD}ror-equipment', 'valueCodeableConcept', json_build_object('coding', (select json_agg(json_build_object('system', '${NOS}TRE_R212-Equipement/FHIR/TRE-R212-Equipement', 'code', a)) from unnest(u.equipment_codes) a))),
      json_build_object('url', '${SD}ror-meta-creation-date', 'valueDateTime', ${instant('u.created_at')})),
    'identifier', json_build_array(json_build_object('system', 'https://rpps.esante.gouv.fr', 'value', u.uf_code)),
    'active', not u.archived, 'providedBy', json_build_object('reference', 'Organization/' || u.establishment_id),
    'category', json_build_array(${concept('TRE_R244-CategorieOrganisation/FHIR/TRE-R244-CategorieOrganisation', 'u.category_code')}),
    'location', json_build_array(json_build_object('reference', 'Location/' || u.id)), 'name', u.name,
    'availableTime', u.opening_hours)
  from offer.unit u join offer.establishment e on e.id = u.establishment_id
  union all
  select json_build_object('resourceType', 'Location', 'id', u.id, 'meta', ${meta('ror-location', 'greatest(u.updated_at, c.updated_at)', 'e.region_code')},
    'extension', (select json_agg(x) from (select json_build_object('url', '${SD}ror-commune-cog', 'valueCodeableConcept', ${concept('TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM', 'coalesce(u.insee_code, e.insee_code)')}) as x
      union all select ${capacityExtension} from (values ('01', 'Installé', c.installed_beds), ('02', 'Disponible', c.available_men), ('02', 'Disponible', c.available_women),
        ('02', 'Disponible', c.available_undifferentiated), ('05', 'Fermé', c.closed_beds), ('05', 'Fermé', c.reopenable_beds), ('06', 'Supplémentaire', c.mobilised_beds)) k(status, label, n) where c.unit_id is not null) xs),
    'identifier', json_build_array(json_build_object('type', ${concept('TRE_R354-TypeIdentifiantLieu/FHIR/TRE-R354-TypeIdentifiantLieu', "'25'", "'Identifiant du lieu de réalisation de l''offre connu du ROR'")}, 'value', e.region_code || '/' || u.id)),
    'status', 'active', 'operationalStatus', json_build_object('system', '${NOS}TRE_R203-StatutLieu/FHIR/TRE-R203-StatutLieu', 'code', '3', 'display', 'Opérationnel'),
    'name', u.name, 'type', json_build_array(${concept('TRE_R343-FonctionLieu/FHIR/TRE-R343-FonctionLieu', "'001'", "'Hébergement MCO'")}),
    'address', ${address('e')},
    'position', json_build_object('longitude', coalesce(u.longitude, e.longitude), 'latitude', coalesce(u.latitude, e.latitude)),
    'managingOrganization', json_build_object('reference', 'Organization/' || e.id))
  from offer.unit u join offer.establishment e on e.id = u.establishment_id left join capacities.unit_capacity c on c.unit_id = u.id
) to %TARGET%`;
