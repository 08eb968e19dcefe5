/** A unit's record: identity, activities and nomenclatures, contacts, address; edit, actions, history, error report. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ConsoleUnitFragment } from '../../gql/graphql';
import { UnitHistoryQuery, UnitQuery } from '../../operations/offer';
import { DISCIPLINES, dateTime } from '../../labels';
import { frenchErrors } from '../../errors';
import { Link } from '../../router';
import { covers, type Me } from '../../rights';
import { Fields, codings } from './parts';
import { UNIT_KINDS } from './labels';
import { History } from './History';
import { ReportError } from './ReportError';
import { UnitEdit } from './UnitEdit';
import { UnitActions } from './UnitActions';
import { useLiveRecord } from './live';

type Unit = ConsoleUnitFragment;

/** The hub's conventional open ends of an age range (docs/offer-editing.md): 0 from birth, 150 no upper age. */
const FROM_BIRTH = 0;
const NO_UPPER_AGE = 150;

function ages(unit: Unit): string {
  const { min, max } = unit.patientAge;
  if (min === FROM_BIRTH && max === NO_UPPER_AGE) return 'Tous âges';
  if (min === FROM_BIRTH) return `Jusqu’à ${max} ans`;
  if (max === NO_UPPER_AGE) return `À partir de ${min} ans`;
  return `De ${min} à ${max} ans`;
}

export function UnitRecord(props: { me: Me; id: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: UnitQuery, variables: { id: props.id } });
  const [editing, setEditing] = useState(false);
  const unit = data?.unit;
  const target = unit ? { organizationIds: [unit.establishment.organization.id], establishmentIds: [unit.establishment.id], unitId: unit.id } : {};
  const canEdit = !!unit && covers(props.me, 'ORU_ROR_UNITE_EDIT', target);
  const [history, reloadHistory] = useQuery({ query: UnitHistoryQuery, variables: { id: props.id, first: 20 }, pause: !canEdit, requestPolicy: 'network-only' });
  // The record and its history, read again: after a change made here or elsewhere.
  const refresh = () => {
    reload({ requestPolicy: 'network-only' });
    reloadHistory({ requestPolicy: 'network-only' });
  };
  const live = useLiveRecord('UNIT', props.id, canEdit, refresh);
  if (!unit) {
    const errors = frenchErrors(error);
    return fetching ? <p>Chargement…</p> : <Alert severity="error" title="Fiche indisponible" description={errors.general.join(' ') || 'Unité introuvable.'} />;
  }
  const changed = () => {
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
      <h1>
        {unit.name}{' '}
        {unit.archived && (
          <Badge severity="warning" small>
            Archivée
          </Badge>
        )}
        {unit.sensitive && (
          <Badge severity="info" small>
            Sensible
          </Badge>
        )}
      </h1>
      <p className="fr-text--sm">
        Unité de <Link href={`/offre/etablissements/${unit.establishment.id}`}>{unit.establishment.name}</Link> — fiche mise à jour le {dateTime(unit.updatedAt)}.
      </p>
      <p className="fr-text--sm" aria-live="polite">
        {live ?? (canEdit ? 'Les modifications faites ailleurs apparaissent ici sans recharger la page.' : '')}
      </p>
      {editing ? (
        <UnitEdit unit={unit} onSaved={changed} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <section aria-labelledby="identite">
            <h2 id="identite">Identité</h2>
            <Fields
              rows={[
                ['Identifiant', unit.id],
                ['Code UF', unit.ufCode],
                ['Type', UNIT_KINDS[unit.kind]],
                ['Discipline', DISCIPLINES[unit.discipline]],
                ['Pôle', unit.pole?.name],
                ['Capacité SSE (lits)', unit.sseCapacity ?? null],
                ['Patientèle', ages(unit)],
              ]}
            />
          </section>
          <section aria-labelledby="activites">
            <h2 id="activites">Activités et nomenclatures</h2>
            <Fields
              rows={[
                ['Champ d’activité', codings([unit.activityField])],
                ['Mode de prise en charge', codings([unit.careMode])],
                ['Activités opérationnelles', codings(unit.operationalActivities)],
                ['Actes spécifiques', codings(unit.specificActs)],
                ['Équipements', codings(unit.equipment)],
              ]}
            />
          </section>
          <section aria-labelledby="coordonnees">
            <h2 id="coordonnees">Adresse et contacts</h2>
            <Fields
              rows={[
                [unit.hasOwnAddress ? 'Adresse de l’unité' : 'Adresse (celle de l’établissement)', [unit.address.line, [unit.address.postalCode, unit.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
                ['Accès', unit.accessDetails],
                ...unit.contacts.map((c, i): [string, string] => [`Contact ${i + 1} : ${c.nature.display ?? ''}${c.role ? ` (${c.role})` : ''}`, `${c.channel.display ?? ''} ${c.value}`.trim()]),
              ]}
            />
          </section>
          {canEdit && !unit.archived && (
            <Button iconId="fr-icon-edit-line" onClick={() => setEditing(true)}>
              Modifier la fiche
            </Button>
          )}
        </>
      )}
      <UnitActions me={props.me} unit={unit} onChanged={changed} />
      <History events={history.data?.unit?.history.edges.map((e) => e.node)} total={history.data?.unit?.history.totalCount ?? 0} fetching={history.fetching} denied={!canEdit || frenchErrors(history.error).codes.has('FORBIDDEN')} />
      <ReportError subjectType="UNIT" subjectId={unit.id} recordName={unit.name} />
    </>
  );
}
