// CPU used during a measuring window, from /proc, by named groups of processes (the server
// alone; the agent workers; the viewer workers; PostgreSQL's backends) and by the whole
// machine, so a result can say whether the machine itself was the limit.
import { readFileSync } from "node:fs";
import { cpuSeconds } from "../agent-cost/process-cost";

/** Busy and total CPU seconds of the machine, all cores, from the first line of /proc/stat. */
function machineSeconds(): { busy: number; total: number } {
  const ticks = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = ticks;
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: total - idle - iowait, total };
}

/** null for a process that cannot be read (gone, or PostgreSQL on another machine). */
function cpuSecondsOrNull(pid: number): number | null {
  try {
    return cpuSeconds(pid);
  } catch {
    return null;
  }
}

export interface TCpuWindowResult<K extends string> {
  /** Percent of one core per group; null when none of its processes could be read. */
  groups: Record<K, number | null>;
  /** Percent of all the machine's cores that were busy. */
  machineBusyPercent: number;
}

/** Starts the window now; the returned function ends it. A process must be readable at both ends to count. */
export function startCpuWindow<K extends string>(groups: Record<K, number[]>): () => TCpuWindowResult<K> {
  const before = new Map<number, number | null>();
  for (const pids of Object.values<number[]>(groups)) for (const pid of pids) before.set(pid, cpuSecondsOrNull(pid));
  const machineBefore = machineSeconds();
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const machineAfter = machineSeconds();
    const result = {} as Record<K, number | null>;
    for (const [name, pids] of Object.entries<number[]>(groups)) {
      let used: number | null = null;
      for (const pid of pids) {
        const start = before.get(pid);
        const end = cpuSecondsOrNull(pid);
        if (start == null || end === null) continue;
        used = (used ?? 0) + (end - start);
      }
      result[name as K] = used === null ? null : (used / seconds) * 100;
    }
    const machineBusyPercent = ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100;
    return { groups: result, machineBusyPercent };
  };
}
