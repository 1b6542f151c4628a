// The numbers of a workshop's printable summary, from its report: per learner, per topic,
// per run for everyone and per drill. Pure, so tested without a database.
import type { TWorkshopReport } from "@perflab/db";

export interface TSummaryFigures {
  learners: { name: string; email: string; topicsCompleted: number; quizzesPassed: number; bestQuizAverage: number | null; timeSpentMinutes: number; drillsCorrect: number; drillsTotal: number }[];
  topics: { topicId: string; completed: number; inProgress: number; quizPassed: number }[];
  drills: { drillId: string; scenario: string; startsAt: string; answered: number; correct: number; medianSecondsToDiagnosis: number | null; learners: number }[];
  runs: { scenarioId: string; startedFor: string; machines: number; reproduced: number }[];
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

export function summarizeWorkshop(report: TWorkshopReport): TSummaryFigures {
  const learners = report.learners.map((learner) => {
    const scores = learner.topics.flatMap((topic) => (topic.bestQuizScorePercent === null ? [] : [topic.bestQuizScorePercent]));
    return {
      name: learner.name,
      email: learner.email,
      topicsCompleted: learner.topics.filter((topic) => topic.status === "COMPLETED").length,
      quizzesPassed: learner.topics.filter((topic) => topic.quizPassed).length,
      bestQuizAverage: scores.length ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null,
      timeSpentMinutes: Math.round(learner.topics.reduce((sum, topic) => sum + topic.timeSpentSeconds, 0) / 60),
      drillsCorrect: learner.drills.filter((drill) => drill.diagnosis?.isCorrect).length,
      drillsTotal: learner.drills.length,
    };
  });
  const topics = report.workshop.topicIds.map((topicId) => {
    const rows = report.learners.map((learner) => learner.topics.find((topic) => topic.topicId === topicId));
    return { topicId, completed: rows.filter((row) => row?.status === "COMPLETED").length, inProgress: rows.filter((row) => row?.status === "IN_PROGRESS").length, quizPassed: rows.filter((row) => row?.quizPassed).length };
  });
  const drillsById = new Map<string, TSummaryFigures["drills"][number] & { times: number[] }>();
  for (const learner of report.learners) {
    for (const drill of learner.drills) {
      const entry = drillsById.get(drill.drillId) ?? { drillId: drill.drillId, scenario: drill.variant ? `${drill.scenarioId} (${drill.variant})` : drill.scenarioId, startsAt: drill.startsAt, answered: 0, correct: 0, medianSecondsToDiagnosis: null, learners: 0, times: [] };
      entry.learners += 1;
      if (drill.diagnosis) {
        entry.answered += 1;
        if (drill.diagnosis.isCorrect) {
          entry.correct += 1;
          entry.times.push(drill.diagnosis.secondsToDiagnosis);
        }
      }
      drillsById.set(drill.drillId, entry);
    }
  }
  const drills = [...drillsById.values()].map(({ times, ...drill }) => ({ ...drill, medianSecondsToDiagnosis: median(times) }));
  const runsByKey = new Map<string, TSummaryFigures["runs"][number]>();
  for (const learner of report.learners) {
    for (const run of learner.scenarioRuns) {
      const key = `${run.scenarioId}|${run.startedFor}`;
      const entry = runsByKey.get(key) ?? { scenarioId: run.scenarioId, startedFor: run.startedFor, machines: 0, reproduced: 0 };
      entry.machines += 1;
      if (run.reproduced) entry.reproduced += 1;
      runsByKey.set(key, entry);
    }
  }
  return { learners, topics, drills, runs: [...runsByKey.values()] };
}
