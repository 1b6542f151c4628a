"use client";
// Completion per section: one horizontal bar per section, percent of its topics completed.
import type { TDashboard, TSectionCompletion } from "@/server/progress/build-dashboard";
import { ChartFrame } from "./chart-frame";
import { PercentBars } from "./percent-bars";

export function SectionCompletionChart({ sections, totals }: { sections: TSectionCompletion[]; totals: TDashboard["totals"] }) {
  const data = sections.map((section) => ({ ...section, label: `${section.section}. ${section.title}` }));
  const summary = `${totals.completed} of ${totals.total} topics completed (${totals.percent} %), ${totals.inProgress} in progress.`;
  return (
    <ChartFrame testId="chart-sections" title="Completion per section" summary={summary} table={<SectionTable sections={sections} />}>
      <PercentBars rows={data} what="completed" />
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
