/**
 * A professional's role assignments, and for role administrators (OuruRorCredentials_adminRoles)
 * assigning a role on a perimeter (assignRole) or revoking one (revokeRoleAssignment). The hub
 * checks that the administrator's perimeter covers the one given (FORBIDDEN otherwise).
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ConsoleProfessionalRolesQuery, PerimeterKind, Role } from '../../gql/graphql';
import { AssignRoleMutation, RevokeRoleAssignmentMutation } from '../../operations/professionals';
import { dateTime } from '../../labels';
import { frenchErrors, fieldState } from '../../errors';
import type { Me } from '../../rights';

import { PERIMETER_KINDS, ROLES } from './labels';

type Assignment = NonNullable<ConsoleProfessionalRolesQuery['professional']>['roleAssignments'][number];

function perimeterOf(a: { perimeterKind: PerimeterKind; perimeterId?: string | null }): string {
  return a.perimeterKind === 'TRANSVERSAL' ? PERIMETER_KINDS.TRANSVERSAL : `${PERIMETER_KINDS[a.perimeterKind]} ${a.perimeterId ?? ''}`;
}

export function RoleAssignments(props: { me: Me; professionalId: string; assignments: Assignment[]; onChanged: () => void }) {
  const administers = props.me.roleAssignments.some((a) => a.effectiveRights.includes('OuruRorCredentials_adminRoles'));
  const [, revoke] = useMutation(RevokeRoleAssignmentMutation);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const revokeOne = async (a: Assignment) => {
    const result = await revoke({ id: a.id });
    const french = frenchErrors(result.error);
    setMessage(result.error ? { severity: 'error', text: french.general.join(' ') || Object.values(french.fields).join(' ') } : { severity: 'success', text: 'Attribution retirée.' });
    if (!result.error) props.onChanged();
  };
  return (
    <>
      {message && <Alert severity={message.severity} small description={message.text} className="fr-mb-2w" />}
      {props.assignments.length === 0 ? (
        <p>Aucun rôle attribué.</p>
      ) : (
        <ul className="fr-raw-list" aria-label="Attributions">
          {props.assignments.map((a) => {
            const label = `${a.role ? ROLES[a.role] : `Droit ${a.right ?? ''}`} — ${perimeterOf(a)}`;
            return (
              <li key={a.id} className="fr-mb-1w">
                <strong>{label}</strong> <span className="fr-text--sm">(depuis le {dateTime(a.grantedAt)})</span>{' '}
                {administers && (
                  <Button size="small" priority="tertiary" onClick={() => void revokeOne(a)} title={`Retirer : ${label}`}>
                    Retirer
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {administers && <AssignRole professionalId={props.professionalId} onAssigned={(text) => (setMessage({ severity: 'success', text }), props.onChanged())} />}
    </>
  );
}

function AssignRole(props: { professionalId: string; onAssigned: (text: string) => void }) {
  const [role, setRole] = useState<Role | ''>('');
  const [kind, setKind] = useState<PerimeterKind | ''>('');
  const [perimeterId, setPerimeterId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, assign] = useMutation(AssignRoleMutation);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!role) missing.role = 'Choisissez un rôle.';
    if (!kind) missing.perimeterKind = 'Choisissez un type de périmètre.';
    else if (kind !== 'TRANSVERSAL' && !perimeterId.trim()) missing.perimeterId = 'Indiquez le périmètre : n° FINESS, identifiant d’unité ou de professionnel.';
    setErrors(missing);
    if (!role || !kind || Object.keys(missing).length) return;
    const result = await assign({ professionalId: props.professionalId, role, perimeterKind: kind, perimeterId: kind === 'TRANSVERSAL' ? null : perimeterId.trim() });
    const french = frenchErrors(result.error);
    setErrors(french.fields);
    setGeneral(french.general);
    if (result.data) {
      const ignored = result.data.assignRole.ignoredRights;
      props.onAssigned(`Rôle attribué : ${result.data.assignRole.grantedRights.length} droits accordés${ignored.length ? `, ${ignored.length} sans effet sur ce type de périmètre (${ignored.join(', ')})` : ''}.`);
      setRole('');
      setKind('');
      setPerimeterId('');
    }
  };
  return (
    <form onSubmit={send} noValidate aria-label="Attribuer un rôle" className="fr-mt-3w">
      <h3 className="fr-h5">Attribuer un rôle</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Rôle" nativeSelectProps={{ value: role, onChange: (e) => setRole(e.target.value as Role | '') }} {...fieldState(errors.role)}>
            <option value="">Choisir</option>
            {Object.entries(ROLES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Type de périmètre" nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as PerimeterKind | '') }} {...fieldState(errors.perimeterKind)}>
            <option value="">Choisir</option>
            {Object.entries(PERIMETER_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Périmètre" hintText="N° FINESS, identifiant d’unité ou de professionnel" nativeInputProps={{ value: perimeterId, onChange: (e) => setPerimeterId(e.target.value), disabled: kind === 'TRANSVERSAL' }} {...fieldState(errors.perimeterId)} />
        </div>
      </div>
      {general.length > 0 && <Alert severity="error" small description={general.join(' ')} className="fr-mb-2w" />}
      <Button type="submit" disabled={fetching}>
        Attribuer
      </Button>
    </form>
  );
}
