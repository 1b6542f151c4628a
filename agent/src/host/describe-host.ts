// What the hello tells the server about this machine: its facts and what its kernel
// exposes. Read through the same TProcReader as the metrics, so a --proc-root tree
// describes the machine it was captured from.
import type { TCapabilities, THostFacts } from "@perflab/protocol";
import { hostname, arch } from "node:os";
import { detectCgroupVersion } from "../collect/collectors/cgroup-cpu-collector";
import { parseDiskstats } from "../proc/parsers/parse-diskstats";
import { parseMeminfo } from "../proc/parsers/parse-meminfo";
import { parseSoftnetStat } from "../proc/parsers/parse-softnet-stat";
import { parseStat } from "../proc/parsers/parse-stat";
import { requireProcFile, type TProcReader } from "../proc/proc-reader";

const SOFTNET_CPU_ID_COLUMNS = 13;

export function detectCapabilities(reader: TProcReader): TCapabilities {
  const has = (path: string) => reader.proc(path) !== null;
  const softnet = reader.proc("net/softnet_stat");
  const diskstats = reader.proc("diskstats");
  const firstDisk = diskstats === null ? undefined : parseDiskstats(diskstats, `${reader.procRoot}/diskstats`).devices.find((device) => device.fieldCount !== 4);
  return {
    psi: { cpu: has("pressure/cpu"), memory: has("pressure/memory"), io: has("pressure/io"), irq: has("pressure/irq") },
    schedstat: has("schedstat"),
    cgroup: detectCgroupVersion(reader),
    softnetCpuColumn: softnet !== null && parseSoftnetStat(softnet, `${reader.procRoot}/net/softnet_stat`).columnCount >= SOFTNET_CPU_ID_COLUMNS,
    diskstatsFields: firstDisk?.fieldCount ?? null,
  };
}

export function describeHost(reader: TProcReader): THostFacts {
  const stat = parseStat(requireProcFile(reader, "stat"), `${reader.procRoot}/stat`);
  const meminfo = parseMeminfo(requireProcFile(reader, "meminfo"), `${reader.procRoot}/meminfo`);
  return {
    // From the tree when it has them (captured machines), else from this process's machine.
    hostname: reader.proc("sys/kernel/hostname")?.trim() || hostname(),
    kernelRelease: reader.proc("sys/kernel/osrelease")?.trim() || "unknown",
    architecture: arch(),
    cpuCount: stat.perCpu.length,
    memoryBytes: meminfo.MemTotal ?? 0,
    bootTimeMs: stat.bootTimeEpochSeconds * 1000,
  };
}
