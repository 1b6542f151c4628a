// A workshop's report: for every learner on the roster, per topic of the workshop, their
// status, time, quiz attempts and best score, exercises, and the scenario runs on the
// machine they attached (with verdicts). The same records as JSON, and as CSV with one row
// per learner and topic plus one per run. For the workshop's instructor and administrators.
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { toCsv } from "../export/csv";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";

export interface TWorkshopReport {
  workshop: { id: string; title: string; startsAt: string; endsAt: string; closedAt: string | null; topicIds: string[] };
  learners: {
    name: string;
    email: string;
    joinedAt: string;
    machine: string | null;
    topics: { topicId: string; status: string; timeSpentSeconds: number; quizAttempts: number; bestQuizScorePercent: number | null; quizPassed: boolean; exercisesDone: number }[];
    scenarioRuns: { runId: string; scenarioId: string; status: string; reproduced: boolean | null; startedAt: string | null; startedBy: string }[];
  }[];
}

export async function buildWorkshopReport(db: Db, actor: TUserSummary, workshopId: string): Promise<TWorkshopReport> {
  const workshop = await db.workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true, title: true, startsAt: true, endsAt: true, closedAt: true, topicIds: true, instructorId: true,
      members: { orderBy: { joinedAt: "asc" }, select: { joinedAt: true, agentId: true, agent: { select: { name: true } }, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!workshop || (workshop.instructorId !== actor.id && actor.role !== Role.ADMIN)) throw new ForbiddenError("This workshop is not yours to report on");
  const userIds = workshop.members.map((member) => member.user.id);
  const agentIds = workshop.members.flatMap((member) => (member.agentId ? [member.agentId] : []));
  const where = { userId: { in: userIds }, topicId: { in: workshop.topicIds } };
  const [progress, quizzes, exercises, runs] = await Promise.all([
    db.topicProgress.findMany({ where, select: { userId: true, topicId: true, status: true, timeSpentSeconds: true } }),
    db.quizAttempt.findMany({ where, select: { userId: true, topicId: true, scorePercent: true, passed: true } }),
    db.exerciseAttempt.findMany({ where: { ...where, outcome: "DONE" }, distinct: ["userId", "topicId", "exerciseId"], select: { userId: true, topicId: true } }),
    db.scenarioRun.findMany({
      where: { agentId: { in: agentIds }, requestedAt: { gte: workshop.startsAt } },
      orderBy: { requestedAt: "asc" },
      select: { id: true, agentId: true, scenarioId: true, status: true, verdict: true, startedAt: true, startedBy: { select: { name: true } } },
    }),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    workshop: { id: workshop.id, title: workshop.title, startsAt: workshop.startsAt.toISOString(), endsAt: workshop.endsAt.toISOString(), closedAt: iso(workshop.closedAt), topicIds: workshop.topicIds },
    learners: workshop.members.map((member) => ({
      name: member.user.name,
      email: member.user.email,
      joinedAt: member.joinedAt.toISOString(),
      machine: member.agent?.name ?? null,
      topics: workshop.topicIds.map((topicId) => {
        const row = progress.find((entry) => entry.userId === member.user.id && entry.topicId === topicId);
        const attempts = quizzes.filter((quiz) => quiz.userId === member.user.id && quiz.topicId === topicId);
        return {
          topicId,
          status: row?.status ?? "NOT_STARTED",
          timeSpentSeconds: row?.timeSpentSeconds ?? 0,
          quizAttempts: attempts.length,
          bestQuizScorePercent: attempts.length ? Math.max(...attempts.map((quiz) => quiz.scorePercent)) : null,
          quizPassed: attempts.some((quiz) => quiz.passed),
          exercisesDone: exercises.filter((entry) => entry.userId === member.user.id && entry.topicId === topicId).length,
        };
      }),
      scenarioRuns: runs
        .filter((run) => run.agentId === member.agentId)
        .map((run) => ({ runId: run.id, scenarioId: run.scenarioId, status: run.status, reproduced: (run.verdict as { reproduced?: boolean } | null)?.reproduced ?? null, startedAt: iso(run.startedAt), startedBy: run.startedBy.name })),
    })),
  };
}

export const WORKSHOP_CSV_COLUMNS = ["email", "name", "record", "topic_or_scenario", "status", "time_spent_seconds", "quiz_attempts", "best_quiz_score_percent", "quiz_passed", "exercises_done", "run_id", "reproduced", "at"] as const;

export function workshopReportCsv(report: TWorkshopReport): string {
  const rows = report.learners.flatMap((learner) => [
    ...learner.topics.map((topic) => [learner.email, learner.name, "topic", topic.topicId, topic.status, topic.timeSpentSeconds, topic.quizAttempts, topic.bestQuizScorePercent ?? "", topic.quizPassed ? "yes" : "no", topic.exercisesDone, "", "", ""]),
    ...learner.scenarioRuns.map((run) => [learner.email, learner.name, "scenario-run", run.scenarioId, run.status, "", "", "", "", "", run.runId, run.reproduced === null ? "" : run.reproduced ? "yes" : "no", run.startedAt ?? ""]),
  ]);
  return toCsv([...WORKSHOP_CSV_COLUMNS], rows);
}
