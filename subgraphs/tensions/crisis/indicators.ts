/** Follow-up indicators and feedback to the field, computed from rows (docs/crisis.md § Indicators). */
import { FIELD_INDICATORS, type FieldIndicator } from './codes.js';
import type { ActivationRow, FieldReportRow, MeetingRow, ProcedureRunRow } from './tables.js';

const MINUTE = 60_000;

/** Mean minutes from each activation to the first event at or after it (and before the next activation); null without any. */
function meanDelay(starts: readonly Date[], events: readonly Date[]): number | null {
  const delays = starts.flatMap((start, i) => {
    const next = starts[i + 1];
    const first = events.find((e) => e >= start && (!next || e < next));
    return first ? [(first.getTime() - start.getTime()) / MINUTE] : [];
  });
  return delays.length ? Math.round((delays.reduce((a, b) => a + b, 0) / delays.length) * 10) / 10 : null;
}

export function periodIndicators(p: { activations: ActivationRow[]; runs: ProcedureRunRow[]; meetings: MeetingRow[] }) {
  const starts = p.activations.filter((a) => a.action === 'ACTIVATED').map((a) => a.at);
  return {
    activations: starts.length,
    proceduresTriggered: p.runs.length,
    meetingsHeld: p.meetings.length,
    groupMeetingsHeld: p.meetings.filter((m) => m.groupId !== null).length,
    meanMinutesToFirstProcedure: meanDelay(starts, p.runs.map((r) => r.triggeredAt)),
    meanMinutesToFirstMeeting: meanDelay(starts, p.meetings.map((m) => m.heldAt)),
  };
}

/** Totals per figure, and per commune, in the order of the code list. */
export function feedback(reports: readonly FieldReportRow[]) {
  return (Object.keys(FIELD_INDICATORS) as FieldIndicator[]).flatMap((indicator) => {
    const mine = reports.filter((r) => r.indicator === indicator);
    if (!mine.length) return [];
    const communes = new Map<string | null, number>();
    for (const r of mine) communes.set(r.communeCode, (communes.get(r.communeCode) ?? 0) + r.value);
    return [{
      indicator,
      label: FIELD_INDICATORS[indicator],
      total: mine.reduce((a, r) => a + r.value, 0),
      reports: mine.length,
      lastReportedAt: mine[mine.length - 1]!.reportedAt,
      byCommune: [...communes].map(([communeCode, total]) => ({ communeCode, total })),
    }];
  });
}
