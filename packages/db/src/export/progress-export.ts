// The admin's CSV of everyone's progress: one row per learner and touched topic.
import type { Db } from "../client";
import { assertAdmin } from "../security/authorize";
import type { TUserSummary } from "../users/user-summary";
import { toCsv } from "./csv";

export const PROGRESS_CSV_COLUMNS = [
  "email", "name", "role", "deactivated", "topic_id", "status", "time_spent_seconds", "first_visited_at", "last_visited_at", "completed_at",
  "quiz_attempts", "best_quiz_score_percent", "quiz_passed", "exercises_done", "exercises_skipped", "exercises_failed",
] as const;

export async function exportAllProgressCsv(db: Db, actor: TUserSummary): Promise<string> {
  assertAdmin(actor, "export everyone's progress");
  const [progress, quizStats, exerciseRows] = await Promise.all([
    db.topicProgress.findMany({
      orderBy: [{ user: { email: "asc" } }, { topicId: "asc" }],
      select: { userId: true, topicId: true, status: true, timeSpentSeconds: true, firstVisitedAt: true, lastVisitedAt: true, completedAt: true, user: { select: { email: true, name: true, role: true, deactivatedAt: true } } },
    }),
    db.quizAttempt.groupBy({ by: ["userId", "topicId"], _count: { _all: true }, _max: { scorePercent: true } }),
    db.exerciseAttempt.findMany({ orderBy: { createdAt: "asc" }, select: { userId: true, topicId: true, exerciseId: true, outcome: true } }),
  ]);
  const passedKeys = new Set((await db.quizAttempt.findMany({ where: { passed: true }, distinct: ["userId", "topicId"], select: { userId: true, topicId: true } })).map((row) => `${row.userId}/${row.topicId}`));
  const quizByKey = new Map(quizStats.map((row) => [`${row.userId}/${row.topicId}`, row]));
  // Latest outcome per exercise, with "done once" winning, as the topic page shows it.
  const exerciseState = new Map<string, Map<string, string>>();
  for (const row of exerciseRows) {
    const key = `${row.userId}/${row.topicId}`;
    const states = exerciseState.get(key) ?? new Map<string, string>();
    if (states.get(row.exerciseId) !== "DONE") states.set(row.exerciseId, row.outcome);
    exerciseState.set(key, states);
  }
  const iso = (date: Date | null) => date?.toISOString() ?? "";
  const rows = progress.map((row) => {
    const key = `${row.userId}/${row.topicId}`;
    const quiz = quizByKey.get(key);
    const states = [...(exerciseState.get(key)?.values() ?? [])];
    return [
      row.user.email, row.user.name, row.user.role, row.user.deactivatedAt ? "yes" : "no", row.topicId, row.status, row.timeSpentSeconds,
      iso(row.firstVisitedAt), iso(row.lastVisitedAt), iso(row.completedAt), quiz?._count._all ?? 0, quiz?._max.scorePercent ?? "", passedKeys.has(key) ? "yes" : "no",
      states.filter((state) => state === "DONE").length, states.filter((state) => state === "SKIPPED").length, states.filter((state) => state === "FAILED").length,
    ];
  });
  return toCsv([...PROGRESS_CSV_COLUMNS], rows);
}
