// "/progress" – the signed-in learner's dashboard: streak, completion per section,
// activity, quiz scores, what to read next, the tracks their teams assigned them, and a
// download of their whole record.
import { getLearnerRecord, listLearnerAssignments } from "@perflab/db";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { buildDashboard, formatUtcDay, outlineCurriculum, type TDashboard, type TDashboardRecord } from "@/server/progress/build-dashboard";
import { AssignmentsSection } from "./assignments-section";
import { ActivityChart } from "./charts/activity-chart";
import { QuizScoresChart } from "./charts/quiz-scores-chart";
import { SectionCompletionChart } from "./charts/section-completion-chart";
import { StreakStat } from "./charts/streak-stat";

export const metadata = { title: "Progress" };

const NOTHING_RECORDED: TDashboardRecord = { topics: [], quizAttempts: [], activityDays: [] };

// Activity days are the learner's local calendar days, and only the browser knows which
// day it is there. Everything is built here with the UTC day as an estimate; the two parts
// that depend on "today" (the streak and the 30-day activity chart) are client components
// that recompute from the raw days with the browser's date, through the same pure
// functions. Near midnight the estimate can be a day off; that is all a reader without
// JavaScript could ever see, and hydration corrects it at once.
export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const [learnerRecord, assignments] = await Promise.all([getLearnerRecord(getDb(), user, user.id), listLearnerAssignments(getDb(), user, user.id)]);
  const record = learnerRecord ?? NOTHING_RECORDED;
  const { toc, findTopic } = getCurriculum();
  const serverToday = formatUtcDay(new Date());
  const dashboard = buildDashboard(outlineCurriculum(toc, findTopic), record, serverToday);
  return (
    <>
      <PageHeader title="Progress">Topics completed, reading time and quiz scores for {user.name}.</PageHeader>
      <dl className="grid gap-4 sm:grid-cols-3">
        <StreakStat activityDays={record.activityDays} serverToday={serverToday} />
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">topics completed</dt>
          <dd className="mt-1 text-2xl font-semibold">
            <span data-testid="completed-count">{dashboard.totals.completed}</span> <span className="text-base font-normal text-slate-500">of {dashboard.totals.total}</span>
          </dd>
          <dd className="mt-1 text-xs text-slate-500">{dashboard.totals.inProgress} in progress</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-500">time spent reading</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid="time-spent">
            {formatDuration(dashboard.totals.timeSpentSeconds)}
          </dd>
        </div>
      </dl>
      <div className="mt-6">
        <NextUpCard next={dashboard.next} hasTopics={dashboard.totals.total > 0} />
      </div>
      <AssignmentsSection assignments={assignments} />
      <div className="mt-6">
        {dashboard.hasAnyProgress ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="lg:col-span-2">
              <SectionCompletionChart sections={dashboard.sections} totals={dashboard.totals} />
            </div>
            <ActivityChart activityDays={record.activityDays} serverToday={serverToday} />
            <QuizScoresChart quizzes={dashboard.quizzes} passThresholdPercent={dashboard.quizPassThresholdPercent} />
          </div>
        ) : (
          <EmptyState title="Nothing recorded yet">Progress appears once you open a topic of the curriculum: reading time, completed topics and quiz scores will be charted here.</EmptyState>
        )}
      </div>
      <p className="mt-8 text-sm text-slate-600">
        Everything perflab keeps about your learning, as one file:{" "}
        <a href="/api/me/progress" download className="font-medium text-emerald-700 hover:underline">
          Download my record (JSON)
        </a>
      </p>
    </>
  );
}

function NextUpCard({ next, hasTopics }: { next: TDashboard["next"]; hasTopics: boolean }) {
  return (
    <section aria-labelledby="next-up" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5">
      <h2 id="next-up" className="text-sm font-medium text-emerald-800">
        Next up
      </h2>
      {next === null ? (
        <p className="mt-1 font-semibold" data-testid="next-topic">
          {hasTopics ? "You have completed every topic of the curriculum." : "The curriculum has no topics yet."}
        </p>
      ) : next.kind === "ready" ? (
        <p className="mt-1">
          <Link href={`/curriculum/topics/${next.topicId}`} className="font-semibold text-slate-900 hover:underline" data-testid="next-topic">
            {next.topicId} {next.title}
          </Link>{" "}
          <span className="text-sm text-slate-500">· Section {next.section}</span>
        </p>
      ) : next.prerequisiteTitle === null ? (
        // The prerequisite failed to load or was removed: the learner can only read on.
        <p className="mt-1">
          <Link href={`/curriculum/topics/${next.topicId}`} className="font-semibold text-slate-900 hover:underline" data-testid="next-topic">
            {next.topicId} {next.title}
          </Link>{" "}
          <span className="text-sm text-slate-600">builds on {next.prerequisiteId}, which this curriculum does not have.</span>
        </p>
      ) : (
        <p className="mt-1">
          <Link href={`/curriculum/topics/${next.prerequisiteId}`} className="font-semibold text-slate-900 hover:underline" data-testid="next-topic">
            {next.prerequisiteId} {next.prerequisiteTitle}
          </Link>{" "}
          <span className="text-sm text-slate-600">
            comes first: {next.topicId} {next.title} builds on it.
          </span>
        </p>
      )}
    </section>
  );
}

/** Whole minutes, hours from 60 minutes on: "45 min", "3 h 20 min". */
function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds > 0 && minutes === 0 ? "< 1 min" : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
