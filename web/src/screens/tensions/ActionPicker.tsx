/** The HET action repertoire as check boxes, one accordion per category (eight of them: a long list otherwise). */
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { ConsoleTensionReferenceQuery } from '../../gql/graphql';

type Category = ConsoleTensionReferenceQuery['hetActionRepertoire'][number];

export function ActionPicker(props: { repertoire: Category[]; selected: string[]; onChange: (codes: string[]) => void; error?: string | undefined }) {
  const toggle = (code: string, on: boolean) => props.onChange(on ? [...props.selected, code] : props.selected.filter((c) => c !== code));
  return (
    <fieldset className="fr-fieldset" aria-describedby={props.error ? 'actions-erreur' : undefined}>
      <legend className="fr-fieldset__legend">Actions engagées (facultatif), du répertoire HET — {props.selected.length} choisie{props.selected.length > 1 ? 's' : ''}</legend>
      {props.error && (
        <p id="actions-erreur" className="fr-error-text fr-mb-2w">
          {props.error}
        </p>
      )}
      <div className="fr-accordions-group" style={{ width: '100%' }}>
        {props.repertoire.map((category) => {
          const chosen = category.actions.filter((a) => props.selected.includes(a.code)).length;
          return (
            <Accordion key={category.code} titleAs="h3" label={`${category.label}${chosen ? ` (${chosen})` : ''}`}>
              <Checkbox
                small
                options={category.actions
                  .filter((a) => a.active)
                  .map((a) => ({ label: a.label, nativeInputProps: { value: a.code, checked: props.selected.includes(a.code), onChange: (e) => toggle(a.code, e.target.checked) } }))}
              />
            </Accordion>
          );
        })}
      </div>
    </fieldset>
  );
}
