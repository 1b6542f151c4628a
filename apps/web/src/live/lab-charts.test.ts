import { METRIC_CATALOGUE } from "@perflab/protocol";
import { describe, expect, it } from "vitest";
import { LAB_CHARTS, RESOURCES } from "./lab-charts";
import { seriesKey } from "./series-key";

// Every catalogue metric as a 2-CPU machine with one interface, disk and cgroup reports it.
const LABEL_VALUES: Record<string, string[]> = { cpu: ["all", "0", "1"], interface: ["eth0"], device: ["vda"], cgroup: ["batch.slice"] };
const keys = METRIC_CATALOGUE.flatMap((metric) => {
  const [label] = metric.labels;
  return label ? LABEL_VALUES[label]!.map((value) => seriesKey(metric.id, { [label]: value })) : [seriesKey(metric.id)];
});
const values = new Map(keys.map((key, index) => [key, index + 1]));
const read = (key: string) => values.get(key) ?? null;

describe("lab charts", () => {
  it.each(LAB_CHARTS.map((chart) => [chart.id, chart] as const))("%s draws at least one line from what the agent sends, and reads values", (_, chart) => {
    const lines = chart.lines(keys);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(typeof line.value(read)).toBe("number");
    expect(chart.meaning.length).toBeGreaterThan(10);
    expect(chart.topic).toMatch(/^\d+\.\d+$/);
  });

  it("covers every resource, and every chart id is unique", () => {
    expect(new Set(LAB_CHARTS.map((chart) => chart.resource))).toEqual(new Set(RESOURCES.map((resource) => resource.id)));
    expect(new Set(LAB_CHARTS.map((chart) => chart.id)).size).toBe(LAB_CHARTS.length);
  });

  it("per-CPU charts leave out the all-CPU total, and busy is 100 − idle − iowait", () => {
    const busy = LAB_CHARTS.find((chart) => chart.id === "cpu-busy")!.lines(keys);
    expect(busy.map((line) => line.label)).toEqual(["cpu0", "cpu1"]);
    const idle = values.get("cpu.idle_pct{cpu=0}")!;
    const iowait = values.get("cpu.iowait_pct{cpu=0}")!;
    expect(busy[0]!.value(read)).toBe(Math.max(0, 100 - idle - iowait));
  });
});
