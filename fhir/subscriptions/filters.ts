/**
 * `backport-filter-criteria` values (`Type?param=value&param=value`): parsed against the topic's
 * declared filters when a subscription is created, and matched against an event's focus facts.
 * All criteria must hold (one string's parameters and every string); a comma in a value means
 * "any of" (FHIR search semantics).
 */
import type { FocusFacts, FocusType, Topic, TopicFilter } from './topics.js';

export interface FilterCriterion {
  resourceType: FocusType;
  filter: TopicFilter;
  /** Accepted values (any of), normalised: references as bare ids. */
  values: string[];
}

/** Why a criteria string is refused, for the 400 OperationOutcome. */
export class FilterError extends Error {}

/** References compare by id (`Organization/X`, `HealthcareService/X` and `X` are one value). */
const normalise = (filter: TopicFilter, value: string): string => (filter.kind === 'reference' ? value.replace(/^[A-Za-z]+\//, '') : value.replace(/^\|/, ''));

/** The criteria of one filter string; throws FilterError naming what the topic does not support. */
export function parseFilter(topic: Topic, criteria: string): FilterCriterion[] {
  const match = /^([A-Za-z]+)\?(.+)$/.exec(criteria.trim());
  if (!match) throw new FilterError(`Filter "${criteria}" is not of the form Type?param=value`);
  const resourceType = match[1]!;
  if (!topic.focusTypes.includes(resourceType as FocusType)) {
    throw new FilterError(`Filter "${criteria}": topic ${topic.canonical} has no ${resourceType} focus (allowed: ${topic.focusTypes.join(', ')})`);
  }
  const result: FilterCriterion[] = [];
  for (const [name, raw] of new URLSearchParams(match[2]!)) {
    const filter = topic.filters.find((f) => f.resourceType === resourceType && f.name === name);
    if (!filter) {
      const allowed = topic.filters.filter((f) => f.resourceType === resourceType).map((f) => f.name);
      throw new FilterError(`Filter parameter "${resourceType}?${name}" is not supported by topic ${topic.canonical} (allowed: ${allowed.join(', ')})`);
    }
    const values = raw.split(',').map((v) => normalise(filter, v.trim())).filter((v) => v.length > 0);
    if (values.length === 0) throw new FilterError(`Filter parameter "${resourceType}?${name}" has no value`);
    result.push({ resourceType: resourceType as FocusType, filter, values });
  }
  if (result.length === 0) throw new FilterError(`Filter "${criteria}" has no parameter`);
  return result;
}

export function parseFilters(topic: Topic, criteria: readonly string[]): FilterCriterion[] {
  return criteria.flatMap((c) => parseFilter(topic, c));
}

/** The focus types a subscription wants: those its filters name, or every focus type of the topic. */
export function wantedTypes(topic: Topic, criteria: readonly FilterCriterion[]): Set<FocusType> {
  return new Set(criteria.length > 0 ? criteria.map((c) => c.resourceType) : topic.focusTypes);
}

/**
 * Whether a focus of `focusType` with `facts` passes every criterion. A criterion on another
 * resource type does not apply to it (a subscription may filter HealthcareService and Location).
 */
export function matches(criteria: readonly FilterCriterion[], focusType: FocusType, facts: FocusFacts): boolean {
  return criteria
    .filter((c) => c.resourceType === focusType)
    .every((c) => c.values.some((value) => (facts[c.filter.name] ?? []).includes(value)));
}
