// The metric catalogue: every metric the agent can stream, by a stable id that content
// exercise checks, scenario signals, charts and the Prometheus endpoint all refer to.
// Counters are streamed as per-second rates computed from measured time deltas; gauges
// as sampled. The `topic` is the curriculum document that explains the metric.
// Sources and pitfalls: ../shared/FIELD-NOTES.md, "Metric catalogue".

export type TMetricKind = "counter" | "gauge";

export interface TMetricDefinition {
  id: string;
  /** Unit of the streamed value: a rate for counters ("…/s"), the sampled unit for gauges. */
  unit: string;
  kind: TMetricKind;
  /** Label names a sample carries, e.g. ["cpu"] for per-CPU rows ("all" for the total). */
  labels: readonly string[];
  /** Kernel file and field(s) it is computed from. */
  source: string;
  meaning: string;
  /** Curriculum topic id that explains it. */
  topic: string;
}

const define = (metric: TMetricDefinition) => metric;

export const METRIC_CATALOGUE = [
  // CPU time split, /proc/stat (USER_HZ ticks; guest is inside user, guest_nice inside nice)
  define({ id: "cpu.user_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN user+nice", meaning: "Share of CPU time running user code (guest time included)", topic: "2.2" }),
  define({ id: "cpu.system_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN system", meaning: "Share of CPU time in the kernel on behalf of processes", topic: "1.1" }),
  define({ id: "cpu.iowait_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN iowait", meaning: "Idle time with I/O outstanding; not busy time, and may go backwards", topic: "6.3" }),
  define({ id: "cpu.irq_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN irq", meaning: "Share of CPU time in hard interrupt handlers (0 without IRQ time accounting)", topic: "2.3" }),
  define({ id: "cpu.softirq_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN softirq", meaning: "Share of CPU time in softirqs (network receive, timers, block completion)", topic: "2.3" }),
  define({ id: "cpu.steal_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN steal", meaning: "Time a virtual CPU was runnable but the hypervisor ran something else", topic: "2.1" }),
  define({ id: "cpu.idle_pct", unit: "%", kind: "gauge", labels: ["cpu"], source: "/proc/stat cpuN idle", meaning: "Share of CPU time idle without I/O outstanding", topic: "2.2" }),
  // Scheduler
  define({ id: "sched.procs_running", unit: "tasks", kind: "gauge", labels: [], source: "/proc/stat procs_running", meaning: "Runnable tasks right now, running ones included; above the CPU count means a queue", topic: "2.2" }),
  define({ id: "sched.procs_blocked", unit: "tasks", kind: "gauge", labels: [], source: "/proc/stat procs_blocked", meaning: "Tasks blocked waiting for I/O right now", topic: "1.2" }),
  define({ id: "sched.context_switches", unit: "switches/s", kind: "counter", labels: [], source: "/proc/stat ctxt", meaning: "Context switches per second, voluntary and involuntary", topic: "2.2" }),
  define({ id: "sched.forks", unit: "forks/s", kind: "counter", labels: [], source: "/proc/stat processes", meaning: "New tasks (fork/clone) per second", topic: "1.2" }),
  define({ id: "load.avg1", unit: "tasks", kind: "gauge", labels: [], source: "/proc/loadavg field 1", meaning: "1-minute exponentially damped average of runnable plus uninterruptible (D-state) tasks", topic: "1.2" }),
  // Pressure stall information, /proc/pressure/* (4.20+)
  define({ id: "psi.cpu.some_avg10", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/cpu some avg10", meaning: "Share of the last 10 s in which at least one runnable task waited for a CPU", topic: "2.2" }),
  define({ id: "psi.memory.some_avg10", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/memory some avg10", meaning: "Share of the last 10 s in which at least one task stalled on memory (reclaim, refaults, compaction)", topic: "3.4" }),
  define({ id: "psi.memory.full_avg10", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/memory full avg10", meaning: "Share of the last 10 s in which all non-idle tasks stalled on memory at once", topic: "3.4" }),
  define({ id: "psi.io.some_avg10", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/io some avg10", meaning: "Share of the last 10 s in which at least one task waited on synchronous I/O", topic: "6.3" }),
  define({ id: "psi.io.full_avg10", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/io full avg10", meaning: "Share of the last 10 s in which all non-idle tasks waited on I/O at once", topic: "6.3" }),
  // Memory, /proc/meminfo (kB, streamed in bytes)
  define({ id: "mem.available_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo MemAvailable", meaning: "Estimate of memory available for new work without swapping (3.14+)", topic: "3.1" }),
  define({ id: "mem.cached_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo Cached", meaning: "Page cache, shmem included", topic: "3.2" }),
  define({ id: "mem.dirty_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo Dirty", meaning: "File pages modified in memory and not yet written back", topic: "3.2" }),
  define({ id: "mem.writeback_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo Writeback", meaning: "Pages being written back right now", topic: "3.2" }),
  // Virtual memory events, /proc/vmstat
  define({ id: "vm.pgfault", unit: "faults/s", kind: "counter", labels: [], source: "/proc/vmstat pgfault", meaning: "Page faults per second, minor and major", topic: "3.3" }),
  define({ id: "vm.pgmajfault", unit: "faults/s", kind: "counter", labels: [], source: "/proc/vmstat pgmajfault", meaning: "Major page faults per second: faults that waited for storage", topic: "3.3" }),
  define({ id: "vm.pgscan_file", unit: "pages/s", kind: "counter", labels: [], source: "/proc/vmstat pgscan_file", meaning: "File pages scanned by reclaim per second (memcg reclaim included)", topic: "3.4" }),
  define({ id: "vm.pgsteal_file", unit: "pages/s", kind: "counter", labels: [], source: "/proc/vmstat pgsteal_file", meaning: "File pages reclaimed per second", topic: "3.4" }),
  define({ id: "vm.oom_kill", unit: "kills/s", kind: "counter", labels: [], source: "/proc/vmstat oom_kill (4.13+)", meaning: "Processes killed by the OOM killer, memory-cgroup OOMs included", topic: "3.1" }),
  define({ id: "vm.thp_fault_alloc", unit: "allocations/s", kind: "counter", labels: [], source: "/proc/vmstat thp_fault_alloc", meaning: "Transparent huge pages allocated at fault time", topic: "3.4" }),
  define({ id: "vm.compact_stall", unit: "stalls/s", kind: "counter", labels: [], source: "/proc/vmstat compact_stall", meaning: "Allocations that stalled in direct compaction", topic: "3.4" }),
  // Interrupts and softirqs (per-CPU columns are 32-bit and wrap)
  define({ id: "irq.loc", unit: "interrupts/s", kind: "counter", labels: ["cpu"], source: "/proc/interrupts LOC", meaning: "Local timer interrupts per CPU", topic: "2.3" }),
  define({ id: "irq.res", unit: "interrupts/s", kind: "counter", labels: ["cpu"], source: "/proc/interrupts RES", meaning: "Rescheduling IPIs: one CPU asking another to run the scheduler", topic: "2.3" }),
  define({ id: "irq.cal", unit: "interrupts/s", kind: "counter", labels: ["cpu"], source: "/proc/interrupts CAL", meaning: "Function-call IPIs (RPS steering and cross-CPU calls)", topic: "2.3" }),
  define({ id: "softirq.net_rx", unit: "softirqs/s", kind: "counter", labels: ["cpu"], source: "/proc/softirqs NET_RX", meaning: "Network receive softirqs raised per CPU", topic: "2.3" }),
  define({ id: "softirq.timer", unit: "softirqs/s", kind: "counter", labels: ["cpu"], source: "/proc/softirqs TIMER", meaning: "Timer softirqs per CPU", topic: "2.3" }),
  // Network receive backlog, /proc/net/softnet_stat (hex, 32-bit, global across namespaces)
  define({ id: "softnet.processed", unit: "packets/s", kind: "counter", labels: ["cpu"], source: "/proc/net/softnet_stat column 1", meaning: "Packets processed by net_rx_action per CPU", topic: "5.2" }),
  define({ id: "softnet.dropped", unit: "packets/s", kind: "counter", labels: ["cpu"], source: "/proc/net/softnet_stat column 2", meaning: "Packets dropped because the per-CPU backlog exceeded netdev_max_backlog", topic: "5.2" }),
  define({ id: "softnet.time_squeezed", unit: "events/s", kind: "counter", labels: ["cpu"], source: "/proc/net/softnet_stat column 3", meaning: "Times net_rx_action ran out of budget or time with work left", topic: "5.2" }),
  // Network devices, /proc/net/dev (per network namespace)
  define({ id: "net.rx_bytes", unit: "bytes/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev receive bytes", meaning: "Bytes received per second per interface", topic: "4.1" }),
  define({ id: "net.tx_bytes", unit: "bytes/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev transmit bytes", meaning: "Bytes sent per second per interface", topic: "4.1" }),
  define({ id: "net.rx_packets", unit: "packets/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev receive packets", meaning: "Packets received per second per interface", topic: "4.1" }),
  define({ id: "net.tx_packets", unit: "packets/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev transmit packets", meaning: "Packets sent per second per interface", topic: "4.1" }),
  define({ id: "net.rx_dropped", unit: "packets/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev receive drop", meaning: "Received packets the driver or stack dropped before delivery (no buffer, unknown protocol)", topic: "5.1" }),
  define({ id: "net.tx_dropped", unit: "packets/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev transmit drop", meaning: "Packets dropped on the way out of the interface", topic: "5.1" }),
  define({ id: "net.rx_errors", unit: "packets/s", kind: "counter", labels: ["interface"], source: "/proc/net/dev receive errs", meaning: "Receive errors reported by the driver (CRC, length, missed)", topic: "5.4" }),
  // TCP and UDP, /proc/net/snmp and /proc/net/netstat (per network namespace)
  define({ id: "tcp.out_segs", unit: "segments/s", kind: "counter", labels: [], source: "/proc/net/snmp Tcp OutSegs", meaning: "TCP segments sent per second, retransmissions excluded", topic: "4.3" }),
  define({ id: "tcp.retrans_segs", unit: "segments/s", kind: "counter", labels: [], source: "/proc/net/snmp Tcp RetransSegs", meaning: "TCP segments retransmitted per second; compare with out_segs for the retransmit ratio", topic: "4.3" }),
  define({ id: "tcp.timeouts", unit: "events/s", kind: "counter", labels: [], source: "/proc/net/netstat TcpExt TCPTimeouts", meaning: "Retransmission timer expiries: loss that fast retransmit could not repair", topic: "4.3" }),
  define({ id: "tcp.listen_overflows", unit: "events/s", kind: "counter", labels: [], source: "/proc/net/netstat TcpExt ListenOverflows", meaning: "Connections refused because a listener's accept queue was full", topic: "4.3" }),
  define({ id: "tcp.listen_drops", unit: "events/s", kind: "counter", labels: [], source: "/proc/net/netstat TcpExt ListenDrops", meaning: "SYNs and handshakes dropped at a listening socket, for any reason", topic: "4.3" }),
  define({ id: "udp.rcvbuf_errors", unit: "datagrams/s", kind: "counter", labels: [], source: "/proc/net/snmp Udp RcvbufErrors", meaning: "Datagrams dropped because a socket's receive buffer was full", topic: "4.3" }),
  define({ id: "udp.no_ports", unit: "datagrams/s", kind: "counter", labels: [], source: "/proc/net/snmp Udp NoPorts", meaning: "Datagrams to a port nobody listens on", topic: "4.3" }),
  // Block devices, /proc/diskstats (whole devices; partitions would double count)
  define({ id: "disk.reads", unit: "ops/s", kind: "counter", labels: ["device"], source: "/proc/diskstats field 1", meaning: "Reads completed per second (read IOPS)", topic: "6.1" }),
  define({ id: "disk.writes", unit: "ops/s", kind: "counter", labels: ["device"], source: "/proc/diskstats field 5", meaning: "Writes completed per second (write IOPS)", topic: "6.1" }),
  define({ id: "disk.read_bytes", unit: "bytes/s", kind: "counter", labels: ["device"], source: "/proc/diskstats field 3 × 512", meaning: "Bytes read per second", topic: "6.1" }),
  define({ id: "disk.write_bytes", unit: "bytes/s", kind: "counter", labels: ["device"], source: "/proc/diskstats field 7 × 512", meaning: "Bytes written per second", topic: "6.1" }),
  define({ id: "disk.read_latency_ms", unit: "ms", kind: "gauge", labels: ["device"], source: "/proc/diskstats Δfield 4 / Δfield 1", meaning: "Average time a completed read took over the interval, queueing included (iostat r_await)", topic: "6.3" }),
  define({ id: "disk.write_latency_ms", unit: "ms", kind: "gauge", labels: ["device"], source: "/proc/diskstats Δfield 8 / Δfield 5", meaning: "Average time a completed write took over the interval, queueing included (iostat w_await)", topic: "6.3" }),
  define({ id: "disk.queue_depth", unit: "requests", kind: "gauge", labels: ["device"], source: "/proc/diskstats Δfield 11 / Δt", meaning: "Average requests in flight over the interval (iostat aqu-sz)", topic: "6.3" }),
  define({ id: "disk.util_pct", unit: "%", kind: "gauge", labels: ["device"], source: "/proc/diskstats Δfield 10 / Δt", meaning: "Share of time with at least one request in flight; 100 % does not mean saturated on parallel devices", topic: "6.3" }),
  // Pressure from the cumulative totals: exact over any interval, unlike avg10 (recomputed every 2 s)
  define({ id: "psi.cpu.some_pct", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/cpu some Δtotal / Δt", meaning: "Share of the interval in which at least one task waited for a CPU", topic: "3.4" }),
  define({ id: "psi.memory.some_pct", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/memory some Δtotal / Δt", meaning: "Share of the interval in which at least one task stalled on memory", topic: "3.4" }),
  define({ id: "psi.memory.full_pct", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/memory full Δtotal / Δt", meaning: "Share of the interval in which all non-idle tasks stalled on memory at once", topic: "3.4" }),
  define({ id: "psi.io.some_pct", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/io some Δtotal / Δt", meaning: "Share of the interval in which at least one task waited for synchronous I/O", topic: "6.3" }),
  define({ id: "psi.io.full_pct", unit: "%", kind: "gauge", labels: [], source: "/proc/pressure/io full Δtotal / Δt", meaning: "Share of the interval in which all non-idle tasks waited for I/O at once", topic: "6.3" }),
  // Memory, more
  define({ id: "mem.free_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo MemFree", meaning: "Memory nobody uses, not even the page cache (small on a healthy host)", topic: "3.1" }),
  define({ id: "mem.swap_used_bytes", unit: "bytes", kind: "gauge", labels: [], source: "/proc/meminfo SwapTotal − SwapFree", meaning: "Swap space in use", topic: "3.1" }),
  define({ id: "vm.pswpin", unit: "pages/s", kind: "counter", labels: [], source: "/proc/vmstat pswpin", meaning: "Pages read back from swap per second", topic: "3.1" }),
  define({ id: "vm.pswpout", unit: "pages/s", kind: "counter", labels: [], source: "/proc/vmstat pswpout", meaning: "Pages written to swap per second", topic: "3.1" }),
  // cgroup CPU bandwidth control
  define({ id: "cgroup.cpu.nr_throttled", unit: "periods/s", kind: "counter", labels: ["cgroup"], source: "cpu.stat nr_throttled", meaning: "Enforcement periods in which the cgroup hit its CPU quota and was throttled", topic: "2.2" }),
] as const satisfies readonly TMetricDefinition[];

export type TMetricId = (typeof METRIC_CATALOGUE)[number]["id"];

const METRICS_BY_ID: ReadonlyMap<string, TMetricDefinition> = new Map(METRIC_CATALOGUE.map((metric) => [metric.id, metric]));

export function findMetric(id: string): TMetricDefinition | undefined {
  return METRICS_BY_ID.get(id);
}

export const METRIC_IDS: ReadonlySet<string> = new Set(METRICS_BY_ID.keys());
