// Reading a learner's progress: one topic (the topic page), every topic's status (the
// curriculum index) and the whole record (dashboard and the learner's JSON export).
// Each read is authorized here: the learner themself or an administrator.
import type { Db } from "../client";
import { assertCanReadLearner } from "../security/authorize";
import type { TUserSummary } from "../users/user-summary";
import { exerciseStatus, type TExerciseStatus } from "./exercise-status";

export type TTopicStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";

export interface TQuizAttemptSummary {
  id: string;
  topicId: string;
  scorePercent: number;
  passed: boolean;
  correctCount: number;
  questionCount: number;
  createdAt: Date;
}

export interface TTopicProgressDetail {
  status: TTopicStatus;
  timeSpentSeconds: number;
  firstVisitedAt: Date | null;
  lastVisitedAt: Date | null;
  completedAt: Date | null;
  quizAttempts: TQuizAttemptSummary[];
  exercises: Record<string, { status: TExerciseStatus; attempts: number; lastNote: string | null }>;
}

const QUIZ_SUMMARY_SELECT = { id: true, topicId: true, scorePercent: true, passed: true, correctCount: true, questionCount: true, createdAt: true } as const;

function noteOf(evidence: unknown): string | null {
  return typeof evidence === "object" && evidence !== null && typeof (evidence as { note?: unknown }).note === "string" ? (evidence as { note: string }).note : null;
}

export async function getTopicProgress(db: Db, actor: TUserSummary, learnerId: string, topicId: string): Promise<TTopicProgressDetail> {
  assertCanReadLearner(actor, learnerId);
  const [row, quizAttempts, exerciseAttempts] = await Promise.all([
    db.topicProgress.findUnique({ where: { userId_topicId: { userId: learnerId, topicId } } }),
    db.quizAttempt.findMany({ where: { userId: learnerId, topicId }, orderBy: { createdAt: "asc" }, select: QUIZ_SUMMARY_SELECT }),
    db.exerciseAttempt.findMany({ where: { userId: learnerId, topicId }, orderBy: { createdAt: "asc" }, select: { exerciseId: true, outcome: true, evidence: true } }),
  ]);
  const byExercise = new Map<string, typeof exerciseAttempts>();
  for (const attempt of exerciseAttempts) byExercise.set(attempt.exerciseId, [...(byExercise.get(attempt.exerciseId) ?? []), attempt]);
  const exercises: TTopicProgressDetail["exercises"] = {};
  for (const [exerciseId, attempts] of byExercise) {
    exercises[exerciseId] = { status: exerciseStatus(attempts.map((attempt) => attempt.outcome)), attempts: attempts.length, lastNote: noteOf(attempts[attempts.length - 1]!.evidence) };
  }
  return {
    status: row?.status ?? "NOT_STARTED",
    timeSpentSeconds: row?.timeSpentSeconds ?? 0,
    firstVisitedAt: row?.firstVisitedAt ?? null,
    lastVisitedAt: row?.lastVisitedAt ?? null,
    completedAt: row?.completedAt ?? null,
    quizAttempts,
    exercises,
  };
}

/** topic id → status, for every topic the learner has touched (absent = not started). */
export async function getTopicStatuses(db: Db, actor: TUserSummary, learnerId: string): Promise<Record<string, TTopicStatus>> {
  assertCanReadLearner(actor, learnerId);
  const rows = await db.topicProgress.findMany({ where: { userId: learnerId }, select: { topicId: true, status: true } });
  return Object.fromEntries(rows.map((row) => [row.topicId, row.status]));
}

export interface TLearnerRecord {
  learner: TUserSummary & { createdAt: Date };
  topics: { topicId: string; status: TTopicStatus; timeSpentSeconds: number; firstVisitedAt: Date | null; lastVisitedAt: Date | null; completedAt: Date | null }[];
  quizAttempts: (TQuizAttemptSummary & { answers: unknown; passThresholdPercent: number; quizHash: string })[];
  exerciseAttempts: { topicId: string; exerciseId: string; outcome: string; evidence: unknown; createdAt: Date }[];
  activityDays: { day: string; activeSeconds: number }[];
}

/** Everything perflab remembers about one learner's learning. */
export async function getLearnerRecord(db: Db, actor: TUserSummary, learnerId: string): Promise<TLearnerRecord | null> {
  assertCanReadLearner(actor, learnerId);
  const learner = await db.user.findUnique({ where: { id: learnerId }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
  if (!learner) return null;
  const [topics, quizAttempts, exerciseAttempts, activityDays] = await Promise.all([
    db.topicProgress.findMany({ where: { userId: learnerId }, orderBy: { topicId: "asc" }, select: { topicId: true, status: true, timeSpentSeconds: true, firstVisitedAt: true, lastVisitedAt: true, completedAt: true } }),
    db.quizAttempt.findMany({ where: { userId: learnerId }, orderBy: { createdAt: "asc" }, select: { ...QUIZ_SUMMARY_SELECT, answers: true, passThresholdPercent: true, quizHash: true } }),
    db.exerciseAttempt.findMany({ where: { userId: learnerId }, orderBy: { createdAt: "asc" }, select: { topicId: true, exerciseId: true, outcome: true, evidence: true, createdAt: true } }),
    db.activityDay.findMany({ where: { userId: learnerId }, orderBy: { day: "asc" }, select: { day: true, activeSeconds: true } }),
  ]);
  return {
    learner,
    topics,
    quizAttempts,
    exerciseAttempts,
    activityDays: activityDays.map((row) => ({ day: row.day.toISOString().slice(0, 10), activeSeconds: row.activeSeconds })),
  };
}
