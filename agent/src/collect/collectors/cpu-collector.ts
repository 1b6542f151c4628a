// CPU time split per CPU and in total, and the scheduler gauges and counters of
// /proc/stat. Busy shares come from per-field deltas over the sum of those deltas:
// iowait and idle can go backwards (FIELD-NOTES 2), so negative deltas count as 0, and
// guest time is already inside user (FIELD-NOTES 1), so it is not added again.
import type { TMetricPoint } from "@perflab/protocol";
import { parseStat, type TCpuTimes } from "../../proc/parsers/parse-stat";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const MODES = ["user", "system", "idle", "iowait", "irq", "softirq", "steal"] as const;
type TMode = (typeof MODES)[number];
const METRIC_OF: Record<TMode, string> = { user: "cpu.user_pct", system: "cpu.system_pct", idle: "cpu.idle_pct", iowait: "cpu.iowait_pct", irq: "cpu.irq_pct", softirq: "cpu.softirq_pct", steal: "cpu.steal_pct" };

function secondsByMode(times: TCpuTimes): Record<TMode, number> {
  return {
    user: times.userSeconds + times.niceSeconds,
    system: times.systemSeconds,
    idle: times.idleSeconds,
    iowait: times.iowaitSeconds ?? 0,
    irq: times.irqSeconds ?? 0,
    softirq: times.softirqSeconds ?? 0,
    steal: times.stealSeconds ?? 0,
  };
}

export function createCpuCollector(): TCollector {
  let previousByCpu = new Map<string, Record<TMode, number>>();
  const rates = new RateTracker();
  return {
    name: "cpu",
    isHighRes: true,
    collect(reader, nowMs) {
      const stat = parseStat(requireProcFile(reader, "stat"), `${reader.procRoot}/stat`);
      rates.beginRound();
      const points: TMetricPoint[] = [
        ["sched.procs_running", stat.procsRunning],
        ["sched.procs_blocked", stat.procsBlocked],
      ];
      const contextSwitches = rates.rate("ctxt", stat.contextSwitches, nowMs);
      if (contextSwitches !== undefined) points.push(["sched.context_switches", contextSwitches]);
      const forks = rates.rate("forks", stat.forks, nowMs);
      if (forks !== undefined) points.push(["sched.forks", forks]);

      const current = new Map<string, Record<TMode, number>>([["all", secondsByMode(stat.total)], ...stat.perCpu.map((cpu) => [String(cpu.cpu), secondsByMode(cpu)] as const)]);
      for (const [cpu, now] of current) {
        const before = previousByCpu.get(cpu);
        if (!before) continue;
        const deltas = MODES.map((mode) => Math.max(0, now[mode] - before[mode]));
        const interval = deltas.reduce((sum, delta) => sum + delta, 0);
        // Under USER_HZ resolution (10 ms) nothing may have been accounted yet.
        if (interval <= 0) continue;
        MODES.forEach((mode, index) => points.push([METRIC_OF[mode], Math.round((10_000 * deltas[index]!) / interval) / 100, { cpu }]));
      }
      previousByCpu = current;
      return points;
    },
  };
}
