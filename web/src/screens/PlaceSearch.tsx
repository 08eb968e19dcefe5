/**
 * "Recherche de place": criteria → placeSearch (units by distance, free beds, freshness), then
 * "Demander une admission" to one or several selected units (requestAdmission). The 20 nearest
 * come first; "Afficher les suivantes" appends the next 20 (the API's cursor), keeping the choices.
 */
import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { AdmissionUrgency, ConsolePlaceSearchQuery, Discipline, PatientSex, PlaceSearchInput } from '../gql/graphql';
import { PlaceSearchQuery, RequestAdmissionMutation } from '../operations/places';
import { DISCIPLINES, SEXES, URGENCIES, minutesAgo } from '../labels';
import { frenchErrors, type FrenchErrors, fieldState } from '../errors';
import { ADMISSION_REQUESTS } from '../rights';
import { Link } from '../router';

type Origin = 'postalCode' | 'communeCode' | 'near';
type Place = ConsolePlaceSearchQuery['placeSearch']['edges'][number]['node'];

interface Criteria {
  origin: Origin;
  place: string;
  latitude: string;
  longitude: string;
  radiusKm: string;
  discipline: Discipline | '';
  patientAge: string;
  patientSex: PatientSex | '';
  freeBedsOnly: boolean;
}

const INITIAL: Criteria = { origin: 'postalCode', place: '', latitude: '', longitude: '', radiusKm: '30', discipline: '', patientAge: '', patientSex: '', freeBedsOnly: true };

/** French checks before anything is sent; returns the errors by field and the API input. */
function toInput(c: Criteria): { errors: Record<string, string>; input?: PlaceSearchInput } {
  const errors: Record<string, string> = {};
  const radius = Number(c.radiusKm.replace(',', '.'));
  if (!(radius > 0 && radius <= 200)) errors.radiusKm = 'Le rayon doit être compris entre 1 et 200 km.';
  const input: PlaceSearchInput = { radiusKm: radius, freeBedsOnly: c.freeBedsOnly };
  if (c.origin === 'near') {
    const latitude = Number(c.latitude.replace(',', '.'));
    const longitude = Number(c.longitude.replace(',', '.'));
    if (c.latitude.trim() === '' || !(latitude >= -90 && latitude <= 90)) errors.latitude = 'Latitude entre -90 et 90, par exemple 47,90.';
    if (c.longitude.trim() === '' || !(longitude >= -180 && longitude <= 180)) errors.longitude = 'Longitude entre -180 et 180, par exemple 1,90.';
    input.near = { latitude, longitude, radiusKm: radius };
    delete input.radiusKm;
  } else if (!/^\d[\dAB]\d{3}$/.test(c.place.trim())) {
    errors.place = c.origin === 'postalCode' ? 'Saisissez un code postal à 5 chiffres, par exemple 45000.' : 'Saisissez un code commune INSEE à 5 caractères, par exemple 45234.';
  } else input[c.origin] = c.place.trim();
  if (c.discipline) input.disciplines = [c.discipline];
  if (c.patientAge.trim() !== '') {
    const age = Number(c.patientAge);
    if (!Number.isInteger(age) || age < 0 || age > 130) errors.patientAge = 'L’âge est un nombre entier d’années, de 0 à 130.';
    else input.patientAge = age;
  }
  if (c.patientSex) input.patientSex = c.patientSex;
  return Object.keys(errors).length ? { errors } : { errors, input };
}

export function PlaceSearch() {
  const client = useClient();
  const [criteria, setCriteria] = useState<Criteria>(INITIAL);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [searchErrors, setSearchErrors] = useState<FrenchErrors | null>(null);
  const [result, setResult] = useState<ConsolePlaceSearchQuery['placeSearch'] | null>(null);
  const [searched, setSearched] = useState<PlaceSearchInput | null>(null);
  const [searching, setSearching] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sent, setSent] = useState<string | null>(null);
  const set = <K extends keyof Criteria>(key: K, value: Criteria[K]) => setCriteria((c) => ({ ...c, [key]: value }));

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const { errors, input } = toInput(criteria);
    setFieldErrors(errors);
    if (!input) return;
    setSearching(true);
    const answer = await client.query(PlaceSearchQuery, { criteria: input, first: 20 }, { requestPolicy: 'network-only' }).toPromise();
    setSearching(false);
    const french = frenchErrors(answer.error);
    setSearchErrors(french);
    setFieldErrors(french.fields);
    setResult(answer.data?.placeSearch ?? null);
    setSearched(input);
    setSelected(new Set());
    setSent(null);
  };

  // The next page of the same search (the criteria as searched, not as edited since), appended.
  const more = async () => {
    if (!result || !searched || !result.pageInfo.endCursor) return;
    setSearching(true);
    const answer = await client.query(PlaceSearchQuery, { criteria: searched, first: 20, after: result.pageInfo.endCursor }, { requestPolicy: 'network-only' }).toPromise();
    setSearching(false);
    const french = frenchErrors(answer.error);
    setSearchErrors(french);
    const page = answer.data?.placeSearch;
    if (page) setResult({ ...page, edges: [...result.edges, ...page.edges] });
  };

  const places = result?.edges.map((edge) => edge.node) ?? [];
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <h1>Recherche de place</h1>
      <form onSubmit={search} noValidate aria-label="Critères de recherche">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Autour de" nativeSelectProps={{ value: criteria.origin, onChange: (e) => set('origin', e.target.value as Origin) }}>
              <option value="postalCode">Un code postal</option>
              <option value="communeCode">Une commune (code INSEE)</option>
              <option value="near">Une position (latitude, longitude)</option>
            </Select>
          </div>
          {criteria.origin === 'near' ? (
            <>
              <div className="fr-col-6 fr-col-md-2">
                <Input label="Latitude" nativeInputProps={{ value: criteria.latitude, onChange: (e) => set('latitude', e.target.value), inputMode: 'decimal' }} {...fieldState(fieldErrors.latitude)} />
              </div>
              <div className="fr-col-6 fr-col-md-2">
                <Input label="Longitude" nativeInputProps={{ value: criteria.longitude, onChange: (e) => set('longitude', e.target.value), inputMode: 'decimal' }} {...fieldState(fieldErrors.longitude)} />
              </div>
            </>
          ) : (
            <div className="fr-col-12 fr-col-md-4">
              <Input
                label={criteria.origin === 'postalCode' ? 'Code postal' : 'Code commune INSEE'}
                nativeInputProps={{ value: criteria.place, onChange: (e) => set('place', e.target.value), inputMode: 'numeric', autoComplete: 'postal-code' }}
                {...fieldState(fieldErrors.place ?? fieldErrors.postalCode ?? fieldErrors.communeCode)}
              />
            </div>
          )}
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Rayon (km)" nativeInputProps={{ value: criteria.radiusKm, onChange: (e) => set('radiusKm', e.target.value), inputMode: 'decimal' }} {...fieldState(fieldErrors.radiusKm)} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Discipline" nativeSelectProps={{ value: criteria.discipline, onChange: (e) => set('discipline', e.target.value as Discipline | '') }} {...fieldState(fieldErrors.disciplines)}>
              <option value="">Toutes</option>
              {Object.entries(DISCIPLINES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Input label="Âge du patient (ans)" nativeInputProps={{ value: criteria.patientAge, onChange: (e) => set('patientAge', e.target.value), inputMode: 'numeric' }} {...fieldState(fieldErrors.patientAge)} />
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Select label="Sexe du patient" nativeSelectProps={{ value: criteria.patientSex, onChange: (e) => set('patientSex', e.target.value as PatientSex | '') }}>
              <option value="">Non précisé</option>
              <option value="FEMALE">Femme</option>
              <option value="MALE">Homme</option>
            </Select>
          </div>
        </div>
        <Checkbox className="fr-my-2w" options={[{ label: 'Lits libres seulement', nativeInputProps: { checked: criteria.freeBedsOnly, onChange: (e) => set('freeBedsOnly', e.target.checked) } }]} />
        <Button type="submit" iconId="fr-icon-search-line" disabled={searching}>
          Rechercher
        </Button>
      </form>
      {searchErrors && searchErrors.general.length > 0 && <Alert className="fr-mt-3w" severity="error" title="Recherche impossible" description={searchErrors.general.join(' ')} />}
      {result && (
        <section className="fr-mt-4w" aria-labelledby="resultats">
          <h2 id="resultats">
            {result.totalCount} unité{result.totalCount > 1 ? 's' : ''} à moins de {result.centre.radiusKm} km{result.centre.communeName ? ` (centre : ${result.centre.communeName})` : ''}
            {places.length < result.totalCount ? ` — les ${places.length} plus proches` : ''}
          </h2>
          {sent && (
            <Alert className="fr-mb-3w" severity="success" title="Demande envoyée" description={<>{sent} <Link href={ADMISSION_REQUESTS.path}>Suivre mes demandes</Link></>} />
          )}
          {selected.size > 0 && (
            <RequestForm
              unitIds={[...selected]}
              criteria={criteria}
              onSent={(message) => {
                setSent(message);
                setSelected(new Set());
              }}
            />
          )}
          {places.length > 0 && <Results places={places} selected={selected} toggle={(id) => {
                setSent(null);
                toggle(id);
              }} />}
          {result.pageInfo.hasNextPage && (
            <Button className="fr-mt-2w" priority="secondary" disabled={searching} onClick={() => void more()}>
              Afficher les unités suivantes
            </Button>
          )}
        </section>
      )}
    </>
  );
}

function Results(props: { places: Place[]; selected: Set<string>; toggle: (id: string) => void }) {
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>Unités par distance</caption>
        <thead>
          <tr>
            <th scope="col">Choisir</th>
            <th scope="col">Unité</th>
            <th scope="col">Distance</th>
            <th scope="col">Lits libres</th>
            <th scope="col">Mise à jour</th>
            <th scope="col">Contacts</th>
          </tr>
        </thead>
        <tbody>
          {props.places.map((place) => {
            const id = `choisir-${place.unit.id}`;
            return (
              <tr key={place.unit.id}>
                <td>
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id={id} checked={props.selected.has(place.unit.id)} onChange={() => props.toggle(place.unit.id)} />
                    <label className="fr-label" htmlFor={id}>
                      <span className="fr-sr-only">Choisir {place.unit.name}</span>
                    </label>
                  </div>
                </td>
                <td>
                  <strong>{place.unit.name}</strong>
                  <br />
                  {place.unit.establishment.name} — {DISCIPLINES[place.unit.discipline]}
                </td>
                <td>{place.distanceKm.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km</td>
                <td>
                  {place.freeBeds}
                  {place.installedBeds !== null && place.installedBeds !== undefined ? ` / ${place.installedBeds}` : ''}
                </td>
                <td>
                  {place.updatedAt ? minutesAgo(place.updatedAt) : 'jamais'}
                  {place.stale && (
                    <>
                      {' '}
                      <Badge severity="warning" small noIcon>
                        Données anciennes
                      </Badge>
                    </>
                  )}
                </td>
                <td>
                  {place.unit.contacts.length === 0
                    ? '—'
                    : place.unit.contacts.map((contact, i) => (
                        <div key={i}>
                          {contact.role ?? contact.nature.display ?? ''} {contact.role || contact.nature.display ? ': ' : ''}
                          {contact.value}
                        </div>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RequestForm(props: { unitIds: string[]; criteria: Criteria; onSent: (message: string) => void }) {
  const [age, setAge] = useState(props.criteria.patientAge);
  const [sex, setSex] = useState<PatientSex | ''>(props.criteria.patientSex);
  const [urgency, setUrgency] = useState<AdmissionUrgency>('SAME_DAY');
  const [summary, setSummary] = useState('');
  const [callback, setCallback] = useState('');
  const [patientName, setPatientName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, requestAdmission] = useMutation(RequestAdmissionMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const patientAge = Number(age);
    if (age.trim() === '' || !Number.isInteger(patientAge) || patientAge < 0 || patientAge > 130) found.patientAge = 'L’âge est obligatoire : un nombre entier d’années, de 0 à 130.';
    if (!sex) found.patientSex = 'Le sexe du patient est obligatoire.';
    if (summary.trim() === '') found.clinicalSummary = 'Le résumé clinique est obligatoire.';
    else if (summary.length > 2000) found.clinicalSummary = 'Le résumé clinique fait au plus 2 000 caractères.';
    if (callback.trim() === '') found.callbackContact = 'Indiquez un téléphone ou une adresse électronique où vous joindre.';
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length || !sex) return;
    const answer = await requestAdmission({
      input: {
        unitIds: props.unitIds,
        patientAge,
        patientSex: sex,
        urgency,
        clinicalSummary: summary.trim(),
        callbackContact: callback.trim(),
        ...(props.criteria.discipline ? { discipline: props.criteria.discipline } : {}),
        ...(patientName.trim() ? { patientName: patientName.trim() } : {}),
      },
    });
    const french = frenchErrors(answer.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (answer.data) props.onSent(`Demande envoyée à ${answer.data.requestAdmission.targets.map((t) => t.unit.name).join(', ')}.`);
  };

  return (
    <form onSubmit={submit} noValidate className="fr-mb-4w" aria-labelledby="demande">
      <h2 id="demande">Demander une admission ({props.unitIds.length} unité{props.unitIds.length > 1 ? 's' : ''})</h2>
      {errors.unitIds && <Alert severity="error" small description={errors.unitIds} />}
      {general.length > 0 && <Alert severity="error" small description={general.join(' ')} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-3">
          <Input label="Âge (ans)" nativeInputProps={{ value: age, onChange: (e) => setAge(e.target.value), inputMode: 'numeric', required: true }} {...fieldState(errors.patientAge)} />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select label="Sexe" nativeSelectProps={{ value: sex, onChange: (e) => setSex(e.target.value as PatientSex | ''), required: true }} {...fieldState(errors.patientSex)}>
            <option value="">Choisir</option>
            {Object.entries(SEXES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Urgence" nativeSelectProps={{ value: urgency, onChange: (e) => setUrgency(e.target.value as AdmissionUrgency) }} {...fieldState(errors.urgency)}>
            {Object.entries(URGENCIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input label="Résumé clinique" hintText="Confidentiel : lu seulement par vous et les unités sollicitées." textArea nativeTextAreaProps={{ value: summary, onChange: (e) => setSummary(e.target.value), rows: 3, required: true }} {...fieldState(errors.clinicalSummary)} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Vous joindre (téléphone ou courriel)" nativeInputProps={{ value: callback, onChange: (e) => setCallback(e.target.value), required: true }} {...fieldState(errors.callbackContact)} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Nom du patient (facultatif)" nativeInputProps={{ value: patientName, onChange: (e) => setPatientName(e.target.value) }} {...fieldState(errors.patientName)} />
        </div>
      </div>
      <Button type="submit" iconId="fr-icon-send-plane-line" disabled={fetching}>
        Demander une admission
      </Button>
    </form>
  );
}
