// /proc/loadavg: "0.52 0.58 0.59 2/403 12345". Format: fs/proc/loadavg.c
// ("%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n"), proc_loadavg(5).
//
// The three loads are exponentially damped moving averages over 1, 5 and 15 minutes of the
// number of runnable tasks plus tasks in uninterruptible sleep (Linux counts D state, so
// disk or NFS waits raise the load without using CPU). They lag: a 1-minute load needs about
// a minute to follow a change, which is why the agent also reads procs_running.
import { ProcParseError } from "../parse-error";

export type TLoadAvg = {
  load1: number;
  load5: number;
  load15: number;
  /** Runnable tasks right now (nr_running(): running plus waiting for a CPU). */
  runnableTasks: number;
  /** All tasks (threads) that exist right now (nr_threads). */
  totalTasks: number;
  /** The most recently allocated PID in the reader's PID namespace. */
  lastPid: number;
};

// Loads are printed with two decimals (any number of decimals is accepted: more would be harmless);
// the last PID is printed with %d, hence the optional sign. Fields a future kernel appends are ignored.
const LOADAVG_LINE = /^(\d+\.\d+) (\d+\.\d+) (\d+\.\d+) (\d+)\/(\d+) (-?\d+)(?: .*)?$/;

export function parseLoadAvg(text: string, file = "/proc/loadavg"): TLoadAvg {
  const line = text.split("\n")[0]?.trim() ?? "";
  if (line === "") throw new ProcParseError(file, "empty file", 1);
  const match = LOADAVG_LINE.exec(line.replace(/\s+/g, " "));
  if (!match) throw new ProcParseError(file, `expected "load1 load5 load15 runnable/total lastpid", got "${line}"`, 1);
  const [, load1, load5, load15, runnable, total, lastPid] = match.map(Number) as [number, number, number, number, number, number, number];
  return { load1, load5, load15, runnableTasks: runnable, totalTasks: total, lastPid };
}
