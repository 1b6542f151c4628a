import { describe, expect, it } from "vitest";
import { formatDueDay, parseDueDate, splitTopicIds, ZTrackInput } from "./track-input";

describe("parseDueDate", () => {
  it("takes a calendar day as the end of that day in UTC", () => {
    expect(parseDueDate("2026-12-01")?.toISOString()).toBe("2026-12-01T23:59:59.999Z");
    expect(parseDueDate(" 2028-02-29 ")?.toISOString()).toBe("2028-02-29T23:59:59.999Z");
  });

  it("takes a Date as the exact instant", () => {
    const instant = new Date("2026-12-01T09:00:00Z");
    expect(parseDueDate(instant)).toBe(instant);
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["01/12/2026"], ["2026-12-01T09:00"], [""], [null], [42], [new Date("nonsense")]])("refuses %j", (value) => {
    expect(parseDueDate(value)).toBeNull();
  });

  it("round-trips through formatDueDay for the edit form", () => {
    expect(formatDueDay(parseDueDate("2026-12-31")!)).toBe("2026-12-31");
  });
});

describe("ZTrackInput", () => {
  it("splits typed topic ids on commas and spaces, in order", () => {
    expect(splitTopicIds("2.2, 3.4  5.2,")).toEqual(["2.2", "3.4", "5.2"]);
    const parsed = ZTrackInput.parse({ title: "  Memory first ", topicIds: "4.1 4.2", dueAt: "2026-12-01" });
    expect(parsed).toEqual({ title: "Memory first", topicIds: ["4.1", "4.2"], dueAt: new Date("2026-12-01T23:59:59.999Z") });
  });

  it("explains every bad field at once", () => {
    const result = ZTrackInput.safeParse({ title: "   ", topicIds: "", dueAt: "next week" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toEqual({ title: "Give the track a title", topicIds: "Choose at least one topic", dueAt: "Give a due date (YYYY-MM-DD)" });
  });

  it("refuses ids that are not topic ids", () => {
    const result = ZTrackInput.safeParse({ title: "x", topicIds: ["2.2", "memory"], dueAt: "2026-12-01" });
    expect(result.error?.issues[0]?.message).toBe("Topic ids look like 2.2");
  });
});
