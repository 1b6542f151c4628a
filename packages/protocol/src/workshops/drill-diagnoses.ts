// What a learner may answer in a drill, and the answer key. The choices follow the lab
// page's tabs (the USE method's resources), so a learner names the resource they found
// saturated and the mechanism that saturated it. The key maps each catalogue scenario (and
// each variant that changes the mechanism) to one mechanism; grading compares mechanisms,
// and the subsystem alone earns partial credit. The key is not secret: knowing what each
// scenario is does not tell a learner which one the instructor started.

export const DRILL_SUBSYSTEMS = [
  { id: "cpu", label: "CPU" },
  { id: "memory", label: "Memory" },
  { id: "interrupts", label: "Interrupts & softirqs" },
  { id: "network", label: "Network" },
  { id: "disk", label: "Disk" },
] as const;
export type TDrillSubsystem = (typeof DRILL_SUBSYSTEMS)[number]["id"];

export interface TDrillMechanism {
  id: string;
  subsystem: TDrillSubsystem;
  label: string;
}

export const DRILL_MECHANISMS: readonly TDrillMechanism[] = [
  { id: "run-queue-saturation", subsystem: "cpu", label: "More runnable threads than CPUs: tasks wait in the run queue" },
  { id: "cgroup-throttling", subsystem: "cpu", label: "A cgroup's CPU quota throttles its tasks (cpu.max)" },
  { id: "major-fault-thrashing", subsystem: "memory", label: "Working set larger than memory: major faults re-read pages" },
  { id: "memory-reclaim", subsystem: "memory", label: "Reclaim under memory pressure (kswapd and direct reclaim scanning)" },
  { id: "oom-kill", subsystem: "memory", label: "A memory limit is hit and the OOM killer kills tasks" },
  { id: "softirq-backlog", subsystem: "interrupts", label: "NET_RX softirq cannot keep up: time squeezes and backlog drops" },
  { id: "interrupt-storm", subsystem: "interrupts", label: "An interrupt storm on one CPU (timer or inter-processor interrupts)" },
  { id: "socket-buffer-overflow", subsystem: "network", label: "Microbursts overflow a socket's receive buffer" },
  { id: "packet-loss-retransmits", subsystem: "network", label: "Packet loss on the path makes TCP retransmit and time out" },
  { id: "mtu-blackhole", subsystem: "network", label: "A path MTU black hole: large packets vanish without ICMP" },
  { id: "dirty-writeback", subsystem: "disk", label: "Dirty page cache reaches its limit and writers are throttled" },
  { id: "io-queue-contention", subsystem: "disk", label: "Competing I/O saturates the device queue: latency and queue depth rise" },
];

/** Scenario id, or "scenario-id/variant" where a variant changes the mechanism. */
export const DRILL_ANSWER_KEY: Readonly<Record<string, string>> = {
  "cpu-starvation": "run-queue-saturation",
  "cpu-starvation/cgroup-quota": "cgroup-throttling",
  "memory-pressure": "major-fault-thrashing",
  "memory-pressure/reclaim": "memory-reclaim",
  "memory-pressure/oom": "oom-kill",
  "softirq-backlog": "softirq-backlog",
  "irq-storm": "interrupt-storm",
  "irq-storm/ipi": "interrupt-storm",
  "network-microburst": "socket-buffer-overflow",
  "tcp-retransmits": "packet-loss-retransmits",
  "mtu-blackhole": "mtu-blackhole",
  "dirty-writeback": "dirty-writeback",
  "disk-contention": "io-queue-contention",
};

export function findDrillMechanism(id: string): TDrillMechanism | undefined {
  return DRILL_MECHANISMS.find((mechanism) => mechanism.id === id);
}

/** The mechanism a scenario (with its variant, if any) demonstrates; undefined when the key lacks it. */
export function expectedDrillMechanism(scenarioId: string, variant: string | null): TDrillMechanism | undefined {
  const id = (variant && DRILL_ANSWER_KEY[`${scenarioId}/${variant}`]) || DRILL_ANSWER_KEY[scenarioId];
  return id ? findDrillMechanism(id) : undefined;
}

export interface TDrillGrade {
  isCorrect: boolean;
  isSubsystemCorrect: boolean;
}

export function gradeDrillDiagnosis(expected: TDrillMechanism, answer: { subsystem: string; mechanism: string }): TDrillGrade {
  return { isCorrect: answer.mechanism === expected.id, isSubsystemCorrect: answer.subsystem === expected.subsystem };
}
