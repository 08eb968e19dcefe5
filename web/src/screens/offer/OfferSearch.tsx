/** The search of "Offre": establishments and units whose name resembles the text typed. */
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { OfferSearchQuery } from '../../operations/offer';
import { DISCIPLINES } from '../../labels';
import { frenchErrors, fieldState } from '../../errors';
import { Link } from '../../router';
import type { Me } from '../../rights';

import { handlesReports } from './Offer';

const PAGE = 20;

export function OfferSearch(props: { me: Me }) {
  const initial = new URLSearchParams(window.location.search).get('nom') ?? '';
  const [text, setText] = useState(initial);
  const [name, setName] = useState(initial);
  const [formError, setFormError] = useState<string | undefined>();
  const [{ data, error, fetching }] = useQuery({ query: OfferSearchQuery, variables: { name, first: PAGE }, pause: name === '' });
  const search = (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    if (wanted.length < 2) return setFormError('Saisissez au moins 2 caractères du nom.');
    setFormError(undefined);
    // Kept in the address, so "back" from a record returns to these results.
    window.history.replaceState(null, '', `/offre?nom=${encodeURIComponent(wanted)}`);
    setName(wanted);
  };
  const errors = frenchErrors(error);
  return (
    <>
      <h1>Offre</h1>
      <p>Les fiches des établissements et des unités de la région : les consulter, les tenir à jour selon vos droits, signaler une erreur.</p>
      {handlesReports(props.me) && (
        <p>
          <Link href="/offre/signalements" className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Signalements à traiter
          </Link>
        </p>
      )}
      <form onSubmit={search} noValidate aria-label="Rechercher dans l’offre" className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <Input label="Nom de l’établissement ou de l’unité" hintText="Par exemple : Orléans, cardiologie" nativeInputProps={{ value: text, onChange: (e) => setText(e.target.value) }} {...fieldState(formError ?? errors.fields.name)} />
        </div>
        <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
        </div>
      </form>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {fetching && <p>Recherche…</p>}
      {data && (
        <>
          <h2 id="etablissements">Établissements ({data.establishments.totalCount})</h2>
          {data.establishments.edges.length === 0 ? (
            <p>Aucun établissement.</p>
          ) : (
            <div className="fr-table fr-table--no-caption">
              <table aria-labelledby="etablissements">
                <caption>Établissements</caption>
                <thead>
                  <tr>
                    <th scope="col">Établissement</th>
                    <th scope="col">FINESS</th>
                    <th scope="col">Catégorie</th>
                    <th scope="col">Commune</th>
                  </tr>
                </thead>
                <tbody>
                  {data.establishments.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/offre/etablissements/${node.id}`}>{node.name}</Link>
                      </td>
                      <td>{node.id}</td>
                      <td>{node.category.display}</td>
                      <td>
                        {node.address.city} ({node.address.departmentCode})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2 id="unites">Unités ({data.units.totalCount})</h2>
          {data.units.edges.length === 0 ? (
            <p>Aucune unité.</p>
          ) : (
            <div className="fr-table fr-table--no-caption">
              <table aria-labelledby="unites">
                <caption>Unités</caption>
                <thead>
                  <tr>
                    <th scope="col">Unité</th>
                    <th scope="col">Code UF</th>
                    <th scope="col">Discipline</th>
                    <th scope="col">Établissement</th>
                  </tr>
                </thead>
                <tbody>
                  {data.units.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/offre/unites/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                      </td>
                      <td>{node.ufCode}</td>
                      <td>{DISCIPLINES[node.discipline]}</td>
                      <td>{node.establishment.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(data.establishments.totalCount > PAGE || data.units.totalCount > PAGE) && <p className="fr-text--sm">Les {PAGE} plus proches du nom cherché sont affichés : précisez le nom pour les autres.</p>}
        </>
      )}
    </>
  );
}
