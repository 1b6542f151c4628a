// /proc/net/softnet_stat: one row per ONLINE CPU of per-CPU receive-path counters
// (struct softnet_data), host-global even inside a network namespace. Format:
// net/core/net-procfs.c softnet_seq_show, every column "%08x" of a 32-bit value. The row
// count and width depend on the kernel (FIELD-NOTES pitfall 6):
//
//   col  1 processed        packets taken off the backlog / NAPI poll on this CPU
//   col  2 dropped          backlog full (net.core.netdev_max_backlog)
//   col  3 time_squeeze     net_rx_action stopped with work left (budget or time)
//   col 4-8                 always 0 ("was fastroute")
//   col  9 cpu_collision    counted on 3.x kernels; printed as 0 "was cpu_collision" by 4.19
//   col 10 received_rps     2.6.35+: RPS IPIs that woke this CPU
//   col 11 flow_limit_count 3.11+ (commit 99bbc7074190)
//   col 12 backlog_len      5.10+ (commit 7d58e6555870), gauge: both backlog queues
//   col 13 cpu id           5.10+, same commit
//   col 14 input_qlen       6.4+, gauge
//   col 15 process_qlen     6.4+, gauge
//
// Rows skip offline CPUs (softnet_get_online), so before 5.10, where column 13 does not
// exist, the row index is NOT the CPU id whenever a CPU is offline: the row says `cpu: null`
// and keeps its `rowIndex`. The k-th row is then the k-th online CPU, the same order as
// the CPU columns of /proc/interrupts read at about the same time.
//
// Counters wrap at 2^32 (SOFTNET_COUNTER_MODULUS): at 1 Mpps per CPU, processed wraps in
// about 72 minutes, so a collector must unwrap instead of treating the drop as a reset.
import { ProcParseError } from "../parse-error";
import { isHex, splitFields } from "./fields";

export const SOFTNET_COUNTER_MODULUS = 2 ** 32;

export type TSoftnetRow = {
  /** 0-based position in the file: the n-th online CPU. */
  rowIndex: number;
  /** The CPU id from column 13 (5.10+); null when the kernel does not print it. */
  cpu: number | null;
  processed: number;
  dropped: number;
  timeSqueeze: number;
  /** Always 0 on 4.19+ ("was cpu_collision"); a real counter only on older kernels. */
  cpuCollision: number;
  receivedRps: number | undefined;
  flowLimitCount: number | undefined;
  /** Gauge: packets waiting in this CPU's backlog queues at read time. */
  backlogLength: number | undefined;
  /** Gauge (6.4+): the input_pkt_queue part of backlogLength. */
  inputQueueLength: number | undefined;
  /** Gauge (6.4+): the process_queue part of backlogLength. */
  processQueueLength: number | undefined;
};

export type TSoftnetStat = {
  /** Columns per row: 9, 10, 11, 13, 15, or more on kernels newer than this parser. */
  columnCount: number;
  rows: TSoftnetRow[];
};

const MIN_COLUMNS = 9;
const CPU_ID_COLUMN = 13;
const HEX_DIGITS = 8; // %08x: 32-bit

export function parseSoftnetStat(text: string, file = "/proc/net/softnet_stat"): TSoftnetStat {
  const rows: TSoftnetRow[] = [];
  let columnCount = 0;

  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const columns = splitFields(lines[index]!);
    if (columns.length === 0) continue;
    const lineNumber = index + 1;
    if (columns.length < MIN_COLUMNS) {
      throw new ProcParseError(file, `expected at least ${MIN_COLUMNS} hex counters, found ${columns.length}`, lineNumber);
    }
    // Every row comes from the same format string; a shorter or longer one was cut or mangled.
    if (columnCount !== 0 && columns.length !== columnCount) {
      throw new ProcParseError(file, `expected ${columnCount} hex counters like the first row, found ${columns.length}`, lineNumber);
    }
    columnCount = columns.length;
    rows.push(parseRow(columns, rows.length, lineNumber, file));
  }

  if (rows.length === 0) throw new ProcParseError(file, "empty file, expected one row per online CPU", 1);
  return { columnCount, rows };
}

function parseRow(columns: string[], rowIndex: number, lineNumber: number, file: string): TSoftnetRow {
  const values: number[] = [];
  for (let position = 0; position < columns.length; position++) {
    const column = columns[position]!;
    if (!isHex(column, HEX_DIGITS)) {
      throw new ProcParseError(file, `column ${position + 1} is not a 32-bit hex counter: ${JSON.stringify(column)}`, lineNumber);
    }
    values.push(Number.parseInt(column, 16));
  }
  // values[n - 1] is column n; past the row's end it is undefined, as the type says.
  return {
    rowIndex,
    cpu: values.length >= CPU_ID_COLUMN ? values[CPU_ID_COLUMN - 1]! : null,
    processed: values[0]!,
    dropped: values[1]!,
    timeSqueeze: values[2]!,
    cpuCollision: values[8]!,
    receivedRps: values[9],
    flowLimitCount: values[10],
    backlogLength: values[11],
    inputQueueLength: values[13],
    processQueueLength: values[14],
  };
}
