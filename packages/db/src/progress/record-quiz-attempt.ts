// Records one graded quiz submission. Grading itself is pure and lives with the content
// (@perflab/content gradeQuiz), which the web layer runs against the server's copy of the
// quiz; this stores the result, applies the instance's pass threshold and updates the
// topic's completion in the same locked transaction.
import type { Db } from "../client";
import { readInstanceSettings } from "../settings/instance-settings";
import type { TUserSummary } from "../users/user-summary";
import { isActiveTopic, lockTopicProgress } from "./topic-progress-lock";
import { updateTopicCompletion } from "./update-topic-completion";

export interface TGradedQuiz {
  quizHash: string;
  answers: Record<string, number>;
  correctCount: number;
  questionCount: number;
}

export interface TRecordedQuizAttempt {
  id: string;
  scorePercent: number;
  passThresholdPercent: number;
  passed: boolean;
  topicStatus: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";
  attemptNumber: number;
}

export type TRecordQuizAttemptResult = { data: TRecordedQuizAttempt } | { error: "unknown-topic" };

export async function recordQuizAttempt(db: Db, actor: TUserSummary, topicId: string, graded: TGradedQuiz, now = new Date()): Promise<TRecordQuizAttemptResult> {
  if (graded.questionCount < 1 || graded.correctCount < 0 || graded.correctCount > graded.questionCount) throw new RangeError("A graded quiz needs 0 ≤ correct ≤ questions and at least one question");
  const { quizPassPercent } = await readInstanceSettings(db);
  return db.$transaction(async (tx) => {
    if (!(await isActiveTopic(tx, topicId))) return { error: "unknown-topic" as const };
    const locked = await lockTopicProgress(tx, actor.id, topicId);
    const scorePercent = Math.round((100 * graded.correctCount) / graded.questionCount);
    const passed = scorePercent >= quizPassPercent;
    const attempt = await tx.quizAttempt.create({
      data: {
        userId: actor.id,
        topicId,
        quizHash: graded.quizHash,
        answers: graded.answers,
        correctCount: graded.correctCount,
        questionCount: graded.questionCount,
        scorePercent,
        passThresholdPercent: quizPassPercent,
        passed,
        createdAt: now,
      },
      select: { id: true },
    });
    const topicStatus = await updateTopicCompletion(tx, actor.id, topicId, locked, now);
    const attemptNumber = await tx.quizAttempt.count({ where: { userId: actor.id, topicId } });
    return { data: { id: attempt.id, scorePercent, passThresholdPercent: quizPassPercent, passed, topicStatus, attemptNumber } };
  });
}
