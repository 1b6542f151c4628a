"use client";
// Completion per section of the curriculum the team's tracks touch: of every (member,
// assigned topic) pair in the section, the share completed.
import { ChartFrame } from "@/app/progress/charts/chart-frame";
import { PercentBars } from "@/app/progress/charts/percent-bars";

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
      <PercentBars rows={data} what="completed" />
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
