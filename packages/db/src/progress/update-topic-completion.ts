// Completion rule: a topic is completed when its quiz has a passing attempt and each of
// its current exercises is done or explicitly skipped. Completion is sticky: a later
// content change or a failed retry does not take it back. Runs inside the locked
// transaction of the write that may have completed it.
import { exerciseStatus, isExerciseSettled } from "./exercise-status";
import type { TLockedTopicProgress, Tx } from "./topic-progress-lock";

export async function updateTopicCompletion(tx: Tx, userId: string, topicId: string, locked: TLockedTopicProgress, now: Date): Promise<TLockedTopicProgress["status"]> {
  if (locked.status === "COMPLETED") return "COMPLETED";
  const hasPassedQuiz = (await tx.quizAttempt.count({ where: { userId, topicId, passed: true } })) > 0;
  let isComplete = hasPassedQuiz;
  if (isComplete) {
    const exercises = await tx.curriculumExercise.findMany({
      where: { topicId, retiredAt: null },
      select: { attempts: { where: { userId }, orderBy: { createdAt: "asc" }, select: { outcome: true } } },
    });
    isComplete = exercises.every((exercise) => isExerciseSettled(exerciseStatus(exercise.attempts.map((attempt) => attempt.outcome))));
  }
  const status = isComplete ? "COMPLETED" : "IN_PROGRESS";
  await tx.topicProgress.update({
    where: { userId_topicId: { userId, topicId } },
    data: { status, lastVisitedAt: now, ...(locked.status === "NOT_STARTED" ? { firstVisitedAt: now } : {}), ...(isComplete ? { completedAt: now } : {}) },
  });
  return status;
}
