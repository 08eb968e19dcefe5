/** A professional's record: identity, where they work, account state, role assignments; edit and roles by rights. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ProfessionalAccountQuery, ProfessionalQuery, ProfessionalRolesQuery } from '../../operations/professionals';
import { dateTime } from '../../labels';
import { frenchErrors } from '../../errors';
import { Link } from '../../router';
import { covers, type Me } from '../../rights';
import { Fields, codings } from '../offer/parts';
import { SEXES } from './labels';
import { ProfessionalEdit } from './ProfessionalEdit';
import { RoleAssignments } from './RoleAssignments';

export function ProfessionalRecord(props: { me: Me; id: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: ProfessionalQuery, variables: { id: props.id } });
  // Asked apart: the API refuses them (FORBIDDEN) to those whose rights do not cover the person.
  const [account, reloadAccount] = useQuery({ query: ProfessionalAccountQuery, variables: { id: props.id } });
  const [editing, setEditing] = useState(false);
  const professional = data?.professional;
  if (!professional) {
    const errors = frenchErrors(error);
    return fetching ? <p>Chargement…</p> : <Alert severity="error" title="Fiche indisponible" description={errors.general.join(' ') || 'Professionnel introuvable.'} />;
  }
  const target = { organizationIds: professional.establishments.map((e) => e.organization.id), establishmentIds: professional.establishments.map((e) => e.id), professionalId: professional.id };
  const canEdit = covers(props.me, 'ORU_PROFESSIONNEL_EDIT', target) && !professional.archived;
  const accountShown = account.data?.professional?.account;
  const saved = () => {
    setEditing(false);
    reload({ requestPolicy: 'network-only' });
    reloadAccount({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <p className="fr-mb-1w">
        <Link href="/professionnels" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Retour à la liste
        </Link>
      </p>
      <h1>
        {professional.lastName} {professional.firstName}{' '}
        {professional.archived && (
          <Badge severity="warning" small>
            Archivé
          </Badge>
        )}
      </h1>
      <p className="fr-text--sm">Fiche {professional.id}, mise à jour le {dateTime(professional.updatedAt)}.</p>
      {editing ? (
        <ProfessionalEdit professional={professional} accountEnabled={accountShown?.enabled ?? null} onSaved={saved} onCancel={() => setEditing(false)} />
      ) : (
        <section aria-labelledby="fiche-pro">
          <h2 id="fiche-pro">Fiche</h2>
          <Fields
            rows={[
              ['Sexe', professional.sex ? SEXES[professional.sex] : null],
              ['Profession', professional.profession ? codings([professional.profession]) : null],
              ['Spécialité', professional.specialty ? codings([professional.specialty]) : null],
              ['N° RPPS', professional.rppsNumber],
              ['N° ADELI', professional.adeliNumber],
              ['Fonction dans l’établissement', professional.jobTitle],
              ['Adresse mail dans l’établissement', professional.workEmail],
              ['Téléphone', professional.workPhone],
              ['Messagerie sécurisée (MSSanté)', professional.mssanteAddress],
              ['Établissements', professional.establishments.map((e) => `${e.name} (${e.id})`).join(', ')],
              ['Unités', professional.units.map((u) => u.name).join(', ')],
              ['Compte', accountShown ? `${accountShown.login} — ${accountShown.enabled ? 'actif' : 'désactivé'}${accountShown.hasPassword ? '' : ', mot de passe pas encore créé'}` : account.data?.professional && !account.error ? 'Pas de compte' : 'Non visible avec vos droits'],
            ]}
          />
          {canEdit && (
            <Button iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
              Modifier la fiche
            </Button>
          )}
        </section>
      )}
      <Roles me={props.me} professionalId={professional.id} />
    </>
  );
}

function Roles(props: { me: Me; professionalId: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: ProfessionalRolesQuery, variables: { id: props.professionalId }, requestPolicy: 'network-only' });
  const denied = frenchErrors(error).codes.has('FORBIDDEN');
  return (
    <section aria-labelledby="roles" className="fr-mt-4w">
      <h2 id="roles">Rôles et droits</h2>
      {denied ? (
        <p>Vos droits ne permettent pas de voir les rôles de ce professionnel.</p>
      ) : fetching && !data ? (
        <p>Chargement…</p>
      ) : (
        <RoleAssignments me={props.me} professionalId={props.professionalId} assignments={data?.professional?.roleAssignments ?? []} onChanged={() => reload({ requestPolicy: 'network-only' })} />
      )}
    </section>
  );
}
