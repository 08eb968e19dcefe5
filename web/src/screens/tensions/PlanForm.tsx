/**
 * The Plan blanc / Plan bleu form: a summary and four lists (levels, triggers, contacts, actions),
 * saved whole with saveCrisisPlan. Required fields are checked in French before sending; the
 * hub's refusals name their place (`content.contacts.0.email`) and show under that field.
 */
import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { CombinedError } from 'urql';
import type { ConsoleCrisisPlanFragment, CrisisPlanContentInput, CrisisPlanKind } from '../../gql/graphql';
import { MyCrisisPlansQuery, SaveCrisisPlanMutation } from '../../operations/tensions';
import { frenchErrors, fieldState } from '../../errors';
import { dateTime } from '../../labels';
import { FormButtons } from '../../components/FormButtons';


type Plan = ConsoleCrisisPlanFragment;
type Section = 'levels' | 'triggers' | 'contacts' | 'actions';
type Row = Record<string, string | null | undefined>;

interface Field {
  name: string;
  label: string;
  required?: boolean;
}

const SECTIONS: Record<Section, { title: string; item: string; fields: Field[] }> = {
  levels: {
    title: 'Niveaux',
    item: 'Niveau',
    fields: [
      { name: 'code', label: 'Code', required: true },
      { name: 'label', label: 'Libellé', required: true },
      { name: 'description', label: 'Description' },
    ],
  },
  triggers: {
    title: 'Déclencheurs',
    item: 'Déclencheur',
    fields: [
      { name: 'levelCode', label: 'Code du niveau', required: true },
      { name: 'description', label: 'Description', required: true },
      { name: 'indicator', label: 'Indicateur' },
      { name: 'threshold', label: 'Seuil' },
    ],
  },
  contacts: {
    title: 'Contacts',
    item: 'Contact',
    fields: [
      { name: 'role', label: 'Fonction', required: true },
      { name: 'name', label: 'Nom', required: true },
      { name: 'phone', label: 'Téléphone' },
      { name: 'email', label: 'Courriel' },
      { name: 'availability', label: 'Disponibilité' },
    ],
  },
  actions: {
    title: 'Actions',
    item: 'Action',
    fields: [
      { name: 'levelCode', label: 'Code du niveau', required: true },
      { name: 'description', label: 'Description', required: true },
      { name: 'owner', label: 'Responsable' },
    ],
  },
};

/** What the hub checks on each field of the form, said in French (by the last segment of `content.<section>.<n>.<field>`). */
const PLAN_FIELD_RULES: Record<string, string> = {
  code: 'Code : majuscules, chiffres et _ (32 au plus), unique dans le plan.',
  levelCode: 'Ce code ne correspond à aucun niveau du plan.',
  email: 'Adresse électronique invalide.',
  phone: 'Numéro de téléphone invalide.',
  levels: 'Le plan a de 1 à 10 niveaux.',
};

/** The form's input from a plan (nulls dropped: the API's input takes absent fields). */
export function contentInput(plan: Plan | null): CrisisPlanContentInput {
  if (!plan) return { summary: '', levels: [{ code: 'NIVEAU_1', label: '', description: '' }], triggers: [], contacts: [], actions: [] };
  const { summary, levels, triggers, contacts, actions } = plan.content;
  const strip = <T extends object>(rows: T[]): T[] => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== '__typename')) as T);
  return { summary: summary ?? '', levels: strip(levels), triggers: strip(triggers), contacts: strip(contacts), actions: strip(actions) };
}

/** Empty optional fields are sent absent, not as "". */
function cleaned(content: CrisisPlanContentInput): CrisisPlanContentInput {
  const clean = <T extends object>(rows: T[]): T[] => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => typeof value === 'string' && value.trim() !== '').map(([key, value]) => [key, (value as string).trim()])) as T);
  return { ...(content.summary?.trim() ? { summary: content.summary.trim() } : {}), levels: clean(content.levels), triggers: clean(content.triggers), contacts: clean(content.contacts), actions: clean(content.actions) };
}

function planErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (typeof field !== 'string' || e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const path = field.replace(/^content\./, '');
    out[path] = PLAN_FIELD_RULES[path.split('.').pop() ?? ''] ?? 'Valeur refusée.';
  }
  return out;
}

export function PlanForm(props: {
  kind: CrisisPlanKind;
  establishmentId: string;
  expectedVersion: number;
  initial: CrisisPlanContentInput;
  onCancel: () => void;
  onSaved: (plan: Plan) => void;
  onConflict?: (current: Plan) => void;
}) {
  const client = useClient();
  const [, save] = useMutation(SaveCrisisPlanMutation);
  const [content, setContent] = useState<CrisisPlanContentInput>(props.initial);
  const [version, setVersion] = useState(props.expectedVersion);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = (section: Section) => content[section] as unknown as Row[];
  const setRows = (section: Section, next: Row[]) => setContent((c) => ({ ...c, [section]: next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const section of Object.keys(SECTIONS) as Section[])
      rows(section).forEach((row, index) => {
        for (const field of SECTIONS[section].fields) if (field.required && !row[field.name]?.trim()) missing[`${section}.${index}.${field.name}`] = `${field.label} : obligatoire.`;
      });
    if (content.levels.length === 0) missing.levels = 'Le plan a au moins un niveau.';
    setErrors(missing);
    if (Object.keys(missing).length) return setMessage('Le formulaire a des erreurs : voir les champs signalés.');
    setBusy(true);
    const result = await save({ kind: props.kind, establishmentId: props.establishmentId, content: cleaned(content), expectedVersion: version });
    setBusy(false);
    const french = frenchErrors(result.error);
    setErrors(planErrors(result.error));
    if (french.codes.has('CONFLICT')) {
      // Someone saved first: keep this form's text, but against their version, and say who.
      const current = await client.query(MyCrisisPlansQuery, { kind: props.kind }, { requestPolicy: 'network-only' }).toPromise();
      const plan = current.data?.myCrisisPlans.find((p) => p.establishment.id === props.establishmentId);
      if (plan) {
        setVersion(plan.version);
        props.onConflict?.(plan);
        setMessage(`Le plan a été enregistré entre-temps par ${plan.updatedBy} (${dateTime(plan.updatedAt)}, version ${plan.version}). Relisez-le puis enregistrez de nouveau.`);
      } else setMessage(french.general.join(' '));
    } else if (result.error) setMessage(french.general.length ? french.general.join(' ') : 'Le formulaire a des erreurs : voir les champs signalés.');
    if (result.data) props.onSaved(result.data.saveCrisisPlan);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`${props.kind === 'BLANC' ? 'Plan blanc' : 'Plan bleu'} : formulaire`}>
      {message && <Alert className="fr-mb-2w" severity="error" small description={message} />}
      <Input label="Résumé" textArea nativeTextAreaProps={{ value: content.summary ?? '', onChange: (e) => setContent((c) => ({ ...c, summary: e.target.value })), rows: 2 }} />
      {errors.levels && <p className="fr-error-text">{errors.levels}</p>}
      {(Object.keys(SECTIONS) as Section[]).map((section) => (
        <fieldset key={section} className="fr-fieldset fr-mt-2w">
          <legend className="fr-fieldset__legend fr-h6">{SECTIONS[section].title}</legend>
          {rows(section).map((row, index) => (
            <div key={index} className="fr-grid-row fr-grid-row--gutters fr-mb-1w" role="group" aria-label={`${SECTIONS[section].item} ${index + 1}`} style={{ width: '100%' }}>
              {SECTIONS[section].fields.map((field) => (
                <div key={field.name} className="fr-col-12 fr-col-md">
                  <Input
                    label={`${field.label}${field.required ? '' : ' (facultatif)'}`}
                    nativeInputProps={{
                      value: row[field.name] ?? '',
                      'aria-label': `${SECTIONS[section].item} ${index + 1} — ${field.label}`,
                      onChange: (e) => setRows(section, rows(section).map((r, i) => (i === index ? { ...r, [field.name]: e.target.value } : r))),
                    }}
                    {...fieldState(errors[`${section}.${index}.${field.name}`])}
                  />
                </div>
              ))}
              <div className="fr-col-12 fr-col-md-auto">
                <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer ${SECTIONS[section].item.toLowerCase()} ${index + 1}`} onClick={() => setRows(section, rows(section).filter((_, i) => i !== index))}>
                  Retirer
                </Button>
              </div>
            </div>
          ))}
          <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => setRows(section, [...rows(section), Object.fromEntries(SECTIONS[section].fields.map((f) => [f.name, '']))])}>
            Ajouter : {SECTIONS[section].item.toLowerCase()}
          </Button>
        </fieldset>
      ))}
      <FormButtons label="Enregistrer le plan" busy={busy} onCancel={props.onCancel} className="fr-mt-2w" />
    </form>
  );
}
