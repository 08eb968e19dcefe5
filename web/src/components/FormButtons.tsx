/**
 * The two buttons closing a form: send it (disabled while it is being sent), or go back without
 * sending. One component, so every form of the console says it the same way.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';

export function FormButtons(props: { label: string; busy: boolean; onCancel: () => void; small?: boolean; className?: string }) {
  const size = props.small ? ('small' as const) : undefined;
  return (
    <div className={`fr-btns-group fr-btns-group--inline${props.small ? ' fr-btns-group--sm' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <Button size={size} type="submit" disabled={props.busy}>
        {props.label}
      </Button>
      <Button size={size} priority="secondary" type="button" onClick={props.onCancel}>
        Annuler
      </Button>
    </div>
  );
}
