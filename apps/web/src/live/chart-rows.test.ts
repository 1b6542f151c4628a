import { describe, expect, it } from "vitest";
import { buildChartRows, lineDataKey } from "./chart-rows";
import { seriesLines } from "./lab-charts";
import { SlotStore } from "./slot-store";

describe("buildChartRows", () => {
  const store = new SlotStore({ slotMs: 1000, capacity: 4000, maxSeries: 10 });
  for (let second = 0; second < 3600; second++) store.add(second * 1000, "sched.procs_running", second % 2 === 0 ? 1 : 3);
  const lines = seriesLines(["sched.procs_running"])([...store.seriesKeys()]);

  it("draws one row per second when the window fits", () => {
    const rows = buildChartRows(store, lines, { endMs: 3_599_000, seconds: 60 }, 300);
    expect(rows).toHaveLength(60);
    expect(rows[0]).toEqual({ t: 3_540_000, [lineDataKey(0)]: 1 });
    expect(rows[59]![lineDataKey(0)]).toBe(3);
  });

  it("averages into at most maxPoints rows for an hour", () => {
    const rows = buildChartRows(store, lines, { endMs: 3_599_000, seconds: 3600 }, 300);
    expect(rows).toHaveLength(300);
    expect(rows.every((row) => row[lineDataKey(0)] === 2)).toBe(true);
  });

  it("leaves a gap (null) where the machine sent nothing", () => {
    const rows = buildChartRows(store, lines, { endMs: 3_609_000, seconds: 20 }, 300);
    expect(rows.slice(-10).every((row) => row[lineDataKey(0)] === null)).toBe(true);
  });
});
