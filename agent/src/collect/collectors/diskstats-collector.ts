// Whole block devices from /proc/diskstats: IOPS, throughput, average latency, queue
// depth and utilisation, as iostat derives them. Partitions are left out (they would
// count the same I/O twice). %util is reported because people look for it, with its
// catalogue meaning saying why 100 % is not saturation on parallel devices.
import type { TMetricPoint } from "@perflab/protocol";
import { isWholeDevice, parseDiskstats } from "../../proc/parsers/parse-diskstats";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

export function createDiskstatsCollector(): TCollector {
  const rates = new RateTracker();
  return {
    name: "diskstats",
    // Not in the high-resolution set: the subset is stat, pressure, net/dev and
    // softnet_stat, and disk latency over 10 ms windows is mostly empty intervals.
    isHighRes: false,
    collect(reader, nowMs) {
      const text = reader.proc("diskstats");
      if (text === null) return []; // some containers hide it
      const diskstats = parseDiskstats(text, `${reader.procRoot}/diskstats`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const disk of diskstats.devices) {
        if (!isWholeDevice(disk.name)) continue;
        const labels = { device: disk.name };
        const key = (field: string) => `${disk.name}/${field}`;
        const reads = rates.delta(key("reads"), disk.readsCompleted, nowMs);
        const writes = rates.delta(key("writes"), disk.writesCompleted, nowMs);
        const readBytes = rates.rate(key("readBytes"), disk.readBytes, nowMs);
        const writeBytes = rates.rate(key("writtenBytes"), disk.writtenBytes, nowMs);
        const readTime = disk.readSeconds === undefined ? undefined : rates.delta(key("readSeconds"), disk.readSeconds, nowMs);
        const writeTime = disk.writeSeconds === undefined ? undefined : rates.delta(key("writeSeconds"), disk.writeSeconds, nowMs);
        const busy = disk.ioBusySeconds === undefined ? undefined : rates.rate(key("busy"), disk.ioBusySeconds, nowMs);
        const weighted = disk.weightedIoSeconds === undefined ? undefined : rates.rate(key("weighted"), disk.weightedIoSeconds, nowMs);
        if (reads) points.push(["disk.reads", reads.delta / reads.elapsedSeconds, labels]);
        if (writes) points.push(["disk.writes", writes.delta / writes.elapsedSeconds, labels]);
        if (readBytes !== undefined) points.push(["disk.read_bytes", readBytes, labels]);
        if (writeBytes !== undefined) points.push(["disk.write_bytes", writeBytes, labels]);
        // Average time per completed request (iostat r_await/w_await); no requests, no value.
        if (reads && readTime && reads.delta > 0) points.push(["disk.read_latency_ms", (1000 * readTime.delta) / reads.delta, labels]);
        if (writes && writeTime && writes.delta > 0) points.push(["disk.write_latency_ms", (1000 * writeTime.delta) / writes.delta, labels]);
        if (weighted !== undefined) points.push(["disk.queue_depth", weighted, labels]);
        if (busy !== undefined) points.push(["disk.util_pct", Math.min(100, busy * 100), labels]);
      }
      return points;
    },
  };
}
