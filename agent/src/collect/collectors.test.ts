// Collectors over successive readings of in-memory /proc trees: rates from the measured
// time, kernel quirks (iowait going backwards, 32-bit wraps, recreated interfaces), and a
// failing collector that does not stop the others.
import { describe, expect, it } from "vitest";
import type { TProcReader } from "../proc/proc-reader";
import { sampleCollectors } from "./collector";
import { createCgroupCpuCollector } from "./collectors/cgroup-cpu-collector";
import { createCpuCollector } from "./collectors/cpu-collector";
import { createNetDevCollector } from "./collectors/net-dev-collector";
import { createPressureCollector } from "./collectors/pressure-collector";
import { createSoftnetCollector } from "./collectors/softnet-collector";

function treeReader(files: Record<string, string>): TProcReader {
  return { procRoot: "/proc", cgroupRoot: "/sys/fs/cgroup", proc: (path) => files[path] ?? null, cgroup: () => null, cgroupChildren: () => [] };
}

const STAT_TAIL = "intr 100 0\nctxt 1000\nbtime 1764000000\nprocesses 50\nprocs_running 3\nprocs_blocked 0\nsoftirq 10 0\n";
const stat = (cpu0: number[], ctxt = 1000) => `cpu  ${cpu0.join(" ")}\ncpu0 ${cpu0.join(" ")}\n${STAT_TAIL.replace("ctxt 1000", `ctxt ${ctxt}`)}`;

describe("cpu collector", () => {
  it("splits CPU time by mode from per-field deltas, ignoring an iowait that went backwards", () => {
    const collector = createCpuCollector();
    // user nice system idle iowait irq softirq steal guest guest_nice (USER_HZ ticks)
    expect(collector.collect(treeReader({ stat: stat([100, 0, 50, 800, 40, 0, 10, 0, 20, 0]) }), 0).filter(([id]) => id.startsWith("cpu."))).toEqual([]);
    const points = collector.collect(treeReader({ stat: stat([160, 0, 70, 810, 30, 0, 10, 10, 60, 0], 3000) }), 1000);
    const share = (id: string) => points.find(([metric, , labels]) => metric === id && labels?.cpu === "0")?.[1];
    // Deltas: user 60 (guest inside it, not added again), system 20, idle 10, iowait -10 → 0, steal 10: 100 ticks.
    expect(share("cpu.user_pct")).toBe(60);
    expect(share("cpu.system_pct")).toBe(20);
    expect(share("cpu.iowait_pct")).toBe(0);
    expect(share("cpu.steal_pct")).toBe(10);
    expect(points).toContainEqual(["sched.context_switches", 2000]);
    expect(points).toContainEqual(["sched.procs_running", 3]);
  });

  it("keeps scheduler numbers at every tick but computes shares over half a second or more (10 ms ticks)", () => {
    const collector = createCpuCollector();
    collector.collect(treeReader({ stat: stat([100, 0, 50, 800, 40, 0, 10, 0, 0, 0]) }), 0);
    const soon = collector.collect(treeReader({ stat: stat([101, 0, 50, 800, 40, 0, 10, 0, 0, 0], 1100) }), 10);
    expect(soon.filter(([id]) => id.startsWith("cpu."))).toEqual([]);
    expect(soon).toContainEqual(["sched.context_switches", 10_000]);
    // The share spans from the last share computation (t=0), not from the 10 ms tick.
    const later = collector.collect(treeReader({ stat: stat([150, 0, 50, 850, 40, 0, 10, 0, 0, 0], 1200) }), 1000);
    expect(later).toContainEqual(["cpu.user_pct", 50, { cpu: "0" }]);
    expect(later).toContainEqual(["cpu.idle_pct", 50, { cpu: "0" }]);
  });
});

describe("softnet collector", () => {
  const softnet = (processed: number, dropped: number) => `${processed.toString(16).padStart(8, "0")} ${dropped.toString(16).padStart(8, "0")} 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001 00000000 00000000\n`;

  it("unwraps the 32-bit counters and labels rows with the CPU id column", () => {
    const collector = createSoftnetCollector();
    collector.collect(treeReader({ "net/softnet_stat": softnet(2 ** 32 - 1000, 5) }), 0);
    const points = collector.collect(treeReader({ "net/softnet_stat": softnet(3000, 25) }), 2000);
    expect(points).toContainEqual(["softnet.processed", 2000, { cpu: "1" }]);
    expect(points).toContainEqual(["softnet.dropped", 10, { cpu: "1" }]);
  });
});

describe("net-dev collector", () => {
  const netDev = (name: string, rxBytes: number) =>
    `Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n${name}: ${rxBytes} 10 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n`;

  it("treats a recreated interface as a reset, not as a negative spike", () => {
    const collector = createNetDevCollector();
    collector.collect(treeReader({ "net/dev": netDev("veth0", 9_000_000) }), 0);
    expect(collector.collect(treeReader({ "net/dev": netDev("veth0", 1000) }), 1000).filter(([id]) => id === "net.rx_bytes")).toEqual([]);
    expect(collector.collect(treeReader({ "net/dev": netDev("veth0", 5000) }), 1500)).toContainEqual(["net.rx_bytes", 8000, { interface: "veth0" }]);
  });
});

describe("pressure collector", () => {
  const pressure = (avg10: number, totalUs: number) => `some avg10=${avg10.toFixed(2)} avg60=0.00 avg300=0.00 total=${totalUs}\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n`;

  it("derives the exact stall share of the interval from the totals", () => {
    const collector = createPressureCollector();
    collector.collect(treeReader({ "pressure/cpu": pressure(1, 1_000_000) }), 0);
    const points = collector.collect(treeReader({ "pressure/cpu": pressure(5, 1_250_000) }), 500);
    expect(points).toContainEqual(["psi.cpu.some_avg10", 5]);
    expect(points).toContainEqual(["psi.cpu.some_pct", 50]);
  });

  it("sends the stall share at every tick but the kernel's avg10 (recomputed every 2 s) at most twice a second", () => {
    const collector = createPressureCollector();
    collector.collect(treeReader({ "pressure/cpu": pressure(1, 1_000_000) }), 0);
    const tick = collector.collect(treeReader({ "pressure/cpu": pressure(1, 1_005_000) }), 10);
    expect(tick).toContainEqual(["psi.cpu.some_pct", 50]);
    expect(tick.map(([id]) => id)).not.toContain("psi.cpu.some_avg10");
    expect(collector.collect(treeReader({ "pressure/cpu": pressure(2, 1_005_000) }), 500)).toContainEqual(["psi.cpu.some_avg10", 2]);
  });
});

describe("sampleCollectors", () => {
  it("reports a failing collector in the result and keeps the others' points", () => {
    const reader = treeReader({ "net/softnet_stat": "this is not hex\n", stat: stat([1, 0, 1, 1, 0, 0, 0, 0, 0, 0]) });
    const result = sampleCollectors([createSoftnetCollector(), createCpuCollector()], reader, "all", 0);
    expect(result.errors).toEqual([{ collector: "softnet", message: expect.stringContaining("/proc/net/softnet_stat:1") }]);
    expect(result.points).toContainEqual(["sched.procs_running", 3]);
  });

  it("runs only the high-resolution subset when asked", () => {
    const reader = treeReader({ stat: stat([1, 0, 1, 1, 0, 0, 0, 0, 0, 0]) });
    const lowOnly = { name: "slow", isHighRes: false, collect: () => [["load.avg1", 1]] as never };
    expect(sampleCollectors([lowOnly, createCpuCollector()], reader, "high-res", 0).points.map(([id]) => id)).not.toContain("load.avg1");
  });
});

describe("cgroup cpu collector", () => {
  /** A cgroup v2 tree: `groups` maps a cgroup path to its nr_throttled. */
  function cgroupTree(groups: Map<string, number>): TProcReader {
    const cpuStat = (throttled: number) => `usage_usec 100\nuser_usec 60\nsystem_usec 40\nnr_periods 50\nnr_throttled ${throttled}\nthrottled_usec 900\n`;
    return {
      procRoot: "/proc",
      cgroupRoot: "/sys/fs/cgroup",
      proc: () => null,
      cgroup: (path) => (path === "cgroup.controllers" ? "cpu memory io\n" : path.endsWith("/cpu.stat") && groups.has(path.slice(0, -"/cpu.stat".length)) ? cpuStat(groups.get(path.slice(0, -"/cpu.stat".length))!) : null),
      cgroupChildren: (path) => [...new Set([...groups.keys()].filter((group) => group.startsWith(path ? `${path}/` : "")).map((group) => group.slice(path ? path.length + 1 : 0).split("/")[0]!))].sort(),
    };
  }

  it("rates throttling per cgroup two levels deep; a new top-level group is seen next second, a deeper one at the rescan", () => {
    const groups = new Map([["perflab.slice", 0], ["perflab.slice/cpu-starvation", 10]]);
    const reader = cgroupTree(groups);
    const collector = createCgroupCpuCollector();
    expect(collector.collect(reader, 0)).toEqual([]);
    groups.set("perflab.slice/cpu-starvation", 30);
    groups.set("late.slice", 0); // a scenario's cgroup, created at the top level
    expect(collector.collect(reader, 1000)).toEqual([
      ["cgroup.cpu.nr_throttled", 0, { cgroup: "perflab.slice" }],
      ["cgroup.cpu.nr_throttled", 20, { cgroup: "perflab.slice/cpu-starvation" }],
    ]); // late.slice: first reading
    groups.set("late.slice", 5);
    groups.set("perflab.slice/deeper", 0);
    const second = collector.collect(reader, 2000);
    expect(second).toContainEqual(["cgroup.cpu.nr_throttled", 5, { cgroup: "late.slice" }]);
    expect(second.map(([, , labels]) => labels?.cgroup)).not.toContain("perflab.slice/deeper"); // no top-level change: walked again at the rescan
    groups.set("perflab.slice/deeper", 4);
    collector.collect(reader, 11_000); // 10 s after the walk at 1000: walked again, first reading
    groups.set("perflab.slice/deeper", 8);
    expect(collector.collect(reader, 12_000)).toContainEqual(["cgroup.cpu.nr_throttled", 4, { cgroup: "perflab.slice/deeper" }]);
  });
});
