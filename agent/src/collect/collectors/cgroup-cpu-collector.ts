// CPU quota throttling per cgroup (cgroup v2 cpu.stat, or v1 cpu,cpuacct/…/cpu.stat):
// the direct evidence of a container starved by its CPU limit. Looks at the first two
// levels under the cgroup root (system.slice/…, perflab scenario groups), at most
// MAX_CGROUPS of them, so a host with thousands of cgroups does not cost a scan of all.
// The two-level directory walk is redone every RESCAN_EVERY_MS rather than every second (it
// was the costliest part of a 1 Hz round), or at once when the top level changes: one
// readdir a round, so a scenario's new cgroup is seen within a second, not ten.
import type { TMetricPoint } from "@perflab/protocol";
import { parseCgroupV1CpuStat, parseCgroupV2CpuStat } from "../../proc/parsers/parse-cgroup-cpu-stat";
import type { TProcReader } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const MAX_CGROUPS = 64;
const RESCAN_EVERY_MS = 10_000;
const V1_CPU_DIR = "cpu,cpuacct";

export type TCgroupVersion = "v1" | "v2" | "none";

export function detectCgroupVersion(reader: TProcReader): TCgroupVersion {
  if (reader.cgroup("cgroup.controllers") !== null) return "v2";
  if (reader.cgroup(`${V1_CPU_DIR}/cpu.stat`) !== null || reader.cgroup("cpu/cpu.stat") !== null) return "v1";
  return "none";
}

function candidateGroups(reader: TProcReader, base: string): string[] {
  const groups: string[] = [];
  for (const child of reader.cgroupChildren(base)) {
    const first = base ? `${base}/${child}` : child;
    groups.push(first);
    for (const grandchild of reader.cgroupChildren(first)) groups.push(`${first}/${grandchild}`);
    if (groups.length >= MAX_CGROUPS) break;
  }
  return groups.slice(0, MAX_CGROUPS);
}

export function createCgroupCpuCollector(): TCollector {
  const rates = new RateTracker();
  let scan: { version: TCgroupVersion; base: string; groups: string[]; atMs: number; topLevel: string } | null = null;
  return {
    name: "cgroup-cpu",
    isHighRes: false,
    collect(reader, nowMs) {
      const topLevel = scan && scan.version !== "none" ? reader.cgroupChildren(scan.base).join("/") : "";
      if (!scan || nowMs - scan.atMs >= RESCAN_EVERY_MS || nowMs < scan.atMs || topLevel !== scan.topLevel) {
        const version = detectCgroupVersion(reader);
        const base = version === "v2" ? "" : reader.cgroup(`${V1_CPU_DIR}/cpu.stat`) !== null ? V1_CPU_DIR : "cpu";
        const groups = version === "none" ? [] : candidateGroups(reader, base);
        scan = { version, base, groups, atMs: nowMs, topLevel: version === "none" ? "" : reader.cgroupChildren(base).join("/") };
      }
      const { version, base, groups } = scan;
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const group of groups) {
        const text = reader.cgroup(`${group}/cpu.stat`);
        if (text === null) continue; // removed since the last scan
        const file = `${reader.cgroupRoot}/${group}/cpu.stat`;
        const stat = version === "v2" ? parseCgroupV2CpuStat(text, file) : parseCgroupV1CpuStat(text, file);
        if (stat.throttledPeriods === undefined) continue; // the cpu controller is not enabled here
        const label = base && group.startsWith(`${base}/`) ? group.slice(base.length + 1) : group;
        const rate = rates.rate(group, stat.throttledPeriods, nowMs);
        if (rate !== undefined) points.push(["cgroup.cpu.nr_throttled", rate, { cgroup: label.slice(0, 64) }]);
      }
      return points;
    },
  };
}
