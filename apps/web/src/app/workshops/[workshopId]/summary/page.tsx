// "/workshops/<id>/summary": one printable page for the workshop's instructor (and
// administrators): who completed what, quiz results, the runs for everyone with how many
// machines reproduced them, and the drills with how many learners diagnosed them and how
// fast. Anyone else, like an unknown id, gets a 404. The CSV and JSON hold the detail.
import { buildWorkshopReport, ForbiddenError, type TWorkshopReport } from "@perflab/db";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { PrintButton } from "./print-button";
import { summarizeWorkshop } from "./summary-figures";

export const dynamic = "force-dynamic";
export const metadata = { title: "Workshop summary" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const cell = "border-b border-slate-200 px-2 py-1";

function Table({ caption, head, rows, testId }: { caption: string; head: string[]; rows: (string | number)[][]; testId: string }) {
  return (
    <table className="mb-6 w-full break-inside-avoid text-left text-sm" data-testid={testId}>
      <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
      <thead>
        <tr>
          {head.map((title) => (
            <th key={title} className={`${cell} font-medium text-slate-600`}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td className={cell} colSpan={head.length}>
              none
            </td>
          </tr>
        ) : (
          rows.map((row, index) => (
            <tr key={index}>
              {row.map((value, column) => (
                <td key={column} className={`${cell} tabular-nums`}>
                  {value}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export default async function WorkshopSummaryPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const viewer = await requireUser(`/workshops/${workshopId}/summary`);
  let report: TWorkshopReport;
  try {
    report = await buildWorkshopReport(getDb(), viewer, workshopId);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  const figures = summarizeWorkshop(report);
  const total = report.workshop.topicIds.length;
  const learnerCount = report.learners.length;
  return (
    <article className="mx-auto max-w-4xl print:max-w-none" data-testid="workshop-summary">
      <div className="mb-4 flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{report.workshop.title}: summary</h1>
          <p className="text-sm text-slate-600">
            {dateFormat.format(new Date(report.workshop.startsAt))} – {dateFormat.format(new Date(report.workshop.endsAt))} UTC · {learnerCount} learner(s) · topics {report.workshop.topicIds.join(", ")}
            {report.workshop.closedAt ? ` · closed ${dateFormat.format(new Date(report.workshop.closedAt))} UTC` : ""}
          </p>
        </div>
        <PrintButton />
      </div>
      <Table
        caption="Learners"
        testId="summary-learners"
        head={["Learner", "Topics completed", "Quizzes passed", "Average best quiz score", "Time reading", "Drills diagnosed"]}
        rows={figures.learners.map((learner) => [
          `${learner.name} (${learner.email})`, `${learner.topicsCompleted} / ${total}`, `${learner.quizzesPassed} / ${total}`, learner.bestQuizAverage === null ? "—" : `${learner.bestQuizAverage} %`,
          `${learner.timeSpentMinutes} min`, learner.drillsTotal ? `${learner.drillsCorrect} / ${learner.drillsTotal}` : "—",
        ])}
      />
      <Table
        caption="Topics"
        testId="summary-topics"
        head={["Topic", "Completed", "Reading", "Quiz passed"]}
        rows={figures.topics.map((topic) => [topic.topicId, `${topic.completed} / ${learnerCount}`, topic.inProgress, `${topic.quizPassed} / ${learnerCount}`])}
      />
      <Table
        caption="Drills"
        testId="summary-drills"
        head={["Drill", "Started", "Answered", "Correct", "Median time to a correct diagnosis"]}
        rows={figures.drills.map((drill) => [
          drill.scenario, dateFormat.format(new Date(drill.startsAt)), `${drill.answered} / ${drill.learners}`, `${drill.correct} / ${drill.learners}`, drill.medianSecondsToDiagnosis === null ? "—" : `${drill.medianSecondsToDiagnosis} s`,
        ])}
      />
      <Table
        caption="Scenario runs on learners' machines"
        testId="summary-runs"
        head={["Scenario", "Started by", "Machines", "Reproduced"]}
        rows={figures.runs.map((run) => [run.scenarioId, run.startedFor === "learner" ? "the learners" : run.startedFor === "drill" ? "a drill" : "run for everyone", run.machines, `${run.reproduced} / ${run.machines}`])}
      />
    </article>
  );
}
