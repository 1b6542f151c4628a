// Grading a quiz submission against the server's copy of the quiz. Pure: the web layer
// passes the request body in, and the result says either what to record or why the
// submission is rejected (nothing is recorded for a rejected one).
//
// The quiz hash travels with the page: a quiz edited after the page was loaded is
// reported as changed rather than graded against questions the learner never saw.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { TQuizQuestion } from "../schemas";

export function hashQuiz(questions: readonly TQuizQuestion[]): string {
  const canonical = questions.map(({ id, question, choices, answer }) => [id, question, choices, answer]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export const ZQuizSubmission = z.strictObject({
  topicId: z.string().max(10),
  quizHash: z.string().regex(/^[0-9a-f]{64}$/, "must be the quiz's hash from the page"),
  answers: z.record(z.string().max(10), z.number().int("must be a choice index").min(0, "must be a choice index")),
});

export interface TQuestionResult {
  id: string;
  chosen: number;
  isCorrect: boolean;
  explanation: string;
}

export type TQuizGrading =
  | { data: { quizHash: string; answers: Record<string, number>; correctCount: number; questionCount: number; results: TQuestionResult[] } }
  | { error: "invalid-submission"; message: string }
  | { error: "quiz-changed"; message: string };

export function gradeQuiz(topicId: string, questions: readonly TQuizQuestion[], body: unknown): TQuizGrading {
  const parsed = ZQuizSubmission.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: "invalid-submission", message: `${issue.path.join(".") || "body"}: ${issue.message}` };
  }
  const submission = parsed.data;
  if (submission.topicId !== topicId) return { error: "invalid-submission", message: `answers are for topic ${submission.topicId}, not ${topicId}` };
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const [questionId, chosen] of Object.entries(submission.answers)) {
    const question = byId.get(questionId);
    if (!question) return { error: "invalid-submission", message: `answers.${questionId}: no such question in this quiz` };
    if (chosen >= question.choices.length) return { error: "invalid-submission", message: `answers.${questionId}: choice ${chosen} does not exist` };
  }
  const unanswered = questions.filter((question) => !(question.id in submission.answers)).map((question) => question.id);
  if (unanswered.length > 0) return { error: "invalid-submission", message: `answer every question (missing: ${unanswered.join(", ")})` };
  const quizHash = hashQuiz(questions);
  if (submission.quizHash !== quizHash) return { error: "quiz-changed", message: "This quiz changed since the page was loaded. Reload the page and answer again." };

  const results = questions.map((question) => {
    const chosen = submission.answers[question.id]!;
    return { id: question.id, chosen, isCorrect: chosen === question.answer, explanation: question.explain };
  });
  const answers = Object.fromEntries(questions.map((question) => [question.id, submission.answers[question.id]!]));
  return { data: { quizHash, answers, correctCount: results.filter((result) => result.isCorrect).length, questionCount: questions.length, results } };
}
