/** The list of professionals, filtered by name, profession, function, identifier and establishment, ordered by name. */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ProfessionalFilter } from '../../gql/graphql';
import { ProfessionalsQuery } from '../../operations/professionals';
import { frenchErrors, fieldState } from '../../errors';
import { Link } from '../../router';

import { PROFESSIONS } from './labels';

const PAGE = 50;

interface Criteria {
  name: string;
  professionCode: string;
  jobTitle: string;
  identifier: string;
  establishmentId: string;
}

const EMPTY: Criteria = { name: '', professionCode: '', jobTitle: '', identifier: '', establishmentId: '' };

function filterOf(c: Criteria): ProfessionalFilter {
  const text = (value: string) => value.trim() || undefined;
  const filter: ProfessionalFilter = { name: text(c.name), professionCode: c.professionCode || undefined, jobTitle: text(c.jobTitle), identifier: text(c.identifier), establishmentId: text(c.establishmentId) };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ProfessionalFilter;
}

export function ProfessionalList() {
  const [criteria, setCriteria] = useState<Criteria>(EMPTY);
  const [filter, setFilter] = useState<ProfessionalFilter | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ data, error, fetching }] = useQuery({ query: ProfessionalsQuery, variables: { filter: filter ?? {}, first: PAGE }, pause: !filter });
  const set = (key: keyof Criteria) => (event: { target: { value: string } }) => setCriteria((c) => ({ ...c, [key]: event.target.value }));
  const search = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (criteria.establishmentId.trim() && !/^\d[0-9AB]\d{7}$/.test(criteria.establishmentId.trim())) found.establishmentId = 'Un n° FINESS établissement compte 9 caractères, par exemple 450002613.';
    const chosen = filterOf(criteria);
    if (!Object.keys(chosen).length) found.name = 'Indiquez au moins un critère : un nom, une profession, une fonction, un identifiant ou un établissement.';
    setErrors(found);
    if (!Object.keys(found).length) setFilter(chosen);
  };
  const apiErrors = frenchErrors(error);
  return (
    <>
      <h1>Professionnels</h1>
      <form onSubmit={search} noValidate aria-label="Filtrer les professionnels" className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Nom ou prénom" nativeInputProps={{ value: criteria.name, onChange: set('name') }} {...fieldState(errors.name ?? apiErrors.fields.name)} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select label="Profession" nativeSelectProps={{ value: criteria.professionCode, onChange: set('professionCode') }} {...fieldState(apiErrors.fields.professionCode)}>
            <option value="">Toutes</option>
            {Object.entries(PROFESSIONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Fonction" hintText="Par exemple : directeur, cadre" nativeInputProps={{ value: criteria.jobTitle, onChange: set('jobTitle') }} {...fieldState(apiErrors.fields.jobTitle)} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Identifiant" hintText="N° RPPS, ADELI ou de fiche (P000123)" nativeInputProps={{ value: criteria.identifier, onChange: set('identifier') }} {...fieldState(apiErrors.fields.identifier)} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Établissement (n° FINESS)" nativeInputProps={{ value: criteria.establishmentId, onChange: set('establishmentId'), inputMode: 'numeric' }} {...fieldState(errors.establishmentId ?? apiErrors.fields.establishmentId)} />
        </div>
        <div className="fr-col-12 fr-col-md-2 fr-mb-3w">
          <Button type="submit" iconId="fr-icon-search-line">
            Filtrer
          </Button>
        </div>
      </form>
      {apiErrors.general.length > 0 && <Alert severity="error" small description={apiErrors.general.join(' ')} />}
      {fetching && <p>Recherche…</p>}
      {data && (
        <>
          <h2 id="liste-pro">
            {data.professionals.totalCount} professionnel{data.professionals.totalCount > 1 ? 's' : ''}
          </h2>
          {data.professionals.totalCount > PAGE && <p className="fr-text--sm">Les {PAGE} premiers par ordre alphabétique : précisez les filtres pour les autres.</p>}
          {data.professionals.edges.length > 0 && (
            <div className="fr-table fr-table--no-caption">
              <table aria-labelledby="liste-pro">
                <caption>Professionnels</caption>
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Fonction</th>
                    <th scope="col">Profession</th>
                    <th scope="col">Établissements</th>
                  </tr>
                </thead>
                <tbody>
                  {data.professionals.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/professionnels/${node.id}`}>
                          {node.lastName} {node.firstName}
                        </Link>
                      </td>
                      <td>{node.jobTitle ?? ''}</td>
                      <td>{node.profession?.display ?? node.profession?.code ?? ''}</td>
                      <td>{node.establishments.map((e) => e.name).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
