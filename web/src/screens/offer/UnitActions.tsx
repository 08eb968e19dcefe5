/**
 * What a referent does to a unit as a whole: archive or reactivate (ORU_ROR_UNITE_DELETE),
 * transfer to another establishment (ORU_ROR_UNITE_TRANSFERT), copy (ORU_ROR_UNITE_NEW).
 * Only the actions the user's rights cover are offered; the hub decides in the end.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CombinedError } from 'urql';
import type { ConsoleUnitFragment } from '../../gql/graphql';
import { ArchiveUnitMutation, CopyUnitMutation, ReactivateUnitMutation, TransferUnitMutation } from '../../operations/offer';
import { frenchErrors, fieldState } from '../../errors';
import { navigate } from '../../router';
import { covers, type Me } from '../../rights';


type Mode = 'none' | 'transfer' | 'copy';

/** CONFLICT without a field: what stands in the way of this action, in French. */
const CONFLICTS = {
  archive: 'Des professionnels n’ont que cette unité : rattachez-les d’abord à une autre unité.',
  reactivate: 'Le code UF de l’unité est désormais utilisé par une autre unité active de l’établissement : changez l’un des deux.',
  transfer: 'Le code UF de l’unité est déjà utilisé dans l’établissement de destination, ou l’unité a été déplacée entre-temps.',
  copy: 'Ce code UF est déjà utilisé dans l’établissement.',
};

export function UnitActions(props: { me: Me; unit: ConsoleUnitFragment; onChanged: () => void }) {
  const { unit } = props;
  const target = { organizationIds: [unit.establishment.organization.id], establishmentIds: [unit.establishment.id], unitId: unit.id };
  const canArchive = covers(props.me, 'ORU_ROR_UNITE_DELETE', target);
  const canTransfer = covers(props.me, 'ORU_ROR_UNITE_TRANSFERT', target) && !unit.archived;
  const canCopy = covers(props.me, 'ORU_ROR_UNITE_NEW', target);
  const [mode, setMode] = useState<Mode>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [toEstablishmentId, setTo] = useState('');
  const [withProfessionals, setWithProfessionals] = useState(true);
  const [copyName, setCopyName] = useState('');
  const [copyUf, setCopyUf] = useState('');
  const [, archive] = useMutation(ArchiveUnitMutation);
  const [, reactivate] = useMutation(ReactivateUnitMutation);
  const [, transfer] = useMutation(TransferUnitMutation);
  const [, copy] = useMutation(CopyUnitMutation);
  if (!canArchive && !canTransfer && !canCopy) return null;

  const outcome = (error: CombinedError | undefined, action: keyof typeof CONFLICTS): boolean => {
    const french = frenchErrors(error);
    setErrors(french.fields);
    const conflict = french.codes.has('CONFLICT') && Object.keys(french.fields).length === 0;
    setMessage(conflict ? CONFLICTS[action] : french.general.length ? french.general.join(' ') : null);
    return !error;
  };
  const toggleArchive = async () => {
    setDone(null);
    const result = unit.archived ? await reactivate({ id: unit.id }) : await archive({ id: unit.id });
    if (outcome(result.error, unit.archived ? 'reactivate' : 'archive')) {
      setDone(unit.archived ? 'Unité réactivée.' : 'Unité archivée : elle n’apparaît plus dans les recherches ; elle peut être réactivée.');
      props.onChanged();
    }
  };
  const sendTransfer = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d[0-9AB]\d{7}$/.test(toEstablishmentId.trim())) return setErrors({ toEstablishmentId: 'Saisissez le n° FINESS (9 caractères) de l’établissement de destination.' });
    const result = await transfer({ id: unit.id, toEstablishmentId: toEstablishmentId.trim(), withProfessionals });
    if (outcome(result.error, 'transfer')) {
      setMode('none');
      setDone(`Unité transférée à ${result.data?.transferUnit.establishment.name ?? toEstablishmentId}.`);
      props.onChanged();
    }
  };
  const sendCopy = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!copyName.trim()) missing.name = 'Donnez un nom à la copie.';
    if (!copyUf.trim()) missing.ufCode = 'Donnez un code UF libre à la copie.';
    if (Object.keys(missing).length) return setErrors(missing);
    const result = await copy({ id: unit.id, name: copyName, ufCode: copyUf });
    if (outcome(result.error, 'copy') && result.data) navigate(`/offre/unites/${encodeURIComponent(result.data.copyUnit.id)}`);
  };

  return (
    <section aria-labelledby="actions-unite" className="fr-mt-4w">
      <h2 id="actions-unite">Gérer l’unité</h2>
      {done && <Alert severity="success" small description={done} className="fr-mb-2w" />}
      {message && <Alert severity="error" small description={message} className="fr-mb-2w" />}
      {mode === 'none' && (
        <div className="fr-btns-group fr-btns-group--inline">
          {canArchive && (
            <Button priority="secondary" onClick={() => void toggleArchive()}>
              {unit.archived ? 'Réactiver l’unité' : 'Archiver l’unité'}
            </Button>
          )}
          {canTransfer && (
            <Button priority="secondary" onClick={() => (setMode('transfer'), setErrors({}))}>
              Transférer à un autre établissement
            </Button>
          )}
          {canCopy && (
            <Button priority="secondary" onClick={() => (setMode('copy'), setErrors({}))}>
              Copier l’unité
            </Button>
          )}
        </div>
      )}
      {mode === 'transfer' && (
        <form onSubmit={sendTransfer} noValidate aria-label="Transférer l’unité">
          <Input label="N° FINESS de l’établissement de destination" hintText="L’unité garde son identifiant, ses capacités et ses tensions ; elle quitte son pôle." nativeInputProps={{ value: toEstablishmentId, onChange: (e) => setTo(e.target.value) }} {...fieldState(errors.toEstablishmentId ?? errors.ufCode)} />
          <Checkbox options={[{ label: 'Les professionnels rattachés suivent l’unité', nativeInputProps: { checked: withProfessionals, onChange: (e) => setWithProfessionals(e.target.checked) } }]} />
          <FormButtons label="Transférer" onCancel={() => setMode('none')} />
        </form>
      )}
      {mode === 'copy' && (
        <form onSubmit={sendCopy} noValidate aria-label="Copier l’unité">
          <p className="fr-text--sm">La copie reprend toute la fiche (type, activités, contacts, horaires…), sans les professionnels ni les capacités.</p>
          <Input label="Nom de la copie" nativeInputProps={{ value: copyName, onChange: (e) => setCopyName(e.target.value) }} {...fieldState(errors.name)} />
          <Input label="Code UF de la copie" nativeInputProps={{ value: copyUf, onChange: (e) => setCopyUf(e.target.value) }} {...fieldState(errors.ufCode)} />
          <FormButtons label="Copier" onCancel={() => setMode('none')} />
        </form>
      )}
    </section>
  );
}

function FormButtons(props: { label: string; onCancel: () => void }) {
  return (
    <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
      <Button type="submit">{props.label}</Button>
      <Button type="button" priority="secondary" onClick={props.onCancel}>
        Annuler
      </Button>
    </div>
  );
}
