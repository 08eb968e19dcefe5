/**
 * Plan blanc / Plan bleu: the forms of the establishments the user's plan rights cover
 * (myCrisisPlans), read, edited and saved whole (saveCrisisPlan, with the version read: a
 * CONFLICT says who saved first); a Plan bleu referent with ORU_PLAN_BLEU_NEW creates one.
 * Plans have no "triggered" state in the API: a Plan blanc is triggered by a declaration at
 * the PLAN_BLANC level (the declaration wizard).
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ConsoleCrisisPlanFragment, CrisisPlanContentInput, CrisisPlanKind } from '../../gql/graphql';
import { MyCrisisPlansQuery } from '../../operations/tensions';
import { frenchErrors } from '../../errors';
import { dateTime } from '../../labels';
import { grantsOf, type Me } from '../../rights';
import { PLAN_KINDS } from './shared';
import { PlanForm, contentInput } from './PlanForm';
import { useEstablishmentsWith } from './useDeclarableEstablishments';

export type Plan = ConsoleCrisisPlanFragment;

const READ_RIGHTS: Record<CrisisPlanKind, string[]> = {
  BLANC: ['ORU_PLAN_BLANC_SHOW', 'ORU_PLAN_BLANC_EDIT'],
  BLEU: ['ORU_PLAN_BLEU_SHOW', 'ORU_PLAN_BLEU_EDIT', 'ORU_PLAN_BLEU_NEW'],
};

export function CrisisPlans(props: { me: Me }) {
  const kinds = (['BLANC', 'BLEU'] as const).filter((kind) => READ_RIGHTS[kind].some((right) => grantsOf(props.me, right).length > 0));
  if (kinds.length === 0) return <p>Vos droits n’ouvrent aucun Plan blanc ni Plan bleu.</p>;
  return (
    <>
      {kinds.map((kind) => (
        <PlansOfKind key={kind} kind={kind} me={props.me} />
      ))}
    </>
  );
}

function PlansOfKind(props: { kind: CrisisPlanKind; me: Me }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: MyCrisisPlansQuery, variables: { kind: props.kind }, requestPolicy: 'network-only' });
  const creatable = useEstablishmentsWith(props.me, 'ORU_PLAN_BLEU_NEW');
  const [creating, setCreating] = useState('');
  const plans = data?.myCrisisPlans ?? [];
  const errors = frenchErrors(error);
  const withoutPlan = props.kind === 'BLEU' ? creatable.choices.filter((c) => !plans.some((p) => p.establishment.id === c.id)) : [];
  const label = PLAN_KINDS[props.kind];
  return (
    <section className="fr-mb-6w" aria-labelledby={`plans-${props.kind}`}>
      <h2 id={`plans-${props.kind}`}>{props.kind === 'BLANC' ? 'Plans blancs' : 'Plans bleus'}</h2>
      {errors.general.length > 0 && <Alert severity="error" small description={errors.general.join(' ')} />}
      {fetching && plans.length === 0 && <p>Chargement…</p>}
      {!fetching && plans.length === 0 && <p>Aucun {label} dans votre périmètre.</p>}
      {plans.map((plan) => (
        <PlanCard key={plan.establishment.id} plan={plan} me={props.me} onSaved={() => reload({ requestPolicy: 'network-only' })} />
      ))}
      {withoutPlan.length > 0 && (
        <div className="fr-mt-3w">
          <Select label={`Créer le ${label} d’un établissement`} nativeSelectProps={{ value: creating, onChange: (e) => setCreating(e.target.value) }}>
            <option value="">Choisir</option>
            {withoutPlan.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.id}
              </option>
            ))}
          </Select>
          {creating && (
            <PlanForm
              kind={props.kind}
              establishmentId={creating}
              expectedVersion={0}
              initial={contentInput(null)}
              onCancel={() => setCreating('')}
              onSaved={() => {
                setCreating('');
                reload({ requestPolicy: 'network-only' });
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

function PlanCard(props: { plan: Plan; me: Me; onSaved: (plan: Plan) => void }) {
  const { plan } = props;
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState<CrisisPlanContentInput | null>(null);
  const editRight = plan.kind === 'BLANC' ? 'ORU_PLAN_BLANC_EDIT' : 'ORU_PLAN_BLEU_EDIT';
  const mayEdit = grantsOf(props.me, editRight).length > 0;
  const title = `${PLAN_KINDS[plan.kind]} — ${plan.establishment.name}`;
  return (
    <article className="fr-p-3w fr-mb-3w" style={{ border: '1px solid var(--border-default-grey)' }} aria-label={title}>
      <h3 className="fr-h5">{title}</h3>
      <p className="fr-text--sm">
        Version {plan.version}, enregistrée par {plan.updatedBy} le {dateTime(plan.updatedAt)} ({plan.versions.length} version{plan.versions.length > 1 ? 's' : ''})
      </p>
      {editing ? (
        <PlanForm
          kind={plan.kind}
          establishmentId={plan.establishment.id}
          expectedVersion={plan.version}
          initial={content ?? contentInput(plan)}
          onCancel={() => setEditing(false)}
          onConflict={(current) => setContent(contentInput(current))}
          onSaved={(saved) => {
            setEditing(false);
            setContent(null);
            props.onSaved(saved);
          }}
        />
      ) : (
        <>
          <PlanContent plan={plan} />
          {mayEdit && (
            <Button size="small" onClick={() => setEditing(true)}>
              Modifier le {PLAN_KINDS[plan.kind]}
            </Button>
          )}
        </>
      )}
    </article>
  );
}

function PlanContent(props: { plan: Plan }) {
  const { content } = props.plan;
  return (
    <>
      {content.summary && <p>{content.summary}</p>}
      <h4 className="fr-h6">Niveaux</h4>
      <ul>
        {content.levels.map((l) => (
          <li key={l.code}>
            <strong>{l.label}</strong> ({l.code}){l.description ? ` : ${l.description}` : ''}
            <ul>
              {content.triggers.filter((t) => t.levelCode === l.code).map((t, i) => (
                <li key={`t${i}`}>
                  Déclencheur : {t.description}
                  {t.indicator ? ` — ${t.indicator}` : ''}
                  {t.threshold ? ` ${t.threshold}` : ''}
                </li>
              ))}
              {content.actions.filter((a) => a.levelCode === l.code).map((a, i) => (
                <li key={`a${i}`}>
                  Action : {a.description}
                  {a.owner ? ` (${a.owner})` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h4 className="fr-h6">Contacts</h4>
      <ul>
        {content.contacts.map((c, i) => (
          <li key={i}>
            {c.role} : {c.name}
            {c.phone ? ` — ${c.phone}` : ''}
            {c.email ? ` — ${c.email}` : ''}
            {c.availability ? ` (${c.availability})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
