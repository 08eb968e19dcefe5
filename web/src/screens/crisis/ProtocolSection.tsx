/**
 * One editable part of a CPTS crisis protocol (cell members, working groups, procedures,
 * communication plan, resources): its table and, for who holds ORU_CPTS_CRISE_EDIT on the CPTS, a
 * form to add an entry or change the one chosen with « Modifier », and « Retirer » per row. The
 * page shows the change when crisisCellChanged brings it (Crisis.tsx).
 */
import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormButtons } from '../../components/FormButtons';
import { fieldState, frenchErrors } from '../../errors';
import { ScrollTable } from '../tensions/TensionTable';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'select';
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** What the API checks, said in French when it refuses the field. */
  rule: string;
}

export type Values = Record<string, string>;

export interface ProtocolSectionProps<T extends { id: string }> {
  title: string;
  /** Says what one entry is, in the buttons' accessible names: « un membre ». */
  noun: string;
  items: readonly T[];
  columns: ReadonlyArray<{ header: string; cell: (item: T) => ReactNode }>;
  /** The first column names the row in the buttons' accessible names. */
  nameOf: (item: T) => string;
  editable: boolean;
  fields: readonly FieldSpec[];
  empty: Values;
  valuesOf: (item: T) => Values;
  /** Adds (id null) or replaces an entry; answers the error, if any. */
  save: (id: string | null, values: Values) => Promise<CombinedError | undefined>;
  remove: (id: string) => Promise<CombinedError | undefined>;
}

export function ProtocolSection<T extends { id: string }>(props: ProtocolSectionProps<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(props.empty);
  const [error, setError] = useState<CombinedError | undefined>();
  const [removalRefused, setRemovalRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = frenchErrors(error);
  const reset = () => {
    setEditing(null);
    setValues(props.empty);
    setError(undefined);
  };
  const submit = async () => {
    setBusy(true);
    const failed = await props.save(editing, values);
    setBusy(false);
    if (failed) setError(failed);
    else reset();
  };
  const remove = async (id: string) => {
    const failed = await props.remove(id);
    setRemovalRefused(Boolean(failed));
    if (failed && !failed.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT')) setError(failed);
  };
  const known = new Set(props.fields.map((f) => f.name));
  const general = [...errors.general, ...Object.entries(errors.fields).filter(([name]) => !known.has(name)).map(([, text]) => text)];
  return (
    <>
      <h3>{props.title}</h3>
      <ScrollTable label={props.title}>
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => <th key={c.header} scope="col">{c.header}</th>)}
              {props.editable && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr key={item.id}>
                {props.columns.map((c) => <td key={c.header}>{c.cell(item)}</td>)}
                {props.editable && (
                  <td>
                    <Button size="small" priority="tertiary" className="fr-mr-1w" nativeButtonProps={{ 'aria-label': `Modifier ${props.nameOf(item)}` }} onClick={() => { setEditing(item.id); setValues(props.valuesOf(item)); setError(undefined); }}>
                      Modifier
                    </Button>
                    <Button size="small" priority="tertiary" nativeButtonProps={{ 'aria-label': `Retirer ${props.nameOf(item)}` }} onClick={() => void remove(item.id)}>
                      Retirer
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {removalRefused && <Alert severity="warning" small className="fr-mb-2w" description="Retrait impossible : des réunions ou des déclenchements y sont rattachés et les indicateurs de suivi les comptent. Modifiez-le plutôt." />}
      {props.editable && (
        <form className="fr-mb-4w" aria-label={`${props.title} : ${editing ? 'modifier' : 'ajouter'} ${props.noun}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend fr-text--regular">{editing ? `Modifier ${props.noun}` : `Ajouter ${props.noun}`}</legend>
            {props.fields.map((f) => (
              <div key={f.name} className="fr-fieldset__element">
                <Field spec={f} value={values[f.name] ?? ''} onChange={(v) => setValues((current) => ({ ...current, [f.name]: v }))} error={errors.fields[f.name] ? f.rule : undefined} />
              </div>
            ))}
          </fieldset>
          {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
          <FormButtons label={editing ? 'Enregistrer' : 'Ajouter'} busy={busy} onCancel={reset} small />
        </form>
      )}
    </>
  );
}

function Field(props: { spec: FieldSpec; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { spec } = props;
  if (spec.kind === 'select') {
    return (
      <Select label={spec.label} {...fieldState(props.error)} nativeSelectProps={{ value: props.value, onChange: (e) => props.onChange(e.target.value) }}>
        {spec.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </Select>
    );
  }
  const common = { value: props.value, onChange: (e: { target: { value: string } }) => props.onChange(e.target.value) };
  if (spec.kind === 'textarea') return <Input label={spec.label} textArea {...fieldState(props.error)} nativeTextAreaProps={common} />;
  return <Input label={spec.label} {...fieldState(props.error)} nativeInputProps={{ ...common, type: spec.kind === 'number' ? 'number' : 'text' }} />;
}
