// A workshop's report: for every learner on the roster, per topic of the workshop, their
// status, time, quiz attempts and best score, exercises, the scenario runs on the machine
// they attached (with verdicts; whether the learner, a run for everyone or a drill started
// it), and each drill they were in with their diagnosis, its grade and time. The same
// records as JSON, and as CSV with one row per learner and topic, run and drill. For the
// workshop's instructor and administrators.
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
    scenarioRuns: { runId: string; scenarioId: string; startedFor: "learner" | "run-for-everyone" | "drill"; status: string; reproduced: boolean | null; startedAt: string | null; startedBy: string }[];
    drills: {
      drillId: string;
      scenarioId: string;
      variant: string | null;
      startsAt: string;
      revealed: boolean;
      diagnosis: { subsystem: string; mechanism: string; evidence: string; isCorrect: boolean; isSubsystemCorrect: boolean; secondsToDiagnosis: number; submittedAt: string } | null;
    }[];
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
  const [progress, quizzes, exercises, runs, drills] = await Promise.all([
    db.topicProgress.findMany({ where, select: { userId: true, topicId: true, status: true, timeSpentSeconds: true } }),
    db.quizAttempt.findMany({ where, select: { userId: true, topicId: true, scorePercent: true, passed: true } }),
    db.exerciseAttempt.findMany({ where: { ...where, outcome: "DONE" }, distinct: ["userId", "topicId", "exerciseId"], select: { userId: true, topicId: true } }),
    db.scenarioRun.findMany({
      where: { agentId: { in: agentIds }, requestedAt: { gte: workshop.startsAt } },
      orderBy: { requestedAt: "asc" },
      select: { id: true, agentId: true, scenarioId: true, status: true, verdict: true, startedAt: true, startedBy: { select: { name: true } }, workshopRun: { select: { isDrill: true } } },
    }),
    db.workshopRun.findMany({
      where: { workshopId, isDrill: true },
      orderBy: { startsAt: "asc" },
      select: {
        id: true, scenarioId: true, variant: true, startsAt: true, revealedAt: true, learnerIds: true,
        diagnoses: { select: { userId: true, subsystem: true, mechanism: true, evidence: true, isCorrect: true, isSubsystemCorrect: true, secondsToDiagnosis: true, submittedAt: true } },
      },
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
        .map((run) => ({
          runId: run.id, scenarioId: run.scenarioId, startedFor: run.workshopRun ? (run.workshopRun.isDrill ? ("drill" as const) : ("run-for-everyone" as const)) : ("learner" as const),
          status: run.status, reproduced: (run.verdict as { reproduced?: boolean } | null)?.reproduced ?? null, startedAt: iso(run.startedAt), startedBy: run.startedBy.name,
        })),
      drills: drills
        .filter((drill) => drill.learnerIds.includes(member.user.id))
        .map((drill) => {
          const own = drill.diagnoses.find((diagnosis) => diagnosis.userId === member.user.id);
          return {
            drillId: drill.id, scenarioId: drill.scenarioId, variant: drill.variant, startsAt: drill.startsAt.toISOString(), revealed: drill.revealedAt !== null,
            diagnosis: own ? { subsystem: own.subsystem, mechanism: own.mechanism, evidence: own.evidence, isCorrect: own.isCorrect, isSubsystemCorrect: own.isSubsystemCorrect, secondsToDiagnosis: own.secondsToDiagnosis, submittedAt: own.submittedAt.toISOString() } : null,
          };
        }),
    })),
  };
}

export const WORKSHOP_CSV_COLUMNS = [
  "email", "name", "record", "topic_or_scenario", "status", "time_spent_seconds", "quiz_attempts", "best_quiz_score_percent", "quiz_passed", "exercises_done", "run_id", "reproduced", "at",
  "started_for", "diagnosis_subsystem", "diagnosis_mechanism", "seconds_to_diagnosis", "evidence",
] as const;

/** A drill row's status: the grade of the learner's diagnosis. */
const drillStatus = (diagnosis: TWorkshopReport["learners"][number]["drills"][number]["diagnosis"]) =>
  !diagnosis ? "no-diagnosis" : diagnosis.isCorrect ? "correct" : diagnosis.isSubsystemCorrect ? "right-subsystem" : "wrong";

export function workshopReportCsv(report: TWorkshopReport): string {
  const rows = report.learners.flatMap((learner) => [
    ...learner.topics.map((topic) => [learner.email, learner.name, "topic", topic.topicId, topic.status, topic.timeSpentSeconds, topic.quizAttempts, topic.bestQuizScorePercent ?? "", topic.quizPassed ? "yes" : "no", topic.exercisesDone, "", "", "", "", "", "", "", ""]),
    ...learner.scenarioRuns.map((run) => [learner.email, learner.name, "scenario-run", run.scenarioId, run.status, "", "", "", "", "", run.runId, run.reproduced === null ? "" : run.reproduced ? "yes" : "no", run.startedAt ?? "", run.startedFor, "", "", "", ""]),
    ...learner.drills.map((drill) => [
      learner.email, learner.name, "drill", drill.variant ? `${drill.scenarioId}/${drill.variant}` : drill.scenarioId, drillStatus(drill.diagnosis), "", "", "", "", "", drill.drillId, "", drill.diagnosis?.submittedAt ?? drill.startsAt,
      "drill", drill.diagnosis?.subsystem ?? "", drill.diagnosis?.mechanism ?? "", drill.diagnosis?.secondsToDiagnosis ?? "", drill.diagnosis?.evidence ?? "",
    ]),
  ]);
  return toCsv([...WORKSHOP_CSV_COLUMNS], rows);
}
