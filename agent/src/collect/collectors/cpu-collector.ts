// CPU time split per CPU and in total, and the scheduler gauges and counters of
// /proc/stat. Busy shares come from per-field deltas over the sum of those deltas:
// iowait and idle can go backwards (FIELD-NOTES 2), so negative deltas count as 0, and
// guest time is already inside user (FIELD-NOTES 1), so it is not added again.
//
// The kernel counts CPU time in 10 ms ticks (USER_HZ, FIELD-NOTES 4): over a 10 ms window a
// CPU reads 0 % or 100 %, over 100 ms ±10 %. So shares are computed over at least
// MIN_SHARE_SPAN_MS; in high-resolution mode the sub-second ticks carry the scheduler
// numbers (exact at any rate) and PSI, and the shares arrive once a second as usual.
import type { TMetricPoint } from "@perflab/protocol";
import { parseStat, type TCpuTimes } from "../../proc/parsers/parse-stat";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const MIN_SHARE_SPAN_MS = 500;
const MODE_METRICS = ["cpu.user_pct", "cpu.system_pct", "cpu.idle_pct", "cpu.iowait_pct", "cpu.irq_pct", "cpu.softirq_pct", "cpu.steal_pct"] as const;

/** Seconds per mode, in MODE_METRICS order (nice counts as user, as top and mpstat show it). */
function secondsByMode(times: TCpuTimes): number[] {
  return [
    times.userSeconds + times.niceSeconds,
    times.systemSeconds,
    times.idleSeconds,
    times.iowaitSeconds ?? 0,
    times.irqSeconds ?? 0,
    times.softirqSeconds ?? 0,
    times.stealSeconds ?? 0,
  ];
}

function pushShares(points: TMetricPoint[], cpu: string, before: number[], now: number[]): void {
  let interval = 0;
  for (let mode = 0; mode < now.length; mode++) interval += Math.max(0, now[mode]! - before[mode]!);
  // Nothing accounted yet (an idle tickless CPU): no share is better than a made-up one.
  if (interval <= 0) return;
  for (let mode = 0; mode < now.length; mode++) {
    const share = Math.max(0, now[mode]! - before[mode]!) / interval;
    points.push([MODE_METRICS[mode]!, Math.round(share * 10_000) / 100, { cpu }]);
  }
}

export function createCpuCollector(): TCollector {
  let previousByCpu = new Map<string, number[]>();
  let previousAtMs = Number.NEGATIVE_INFINITY;
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

      if (nowMs - previousAtMs < MIN_SHARE_SPAN_MS) return points;
      const current = new Map<string, number[]>([["all", secondsByMode(stat.total)]]);
      for (const cpu of stat.perCpu) current.set(String(cpu.cpu), secondsByMode(cpu));
      for (const [cpu, now] of current) {
        const before = previousByCpu.get(cpu);
        if (before) pushShares(points, cpu, before, now);
      }
      previousByCpu = current;
      previousAtMs = nowMs;
      return points;
    },
  };
}
