import { describe, expect, it } from "vitest";
import { parseSeriesKey, pointKey, seriesKey } from "./series-key";

describe("series keys", () => {
  it("are the same whatever order labels come in, and parse back", () => {
    const key = seriesKey("x.y", { b: "2", a: "1" });
    expect(key).toBe("x.y{a=1,b=2}");
    expect(seriesKey("x.y", { a: "1", b: "2" })).toBe(key);
    expect(parseSeriesKey(key)).toEqual({ metricId: "x.y", labels: { a: "1", b: "2" } });
    expect(pointKey(["net.rx_bytes", 1, { interface: "eth0" }])).toBe("net.rx_bytes{interface=eth0}");
    expect(parseSeriesKey("sched.procs_running")).toEqual({ metricId: "sched.procs_running", labels: {} });
  });
});
