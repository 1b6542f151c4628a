"use client";
// Completion per section: one horizontal bar per section, percent of its topics completed.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TDashboard, TSectionCompletion } from "@/server/progress/build-dashboard";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "./chart-frame";

const ROW_HEIGHT_PX = 36;
const AXIS_HEIGHT_PX = 40;

export function SectionCompletionChart({ sections, totals }: { sections: TSectionCompletion[]; totals: TDashboard["totals"] }) {
  const data = sections.map((section) => ({ ...section, label: `${section.section}. ${section.title}` }));
  const summary = `${totals.completed} of ${totals.total} topics completed (${totals.percent} %), ${totals.inProgress} in progress.`;
  return (
    <ChartFrame testId="chart-sections" title="Completion per section" summary={summary} table={<SectionTable sections={sections} />}>
      <ResponsiveContainer width="100%" height={ROW_HEIGHT_PX * Math.max(sections.length, 1) + AXIS_HEIGHT_PX}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit=" %" tick={TICK_STYLE} />
          <YAxis type="category" dataKey="label" width={190} tick={TICK_STYLE} />
          <Tooltip formatter={(value) => [`${String(value)} %`, "completed"]} cursor={{ fill: CHART_COLORS.barBackground }} />
          <Bar dataKey="percent" fill={CHART_COLORS.bar} background={{ fill: CHART_COLORS.barBackground }} radius={[0, 4, 4, 0]} maxBarSize={24} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function SectionTable({ sections }: { sections: TSectionCompletion[] }) {
  return (
    <table>
      <caption>Completion per section</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Completed</th>
          <th scope="col">In progress</th>
          <th scope="col">Topics</th>
          <th scope="col">Percent completed</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((section) => (
          <tr key={section.section}>
            <th scope="row">
              {section.section}. {section.title}
            </th>
            <td>{section.completed}</td>
            <td>{section.inProgress}</td>
            <td>{section.total}</td>
            <td>{section.percent} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
