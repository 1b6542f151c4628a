import { describe, expect, it } from "vitest";
import type { TQuizQuestion } from "../schemas";
import { gradeQuiz, hashQuiz } from "./grade-quiz";

const QUESTIONS: TQuizQuestion[] = [
  { id: "q1", question: "One?", choices: ["a", "b"], answer: 0, explain: "because a" },
  { id: "q2", question: "Two?", choices: ["a", "b", "c"], answer: 2, explain: "because c" },
];
const HASH = hashQuiz(QUESTIONS);
const submit = (answers: unknown, extra: Record<string, unknown> = {}) => gradeQuiz("2.3", QUESTIONS, { topicId: "2.3", quizHash: HASH, answers, ...extra });

describe("gradeQuiz", () => {
  it("grades every question and returns the explanations", () => {
    const graded = submit({ q1: 0, q2: 1 });
    expect(graded).toEqual({
      data: {
        quizHash: HASH,
        answers: { q1: 0, q2: 1 },
        correctCount: 1,
        questionCount: 2,
        results: [
          { id: "q1", chosen: 0, isCorrect: true, explanation: "because a" },
          { id: "q2", chosen: 1, isCorrect: false, explanation: "because c" },
        ],
      },
    });
  });

  it.each([
    ["an unknown question", { q1: 0, q2: 2, q9: 0 }, {}, /q9: no such question/],
    ["a choice that does not exist", { q1: 0, q2: 3 }, {}, /q2: choice 3 does not exist/],
    ["a missing answer", { q1: 0 }, {}, /missing: q2/],
    ["a string instead of an index", { q1: "0", q2: 2 }, {}, /answers.q1/],
    ["a negative index", { q1: -1, q2: 2 }, {}, /answers.q1/],
    ["a fractional index", { q1: 0.5, q2: 2 }, {}, /answers.q1/],
    ["answers for another topic", { q1: 0, q2: 2 }, { topicId: "3.1" }, /for topic 3.1, not 2.3/],
    ["an extra field", { q1: 0, q2: 2 }, { score: 100 }, /Unrecognized key/],
    ["no answers object", null, {}, /answers/],
  ])("rejects %s", (_case, answers, extra, message) => {
    const graded = submit(answers, extra);
    expect(graded).toMatchObject({ error: "invalid-submission" });
    expect("message" in graded ? graded.message : "").toMatch(message);
  });

  it("rejects a body that is not an object", () => {
    expect(gradeQuiz("2.3", QUESTIONS, "q1=0")).toMatchObject({ error: "invalid-submission" });
  });

  it("reports a quiz edited since the page loaded instead of grading it", () => {
    const edited = [QUESTIONS[0]!, { ...QUESTIONS[1]!, answer: 1 }];
    expect(gradeQuiz("2.3", edited, { topicId: "2.3", quizHash: HASH, answers: { q1: 0, q2: 1 } })).toMatchObject({ error: "quiz-changed" });
  });
});
