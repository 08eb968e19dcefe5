/**
 * The served CapabilityStatement against the ROR IG's server statement (`ror-serveur`,
 * /work/shared/reference/ror-ig, copied under test/fixtures/ror-ig): per resource type of the IG,
 * interactions, search parameters, includes and revincludes. Every difference must be listed in
 * fhir/README.md § "Differences from the IG's CapabilityStatement" with its reason, and every
 * listed one must still be a difference: the test fails when the list and the server disagree.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { Client } from 'fhir-kit-client';
import { databaseKinds } from './helpers/hub.js';

interface StatementResource {
  type: string;
  interaction?: Array<{ code: string }>;
  searchParam?: Array<{ name: string }>;
  searchInclude?: string[];
  searchRevInclude?: string[];
}
interface Statement {
  rest: Array<{ resource: StatementResource[] }>;
}

type Aspect = 'interaction' | 'searchParam' | 'searchInclude' | 'searchRevInclude';

/** What one statement declares for a type, per aspect (the IG writes its includes as one comma-joined string). */
function declared(resource: StatementResource | undefined): Record<Aspect, Set<string>> {
  const split = (list: string[] | undefined) => new Set((list ?? []).flatMap((v) => v.split(',').map((s) => s.trim())).filter((s) => s !== ''));
  return {
    interaction: new Set((resource?.interaction ?? []).map((i) => i.code)),
    searchParam: new Set((resource?.searchParam ?? []).map((p) => p.name)),
    searchInclude: split(resource?.searchInclude),
    searchRevInclude: split(resource?.searchRevInclude),
  };
}

/** `Type aspect value (IG only|hub only)`, one line per difference, sorted. */
function differences(ig: Statement, served: Statement): string[] {
  const lines: string[] = [];
  for (const igResource of ig.rest[0]!.resource) {
    const mine = declared(served.rest[0]!.resource.find((r) => r.type === igResource.type));
    const theirs = declared(igResource);
    for (const aspect of Object.keys(theirs) as Aspect[]) {
      for (const value of theirs[aspect]) if (!mine[aspect].has(value)) lines.push(`${igResource.type} ${aspect} ${value} (IG only)`);
      for (const value of mine[aspect]) if (!theirs[aspect].has(value)) lines.push(`${igResource.type} ${aspect} ${value} (hub only)`);
    }
  }
  return lines.sort();
}

/** The list in fhir/README.md: items "- `Type` aspect `value`[, `value`…] (IG only|hub only): reason". */
function documented(): string[] {
  const readme = readFileSync(new URL('../fhir/README.md', import.meta.url), 'utf8');
  const block = /<!-- ig-capability-differences:start -->\n([\s\S]*?)<!-- ig-capability-differences:end -->/.exec(readme)?.[1];
  expect(block, 'fhir/README.md has the differences block').toBeDefined();
  return block!
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .flatMap((line) => {
      const item = /^- `(\w+)` (interaction|searchParam|searchInclude|searchRevInclude) ((?:`[^`]+`(?:, )?)+) \((IG only|hub only)\): \S/.exec(line);
      expect(item, `malformed item (it needs a reason): ${line}`).not.toBeNull();
      return [...item![3]!.matchAll(/`([^`]+)`/g)].map((value) => `${item![1]} ${item![2]} ${value[1]} (${item![4]})`);
    })
    .sort();
}

const IG_SERVER = JSON.parse(readFileSync(new URL('./fixtures/ror-ig/CapabilityStatement-ror-serveur.json', import.meta.url), 'utf8')) as Statement;

describe('the CapabilityStatement against the ROR IG', () => {
  const kind = databaseKinds()[0]!;
  it(`lists in fhir/README.md exactly the differences from ror-serveur (${kind} hub)`, async () => {
    const served = (await new Client({ baseUrl: inject('hubs')[kind]!.fhir }).capabilityStatement()) as unknown as Statement;
    const found = differences(IG_SERVER, served);
    // The IG's own types are all served.
    expect(found.filter((d) => / searchParam _id \(IG only\)/.test(d))).toEqual([]);
    expect(documented()).toEqual(found);
  });
});
