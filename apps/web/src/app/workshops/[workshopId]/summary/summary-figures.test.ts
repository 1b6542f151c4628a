import { describe, expect, it } from "vitest";
import type { TWorkshopReport } from "@perflab/db";
import { summarizeWorkshop } from "./summary-figures";

const topic = (topicId: string, status: string, extra: Partial<TWorkshopReport["learners"][number]["topics"][number]> = {}) => ({
  topicId, status, timeSpentSeconds: 600, quizAttempts: 1, bestQuizScorePercent: null, quizPassed: false, exercisesDone: 0, ...extra,
});
const diagnosis = (isCorrect: boolean, secondsToDiagnosis: number) => ({ subsystem: "cpu", mechanism: "x", evidence: "e", isCorrect, isSubsystemCorrect: isCorrect, secondsToDiagnosis, submittedAt: "2026-11-26T10:00:00.000Z" });
const drill = (diagnosisOrNull: ReturnType<typeof diagnosis> | null) => ({ drillId: "d1", scenarioId: "cpu-starvation", variant: null, startsAt: "2026-11-26T09:58:00.000Z", revealed: true, diagnosis: diagnosisOrNull });

const report: TWorkshopReport = {
  workshop: { id: "w", title: "Day", startsAt: "2026-11-26T09:00:00.000Z", endsAt: "2026-11-26T17:00:00.000Z", closedAt: null, topicIds: ["2.2", "3.4"] },
  learners: [
    { name: "Ada", email: "a@x", joinedAt: "", machine: "a", topics: [topic("2.2", "COMPLETED", { bestQuizScorePercent: 90, quizPassed: true }), topic("3.4", "IN_PROGRESS", { bestQuizScorePercent: 50 })], scenarioRuns: [{ runId: "r1", scenarioId: "cpu-starvation", startedFor: "run-for-everyone", status: "done", reproduced: true, startedAt: null, startedBy: "T" }], drills: [drill(diagnosis(true, 40))] },
    { name: "Bo", email: "b@x", joinedAt: "", machine: "b", topics: [topic("2.2", "NOT_STARTED"), topic("3.4", "NOT_STARTED")], scenarioRuns: [{ runId: "r2", scenarioId: "cpu-starvation", startedFor: "run-for-everyone", status: "done", reproduced: false, startedAt: null, startedBy: "T" }], drills: [drill(diagnosis(false, 20))] },
    { name: "Cy", email: "c@x", joinedAt: "", machine: null, topics: [topic("2.2", "COMPLETED"), topic("3.4", "NOT_STARTED")], scenarioRuns: [], drills: [drill(diagnosis(true, 100))] },
  ],
};

describe("summarizeWorkshop", () => {
  it("counts per learner, topic, run and drill", () => {
    const figures = summarizeWorkshop(report);
    expect(figures.learners[0]).toEqual({ name: "Ada", email: "a@x", topicsCompleted: 1, quizzesPassed: 1, bestQuizAverage: 70, timeSpentMinutes: 20, drillsCorrect: 1, drillsTotal: 1 });
    expect(figures.learners[1]!.bestQuizAverage).toBeNull();
    expect(figures.topics).toEqual([{ topicId: "2.2", completed: 2, inProgress: 0, quizPassed: 1 }, { topicId: "3.4", completed: 0, inProgress: 1, quizPassed: 0 }]);
    expect(figures.runs).toEqual([{ scenarioId: "cpu-starvation", startedFor: "run-for-everyone", machines: 2, reproduced: 1 }]);
    expect(figures.drills).toEqual([{ drillId: "d1", scenario: "cpu-starvation", startsAt: "2026-11-26T09:58:00.000Z", answered: 3, correct: 2, medianSecondsToDiagnosis: 70, learners: 3 }]);
  });
});
