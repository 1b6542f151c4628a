// What every progress chart shares: a titled card, a one-sentence summary, and the numbers
// as a table for screen readers. The SVG itself is hidden from assistive technology (and
// the charts turn off recharts' keyboard layer), so nothing focusable hides behind aria-hidden.
import type { ReactNode } from "react";

export function ChartFrame({ testId, title, summary, table, children }: { testId: string; title: string; summary: string; table: ReactNode; children?: ReactNode }) {
  return (
    <figure data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <figcaption>
        <h2 className="font-semibold">{title}</h2>
        <p className="mt-1 text-sm text-slate-600">{summary}</p>
      </figcaption>
      {children ? (
        <div aria-hidden="true" className="mt-4">
          {children}
        </div>
      ) : null}
      <div className="sr-only">{table}</div>
    </figure>
  );
}

/** Axis and grid colours of the charts: Tailwind's slate and emerald, which SVG cannot take as classes. */
export const CHART_COLORS = {
  bar: "#059669", // emerald-600
  barMuted: "#94a3b8", // slate-400
  barBackground: "#f1f5f9", // slate-100
  grid: "#e2e8f0", // slate-200
  tick: "#64748b", // slate-500
  threshold: "#d97706", // amber-600
} as const;

export const TICK_STYLE = { fontSize: 12, fill: CHART_COLORS.tick };
