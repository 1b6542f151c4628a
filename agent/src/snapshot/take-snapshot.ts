// `perflab-agent snapshot`: every file the agent reads, parsed once, raw counters with
// units converted (bytes, seconds), as one JSON document. For debugging a machine ("what
// does the agent see here?") and for the golden tests over captured /proc trees.
import { detectCgroupVersion } from "../collect/collectors/cgroup-cpu-collector";
import { describeHost, detectCapabilities } from "../host/describe-host";
import { parseCgroupV1CpuStat, parseCgroupV2CpuStat } from "../proc/parsers/parse-cgroup-cpu-stat";
import { parseDiskstats } from "../proc/parsers/parse-diskstats";
import { parseInterrupts } from "../proc/parsers/parse-interrupts";
import { parseLoadAvg } from "../proc/parsers/parse-loadavg";
import { parseMeminfo } from "../proc/parsers/parse-meminfo";
import { parseNetDev } from "../proc/parsers/parse-net-dev";
import { parseNetSnmp } from "../proc/parsers/parse-net-snmp";
import { parsePressure } from "../proc/parsers/parse-pressure";
import { parseSchedstat } from "../proc/parsers/parse-schedstat";
import { parseSoftirqs } from "../proc/parsers/parse-softirqs";
import { parseSoftnetStat } from "../proc/parsers/parse-softnet-stat";
import { parseStat } from "../proc/parsers/parse-stat";
import { parseVmstat } from "../proc/parsers/parse-vmstat";
import type { TProcReader } from "../proc/proc-reader";

const PROC_FILES: [path: string, parse: (text: string, file: string) => unknown][] = [
  ["stat", (text, file) => parseStat(text, file)],
  ["loadavg", parseLoadAvg],
  ["meminfo", parseMeminfo],
  ["vmstat", parseVmstat],
  ["pressure/cpu", parsePressure],
  ["pressure/memory", parsePressure],
  ["pressure/io", parsePressure],
  ["pressure/irq", parsePressure],
  ["schedstat", parseSchedstat],
  ["interrupts", parseInterrupts],
  ["softirqs", parseSoftirqs],
  ["net/softnet_stat", parseSoftnetStat],
  ["net/dev", parseNetDev],
  ["net/snmp", parseNetSnmp],
  ["net/netstat", parseNetSnmp],
  ["diskstats", parseDiskstats],
];

const CGROUP_V2_FILES: [path: string, parse: (text: string, file: string) => unknown][] = [
  ["cpu.stat", parseCgroupV2CpuStat],
  ["cpu.pressure", parsePressure],
  ["memory.pressure", parsePressure],
  ["io.pressure", parsePressure],
];

export interface TSnapshot {
  host: { kernelRelease: string; cpuCount: number; memoryBytes: number; bootTimeMs: number };
  capabilities: ReturnType<typeof detectCapabilities>;
  proc: Record<string, unknown>;
  cgroup: Record<string, unknown>;
  /** Files the agent looks for that this machine does not have. */
  missing: string[];
}

export function takeSnapshot(reader: TProcReader): TSnapshot {
  const { hostname: _hostname, architecture: _architecture, ...host } = describeHost(reader);
  const snapshot: TSnapshot = { host, capabilities: detectCapabilities(reader), proc: {}, cgroup: {}, missing: [] };
  for (const [path, parse] of PROC_FILES) {
    const text = reader.proc(path);
    if (text === null) snapshot.missing.push(`proc/${path}`);
    else snapshot.proc[path] = parse(text, `${reader.procRoot}/${path}`);
  }
  const cgroupVersion = detectCgroupVersion(reader);
  // cgroup v1 mounts the cpu controller as "cpu,cpuacct" (most distributions) or "cpu".
  const v1CpuStat = reader.cgroup("cpu,cpuacct/cpu.stat") !== null ? "cpu,cpuacct/cpu.stat" : "cpu/cpu.stat";
  const cgroupFiles: typeof CGROUP_V2_FILES = cgroupVersion === "v2" ? CGROUP_V2_FILES : cgroupVersion === "v1" ? [[v1CpuStat, parseCgroupV1CpuStat]] : [];
  for (const [path, parse] of cgroupFiles) {
    const text = reader.cgroup(path);
    if (text === null) snapshot.missing.push(`cgroup/${path}`);
    else snapshot.cgroup[path] = parse(text, `${reader.cgroupRoot}/${path}`);
  }
  return snapshot;
}
