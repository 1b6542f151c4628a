// A cgroup's cpu.stat, "key value" per line, in its two dialects:
//
// cgroup v2 (Documentation/admin-guide/cgroup-v2.rst "cpu.stat"; kernel/cgroup/rstat.c
// cgroup_base_stat_cputime_show, kernel/sched/core.c cpu_extra_stat_show), times in µs:
//   usage_usec, user_usec, system_usec      always
//   nice_usec                               2024 kernels on
//   core_sched.force_idle_usec              with CONFIG_SCHED_CORE
//   nr_periods, nr_throttled, throttled_usec   only where the cpu controller is enabled
//   nr_bursts, burst_usec                   same, 5.16+ (burst statistics; cpu.max.burst is 5.14)
//
// cgroup v1, cpu controller (Documentation/scheduler/sched-bwc.rst; kernel/sched/core.c
// cpu_cfs_stat_show), times in ns:
//   nr_periods, nr_throttled, throttled_time   always
//   wait_sum                                with schedstats enabled, never in the root group
//   nr_bursts, burst_time                   5.16+
//
// nr_throttled / nr_periods is the share of CFS periods in which the group ran out of quota:
// the direct signal of a container starved by its CPU limit, which host-wide CPU% and PSI
// blur. Times are converted to seconds here; keys this parser does not know are ignored.
// Counters become JS numbers: v1's nanosecond times pass 2^53 after ~104 days of throttling
// and then lose their last nanoseconds, which no rate can notice.
import { ProcParseError } from "../parse-error";

export type TCgroupV2CpuStat = {
  cgroupVersion: 2;
  /** usage_usec: CPU time of all tasks in the group and its descendants. */
  usageSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  /** nice_usec: part of userSeconds run at positive nice; recent kernels only. */
  niceSeconds?: number;
  /** core_sched.force_idle_usec: time a sibling SMT thread was forced idle by core scheduling. */
  coreSchedForceIdleSeconds?: number;
  /** nr_periods: CFS bandwidth periods elapsed while the group had runnable tasks (cpu controller only). */
  periods?: number;
  /** nr_throttled: periods in which the group exhausted its quota. */
  throttledPeriods?: number;
  /** throttled_usec: total time the group's tasks were held back by the quota. */
  throttledSeconds?: number;
  /** nr_bursts: periods in which the group used burst (cpu.max.burst) beyond its quota; 5.16+. */
  bursts?: number;
  /** burst_usec: CPU time used beyond the quota thanks to burst; 5.16+. */
  burstSeconds?: number;
};

export type TCgroupV1CpuStat = {
  cgroupVersion: 1;
  /** nr_periods: CFS bandwidth periods elapsed while the group had runnable tasks. */
  periods: number;
  /** nr_throttled: periods in which the group exhausted cpu.cfs_quota_us. */
  throttledPeriods: number;
  /** throttled_time: total time the group's tasks were held back by the quota. */
  throttledSeconds: number;
  /** wait_sum: time the group's tasks waited on run queues; only with schedstats, never for the root group. */
  waitSeconds?: number;
  /** nr_bursts: periods that used cpu.cfs_burst_us; 5.16+. */
  bursts?: number;
  /** burst_time: CPU time used beyond the quota thanks to burst; 5.16+. */
  burstSeconds?: number;
};

export type TCgroupCpuStat = TCgroupV1CpuStat | TCgroupV2CpuStat;

const MICROSECONDS_PER_SECOND = 1e6;
const NANOSECONDS_PER_SECOND = 1e9;
// nr_* are printed with %d (a signed int that can in principle wrap negative), times with %llu.
const INTEGER = /^-?\d+$/;

type TStatReader = {
  required: (key: string) => number;
  optional: (key: string) => number | undefined;
};

function readStatLines(text: string, file: string): TStatReader {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  const values = new Map<string, number>();
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === "") continue;
    const [key, value, ...rest] = line.split(/\s+/);
    if (value === undefined || rest.length > 0) throw new ProcParseError(file, `expected "key value", got "${line}"`, index + 1);
    if (!INTEGER.test(value)) throw new ProcParseError(file, `${key}: expected an integer, got "${value}"`, index + 1);
    values.set(key!, Number(value));
  }
  return {
    required: (key) => {
      const value = values.get(key);
      // Reported where the file ended: a missing key means the read stopped short or the file is not cpu.stat.
      if (value === undefined) throw new ProcParseError(file, `no "${key}" line`, lines.length + 1);
      return value;
    },
    optional: (key) => values.get(key),
  };
}

// Keeps only the fields the file had: an absent key stays absent, never a property set to undefined.
function present<TFields extends Record<string, number | undefined>>(fields: TFields): { [K in keyof TFields]?: number } {
  return Object.fromEntries(Object.entries(fields).filter((entry) => entry[1] !== undefined)) as { [K in keyof TFields]?: number };
}

const scaled = (value: number | undefined, perSecond: number) => (value === undefined ? undefined : value / perSecond);

export function parseCgroupV2CpuStat(text: string, file = "/sys/fs/cgroup/cpu.stat"): TCgroupV2CpuStat {
  const stat = readStatLines(text, file);
  return {
    cgroupVersion: 2,
    usageSeconds: stat.required("usage_usec") / MICROSECONDS_PER_SECOND,
    userSeconds: stat.required("user_usec") / MICROSECONDS_PER_SECOND,
    systemSeconds: stat.required("system_usec") / MICROSECONDS_PER_SECOND,
    ...present({
      niceSeconds: scaled(stat.optional("nice_usec"), MICROSECONDS_PER_SECOND),
      coreSchedForceIdleSeconds: scaled(stat.optional("core_sched.force_idle_usec"), MICROSECONDS_PER_SECOND),
      periods: stat.optional("nr_periods"),
      throttledPeriods: stat.optional("nr_throttled"),
      throttledSeconds: scaled(stat.optional("throttled_usec"), MICROSECONDS_PER_SECOND),
      bursts: stat.optional("nr_bursts"),
      burstSeconds: scaled(stat.optional("burst_usec"), MICROSECONDS_PER_SECOND),
    }),
  };
}

export function parseCgroupV1CpuStat(text: string, file = "/sys/fs/cgroup/cpu,cpuacct/cpu.stat"): TCgroupV1CpuStat {
  const stat = readStatLines(text, file);
  return {
    cgroupVersion: 1,
    periods: stat.required("nr_periods"),
    throttledPeriods: stat.required("nr_throttled"),
    throttledSeconds: stat.required("throttled_time") / NANOSECONDS_PER_SECOND,
    ...present({
      waitSeconds: scaled(stat.optional("wait_sum"), NANOSECONDS_PER_SECOND),
      bursts: stat.optional("nr_bursts"),
      burstSeconds: scaled(stat.optional("burst_time"), NANOSECONDS_PER_SECOND),
    }),
  };
}
