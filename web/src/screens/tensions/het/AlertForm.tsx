/**
 * « Nouvelle alerte » (ORU_ALERTE_NEW): the establishment (those of the user's legal entity, or any
 * FINESS number for a transversal grant), optionally one of its units, the discipline group, the
 * reason and what is happening; then createHetAlert, which mails the ARS crisis cell.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { AlertUnitsQuery, CreateHetAlertMutation, HetAlertReferenceQuery } from '../../../operations/het';
import { frenchErrors, fieldState } from '../../../errors';
import { navigate } from '../../../router';
import type { Me } from '../../../rights';
import { useEstablishmentsWith } from '../useDeclarableEstablishments';

interface Draft {
  establishmentId: string;
  unitId: string;
  disciplineGroupCode: string;
  reason: string;
  message: string;
}

export function AlertForm(props: { me: Me }) {
  const [{ data: reference }] = useQuery({ query: HetAlertReferenceQuery });
  const allowed = useEstablishmentsWith(props.me, 'ORU_ALERTE_NEW');
  const [, create] = useMutation(CreateHetAlertMutation);
  const [draft, setDraft] = useState<Draft>({ establishmentId: '', unitId: '', disciplineGroupCode: '', reason: '', message: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const establishmentId = draft.establishmentId.trim() || (allowed.choices.length === 1 ? allowed.choices[0]!.id : '');
  const [{ data: units }] = useQuery({ query: AlertUnitsQuery, variables: { id: establishmentId }, pause: !/^\w{9}$/.test(establishmentId) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!establishmentId) found.establishmentId = 'Choisissez l’établissement concerné.';
    if (!draft.disciplineGroupCode) found.disciplineGroupCode = 'Choisissez le groupe de disciplines.';
    if (!draft.reason) found.reason = 'Choisissez le motif de l’alerte.';
    if (!draft.message.trim()) found.message = 'Décrivez la situation.';
    else if (draft.message.length > 2000) found.message = 'Le message fait 2 000 caractères au plus.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const result = await create({
      input: { establishmentId, disciplineGroupCode: draft.disciplineGroupCode, reason: draft.reason, message: draft.message.trim(), ...(draft.unitId ? { unitId: draft.unitId } : {}) },
    });
    setBusy(false);
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) navigate('/tensions/alertes');
  };

  return (
    <section aria-labelledby="nouvelle-alerte">
      <h2 id="nouvelle-alerte">Nouvelle alerte</h2>
      <p className="fr-text--sm">Signalez une situation de tension avant ou sans déclaration : la cellule de crise de l’ARS en est informée par mail, et les lecteurs des tensions de l’établissement la voient en direct.</p>
      {general.length > 0 && <Alert className="fr-mb-3w" severity="error" title="Alerte refusée" description={general.join(' ')} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Nouvelle alerte">
        {allowed.transversal || allowed.choices.length === 0 ? (
          <Input
            label="Établissement (numéro FINESS)"
            hintText={allowed.loading ? 'Chargement de vos établissements…' : 'Le numéro FINESS géographique, 9 caractères.'}
            nativeInputProps={{ value: draft.establishmentId, onChange: (e) => set('establishmentId', e.target.value) }}
            {...fieldState(errors.establishmentId)}
          />
        ) : (
          <Select label="Établissement" nativeSelectProps={{ value: establishmentId, onChange: (e) => setDraft((d) => ({ ...d, establishmentId: e.target.value, unitId: '' })) }} {...fieldState(errors.establishmentId)}>
            <option value="">Choisir</option>
            {allowed.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.city ? ` (${c.city})` : ''} — {c.id}
              </option>
            ))}
          </Select>
        )}
        <Select label="Unité concernée (facultatif)" nativeSelectProps={{ value: draft.unitId, onChange: (e) => set('unitId', e.target.value) }} {...fieldState(errors.unitId)}>
          <option value="">Tout l’établissement</option>
          {(units?.establishment?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Select label="Groupe de disciplines" nativeSelectProps={{ value: draft.disciplineGroupCode, onChange: (e) => set('disciplineGroupCode', e.target.value) }} {...fieldState(errors.disciplineGroupCode)}>
          <option value="">Choisir</option>
          {(reference?.disciplineGroups ?? []).map((g) => (
            <option key={g.code} value={g.code}>
              {g.label}
            </option>
          ))}
        </Select>
        <Select label="Motif" nativeSelectProps={{ value: draft.reason, onChange: (e) => set('reason', e.target.value) }} {...fieldState(errors.reason)}>
          <option value="">Choisir</option>
          {(reference?.hetAlertReasons ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </Select>
        <Input label="Situation" hintText="Ce qui se passe : patients en attente, lits, personnel… 2 000 caractères au plus." textArea nativeTextAreaProps={{ value: draft.message, onChange: (e) => set('message', e.target.value), rows: 4 }} {...fieldState(errors.message)} />
        <div className="fr-btns-group fr-btns-group--inline fr-mt-3w">
          <Button priority="secondary" linkProps={{ href: '/tensions/alertes' }}>
            Annuler
          </Button>
          <Button type="submit" disabled={busy}>
            Lever l’alerte
          </Button>
        </div>
      </form>
    </section>
  );
}
