// Every collector the agent runs, in one list. Adding a metric means adding it to the
// catalogue (@perflab/protocol) and emitting it from one collector here.
import type { TCollector } from "./collector";
import { createCgroupCpuCollector } from "./collectors/cgroup-cpu-collector";
import { createCpuCollector } from "./collectors/cpu-collector";
import { createDiskstatsCollector } from "./collectors/diskstats-collector";
import { createInterruptsCollector } from "./collectors/interrupts-collector";
import { createLoadCollector } from "./collectors/load-collector";
import { createMemoryCollector } from "./collectors/memory-collector";
import { createNetDevCollector } from "./collectors/net-dev-collector";
import { createNetProtocolsCollector } from "./collectors/net-protocols-collector";
import { createPressureCollector } from "./collectors/pressure-collector";
import { createSoftirqsCollector } from "./collectors/softirqs-collector";
import { createSoftnetCollector } from "./collectors/softnet-collector";

export function createCollectors(): TCollector[] {
  return [
    createCpuCollector(),
    createLoadCollector(),
    createPressureCollector(),
    createMemoryCollector(),
    createInterruptsCollector(),
    createSoftirqsCollector(),
    createSoftnetCollector(),
    createNetDevCollector(),
    createNetProtocolsCollector(),
    createDiskstatsCollector(),
    createCgroupCpuCollector(),
  ];
}
