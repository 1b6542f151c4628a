// What a process costs, read from /proc from the outside: CPU time and resident memory.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds a process has used, summed over its threads from /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds). /proc/<pid>/stat counts in 10 ms clock ticks: at 0.3 % of a core a 20 s
 * window is six ticks, too coarse to compare two light processes. Falls back to the ticks
 * where schedstat is missing (kernels without CONFIG_SCHEDSTATS).
 */
export function cpuSeconds(pid: number): number {
  try {
    let nanoseconds = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    return nanoseconds / 1e9;
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }
}

export function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Percent of one core the process used over `seconds` (while `during` runs, if given). */
export async function coreShare(pid: number, seconds: number, during?: () => Promise<void>): Promise<number> {
  const cpuBefore = cpuSeconds(pid);
  const startedAt = performance.now();
  await Promise.all([sleep(seconds * 1000), during?.()]);
  return ((cpuSeconds(pid) - cpuBefore) / ((performance.now() - startedAt) / 1000)) * 100;
}
