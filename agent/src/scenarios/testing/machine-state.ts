// What a scenario could leave behind, captured before and after a run so a test can say
// "the machine is exactly as before": every sysctl, network namespaces, interfaces, qdiscs,
// cgroups, temp directories' entries, the undo logs, and processes still carrying the
// run's environment. Test-only: the agent never imports it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Values the kernel changes by itself from one second to the next. */
const VOLATILE_SYSCTLS = [
  /^fs\/(dentry-state|inode-nr|inode-state|file-nr|aio-nr|quota\/)/,
  /^kernel\/(random\/|ns_last_pid|pty\/nr|sched_domain\/)/,
  /^net\/netfilter\/nf_conntrack_count/,
  /^vm\/stat_refresh/,
];

function readSysctls(root = "/proc/sys", prefix = ""): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const [key, value] of readSysctls(root, path)) values.set(key, value);
    } else if (!VOLATILE_SYSCTLS.some((pattern) => pattern.test(path))) {
      try {
        if ((statSync(join(root, path)).mode & 0o444) === 0) continue;
        values.set(path, readFileSync(join(root, path), "utf8").trim());
      } catch {
        // write-only or refused (e.g. vm/compact_memory)
      }
    }
  }
  return values;
}

function listDirectories(root: string, depth: number): string[] {
  if (depth === 0 || !existsSync(root)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name);
    found.push(path, ...listDirectories(path, depth - 1));
  }
  return found;
}

const command = (file: string, args: string[]) => {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return "";
  }
};

/** Processes whose environment names this undo directory: everything a scenario run started. */
function processesOfRuns(undoDir: string): string[] {
  const marker = `PERFLAB_SCENARIO_STATE_DIR=${undoDir}\0`;
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (`${readFileSync(`/proc/${pid}/environ`, "utf8")}\0`.includes(marker)) found.push(`${pid} ${readFileSync(`/proc/${pid}/comm`, "utf8").trim()}`);
    } catch {
      // gone, or a kernel thread
    }
  }
  return found;
}

export interface TMachineState {
  sysctls: Map<string, string>;
  lists: Record<string, string[]>;
}

export function captureMachineState(undoDir: string): TMachineState {
  return {
    sysctls: readSysctls(),
    lists: {
      "network namespaces": existsSync("/run/netns") ? readdirSync("/run/netns").sort() : [],
      interfaces: readdirSync("/sys/class/net").sort(),
      qdiscs: command("tc", ["qdisc", "show"]).split("\n").filter(Boolean).sort(),
      cgroups: listDirectories("/sys/fs/cgroup", 3).sort(),
      "/tmp": readdirSync("/tmp").sort(),
      "/var/tmp": existsSync("/var/tmp") ? readdirSync("/var/tmp").sort() : [],
      "undo logs": existsSync(undoDir) ? readdirSync(undoDir).sort() : [],
      processes: processesOfRuns(undoDir),
    },
  };
}

/** Every difference, one line each: what a run changed and did not put back. */
export function describeDifferences(before: TMachineState, after: TMachineState): string[] {
  const differences: string[] = [];
  for (const [key, value] of before.sysctls) {
    const now = after.sysctls.get(key);
    if (now !== value) differences.push(`sysctl ${key}: ${value} -> ${now ?? "(gone)"}`);
  }
  for (const key of after.sysctls.keys()) if (!before.sysctls.has(key)) differences.push(`sysctl ${key}: new`);
  for (const [name, items] of Object.entries(before.lists)) {
    const earlier = new Set(items);
    const later = new Set(after.lists[name]);
    for (const item of later) if (!earlier.has(item)) differences.push(`${name}: left behind ${item}`);
    for (const item of earlier) if (!later.has(item) && name !== "processes") differences.push(`${name}: removed ${item}`);
  }
  return differences;
}
