/**
 * One ED indicator over the period: an Observable Plot line chart (SVG, with an aria label and
 * description), and its text alternative, the same figures as a table behind "Voir les données".
 */
import { useEffect, useId, useRef, useState } from 'react';
import * as Plot from '@observablehq/plot';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { frenchDay } from '../territory';

export interface Point {
  day: string;
  value: number | null;
}

export interface IndicatorChartProps {
  title: string;
  /** How a value reads in the table and the description (unit included). */
  format: (value: number | null) => string;
  /** The y axis' label. */
  unit: string;
  points: Point[];
  /** A horizontal line (e.g. the reception capacity's 100 % for the load). */
  rule?: number;
  /** Values are fractions shown as percentages on the axis. */
  percent?: boolean;
}

function summary(props: IndicatorChartProps): string {
  const values = props.points.filter((p) => p.value !== null) as Array<{ day: string; value: number }>;
  if (values.length === 0) return `${props.title} : aucune donnée sur la période.`;
  const max = values.reduce((a, b) => (b.value > a.value ? b : a));
  const min = values.reduce((a, b) => (b.value < a.value ? b : a));
  const last = values[values.length - 1]!;
  return `${props.title}, du ${frenchDay(values[0]!.day)} au ${frenchDay(last.day)} : au plus ${props.format(max.value)} le ${frenchDay(max.day)}, au moins ${props.format(min.value)} le ${frenchDay(min.day)}, dernier jour ${props.format(last.value)}.`;
}

export function IndicatorChart(props: IndicatorChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const description = summary(props);
  useEffect(() => {
    const data = props.points.filter((p) => p.value !== null).map((p) => ({ date: new Date(`${p.day}T12:00:00Z`), value: p.value as number }));
    const chart = Plot.plot({
      width: holder.current?.clientWidth || 560,
      height: 220,
      marginLeft: 48,
      ariaLabel: props.title,
      ariaDescription: description,
      style: { fontSize: '12px', background: 'transparent', maxWidth: '100%', height: 'auto' },
      x: { type: 'utc', label: null, tickFormat: (d: Date) => d.toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'UTC' }) },
      y: { grid: true, label: props.unit, zero: true, percent: props.percent ?? false },
      marks: [
        ...(props.rule !== undefined ? [Plot.ruleY([props.rule], { stroke: 'var(--text-default-error, #ce0500)', strokeDasharray: '4 3' })] : []),
        Plot.lineY(data, { x: 'date', y: 'value', stroke: 'var(--text-action-high-blue-france, #000091)', strokeWidth: 2 }),
        Plot.dot(data, { x: 'date', y: 'value', fill: 'var(--text-action-high-blue-france, #000091)', r: 2.5, title: (d: { date: Date; value: number }) => `${d.date.toLocaleDateString('fr-FR', { timeZone: 'UTC' })} : ${props.format(d.value)}` }),
      ],
    });
    // Plot names its mark groups ("line", "dot") with aria-label on <g> elements, which have no
    // role that allows it (axe: aria-prohibited-attr); the chart's own label and description say it all.
    chart.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [props, description]);
  return (
    <figure className="fr-mb-4w" style={{ margin: 0 }}>
      <figcaption>
        <h3 className="fr-h6 fr-mb-1w">{props.title}</h3>
      </figcaption>
      <div ref={holder} role="img" aria-label={description} />
      <Button size="small" priority="tertiary" onClick={() => setOpen(!open)} nativeButtonProps={{ 'aria-expanded': open, 'aria-controls': tableId }}>
        {open ? 'Masquer les données' : 'Voir les données'}
      </Button>
      <div id={tableId} hidden={!open} className="fr-table fr-table--sm fr-mb-0">
        <table>
          <caption className="fr-sr-only">{props.title}, par jour</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">{props.title}</th>
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => (
              <tr key={p.day}>
                <td>{frenchDay(p.day)}</td>
                <td>{props.format(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
