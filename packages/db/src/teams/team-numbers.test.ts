import { describe, expect, it } from "vitest";
import { computeAssignmentStatus, daysOverdue, fillActivity, lastDays, sharePercent, statusLookup, type TTopicState } from "./team-numbers";

const DUE = new Date("2026-12-01T23:59:59.999Z");
const BEFORE_DUE = new Date("2026-11-20T12:00:00Z");
const AFTER_DUE = new Date("2026-12-04T08:00:00Z");
const statuses = (rows: Record<string, TTopicState>) => statusLookup(Object.entries(rows).map(([topicId, status]) => ({ topicId, status })));

describe("computeAssignmentStatus", () => {
  it.each([
    ["nothing started", {}, BEFORE_DUE, { completed: 0, total: 3, percent: 0, state: "NOT_STARTED", isOverdue: false }],
    ["one read, one done", { "1.1": "COMPLETED", "1.2": "IN_PROGRESS" }, BEFORE_DUE, { completed: 1, total: 3, percent: 33, state: "IN_PROGRESS", isOverdue: false }],
    ["two of three done, past due", { "1.1": "COMPLETED", "2.3": "COMPLETED" }, AFTER_DUE, { completed: 2, total: 3, percent: 66, state: "IN_PROGRESS", isOverdue: true }],
    ["never started, past due", {}, AFTER_DUE, { completed: 0, total: 3, percent: 0, state: "NOT_STARTED", isOverdue: true }],
    ["all done, past due: complete is never overdue", { "1.1": "COMPLETED", "1.2": "COMPLETED", "2.3": "COMPLETED" }, AFTER_DUE, { completed: 3, total: 3, percent: 100, state: "COMPLETED", isOverdue: false }],
  ] as const)("%s", (_name, rows, now, expected) => {
    expect(computeAssignmentStatus(["1.1", "1.2", "2.3"], statuses(rows), DUE, now)).toEqual(expected);
  });

  it("counts the due instant itself as on time", () => {
    expect(computeAssignmentStatus(["1.1"], statuses({}), DUE, DUE).isOverdue).toBe(false);
    expect(computeAssignmentStatus(["1.1"], statuses({}), DUE, new Date(DUE.getTime() + 1)).isOverdue).toBe(true);
  });

  it("ignores statuses of topics outside the track", () => {
    expect(computeAssignmentStatus(["1.1"], statuses({ "9.9": "COMPLETED" }), DUE, BEFORE_DUE)).toMatchObject({ completed: 0, state: "NOT_STARTED" });
  });
});

describe("sharePercent and daysOverdue", () => {
  it("rounds down so almost done never reads as 100 %, and 0 of 0 is 0", () => {
    expect(sharePercent(199, 200)).toBe(99);
    expect(sharePercent(1, 3)).toBe(33);
    expect(sharePercent(0, 0)).toBe(0);
  });

  it("counts whole days past the due date, never negative", () => {
    expect(daysOverdue(DUE, BEFORE_DUE)).toBe(0);
    expect(daysOverdue(DUE, new Date(DUE.getTime() + 3_600_000))).toBe(0);
    expect(daysOverdue(DUE, AFTER_DUE)).toBe(2);
  });
});

describe("the activity window", () => {
  it("is the last 30 UTC days, oldest first, across a month and a year boundary", () => {
    const days = lastDays(new Date("2027-01-02T23:30:00Z"));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2026-12-04");
    expect(days.at(-1)).toBe("2027-01-02");
    expect(new Set(days).size).toBe(30);
  });

  it("fills days nobody read with zeros and rounds minutes", () => {
    const days = lastDays(new Date("2026-11-26T10:00:00Z"), 3);
    const rows = [
      { day: "2026-11-25", activeSeconds: 95, activeMembers: 2 },
      { day: "2026-10-01", activeSeconds: 600, activeMembers: 1 }, // outside the window
    ];
    expect(fillActivity(days, rows)).toEqual([
      { day: "2026-11-24", activeMembers: 0, minutes: 0 },
      { day: "2026-11-25", activeMembers: 2, minutes: 2 },
      { day: "2026-11-26", activeMembers: 0, minutes: 0 },
    ]);
  });
});
