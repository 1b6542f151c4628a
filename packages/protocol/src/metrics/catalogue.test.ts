import { describe, expect, it } from "vitest";
import { findMetric, METRIC_CATALOGUE } from "./catalogue";

describe("metric catalogue", () => {
  it("has unique, well-formed ids", () => {
    const ids = METRIC_CATALOGUE.map((metric) => metric.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(\.[a-z0-9_]+)+$/);
  });

  it("gives counters a per-second unit and every metric a curriculum topic", () => {
    for (const metric of METRIC_CATALOGUE) {
      if (metric.kind === "counter") expect(metric.unit, metric.id).toMatch(/\/s$/);
      expect(metric.topic, metric.id).toMatch(/^\d+\.\d+$/);
    }
  });

  it("finds a metric by id", () => {
    expect(findMetric("softnet.time_squeezed")?.source).toContain("column 3");
    expect(findMetric("nope")).toBeUndefined();
  });
});
