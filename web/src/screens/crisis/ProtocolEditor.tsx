/**
 * The CPTS's protocol as its coordinator keeps it (ORU_CPTS_CRISE_EDIT, docs/crisis.md § Editing
 * the protocol): cell members, CPTS members, working groups and referents, procedures per level,
 * communication plan and inventory. Everyone who reads the protocol sees the tables; the forms
 * are for who holds the right on the CPTS.
 */
import { useMutation, type AnyVariables, type CombinedError, type OperationResult } from 'urql';
import type { CommunicationChannel, ConsoleCrisisCptsFragment, CrisisGroupTheme, CrisisLevel, CrisisResourceKind } from '../../gql/graphql';
import {
  AddCrisisCellMemberMutation,
  AddCrisisCommunicationMutation,
  AddCrisisProcedureMutation,
  AddCrisisResourceMutation,
  AddCrisisWorkingGroupMutation,
  RemoveCrisisCellMemberMutation,
  RemoveCrisisCommunicationMutation,
  RemoveCrisisProcedureMutation,
  RemoveCrisisResourceMutation,
  RemoveCrisisWorkingGroupMutation,
  UpdateCrisisCellMemberMutation,
  UpdateCrisisCommunicationMutation,
  UpdateCrisisProcedureMutation,
  UpdateCrisisResourceMutation,
  UpdateCrisisWorkingGroupMutation,
} from '../../operations/crisis';
import { CHANNELS, GROUP_THEMES, RESOURCE_KINDS } from './labels';
import { ProtocolSection, type FieldSpec, type Values } from './ProtocolSection';

type Cpts = ConsoleCrisisCptsFragment;
type Levels = ReadonlyArray<{ code: CrisisLevel; label: string }>;

const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const text = (name: string, label: string, max = 200): FieldSpec => ({ name, label, rule: `Obligatoire, ${max} caractères au plus.` });
const optional = (name: string, label: string, rule: string): FieldSpec => ({ name, label, rule });
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The add, update and remove mutations of one part, as the section calls them. */
function useEditing(add: Parameters<typeof useMutation>[0], update: Parameters<typeof useMutation>[0], remove: Parameters<typeof useMutation>[0], cptsId: string, input: (v: Values) => unknown, onRemoved: (c: Cpts) => void) {
  const [, runAdd] = useMutation(add);
  const [, runUpdate] = useMutation(update);
  const [, runRemove] = useMutation(remove);
  const errorOf = (r: OperationResult<unknown, AnyVariables>): CombinedError | undefined => r.error;
  return {
    save: async (id: string | null, v: Values) => errorOf(id ? await runUpdate({ id, input: input(v) }) : await runAdd({ cptsId, input: input(v) })),
    remove: async (id: string) => {
      const r = await runRemove({ id });
      // A removal answers the CPTS as it is now, under the mutation's only field.
      const cpts: Cpts | undefined = r.data ? Object.values(r.data as Record<string, Cpts>)[0] : undefined;
      if (cpts) onRemoved(cpts);
      return errorOf(r);
    },
  };
}

export function ProtocolEditor(props: { cpts: Cpts; levels: Levels; editable: boolean; onSaved: (c: Cpts) => void }) {
  const { cpts, editable } = props;
  const levelOptions = props.levels.map((l) => ({ value: l.code, label: l.label }));
  const levelLabel = (code: CrisisLevel | null) => (code ? (props.levels.find((l) => l.code === code)?.label ?? code) : 'Tous niveaux');
  const members = useEditing(AddCrisisCellMemberMutation, UpdateCrisisCellMemberMutation, RemoveCrisisCellMemberMutation, cpts.id,
    (v) => ({ name: v.name, function: v.function, organisation: v.organisation }), props.onSaved);
  const groups = useEditing(AddCrisisWorkingGroupMutation, UpdateCrisisWorkingGroupMutation, RemoveCrisisWorkingGroupMutation, cpts.id,
    (v) => ({ theme: v.theme as CrisisGroupTheme, label: orNull(v.label), referentName: v.referentName }), props.onSaved);
  const procedures = useEditing(AddCrisisProcedureMutation, UpdateCrisisProcedureMutation, RemoveCrisisProcedureMutation, cpts.id,
    (v) => ({ level: v.level as CrisisLevel, title: v.title, description: v.description, owner: v.owner }), props.onSaved);
  const plan = useEditing(AddCrisisCommunicationMutation, UpdateCrisisCommunicationMutation, RemoveCrisisCommunicationMutation, cpts.id,
    (v) => ({ level: (orNull(v.level) as CrisisLevel | null), audience: v.audience, message: v.message, channel: v.channel as CommunicationChannel, owner: v.owner }), props.onSaved);
  const resources = useEditing(AddCrisisResourceMutation, UpdateCrisisResourceMutation, RemoveCrisisResourceMutation, cpts.id,
    (v) => ({ kind: v.kind as CrisisResourceKind, label: v.label, quantity: Number(v.quantity), details: orNull(v.details), communeCode: orNull(v.communeCode) }), props.onSaved);
  const communes = [{ value: '', label: 'Tout le territoire' }, ...cpts.communes.map((c) => ({ value: c.code, label: c.name }))];
  return (
    <>
      <ProtocolSection
        title={`Membres de la cellule – ${cpts.name}`}
        noun="un membre"
        items={cpts.cell.members}
        columns={[{ header: 'Membre', cell: (m) => m.name }, { header: 'Rôle', cell: (m) => m.function }, { header: 'Organisme', cell: (m) => m.organisation }]}
        nameOf={(m) => m.name}
        editable={editable}
        fields={[text('name', 'Nom'), text('function', 'Rôle dans la cellule'), text('organisation', 'Organisme (CPTS, ARS, CPAM, mairie…)')]}
        empty={{ name: '', function: '', organisation: '' }}
        valuesOf={(m) => ({ name: m.name, function: m.function, organisation: m.organisation })}
        {...members}
      />
      <ProtocolSection
        title={`Groupes de travail et référents – ${cpts.name}`}
        noun="un groupe de travail"
        items={cpts.workingGroups}
        columns={[{ header: 'Groupe', cell: (g) => g.label }, { header: 'Thème', cell: (g) => GROUP_THEMES[g.theme] }, { header: 'Référent', cell: (g) => g.referentName }]}
        nameOf={(g) => g.label}
        editable={editable}
        fields={[{ name: 'theme', label: 'Thème', kind: 'select', options: optionsOf(GROUP_THEMES), rule: 'Thème inconnu.' }, optional('label', 'Intitulé (facultatif : celui du thème)', '200 caractères au plus.'), text('referentName', 'Référent')]}
        empty={{ theme: 'WATCH', label: '', referentName: '' }}
        valuesOf={(g) => ({ theme: g.theme, label: g.label, referentName: g.referentName })}
        {...groups}
      />
      <ProtocolSection
        title={`Procédures par niveau d’alerte – ${cpts.name}`}
        noun="une procédure"
        items={cpts.procedures}
        columns={[{ header: 'Niveau', cell: (p) => levelLabel(p.level) }, { header: 'Procédure', cell: (p) => p.title }, { header: 'Description', cell: (p) => p.description }, { header: 'Pilote', cell: (p) => p.owner }]}
        nameOf={(p) => p.title}
        editable={editable}
        fields={[
          { name: 'level', label: 'Niveau d’alerte', kind: 'select', options: levelOptions, rule: 'Niveau inconnu.' },
          text('title', 'Intitulé'),
          { ...text('description', 'Description', 2000), kind: 'textarea' },
          text('owner', 'Pilote'),
        ]}
        empty={{ level: 'LEVEL_1', title: '', description: '', owner: '' }}
        valuesOf={(p) => ({ level: p.level, title: p.title, description: p.description, owner: p.owner })}
        {...procedures}
      />
      <ProtocolSection
        title={`Plan de communication – ${cpts.name}`}
        noun="une diffusion"
        items={cpts.communicationPlan}
        columns={[{ header: 'Niveau', cell: (c) => levelLabel(c.level) }, { header: 'Destinataires', cell: (c) => c.audience }, { header: 'Message', cell: (c) => c.message }, { header: 'Canal', cell: (c) => CHANNELS[c.channel] }, { header: 'Émetteur', cell: (c) => c.owner }]}
        nameOf={(c) => c.audience}
        editable={editable}
        fields={[
          { name: 'level', label: 'Niveau d’alerte', kind: 'select', options: [{ value: '', label: 'Tous niveaux' }, ...levelOptions], rule: 'Niveau inconnu.' },
          text('audience', 'Destinataires'),
          { ...text('message', 'Message', 2000), kind: 'textarea' },
          { name: 'channel', label: 'Canal', kind: 'select', options: optionsOf(CHANNELS), rule: 'Canal inconnu.' },
          text('owner', 'Émetteur'),
        ]}
        empty={{ level: '', audience: '', message: '', channel: 'EMAIL', owner: '' }}
        valuesOf={(c) => ({ level: c.level ?? '', audience: c.audience, message: c.message, channel: c.channel, owner: c.owner })}
        {...plan}
      />
      <ProtocolSection
        title={`Ressources mobilisables – ${cpts.name}`}
        noun="une ressource"
        items={cpts.resources}
        columns={[
          { header: 'Type', cell: (r) => RESOURCE_KINDS[r.kind] },
          { header: 'Ressource', cell: (r) => `${r.label}${r.details ? ` (${r.details})` : ''}` },
          { header: 'Quantité', cell: (r) => r.quantity },
          { header: 'Disponible', cell: (r) => (r.available ? 'Oui' : 'Non') },
        ]}
        nameOf={(r) => r.label}
        editable={editable}
        fields={[
          { name: 'kind', label: 'Type', kind: 'select', options: optionsOf(RESOURCE_KINDS), rule: 'Type inconnu.' },
          text('label', 'Ressource'),
          { name: 'quantity', label: 'Quantité', kind: 'number', rule: 'Nombre entier de 1 à 100 000.' },
          optional('details', 'Précisions (facultatif)', '2 000 caractères au plus.'),
          { name: 'communeCode', label: 'Commune', kind: 'select', options: communes, rule: 'Commune hors du territoire de la CPTS.' },
        ]}
        empty={{ kind: 'PERSON', label: '', quantity: '1', details: '', communeCode: '' }}
        valuesOf={(r) => ({ kind: r.kind, label: r.label, quantity: String(r.quantity), details: r.details ?? '', communeCode: r.communeCode ?? '' })}
        {...resources}
      />
    </>
  );
}
