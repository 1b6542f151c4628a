import { describe, expect, it } from "vitest";
import { buildActivitySeries, buildDashboard, computeStreak, outlineCurriculum, type TDashboardRecord, type TOutlineSection } from "./build-dashboard";

const OUTLINE: TOutlineSection[] = [
  {
    section: 1,
    title: "Foundations",
    topics: [
      { id: "1.1", title: "Introduction", prerequisites: [] },
      { id: "1.2", title: "Processes", prerequisites: ["1.1"] },
    ],
  },
  {
    section: 2,
    title: "CPU",
    topics: [
      { id: "2.1", title: "Scheduler", prerequisites: ["1.2"] },
      { id: "2.2", title: "Interrupts", prerequisites: ["1.1"] },
      { id: "2.9", title: "Softirqs", prerequisites: [] },
      { id: "2.10", title: "Run queues", prerequisites: [] },
    ],
  },
];

function recordOf(overrides: Partial<TDashboardRecord> = {}): TDashboardRecord {
  return { topics: [], quizAttempts: [], activityDays: [], ...overrides };
}

function completed(...topicIds: string[]): TDashboardRecord["topics"] {
  return topicIds.map((topicId) => ({ topicId, status: "COMPLETED", timeSpentSeconds: 600 }));
}

function activeOn(...days: string[]) {
  return days.map((day) => ({ day, activeSeconds: 120 }));
}

describe("next topic", () => {
  it("is the first topic of the curriculum for a new learner", () => {
    expect(buildDashboard(OUTLINE, recordOf(), "2025-03-01").next).toEqual({ kind: "ready", topicId: "1.1", title: "Introduction", section: 1 });
  });

  it("skips topics whose prerequisites are not completed", () => {
    const outline: TOutlineSection[] = [
      {
        section: 4,
        title: "Disks",
        topics: [
          { id: "4.1", title: "Latency", prerequisites: ["4.3"] },
          { id: "4.2", title: "Queues", prerequisites: ["4.1"] },
          { id: "4.3", title: "Block layer", prerequisites: [] },
        ],
      },
    ];
    expect(buildDashboard(outline, recordOf(), "2025-03-01").next).toMatchObject({ kind: "ready", topicId: "4.3" });
    expect(buildDashboard(outline, recordOf({ topics: completed("4.3") }), "2025-03-01").next).toMatchObject({ kind: "ready", topicId: "4.1" });
    // An in-progress prerequisite does not count: 1.2 itself is next, not 2.1.
    const topics = [...completed("1.1", "2.2", "2.9", "2.10"), { topicId: "1.2", status: "IN_PROGRESS" as const, timeSpentSeconds: 60 }];
    expect(buildDashboard(OUTLINE, recordOf({ topics }), "2025-03-01").next).toMatchObject({ kind: "ready", topicId: "1.2" });
  });

  it("names a prerequisite missing from the curriculum when it blocks everything left", () => {
    const outlineWithout12 = OUTLINE.map((section) => ({ ...section, topics: section.topics.filter((topic) => topic.id !== "1.2") }));
    const record = recordOf({ topics: completed("1.1", "2.2", "2.9", "2.10") });
    expect(buildDashboard(outlineWithout12, record, "2025-03-01").next).toEqual({ kind: "blocked", topicId: "2.1", title: "Scheduler", section: 2, prerequisiteId: "1.2", prerequisiteTitle: null });
  });

  it("follows curriculum order: 2.9 before 2.10", () => {
    const record = recordOf({ topics: completed("1.1", "1.2", "2.1", "2.2") });
    expect(buildDashboard(OUTLINE, record, "2025-03-01").next).toMatchObject({ topicId: "2.9" });
  });

  it("is null when everything is completed", () => {
    const record = recordOf({ topics: completed("1.1", "1.2", "2.1", "2.2", "2.9", "2.10") });
    const dashboard = buildDashboard(OUTLINE, record, "2025-03-01");
    expect(dashboard.next).toBeNull();
    expect(dashboard.totals).toMatchObject({ completed: 6, total: 6, percent: 100, timeSpentSeconds: 3600 });
  });

  it("names the prerequisite to do first when no topic is ready", () => {
    const cyclic: TOutlineSection[] = [
      {
        section: 1,
        title: "Loop",
        topics: [
          { id: "1.1", title: "A", prerequisites: ["1.2"] },
          { id: "1.2", title: "B", prerequisites: ["1.1"] },
        ],
      },
    ];
    expect(buildDashboard(cyclic, recordOf(), "2025-03-01").next).toEqual({ kind: "blocked", topicId: "1.1", title: "A", section: 1, prerequisiteId: "1.2", prerequisiteTitle: "B" });
  });
});

describe("completion per section", () => {
  it("counts completed and in-progress topics and rounds the percentage", () => {
    const topics = [...completed("1.1", "2.1"), { topicId: "2.2", status: "IN_PROGRESS" as const, timeSpentSeconds: 30 }, { topicId: "9.9", status: "COMPLETED" as const, timeSpentSeconds: 5 }];
    const dashboard = buildDashboard(OUTLINE, recordOf({ topics }), "2025-03-01");
    expect(dashboard.sections).toEqual([
      { section: 1, title: "Foundations", completed: 1, inProgress: 0, total: 2, percent: 50 },
      { section: 2, title: "CPU", completed: 1, inProgress: 1, total: 4, percent: 25 },
    ]);
    // A topic no longer in the curriculum (9.9) is not counted as completed, but its time is.
    expect(dashboard.totals).toEqual({ completed: 2, inProgress: 1, total: 6, percent: 33, timeSpentSeconds: 1235 });
  });

  it("reports 0 % for an empty section instead of dividing by zero", () => {
    const dashboard = buildDashboard([{ section: 3, title: "Empty", topics: [] }], recordOf(), "2025-03-01");
    expect(dashboard.sections[0]).toMatchObject({ total: 0, percent: 0 });
    expect(dashboard.next).toBeNull();
  });
});

describe("activity", () => {
  it("has one zero-filled point per day for the last 30 days, ending today", () => {
    const series = buildActivitySeries([{ day: "2025-03-01", activeSeconds: 90 }, { day: "2025-02-14", activeSeconds: 20 }, { day: "2025-01-01", activeSeconds: 600 }], "2025-03-01");
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: "2025-01-31", minutes: 0 });
    expect(series.at(-1)).toEqual({ day: "2025-03-01", minutes: 1.5 });
    expect(series.find((point) => point.day === "2025-02-14")).toEqual({ day: "2025-02-14", minutes: 0.3 });
    expect(series.filter((point) => point.minutes > 0)).toHaveLength(2);
    expect(new Set(series.map((point) => point.day)).size).toBe(30);
  });

  it("crosses a daylight-saving change without losing or repeating a day", () => {
    // Europe and the US change clocks in late March; UTC day arithmetic does not notice.
    const series = buildActivitySeries([], "2025-04-05");
    expect(series.map((point) => point.day)).toContain("2025-03-30");
    expect(series[0]!.day).toBe("2025-03-07");
  });
});

describe("streak", () => {
  it("counts consecutive days across a month boundary", () => {
    expect(computeStreak(activeOn("2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"), "2025-03-02")).toEqual({ current: 4, longest: 4, isActiveToday: true });
    expect(computeStreak(activeOn("2024-02-28", "2024-02-29", "2024-03-01"), "2024-03-01")).toMatchObject({ current: 3 });
    expect(computeStreak(activeOn("2024-12-31", "2025-01-01"), "2025-01-01")).toMatchObject({ current: 2 });
  });

  it("still counts a streak that ended yesterday while today has no activity yet", () => {
    expect(computeStreak(activeOn("2025-03-09", "2025-03-10"), "2025-03-11")).toEqual({ current: 2, longest: 2, isActiveToday: false });
  });

  it("breaks at a gap and remembers the longest run", () => {
    const days = activeOn("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-05", "2025-03-06");
    expect(computeStreak(days, "2025-03-06")).toEqual({ current: 2, longest: 3, isActiveToday: true });
    expect(computeStreak(days, "2025-03-08")).toEqual({ current: 0, longest: 3, isActiveToday: false });
  });

  it("does not count days that earned no time, nor days after today, in the current streak", () => {
    const days = [...activeOn("2025-03-01"), { day: "2025-03-02", activeSeconds: 0 }, ...activeOn("2025-03-04")];
    expect(computeStreak(days, "2025-03-02")).toEqual({ current: 1, longest: 1, isActiveToday: false });
  });
});

describe("quiz scores", () => {
  const at = (iso: string) => new Date(iso);
  const attempt = (topicId: string, scorePercent: number, createdAt: string, passThresholdPercent = 80) => ({ topicId, scorePercent, passed: scorePercent >= passThresholdPercent, passThresholdPercent, createdAt: at(createdAt) });

  it("keeps the best and the latest score per topic, in curriculum order", () => {
    const quizAttempts = [attempt("2.10", 100, "2025-03-01T10:00:00Z"), attempt("1.2", 50, "2025-03-01T09:00:00Z"), attempt("1.2", 90, "2025-03-02T09:00:00Z"), attempt("1.2", 75, "2025-03-03T09:00:00Z", 70), attempt("2.9", 60, "2025-03-01T11:00:00Z")];
    const dashboard = buildDashboard(OUTLINE, recordOf({ quizAttempts }), "2025-03-03");
    expect(dashboard.quizzes).toEqual([
      { topicId: "1.2", title: "Processes", bestScorePercent: 90, latestScorePercent: 75, attempts: 3, passed: true, passThresholdPercent: 70 },
      { topicId: "2.9", title: "Softirqs", bestScorePercent: 60, latestScorePercent: 60, attempts: 1, passed: false, passThresholdPercent: 80 },
      { topicId: "2.10", title: "Run queues", bestScorePercent: 100, latestScorePercent: 100, attempts: 1, passed: true, passThresholdPercent: 80 },
    ]);
    expect(dashboard.quizPassThresholdPercent).toBe(70);
    expect(dashboard.hasAnyProgress).toBe(true);
  });

  it("lists a topic that left the curriculum last, under its id", () => {
    const dashboard = buildDashboard(OUTLINE, recordOf({ quizAttempts: [attempt("7.7", 40, "2025-03-01T08:00:00Z"), attempt("1.1", 100, "2025-03-01T09:00:00Z")] }), "2025-03-01");
    expect(dashboard.quizzes.map((quiz) => [quiz.topicId, quiz.title])).toEqual([["1.1", "Introduction"], ["7.7", "7.7"]]);
  });
});

describe("an empty record", () => {
  it("has no progress, no streak and no quiz threshold", () => {
    const dashboard = buildDashboard(OUTLINE, recordOf(), "2025-03-01");
    expect(dashboard).toMatchObject({ hasAnyProgress: false, quizzes: [], quizPassThresholdPercent: null, streak: { current: 0, longest: 0, isActiveToday: false } });
    expect(dashboard.activity.every((point) => point.minutes === 0)).toBe(true);
  });
});

describe("outlineCurriculum", () => {
  it("adds each topic's prerequisites to the table of contents", () => {
    const toc = [{ section: 1, folder: "01-x", title: "X", summary: "", minutes: 10, topics: [{ id: "1.1", slug: "1.1-a", title: "A", summary: "", level: "foundation", minutes: 10, subtopics: [] }, { id: "1.2", slug: "1.2-b", title: "B", summary: "", level: "foundation", minutes: 10, subtopics: [] }] }];
    const prerequisites: Record<string, string[]> = { "1.2": ["1.1"] };
    expect(outlineCurriculum(toc, (id) => (id === "1.1" ? undefined : { prerequisites: prerequisites[id] ?? [] }))).toEqual([
      { section: 1, title: "X", topics: [{ id: "1.1", title: "A", prerequisites: [] }, { id: "1.2", title: "B", prerequisites: ["1.1"] }] },
    ]);
  });
});
