// A learner reports on an exercise: done (with what they observed), failed (what they saw
// instead) or skipped (optionally why). The report is the evidence; scenario runs add
// machine-checked evidence with the scenarios work.
import { z } from "zod";
import type { Db } from "../client";
import { ExerciseOutcome } from "../generated/prisma/enums";
import type { TUserSummary } from "../users/user-summary";
import { toFieldErrors } from "../users/user-input";
import { exerciseStatus, type TExerciseStatus } from "./exercise-status";
import { isActiveTopic, lockTopicProgress } from "./topic-progress-lock";
import { updateTopicCompletion } from "./update-topic-completion";

export const MAX_NOTE_LENGTH = 2000;

export const ZExerciseReport = z
  .strictObject({
    outcome: z.enum([ExerciseOutcome.DONE, ExerciseOutcome.FAILED, ExerciseOutcome.SKIPPED], { error: "Choose done, failed or skipped" }),
    note: z.string({ error: "Must be text" }).trim().max(MAX_NOTE_LENGTH, `At most ${MAX_NOTE_LENGTH} characters`).default(""),
  })
  .refine((report) => report.outcome === "SKIPPED" || report.note.length >= 3, { message: "Say what you observed (a number, a line of output)", path: ["note"] });
export type TExerciseReport = z.infer<typeof ZExerciseReport>;

export type TRecordExerciseAttemptResult =
  | { data: { exerciseStatus: TExerciseStatus; attempts: number; topicStatus: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" } }
  | { error: "unknown-exercise" }
  | { error: "invalid-input"; fieldErrors: Record<string, string> };

export async function recordExerciseAttempt(db: Db, actor: TUserSummary, topicId: string, exerciseId: string, report: unknown, now = new Date()): Promise<TRecordExerciseAttemptResult> {
  const parsed = ZExerciseReport.safeParse(report);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const evidence = parsed.data.outcome === "SKIPPED" ? { kind: "skip", note: parsed.data.note } : { kind: "observation", note: parsed.data.note };
  return appendExerciseAttempt(db, actor.id, topicId, exerciseId, parsed.data.outcome, evidence, now);
}

/**
 * A scenario run started for an exercise, whose check held on the machine's metrics: the
 * exercise is done for whoever started the run, with the run as evidence. Acts for the
 * server once the run's agent reported its end; a run not started for an exercise, or a
 * check that did not hold, records nothing.
 */
export async function recordScenarioRunEvidence(db: Db, runId: string, check: { passed: boolean; summary: string }, now = new Date()): Promise<TRecordExerciseAttemptResult | null> {
  const run = await db.scenarioRun.findUnique({ where: { id: runId }, select: { startedById: true, exerciseId: true } });
  if (!run?.exerciseId || !check.passed) return null;
  const separator = run.exerciseId.indexOf("/");
  if (separator < 0) return { error: "unknown-exercise" };
  const evidence = { kind: "scenario-run", runId, note: check.summary.slice(0, MAX_NOTE_LENGTH) };
  return appendExerciseAttempt(db, run.startedById, run.exerciseId.slice(0, separator), run.exerciseId.slice(separator + 1), ExerciseOutcome.DONE, evidence, now);
}

async function appendExerciseAttempt(db: Db, userId: string, topicId: string, exerciseId: string, outcome: ExerciseOutcome, evidence: object, now: Date): Promise<TRecordExerciseAttemptResult> {
  return db.$transaction(async (tx) => {
    const exercise = await tx.curriculumExercise.findFirst({ where: { topicId, exerciseId, retiredAt: null }, select: { exerciseId: true } });
    if (!exercise || !(await isActiveTopic(tx, topicId))) return { error: "unknown-exercise" as const };
    const locked = await lockTopicProgress(tx, userId, topicId);
    await tx.exerciseAttempt.create({ data: { userId, topicId, exerciseId, outcome, evidence, createdAt: now } });
    const topicStatus = await updateTopicCompletion(tx, userId, topicId, locked, now);
    const outcomes = await tx.exerciseAttempt.findMany({ where: { userId, topicId, exerciseId }, orderBy: { createdAt: "asc" }, select: { outcome: true } });
    return { data: { exerciseStatus: exerciseStatus(outcomes.map((row) => row.outcome)), attempts: outcomes.length, topicStatus } };
  });
}
