/**
 * The content of a Plan blanc or Plan bleu form, and its validation. The four sections (levels,
 * triggers, contacts, actions) are structured lists kept in one JSON column: a form is read and
 * written whole, versioned whole, and its shape is checked here with ajv, then for references
 * (a trigger or action names a level of the same form).
 */
import { Ajv, type ErrorObject } from 'ajv';
import { HubError } from '../../../platform/errors.js';

export interface PlanLevel {
  /** Short code, unique in the form (e.g. PMI, PLAN_BLANC). */
  code: string;
  label: string;
  description: string | null;
}

export interface PlanTrigger {
  levelCode: string;
  /** What sets the level off, e.g. "more than 40 patients present in the ED at 15:00". */
  description: string;
  indicator: string | null;
  threshold: string | null;
}

export interface PlanContact {
  role: string;
  name: string;
  phone: string | null;
  email: string | null;
  availability: string | null;
}

export interface PlanAction {
  levelCode: string;
  description: string;
  owner: string | null;
}

export interface PlanContent {
  summary: string | null;
  levels: PlanLevel[];
  triggers: PlanTrigger[];
  contacts: PlanContact[];
  actions: PlanAction[];
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const optional = (max: number) => ({ type: ['string', 'null'], maxLength: max, default: null });
const list = (item: object, max: number, min = 0) => ({ type: 'array', items: item, minItems: min, maxItems: max });
const object = (properties: Record<string, object>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** Limits are generous for a form written by hand, and stop a client storing megabytes. */
export const PLAN_CONTENT_SCHEMA = object(
  {
    summary: optional(4000),
    levels: list(object({ code: { type: 'string', pattern: '^[A-Z0-9_]{1,32}$' }, label: text(200), description: optional(2000) }, ['code', 'label']), 10, 1),
    triggers: list(object({ levelCode: text(32), description: text(1000), indicator: optional(200), threshold: optional(200) }, ['levelCode', 'description']), 100),
    contacts: list(
      object(
        {
          role: text(200),
          name: text(200),
          phone: { type: ['string', 'null'], pattern: '^\\+?[0-9 .()-]{6,20}$', default: null },
          email: { type: ['string', 'null'], pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 254, default: null },
          availability: optional(200),
        },
        ['role', 'name'],
      ),
      100,
    ),
    actions: list(object({ levelCode: text(32), description: text(1000), owner: optional(200) }, ['levelCode', 'description']), 200),
  },
  ['levels', 'triggers', 'contacts', 'actions'],
);

// One compiled validator for the process; useDefaults fills the optional fields with null.
const validate = new Ajv({ allErrors: true, useDefaults: true }).compile<PlanContent>(PLAN_CONTENT_SCHEMA);

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return ['content', path, missing].filter(Boolean).join('.');
}

/** The content, defaults filled, or BAD_USER_INPUT naming the first field at fault (e.g. `content.contacts.0.email`). */
export function checkPlanContent(input: unknown): PlanContent {
  const content = structuredClone(input) as PlanContent;
  if (!validate(content)) {
    const first = validate.errors![0]!;
    const field = fieldOf(first);
    throw new HubError('BAD_USER_INPUT', `Invalid plan: ${field} ${first.message ?? 'is invalid'}.`, { field });
  }
  const codes = new Set<string>();
  content.levels.forEach((level, i) => {
    if (codes.has(level.code)) throw new HubError('BAD_USER_INPUT', `Invalid plan: level ${level.code} appears twice.`, { field: `content.levels.${i}.code` });
    codes.add(level.code);
  });
  for (const section of ['triggers', 'actions'] as const) {
    content[section].forEach((entry, i) => {
      if (!codes.has(entry.levelCode)) {
        throw new HubError('BAD_USER_INPUT', `Invalid plan: ${section} ${i + 1} names level ${entry.levelCode}, which the plan does not define.`, {
          field: `content.${section}.${i}.levelCode`,
        });
      }
    });
  }
  return content;
}
