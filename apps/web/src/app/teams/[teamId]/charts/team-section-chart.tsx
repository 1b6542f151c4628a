"use client";
// Completion per section of the curriculum the team's tracks touch: of every (member,
// assigned topic) pair in the section, the share completed.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "@/app/progress/charts/chart-frame";

const ROW_HEIGHT_PX = 36;
const AXIS_HEIGHT_PX = 40;

export interface TTeamSection {
  section: number;
  title: string;
  topicIds: string[];
  completed: number;
  total: number;
  percent: number;
}

export function TeamSectionChart({ sections }: { sections: TTeamSection[] }) {
  const data = sections.map((section) => ({ ...section, label: `${section.section}. ${section.title}` }));
  const completed = sections.reduce((sum, section) => sum + section.completed, 0);
  const total = sections.reduce((sum, section) => sum + section.total, 0);
  const summary = `${completed} of ${total} assigned topic completions across ${sections.length} ${sections.length === 1 ? "section" : "sections"}.`;
  return (
    <ChartFrame testId="chart-team-sections" title="Completion per section" summary={summary} table={<SectionTable sections={sections} />}>
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

function SectionTable({ sections }: { sections: TTeamSection[] }) {
  return (
    <table>
      <caption>Completion per section of the assigned topics</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Assigned topics</th>
          <th scope="col">Completed (member × topic)</th>
          <th scope="col">Of</th>
          <th scope="col">Percent</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((section) => (
          <tr key={section.section}>
            <th scope="row">
              {section.section}. {section.title}
            </th>
            <td>{section.topicIds.join(", ")}</td>
            <td>{section.completed}</td>
            <td>{section.total}</td>
            <td>{section.percent} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
