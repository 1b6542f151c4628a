// /proc/schedstat: per-CPU run-queue statistics. Present only with CONFIG_SCHEDSTATS (absent
// on the Firecracker test VM: a capability, not an error). Format: kernel/sched/stats.c
// (show_schedstat), Documentation/scheduler/sched-stats.rst:
//   version 15
//   timestamp 4294892296
//   cpu0 0 0 1234 567 890 12 3456789012 98765432 1500
//   domain0 3 ... (load-balancing counters)
// The "cpuN" line is the same in version 15 (late 2.6 kernels until 2024), 16 (2024: the idle
// types of the domain lines reordered) and 17 (2025: domain names, new imbalance fields):
// nine numbers, of which 7 is the time tasks ran on this CPU, 8 the time runnable tasks
// waited on its run queue (both in nanoseconds; the version-15 document says "jiffies", but
// rq_cpu_time and run_delay come from the nanosecond scheduler clock, and the version-17
// document says nanoseconds) and 9 the number of timeslices. Domain lines are what changed
// between versions and the agent has no use for them, so they are skipped; any version from
// 15 on is accepted because the cpu line has not changed since (numbers a patched kernel
// appends to it are ignored), and older versions (12 numbers per cpu line) are refused.
//
// Nanosecond counters pass 2^53 after about 104 days of CPU time; from there JS numbers drop
// the last nanoseconds, which no rate over a sampling interval can notice.
import { ProcParseError } from "../parse-error";

export type TSchedstatCpu = {
  /** The N of "cpuN". */
  cpu: number;
  /** 1: sched_yield() calls. */
  yieldCalls: number;
  /** 3: schedule() calls. */
  scheduleCalls: number;
  /** 4: schedule() calls that left the CPU idle. */
  scheduleIdleCalls: number;
  /** 5: try_to_wake_up() calls. */
  wakeups: number;
  /** 6: try_to_wake_up() calls that woke a task onto the local CPU. */
  localWakeups: number;
  /** 7: time tasks spent running on this CPU. */
  runSeconds: number;
  /** 8: time runnable tasks spent waiting on this CPU's run queue (scheduling latency). */
  runqueueWaitSeconds: number;
  /** 9: timeslices run on this CPU. */
  timeslices: number;
};

export type TSchedstat = {
  version: number;
  /** The kernel's jiffies when the file was read (starts near 2^32 - 300 s * HZ at boot). */
  timestampJiffies?: number;
  cpus: TSchedstatCpu[];
};

const FIRST_SUPPORTED_VERSION = 15;
const CPU_FIELDS = 9;
const NANOSECONDS_PER_SECOND = 1e9;
const UNSIGNED_INTEGER = /^\d+$/;

function readCounters(file: string, index: number, name: string, fields: string[], count: number): number[] {
  if (fields.length < count) throw new ProcParseError(file, `"${name}" has ${fields.length} numbers, ${count} expected`, index + 1);
  return fields.slice(0, count).map((field, position) => {
    if (!UNSIGNED_INTEGER.test(field)) throw new ProcParseError(file, `"${name}" field ${position + 1}: expected an unsigned integer, got "${field}"`, index + 1);
    return Number(field);
  });
}

export function parseSchedstat(text: string, file = "/proc/schedstat"): TSchedstat {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  // The version line comes first, and decides how everything after it is read.
  const [versionKey, versionValue] = (lines[0] ?? "").trim().split(/\s+/);
  if (versionKey !== "version") throw new ProcParseError(file, `expected "version N" as the first line, got "${lines[0]}"`, 1);
  const [version] = readCounters(file, 0, "version", versionValue === undefined ? [] : [versionValue], 1) as [number];
  if (version < FIRST_SUPPORTED_VERSION) throw new ProcParseError(file, `schedstat version ${version} is not supported (${FIRST_SUPPORTED_VERSION} and later are)`, 1);

  const schedstat: TSchedstat = { version, cpus: [] };
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue;
    const [name, ...fields] = line.trim().split(/\s+/);
    if (!name) continue;
    if (name === "timestamp") {
      [schedstat.timestampJiffies] = readCounters(file, index, name, fields, 1);
    } else if (/^cpu\d+$/.test(name)) {
      const [yieldCalls, , scheduleCalls, scheduleIdleCalls, wakeups, localWakeups, runNanoseconds, waitNanoseconds, timeslices] = readCounters(file, index, name, fields, CPU_FIELDS) as [number, number, number, number, number, number, number, number, number];
      schedstat.cpus.push({
        cpu: Number(name.slice(3)),
        yieldCalls,
        scheduleCalls,
        scheduleIdleCalls,
        wakeups,
        localWakeups,
        runSeconds: runNanoseconds / NANOSECONDS_PER_SECOND,
        runqueueWaitSeconds: waitNanoseconds / NANOSECONDS_PER_SECOND,
        timeslices,
      });
    }
    // domainN lines and anything newer are skipped on purpose (see above).
  }
  return schedstat;
}
