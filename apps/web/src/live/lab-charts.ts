// The lab page's charts, organised by the USE method (utilisation, saturation, errors) per
// resource, in the order an investigation reads them. Each chart names its unit, says in
// one line what it means and links the curriculum topic that explains it; most take
// those from the metric catalogue, so a chart and the /metrics endpoint cannot disagree.
import { findMetric } from "@perflab/protocol";
import { parseSeriesKey } from "./series-key";

export type TResource = "cpu" | "memory" | "interrupts" | "network" | "disk";
export type TUseAspect = "utilisation" | "saturation" | "errors";

export const RESOURCES: readonly { id: TResource; title: string }[] = [
  { id: "cpu", title: "CPU" },
  { id: "memory", title: "Memory" },
  { id: "interrupts", title: "Interrupts & softirqs" },
  { id: "network", title: "Network" },
  { id: "disk", title: "Disk" },
];

/** Reads a series' value in the slot being drawn; null when it has none there. */
export type TReadSeries = (key: string) => number | null;

export interface TChartLine {
  /** Stable across renders (a series key, or a derived name). */
  id: string;
  label: string;
  value: (read: TReadSeries) => number | null;
}

export interface TChartSpec {
  id: string;
  title: string;
  resource: TResource;
  aspect: TUseAspect;
  unit: string;
  meaning: string;
  topic: string;
  stacked?: boolean;
  /** A horizontal reference, e.g. the CPU count on the run queue chart. */
  reference?: (facts: { cpuCount: number | null }) => { y: number; label: string } | null;
  lines: (keys: readonly string[]) => TChartLine[];
}

interface TLineOptions {
  /** Keeps a series by its labels (e.g. per-CPU rows without the "all" total). */
  where?: (labels: Record<string, string>) => boolean;
  /** Prefix the label with the metric's short name (charts mixing metrics). */
  nameMetric?: boolean;
}

const shortName = (metricId: string) => metricId.slice(metricId.indexOf(".") + 1).replace(/_(pct|bytes)$/, "");

function describeLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => (name === "cpu" && value !== "all" ? `cpu${value}` : value))
    .join(" ");
}

/** One line per stored series of the given metrics, in the order the metrics are listed. */
export function seriesLines(metricIds: readonly string[], options: TLineOptions = {}): (keys: readonly string[]) => TChartLine[] {
  return (keys) => {
    const lines: TChartLine[] = [];
    for (const metricId of metricIds) {
      const matching = keys
        .map((key) => ({ key, ...parseSeriesKey(key) }))
        .filter((series) => series.metricId === metricId && (options.where?.(series.labels) ?? true))
        .sort((a, b) => a.key.localeCompare(b.key, "en", { numeric: true }));
      for (const series of matching) {
        const labelText = describeLabels(series.labels);
        const label = options.nameMetric || metricIds.length > 1 ? [shortName(metricId), labelText].filter(Boolean).join(" ") : labelText || shortName(metricId);
        lines.push({ id: series.key, label, value: (read) => read(series.key) });
      }
    }
    return lines;
  };
}

/** Unit, meaning and topic of a catalogue metric (the chart's main one). */
function described(metricId: string): Pick<TChartSpec, "unit" | "meaning" | "topic"> {
  const metric = findMetric(metricId);
  if (!metric) throw new Error(`lab chart refers to ${metricId}, which is not in the metric catalogue`);
  return { unit: metric.unit, meaning: metric.meaning, topic: metric.topic };
}

const perCpu = (labels: Record<string, string>) => labels.cpu !== undefined && labels.cpu !== "all";
const allCpus = (labels: Record<string, string>) => labels.cpu === "all";

/** Busy share per CPU: everything but idle and iowait (iowait is idle time, FIELD-NOTES). */
function busyPerCpu(keys: readonly string[]): TChartLine[] {
  return keys
    .map(parseSeriesKey)
    .filter((series) => series.metricId === "cpu.idle_pct" && perCpu(series.labels))
    .sort((a, b) => Number(a.labels.cpu) - Number(b.labels.cpu))
    .map(({ labels }) => ({
      id: `busy{cpu=${labels.cpu}}`,
      label: `cpu${labels.cpu}`,
      value: (read) => {
        const idle = read(`cpu.idle_pct{cpu=${labels.cpu}}`);
        if (idle === null) return null;
        return Math.max(0, 100 - idle - (read(`cpu.iowait_pct{cpu=${labels.cpu}}`) ?? 0));
      },
    }));
}

const CPU_MODES = ["cpu.user_pct", "cpu.system_pct", "cpu.iowait_pct", "cpu.irq_pct", "cpu.softirq_pct", "cpu.steal_pct"];

export const LAB_CHARTS: readonly TChartSpec[] = [
  // CPU
  { id: "cpu-busy", title: "Busy per CPU", resource: "cpu", aspect: "utilisation", unit: "%", meaning: "Share of each CPU's time not idle (iowait counted as idle: it is waiting, not working)", topic: "2.2", lines: busyPerCpu },
  { id: "cpu-modes", title: "CPU time by mode, all CPUs", resource: "cpu", aspect: "utilisation", stacked: true, ...described("cpu.user_pct"), meaning: "Where CPU time goes: user code, kernel, interrupts, softirqs, steal; iowait is idle time", lines: seriesLines(CPU_MODES, { where: allCpus }) },
  { id: "cpu-modes-per-cpu", title: "CPU time by mode, per CPU", resource: "cpu", aspect: "utilisation", ...described("cpu.system_pct"), meaning: "The same split per CPU: one hot CPU hides in an all-CPU average", lines: seriesLines(["cpu.user_pct", "cpu.system_pct", "cpu.softirq_pct", "cpu.steal_pct"], { where: perCpu }) },
  { id: "run-queue", title: "Run queue", resource: "cpu", aspect: "saturation", ...described("sched.procs_running"), reference: ({ cpuCount }) => (cpuCount ? { y: cpuCount, label: `${cpuCount} CPUs` } : null), lines: seriesLines(["sched.procs_running", "load.avg1"]) },
  { id: "psi-cpu", title: "CPU pressure (PSI)", resource: "cpu", aspect: "saturation", ...described("psi.cpu.some_pct"), meaning: "Share of time at least one runnable task waited for a CPU; avg10 is the kernel's 10 s average", topic: "2.2", lines: seriesLines(["psi.cpu.some_pct", "psi.cpu.some_avg10"]) },
  { id: "context-switches", title: "Context switches", resource: "cpu", aspect: "saturation", ...described("sched.context_switches"), lines: seriesLines(["sched.context_switches"]) },
  { id: "cgroup-throttling", title: "cgroup CPU throttling", resource: "cpu", aspect: "errors", ...described("cgroup.cpu.nr_throttled"), lines: seriesLines(["cgroup.cpu.nr_throttled"]) },
  // Memory
  { id: "memory-available", title: "Available, page cache and free memory", resource: "memory", aspect: "utilisation", ...described("mem.available_bytes"), meaning: "MemAvailable is what new work can get without swapping; the page cache is most of it, free memory little", lines: seriesLines(["mem.available_bytes", "mem.cached_bytes", "mem.free_bytes"]) },
  { id: "memory-dirty", title: "Dirty and writeback", resource: "memory", aspect: "saturation", ...described("mem.dirty_bytes"), meaning: "Modified file pages waiting to be written, and those being written now", lines: seriesLines(["mem.dirty_bytes", "mem.writeback_bytes"]) },
  { id: "major-faults", title: "Major page faults", resource: "memory", aspect: "saturation", ...described("vm.pgmajfault"), lines: seriesLines(["vm.pgmajfault"]) },
  { id: "reclaim", title: "Page reclaim", resource: "memory", aspect: "saturation", ...described("vm.pgscan_file"), meaning: "File pages scanned and reclaimed per second: steal well below scan means reclaim is struggling", lines: seriesLines(["vm.pgscan_file", "vm.pgsteal_file"]) },
  { id: "psi-memory", title: "Memory pressure (PSI)", resource: "memory", aspect: "saturation", ...described("psi.memory.some_pct"), lines: seriesLines(["psi.memory.some_pct", "psi.memory.full_pct"]) },
  { id: "swap", title: "Swap in use", resource: "memory", aspect: "saturation", ...described("mem.swap_used_bytes"), lines: seriesLines(["mem.swap_used_bytes"]) },
  { id: "swap-traffic", title: "Swap traffic", resource: "memory", aspect: "saturation", ...described("vm.pswpin"), meaning: "Pages written to and read back from swap per second", lines: seriesLines(["vm.pswpin", "vm.pswpout"]) },
  { id: "oom-kills", title: "OOM kills", resource: "memory", aspect: "errors", ...described("vm.oom_kill"), lines: seriesLines(["vm.oom_kill"]) },
  // Interrupts and softirqs
  { id: "interrupts", title: "Interrupts per CPU", resource: "interrupts", aspect: "utilisation", ...described("irq.loc"), meaning: "Local timer interrupts, rescheduling IPIs and function-call IPIs per CPU", lines: seriesLines(["irq.loc", "irq.res", "irq.cal"]) },
  { id: "softirqs", title: "Softirqs per CPU", resource: "interrupts", aspect: "utilisation", ...described("softirq.net_rx"), meaning: "Network-receive and timer softirqs raised per CPU", lines: seriesLines(["softirq.net_rx", "softirq.timer"]) },
  { id: "softnet-processed", title: "Softnet: packets processed", resource: "interrupts", aspect: "utilisation", ...described("softnet.processed"), lines: seriesLines(["softnet.processed"]) },
  { id: "softnet-squeezed", title: "Softnet: time squeezed", resource: "interrupts", aspect: "saturation", ...described("softnet.time_squeezed"), lines: seriesLines(["softnet.time_squeezed"]) },
  { id: "softnet-dropped", title: "Softnet: backlog drops", resource: "interrupts", aspect: "errors", ...described("softnet.dropped"), lines: seriesLines(["softnet.dropped"]) },
  // Network
  { id: "net-bytes", title: "Interface throughput", resource: "network", aspect: "utilisation", ...described("net.rx_bytes"), meaning: "Bytes received and sent per second per interface", lines: seriesLines(["net.rx_bytes", "net.tx_bytes"]) },
  { id: "net-packets", title: "Interface packets", resource: "network", aspect: "utilisation", ...described("net.rx_packets"), meaning: "Packets received and sent per second per interface", lines: seriesLines(["net.rx_packets", "net.tx_packets"]) },
  { id: "net-drops", title: "Interface drops and errors", resource: "network", aspect: "errors", ...described("net.rx_dropped"), meaning: "Packets dropped on receive or transmit, and receive errors, per interface", lines: seriesLines(["net.rx_dropped", "net.tx_dropped", "net.rx_errors"]) },
  { id: "tcp-retransmits", title: "TCP retransmits", resource: "network", aspect: "errors", ...described("tcp.retrans_segs"), meaning: "Segments retransmitted and retransmission timeouts per second; compare with segments sent", lines: seriesLines(["tcp.retrans_segs", "tcp.timeouts", "tcp.out_segs"]) },
  { id: "tcp-listen", title: "TCP listen queue overflows", resource: "network", aspect: "saturation", ...described("tcp.listen_overflows"), lines: seriesLines(["tcp.listen_overflows", "tcp.listen_drops"]) },
  { id: "udp-errors", title: "UDP errors", resource: "network", aspect: "errors", ...described("udp.rcvbuf_errors"), meaning: "Datagrams dropped on a full receive buffer, and sent to a port nobody listens on", lines: seriesLines(["udp.rcvbuf_errors", "udp.no_ports"]) },
  // Disk
  { id: "disk-iops", title: "IOPS", resource: "disk", aspect: "utilisation", ...described("disk.reads"), meaning: "Reads and writes completed per second per device", lines: seriesLines(["disk.reads", "disk.writes"]) },
  { id: "disk-throughput", title: "Throughput", resource: "disk", aspect: "utilisation", ...described("disk.read_bytes"), meaning: "Bytes read and written per second per device", lines: seriesLines(["disk.read_bytes", "disk.write_bytes"]) },
  { id: "disk-utilisation", title: "Utilisation", resource: "disk", aspect: "utilisation", ...described("disk.util_pct"), lines: seriesLines(["disk.util_pct"]) },
  { id: "disk-latency", title: "Latency", resource: "disk", aspect: "saturation", ...described("disk.read_latency_ms"), meaning: "Average time a completed read or write took, queueing included (iostat r_await, w_await)", lines: seriesLines(["disk.read_latency_ms", "disk.write_latency_ms"]) },
  { id: "disk-queue", title: "Queue depth", resource: "disk", aspect: "saturation", ...described("disk.queue_depth"), lines: seriesLines(["disk.queue_depth"]) },
  { id: "psi-io", title: "I/O pressure (PSI)", resource: "disk", aspect: "saturation", ...described("psi.io.some_pct"), lines: seriesLines(["psi.io.some_pct", "psi.io.full_pct"]) },
];
