"use client";
// One lab chart: its title, unit, one-line meaning and curriculum link, the lines drawn
// for the window, and the newest value of each line as text (what screen readers and
// tests read; the SVG is hidden from assistive technology like the progress charts').
import Link from "next/link";
import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, TICK_STYLE } from "@/app/progress/charts/chart-frame";
import { buildChartRows, lineDataKey, type TChartWindow } from "@/live/chart-rows";
import { formatClock, formatValue } from "@/live/format-value";
import type { TChartSpec } from "@/live/lab-charts";
import type { SlotStore } from "@/live/slot-store";
import { lineColor } from "./chart-colors";

const CHART_HEIGHT_PX = 180;
/** Rows drawn per chart whatever the window: an hour costs what a minute does. */
const MAX_POINTS = 240;
const ASPECT_STYLE = { utilisation: "bg-sky-50 text-sky-800", saturation: "bg-amber-50 text-amber-800", errors: "bg-red-50 text-red-700" } as const;

interface TMetricChartProps {
  spec: TChartSpec;
  store: SlotStore;
  window: TChartWindow;
  cpuCount: number | null;
  /** Bumped when the store has new data. */
  version: number;
}

export function MetricChart({ spec, store, window, cpuCount, version }: TMetricChartProps) {
  // Series appear as the agent reports them (a new interface, a cgroup), so lines follow the data.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lines = useMemo(() => spec.lines([...store.seriesKeys()]), [spec, store, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => buildChartRows(store, lines, window, MAX_POINTS), [store, lines, window.endMs, window.seconds, version]);
  const reference = spec.reference?.({ cpuCount }) ?? null;
  const newest = lines.map((line, index) => ({ label: line.label, value: lastValue(rows, lineDataKey(index)) }));
  const peakNewest = Math.max(...newest.map((entry) => entry.value ?? Number.NEGATIVE_INFINITY));
  const Chart = spec.stacked ? AreaChart : LineChart;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`chart-${spec.id}`} data-latest-max={Number.isFinite(peakNewest) ? peakNewest : ""}>
      <figcaption>
        <div className="flex items-baseline justify-between gap-2">
          <h3 className="font-semibold">{spec.title}</h3>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${ASPECT_STYLE[spec.aspect]}`}>{spec.aspect}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {spec.meaning}. <span className="text-slate-500">({spec.unit})</span>{" "}
          <Link href={`/curriculum/topics/${spec.topic}`} className="text-emerald-700 hover:underline">
            Topic {spec.topic}
          </Link>
        </p>
      </figcaption>
      {lines.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">This machine has not reported these counters (no such device, cgroup or kernel support yet).</p>
      ) : (
        <>
          <div aria-hidden="true" className="mt-3">
            <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
              <Chart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
                <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => formatClock(t)} tick={TICK_STYLE} minTickGap={40} />
                <YAxis width={80} tick={TICK_STYLE} tickFormatter={(value: number) => formatValue(value, spec.unit)} />
                <Tooltip isAnimationActive={false} labelFormatter={(t) => formatClock(Number(t))} formatter={(value, name) => [formatValue(Number(value), spec.unit), String(name)]} />
                {reference ? <ReferenceLine y={reference.y} stroke={CHART_COLORS.threshold} strokeDasharray="4 3" label={{ value: reference.label, position: "insideTopRight", fontSize: 11, fill: CHART_COLORS.threshold }} /> : null}
                {lines.map((line, index) =>
                  spec.stacked ? (
                    <Area key={line.id} dataKey={lineDataKey(index)} name={line.label} stackId="stack" stroke={lineColor(index)} fill={lineColor(index)} fillOpacity={0.35} isAnimationActive={false} connectNulls={false} />
                  ) : (
                    <Line key={line.id} dataKey={lineDataKey(index)} name={line.label} stroke={lineColor(index)} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
                  ),
                )}
              </Chart>
            </ResponsiveContainer>
          </div>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid={`latest-${spec.id}`}>
            {newest.map((entry, index) => (
              <li key={lines[index]!.id} className="flex items-center gap-1.5">
                <span className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: lineColor(index) }} />
                {entry.label}: <span className="font-mono">{formatValue(entry.value, spec.unit)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}

function lastValue(rows: readonly Record<string, number | null>[], key: string): number | null {
  for (let index = rows.length - 1; index >= 0; index--) {
    const value = rows[index]![key];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}
