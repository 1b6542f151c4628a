// Memory capacity and composition (/proc/meminfo, bytes) and paging activity
// (/proc/vmstat, per second). Fields are looked up by name and may be missing on old
// kernels (MemAvailable is 3.14+, oom_kill 4.13+): a missing field is simply not sent.
import type { TMetricPoint } from "@perflab/protocol";
import { parseMeminfo } from "../../proc/parsers/parse-meminfo";
import { parseVmstat } from "../../proc/parsers/parse-vmstat";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const MEMINFO_GAUGES = [
  ["MemAvailable", "mem.available_bytes"],
  ["Cached", "mem.cached_bytes"],
  ["Dirty", "mem.dirty_bytes"],
  ["Writeback", "mem.writeback_bytes"],
  ["MemFree", "mem.free_bytes"],
] as const;

const VMSTAT_COUNTERS = [
  ["pgfault", "vm.pgfault"],
  ["pgmajfault", "vm.pgmajfault"],
  ["pgscan_file", "vm.pgscan_file"],
  ["pgsteal_file", "vm.pgsteal_file"],
  ["oom_kill", "vm.oom_kill"],
  ["thp_fault_alloc", "vm.thp_fault_alloc"],
  ["compact_stall", "vm.compact_stall"],
  ["pswpin", "vm.pswpin"],
  ["pswpout", "vm.pswpout"],
] as const;

const MEMINFO_KEYS = new Set<string>([...MEMINFO_GAUGES.map(([field]) => field), "SwapTotal", "SwapFree"]);
const VMSTAT_NAMES = new Set<string>(VMSTAT_COUNTERS.map(([field]) => field));

export function createMemoryCollector(): TCollector {
  const rates = new RateTracker();
  return {
    name: "memory",
    isHighRes: false,
    collect(reader, nowMs) {
      const meminfo = parseMeminfo(requireProcFile(reader, "meminfo"), `${reader.procRoot}/meminfo`, MEMINFO_KEYS);
      const vmstat = parseVmstat(requireProcFile(reader, "vmstat"), `${reader.procRoot}/vmstat`, VMSTAT_NAMES);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const [field, metric] of MEMINFO_GAUGES) if (meminfo[field] !== undefined) points.push([metric, meminfo[field]]);
      const swapTotal = meminfo.SwapTotal;
      const swapFree = meminfo.SwapFree;
      if (swapTotal !== undefined && swapFree !== undefined) points.push(["mem.swap_used_bytes", swapTotal - swapFree]);
      for (const [field, metric] of VMSTAT_COUNTERS) {
        const value = vmstat[field];
        if (value === undefined) continue;
        const rate = rates.rate(field, value, nowMs);
        if (rate !== undefined) points.push([metric, rate]);
      }
      return points;
    },
  };
}
