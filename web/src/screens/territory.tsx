/**
 * The département selector the Urgences and Tableau de bord screens share: the région's
 * départements as the API names them (population indicators, one row per area, named from the
 * official administrative division on the server, so the console keeps no table), the user's own
 * first when their perimeter is an establishment, a legal entity or a unit (a FINESS number starts
 * with its département's code), else the first of the list.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { DepartmentsQuery } from '../operations/dashboard';
import type { Me } from '../rights';

export interface Department {
  code: string;
  name: string;
}

function ownDepartment(me: Me, codes: readonly string[]): string | undefined {
  for (const assignment of me.roleAssignments) {
    const id = assignment.perimeterId;
    if (!id || assignment.perimeterKind === 'TRANSVERSAL') continue;
    const code = codes.find((c) => id.startsWith(c));
    if (code) return code;
  }
  return undefined;
}

/** The départements the user may pick, by code, with their names (the code when the API has none). */
export function useDepartments(): { departments: Department[]; error: boolean } {
  const [{ data, error }] = useQuery({ query: DepartmentsQuery });
  const departments = useMemo(
    () =>
      (data?.populationIndicators ?? [])
        .filter((row) => row.sector === null || row.sector === undefined)
        .map((row) => ({ code: row.areaCode, name: row.areaName ?? row.areaCode }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [data],
  );
  return { departments, error: Boolean(error) };
}

/** The département chosen (kept in the URL's `?departement=`, so a view can be bookmarked). */
export function useDepartment(me: Me): { departments: Department[]; code: string | null; choose: (code: string) => void; error: boolean } {
  const { departments, error } = useDepartments();
  const [code, setCode] = useState<string | null>(() => new URLSearchParams(window.location.search).get('departement'));
  useEffect(() => {
    if (code || departments.length === 0) return;
    const codes = departments.map((d) => d.code);
    setCode(ownDepartment(me, codes) ?? codes[0]!);
  }, [code, departments, me]);
  const choose = (next: string) => {
    setCode(next);
    const url = new URL(window.location.href);
    url.searchParams.set('departement', next);
    window.history.replaceState(null, '', url);
  };
  return { departments, code, choose, error };
}

export function DepartmentSelect(props: { departments: Department[]; code: string | null; onChange: (code: string) => void }) {
  return (
    <Select label="Département" nativeSelectProps={{ value: props.code ?? '', onChange: (e) => props.onChange(e.target.value) }}>
      {props.departments.map((d) => (
        <option key={d.code} value={d.code}>
          {d.code} — {d.name}
        </option>
      ))}
    </Select>
  );
}

/** Today in Europe/Paris, YYYY-MM-DD (the RPU's days are Paris calendar days). */
export function parisToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function frenchDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
}

export const number = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const percent = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits })} %`;
