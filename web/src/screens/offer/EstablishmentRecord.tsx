/** An establishment's record: identity, address, contacts, units; edit (referents), history, error report. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ConsoleEstablishmentFragment, EstablishmentUpdate } from '../../gql/graphql';
import { EstablishmentHistoryQuery, EstablishmentQuery, UpdateEstablishmentMutation } from '../../operations/offer';
import { DISCIPLINES, dateTime } from '../../labels';
import { frenchErrors, fieldState } from '../../errors';
import { Link } from '../../router';
import { covers, type Me } from '../../rights';
import { Fields, textOrNull } from './parts';
import { History } from './History';
import { ReportError } from './ReportError';
import { useLiveRecord } from './live';
import { FormButtons } from '../../components/FormButtons';

type Establishment = ConsoleEstablishmentFragment;

export function EstablishmentRecord(props: { me: Me; id: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: EstablishmentQuery, variables: { id: props.id } });
  const establishment = data?.establishment;
  const canEdit = !!establishment && covers(props.me, 'ORU_ROR_ETABLISSEMENT_EDIT', { organizationIds: [establishment.organization.id], establishmentIds: [establishment.id] });
  const [history, reloadHistory] = useQuery({ query: EstablishmentHistoryQuery, variables: { id: props.id, first: 20 }, pause: !canEdit, requestPolicy: 'network-only' });
  const [editing, setEditing] = useState(false);
  // The record and its history, read again: after a change made here or elsewhere.
  const refresh = () => {
    reload({ requestPolicy: 'network-only' });
    reloadHistory({ requestPolicy: 'network-only' });
  };
  const live = useLiveRecord('ESTABLISHMENT', props.id, canEdit, refresh);
  if (!establishment) {
    const errors = frenchErrors(error);
    return fetching ? <p>Chargement…</p> : <Alert severity="error" title="Fiche indisponible" description={errors.general.join(' ') || 'Établissement introuvable.'} />;
  }
  const saved = () => {
    setEditing(false);
    refresh();
  };
  return (
    <>
      <p className="fr-mb-1w">
        <Link href="/offre" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Retour à la recherche
        </Link>
      </p>
      <h1>{establishment.name}</h1>
      <p className="fr-text--sm">Fiche mise à jour le {dateTime(establishment.updatedAt)}.</p>
      <p className="fr-text--sm" aria-live="polite">
        {live ?? (canEdit ? 'Les modifications faites ailleurs apparaissent ici sans recharger la page.' : '')}
      </p>
      <section aria-labelledby="identite">
        <h2 id="identite">Identité et adresse</h2>
        <Fields
          rows={[
            ['FINESS établissement', establishment.finess],
            ['SIRET', establishment.siret],
            ['Catégorie', establishment.category.display ? `${establishment.category.display} (${establishment.category.code})` : establishment.category.code],
            ['Entité juridique', `${establishment.organization.name} (FINESS ${establishment.organization.id})`],
            ['Adresse', [establishment.address.line, [establishment.address.postalCode, establishment.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
          ]}
        />
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">Contacts</h2>
        {editing ? (
          <EstablishmentEdit establishment={establishment} onSaved={saved} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <Fields
              rows={[
                ['Standard', establishment.switchboardPhone],
                ['Téléphone de la direction', establishment.managementPhone],
                ['Téléphones d’alerte', establishment.alertPhones.join(', ')],
                ['Courriel d’alerte', establishment.alertEmail],
                ['Courriel de la direction', establishment.managementEmail],
                ['Site web', establishment.website],
              ]}
            />
            {canEdit && (
              <Button iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
                Modifier les contacts
              </Button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="unites-etab" className="fr-mt-4w">
        <h2 id="unites-etab">Unités ({establishment.units.length})</h2>
        <ul>
          {establishment.units.map((unit) => (
            <li key={unit.id}>
              <Link href={`/offre/unites/${encodeURIComponent(unit.id)}`}>{unit.name}</Link> — UF {unit.ufCode}, {DISCIPLINES[unit.discipline]}
              {unit.pole && `, pôle ${unit.pole.name}`}
            </li>
          ))}
        </ul>
      </section>
      <History events={history.data?.establishment?.history.edges.map((e) => e.node)} total={history.data?.establishment?.history.totalCount ?? 0} fetching={history.fetching} denied={!canEdit || frenchErrors(history.error).codes.has('FORBIDDEN')} />
      <ReportError subjectType="ESTABLISHMENT" subjectId={establishment.id} recordName={establishment.name} />
    </>
  );
}

interface Draft {
  switchboardPhone: string;
  managementPhone: string;
  alertPhones: string;
  alertEmail: string;
  managementEmail: string;
  website: string;
}

function EstablishmentEdit(props: { establishment: Establishment; onSaved: () => void; onCancel: () => void }) {
  const e = props.establishment;
  const [draft, setDraft] = useState<Draft>({
    switchboardPhone: e.switchboardPhone ?? '',
    managementPhone: e.managementPhone ?? '',
    alertPhones: e.alertPhones.join(', '),
    alertEmail: e.alertEmail ?? '',
    managementEmail: e.managementEmail ?? '',
    website: e.website ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, update] = useMutation(UpdateEstablishmentMutation);
  const field = (key: keyof Draft, label: string, hint?: string) => (
    <Input label={label} hintText={hint} nativeInputProps={{ value: draft[key], onChange: (event) => setDraft((d) => ({ ...d, [key]: event.target.value })) }} {...fieldState(errors[key])} />
  );
  const save = async (event: FormEvent) => {
    event.preventDefault();
    // The hub checks every value (phones, e-mails, web address): its refusals show under the fields.
    const input: EstablishmentUpdate = {
      switchboardPhone: textOrNull(draft.switchboardPhone),
      managementPhone: textOrNull(draft.managementPhone),
      alertPhones: draft.alertPhones.split(/[,;]/).map((p) => p.trim()).filter(Boolean),
      alertEmail: textOrNull(draft.alertEmail),
      managementEmail: textOrNull(draft.managementEmail),
      website: textOrNull(draft.website),
    };
    const result = await update({ id: e.id, input });
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) props.onSaved();
  };
  return (
    <form onSubmit={save} noValidate aria-label="Modifier les contacts de l’établissement">
      {field('switchboardPhone', 'Standard')}
      {field('managementPhone', 'Téléphone de la direction')}
      {field('alertPhones', 'Téléphones d’alerte', 'Dans l’ordre d’appel, séparés par des virgules.')}
      {field('alertEmail', 'Courriel d’alerte')}
      {field('managementEmail', 'Courriel de la direction')}
      {field('website', 'Site web', 'https://…')}
      {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
      <FormButtons label="Enregistrer" busy={fetching} onCancel={props.onCancel} />
    </form>
  );
}
