import { useId } from "react";
import ui from "./admin-ui.module.css";
import styles from "./stacked-bar-chart.module.css";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartBar {
  /** Axis label ("27 Nov", "14:00"). */
  label: string;
  /** Label for the data table and tooltips ("27 Nov 2026"). */
  fullLabel: string;
  values: Record<string, number>;
}

interface StackedBarChartProps {
  title: string;
  description: string;
  series: ChartSeries[];
  bars: ChartBar[];
  /** Formats a value for the axis, tooltips and table (money, counts). */
  format?: (value: number) => string;
  /** Column heading of the bar labels in the data table. */
  categoryHeading: string;
  /** Counts: no fractional axis ticks. */
  isCount?: boolean;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 56 };

/**
 * Inline SVG stacked bars: no chart library, nothing to download, rendered on the server. The
 * SVG carries a title and description; the same numbers are in a visually hidden table for screen
 * readers, and each bar has a tooltip.
 */
export function StackedBarChart({ title, description, series, bars, format = String, categoryHeading, isCount = false }: StackedBarChartProps) {
  const id = useId();
  const totals = bars.map((bar) => series.reduce((sum, item) => sum + (bar.values[item.key] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.min(28, slot * 0.7));
  const labelEvery = Math.ceil(bars.length / 10);
  const ticks = [0, max / 2, max].filter((tick) => !isCount || Number.isInteger(tick));
  const activeSeries = series.filter((item) => bars.some((bar) => (bar.values[item.key] ?? 0) > 0));

  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.svg} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => {
          const y = PAD.top + plotHeight - (max === 0 ? 0 : (tick / max) * plotHeight);
          return (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the rule mistakes it for one.
            <g key={tick} aria-hidden="true">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className={styles.grid} />
              <text x={PAD.left - 6} y={y + 4} className={styles.axisLabel} textAnchor="end">
                {format(tick)}
              </text>
            </g>
          );
        })}
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let y = PAD.top + plotHeight;
          const parts = series.map((item) => {
            const value = bar.values[item.key] ?? 0;
            if (value <= 0 || max === 0) return null;
            const height = (value / max) * plotHeight;
            y -= height;
            return <rect key={item.key} x={x} y={y} width={barWidth} height={height} fill={item.color} />;
          });
          const tooltip = `${bar.fullLabel}: ${
            series
              .filter((item) => (bar.values[item.key] ?? 0) > 0)
              .map((item) => `${item.label} ${format(bar.values[item.key] ?? 0)}`)
              .join(", ") || "none"
          }`;
          return (
            <g key={bar.fullLabel}>
              <title>{tooltip}</title>
              {parts}
              {index % labelEvery === 0 ? (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <text> is not focusable; the rule mistakes it for one.
                <text x={x + barWidth / 2} y={HEIGHT - 8} className={styles.axisLabel} textAnchor="middle" aria-hidden="true">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {activeSeries.length > 0 ? (
        <figcaption className={styles.legend} aria-hidden="true">
          {activeSeries.map((item) => (
            <span key={item.key} className={styles.legendItem}>
              <span className={styles.swatch} style={{ background: item.color }} />
              {item.label}
            </span>
          ))}
        </figcaption>
      ) : null}
      <table className={ui.visuallyHidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryHeading}</th>
            {series.map((item) => (
              <th key={item.key} scope="col">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.fullLabel}>
              <th scope="row">{bar.fullLabel}</th>
              {series.map((item) => (
                <td key={item.key}>{format(bar.values[item.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A round axis maximum just above the data (1, 2, 5 × 10^n), so ticks read well. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}
