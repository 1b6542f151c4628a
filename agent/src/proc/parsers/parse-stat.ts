// /proc/stat: CPU time per state, context switches, forks, runnable and blocked tasks,
// interrupt totals. Format: fs/proc/stat.c (show_stat), proc_stat(5),
// Documentation/filesystems/proc.rst ("Miscellaneous kernel statistics in /proc/stat").
//
// CPU times are printed in USER_HZ ticks (1/100 s on every architecture the agent runs on;
// sysconf(_SC_CLK_TCK)), whatever the kernel's internal HZ, and are converted to seconds
// here, once. Older kernels print fewer columns; a column the kernel does not print is left
// out of the result, never reported as 0, so a rate over it cannot look like a real zero:
//   4 columns  user nice system idle        (before 2.5.41)
//   5 columns  + iowait                     (2.5.41)
//   7 columns  + irq softirq                (2.6.0)
//   8 columns  + steal                      (2.6.11)
//   9 columns  + guest                      (2.6.24)
//  10 columns  + guest_nice                 (2.6.33)
// Columns a future kernel might add after guest_nice are ignored.
//
// Counters are 64-bit in the kernel and become JS numbers here: above 2^53 they lose their
// last digits, which no rate computed over a sampling interval can notice.
import { ProcParseError } from "../parse-error";
import { isUnsignedDecimal, splitFields } from "./fields";

/** Ticks per second of /proc/stat CPU times (USER_HZ): 100 on x86, arm64, riscv, ppc, s390. */
export const USER_HZ = 100;

/**
 * Seconds a CPU (or all CPUs together, for the "cpu" line) spent in each state since boot.
 * `userSeconds` already includes `guestSeconds` and `niceSeconds` includes
 * `guestNiceSeconds` (kernel/sched/cputime.c account_guest_time adds guest time to both),
 * so a total must not add the guest columns again; that sum is the collector's job.
 */
export type TCpuTimes = {
  userSeconds: number;
  niceSeconds: number;
  systemSeconds: number;
  idleSeconds: number;
  /** Unreliable and may go backwards (proc_stat(5)); 2.5.41+. */
  iowaitSeconds?: number;
  /** Stays 0 without CONFIG_IRQ_TIME_ACCOUNTING; 2.6.0+. */
  irqSeconds?: number;
  softirqSeconds?: number;
  /** Time the hypervisor ran something else while this vCPU wanted to run; 2.6.11+. */
  stealSeconds?: number;
  /** Running a guest's vCPU; included in userSeconds. 2.6.24+. */
  guestSeconds?: number;
  /** Running a niced guest's vCPU; included in niceSeconds. 2.6.33+. */
  guestNiceSeconds?: number;
};

export type TPerCpuTimes = TCpuTimes & {
  /** The N of "cpuN". Offline CPUs have no line, so ids can have gaps. */
  cpu: number;
};

export type TProcStat = {
  /**
   * The "cpu" line: summed over all possible CPUs, offline ones' past time included, so it
   * can exceed the sum of `perCpu` after a CPU went offline.
   */
  total: TCpuTimes;
  /** The "cpuN" lines, in file order. */
  perCpu: TPerCpuTimes[];
  /** ctxt: context switches since boot, all CPUs. */
  contextSwitches: number;
  /** btime: boot time, seconds since the Unix epoch. */
  bootTimeEpochSeconds: number;
  /** processes: forks (and clones) since boot. */
  forks: number;
  /** procs_running: runnable tasks right now, including the ones running (a gauge). */
  procsRunning: number;
  /** procs_blocked: tasks in uninterruptible I/O wait right now (a gauge). */
  procsBlocked: number;
  /** First number of the "intr" line: all interrupts serviced since boot. */
  interrupts: number;
  /** First number of the "softirq" line: all softirqs run since boot; 2.6.31+. */
  softirqs?: number;
};

// Keys of TCpuTimes in the order the kernel prints the columns.
const CPU_COLUMNS = ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds", "iowaitSeconds", "irqSeconds", "softirqSeconds", "stealSeconds", "guestSeconds", "guestNiceSeconds"] as const;
const MIN_CPU_COLUMNS = 4;

// Single-value lines every 2.6+ kernel prints; missing one means a truncated read.
const SCALAR_LINES = {
  ctxt: "contextSwitches",
  btime: "bootTimeEpochSeconds",
  processes: "forks",
  procs_running: "procsRunning",
  procs_blocked: "procsBlocked",
} as const;
type TScalarKey = (typeof SCALAR_LINES)[keyof typeof SCALAR_LINES];

function failAt(file: string, index: number, detail: string): never {
  throw new ProcParseError(file, detail, index + 1);
}

function readCounter(file: string, index: number, what: string, token: string | undefined): number {
  if (token === undefined || !isUnsignedDecimal(token)) failAt(file, index, `${what}: expected an unsigned integer, got ${token === undefined ? "nothing" : `"${token}"`}`);
  return Number(token);
}

/** Reads the time columns that follow the name in `fields` into `times` (which may already hold the CPU id). */
function readCpuTimes<T extends object>(file: string, index: number, name: string, fields: string[], userHz: number, times: T): T & TCpuTimes {
  const columnCount = fields.length - 1;
  if (columnCount < MIN_CPU_COLUMNS) failAt(file, index, `"${name}" has ${columnCount} time columns, at least ${MIN_CPU_COLUMNS} expected (user nice system idle)`);
  const filled = times as T & Partial<Record<(typeof CPU_COLUMNS)[number], number>>;
  for (let column = 0; column < CPU_COLUMNS.length && column < columnCount; column++) {
    const key = CPU_COLUMNS[column]!;
    filled[key] = readCounter(file, index, `${name} ${key}`, fields[column + 1]) / userHz;
  }
  return filled as T & TCpuTimes;
}

export function parseStat(text: string, file = "/proc/stat", userHz = USER_HZ): TProcStat {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) failAt(file, 0, "empty file");

  let total: TCpuTimes | undefined;
  const perCpu: TPerCpuTimes[] = [];
  const scalars: Partial<Record<TScalarKey, number>> = {};
  let interrupts: number | undefined;
  let softirqs: number | undefined;

  for (let index = 0; index < lines.length; index++) {
    const fields = splitFields(lines[index]!);
    const name = fields[0];
    if (!name) continue;
    if (name === "cpu") total = readCpuTimes(file, index, name, fields, userHz, {});
    else if (name.startsWith("cpu") && isUnsignedDecimal(name.slice(3))) perCpu.push(readCpuTimes(file, index, name, fields, userHz, { cpu: Number(name.slice(3)) }));
    else if (name === "intr") interrupts = readCounter(file, index, "intr total", fields[1]);
    else if (name === "softirq") softirqs = readCounter(file, index, "softirq total", fields[1]);
    else if (Object.hasOwn(SCALAR_LINES, name)) scalars[SCALAR_LINES[name as keyof typeof SCALAR_LINES]] = readCounter(file, index, name, fields[1]);
    // Anything else (page, swap, disk_io on 2.4; whatever comes next) is not ours to judge.
  }

  // A missing line is reported where the file ended: that is where the read was cut short.
  const endOfFile = lines.length;
  if (!total) return failAt(file, endOfFile, 'no "cpu" line');
  if (interrupts === undefined) return failAt(file, endOfFile, 'no "intr" line');
  const read = (lineName: keyof typeof SCALAR_LINES): number => scalars[SCALAR_LINES[lineName]] ?? failAt(file, endOfFile, `no "${lineName}" line`);

  return {
    total,
    perCpu,
    contextSwitches: read("ctxt"),
    bootTimeEpochSeconds: read("btime"),
    forks: read("processes"),
    procsRunning: read("procs_running"),
    procsBlocked: read("procs_blocked"),
    interrupts,
    ...(softirqs === undefined ? {} : { softirqs }),
  };
}
