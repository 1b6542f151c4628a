import { describe, expect, it } from "vitest";
import { digestSamples } from "./workshop-digest";

describe("digestSamples", () => {
  it("takes each field from the newest sample that has it (10 ms samples lack CPU shares and PSI)", () => {
    const digest = digestSamples([
      { t: 1000, points: [["cpu.idle_pct", 30, { cpu: "all" }], ["cpu.iowait_pct", 10, { cpu: "all" }], ["cpu.idle_pct", 0, { cpu: "0" }], ["psi.io.some_avg10", 12.34]] },
      { t: 1500, points: [["psi.cpu.some_avg10", 80], ["psi.memory.some_avg10", 2.06]] },
      { t: 1510, points: [["sched.procs_running", 9]] },
    ]);
    expect(digest).toEqual({ t: 1510, cpuBusyPct: 60, psiCpuPct: 80, psiMemoryPct: 2.1, psiIoPct: 12.3 });
  });

  it("says null for what the machine does not collect, and nothing for an empty batch", () => {
    expect(digestSamples([{ t: 5, points: [["sched.procs_running", 1]] }])).toEqual({ t: 5, cpuBusyPct: null, psiCpuPct: null, psiMemoryPct: null, psiIoPct: null });
    expect(digestSamples([])).toBeNull();
  });

  it("keeps busy within 0-100 when idle and iowait round past 100", () => {
    expect(digestSamples([{ t: 1, points: [["cpu.idle_pct", 99.6, { cpu: "all" }], ["cpu.iowait_pct", 0.6, { cpu: "all" }]] }])?.cpuBusyPct).toBe(0);
  });
});
