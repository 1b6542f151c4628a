"use client";
// One horizontal bar per row, 0-100 %: completion per section for a learner and for a team.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, TICK_STYLE } from "./chart-frame";

const ROW_HEIGHT_PX = 36;
const AXIS_HEIGHT_PX = 40;

export function PercentBars({ rows, what }: { rows: { label: string; percent: number }[]; what: string }) {
  return (
    <ResponsiveContainer width="100%" height={ROW_HEIGHT_PX * Math.max(rows.length, 1) + AXIS_HEIGHT_PX}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit=" %" tick={TICK_STYLE} />
        <YAxis type="category" dataKey="label" width={190} tick={TICK_STYLE} />
        <Tooltip formatter={(value) => [`${String(value)} %`, what]} cursor={{ fill: CHART_COLORS.barBackground }} />
        <Bar dataKey="percent" fill={CHART_COLORS.bar} background={{ fill: CHART_COLORS.barBackground }} radius={[0, 4, 4, 0]} maxBarSize={24} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
