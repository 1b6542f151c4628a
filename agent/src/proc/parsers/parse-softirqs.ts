// /proc/softirqs: how often each softirq type ran on each CPU, host-global.
// Format: fs/proc/softirqs.c show_softirqs: a header "CPU%-8d" per CPU, then one row per
// softirq_to_name[] entry (kernel/softirq.c) as "%12s:" and " %10u" per CPU.
//
// Unlike /proc/interrupts, the header lists every POSSIBLE CPU (for_each_possible_cpu):
// an offline CPU keeps its column, frozen. Names: HI TIMER NET_TX NET_RX BLOCK IRQ_POLL
// TASKLET SCHED HRTIMER RCU; IRQ_POLL was BLOCK_IOPOLL before 4.5 (commit 511cbce2ff8b,
// "irq_poll: make blk-iopoll available outside the block layer"). Any name is accepted.
//
// Every count is an unsigned int: it wraps at 2^32 (SOFTIRQ_COUNTER_MODULUS); NET_RX at
// 1 M/s on one CPU wraps in about 72 minutes.
import { ProcParseError } from "../parse-error";
import { parseCpuColumnsHeader } from "./cpu-columns-header";
import { containsWhitespace, isBlank, isUnsignedDecimal, splitFields } from "./fields";

export const SOFTIRQ_COUNTER_MODULUS = 2 ** 32;

export type TSoftirqRow = {
  /** "NET_RX", "TIMER" … as the kernel names it. */
  name: string;
  countsByCpu: Record<number, number>;
};

export type TSoftirqs = {
  /** CPU ids from the header, in column order (possible CPUs, online or not). */
  cpus: number[];
  rows: TSoftirqRow[];
};

export function parseSoftirqs(text: string, file = "/proc/softirqs"): TSoftirqs {
  const lines = text.split("\n");
  const cpus = parseCpuColumnsHeader(lines[0] ?? "", file);

  const rows: TSoftirqRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    rows.push(parseRow(line, index + 1, cpus, file));
  }
  return { cpus, rows };
}

function parseRow(line: string, lineNumber: number, cpus: number[], file: string): TSoftirqRow {
  const colon = line.indexOf(":");
  const name = colon === -1 ? "" : line.slice(0, colon).trim();
  if (name === "" || containsWhitespace(name)) throw new ProcParseError(file, "expected '<SOFTIRQ>: <count per CPU>'", lineNumber);

  const counts = splitFields(line, colon + 1);
  // More values than CPUs would be a new kind of column: ignored. Fewer means a cut line.
  if (counts.length < cpus.length) {
    throw new ProcParseError(file, `${name}: expected ${cpus.length} counts (one per CPU), found ${counts.length}`, lineNumber);
  }
  const countsByCpu: Record<number, number> = {};
  for (let position = 0; position < cpus.length; position++) {
    const cpu = cpus[position]!;
    const count = counts[position]!;
    if (!isUnsignedDecimal(count)) {
      throw new ProcParseError(file, `${name}: count for CPU${cpu} is not an unsigned integer: ${JSON.stringify(count)}`, lineNumber);
    }
    countsByCpu[cpu] = Number(count);
  }
  return { name, countsByCpu };
}
