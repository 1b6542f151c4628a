// /proc/net/dev: per-interface link-layer counters of the reader's network namespace.
// Format: net/core/net-procfs.c (dev_seq_show, dev_seq_printf_stats): two header lines,
// then "%6s: %7llu %7llu …" per device. Interface names never contain ':' or whitespace
// (net/core/dev.c dev_valid_name) and are at most 15 characters, so the first ':' ends the
// name even when a long name ("vethab12cd34") leaves no padding before it, and in the old
// "%6s:%8lu" format where the first number follows the colon with no space.
//
// The counters are 64-bit (u64). JavaScript numbers are exact up to 2^53 (9 PB of bytes):
// above that the last digits are rounded, which is harmless for rates.
import { ProcParseError } from "../parse-error";
import { isBlank, isUnsignedDecimal, splitFields } from "./fields";

export type TNetDevInterface = {
  name: string;
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  /** rx_dropped (+ rx_missed_errors on current kernels). */
  rxDropped: number;
  rxFifoErrors: number;
  /** Sum of length, over, crc and frame errors. */
  rxFrameErrors: number;
  rxCompressed: number;
  rxMulticast: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
  txFifoErrors: number;
  txCollisions: number;
  /** Sum of carrier, aborted, window and heartbeat errors. */
  txCarrierErrors: number;
  txCompressed: number;
};

export type TNetDev = {
  interfaces: TNetDevInterface[];
};

type TRxField = "rxBytes" | "rxPackets" | "rxErrors" | "rxDropped" | "rxFifoErrors" | "rxFrameErrors" | "rxCompressed" | "rxMulticast";
type TTxField = "txBytes" | "txPackets" | "txErrors" | "txDropped" | "txFifoErrors" | "txCollisions" | "txCarrierErrors" | "txCompressed";

// Column names as the kernel prints them on the second header line, in order. A kernel
// that appended a column would still match (extra columns are skipped); one that renamed
// or reordered a column would not, and its numbers must not be trusted by position.
const RX_COLUMNS: ReadonlyArray<readonly [string, TRxField]> = [
  ["bytes", "rxBytes"], ["packets", "rxPackets"], ["errs", "rxErrors"], ["drop", "rxDropped"],
  ["fifo", "rxFifoErrors"], ["frame", "rxFrameErrors"], ["compressed", "rxCompressed"], ["multicast", "rxMulticast"],
];
const TX_COLUMNS: ReadonlyArray<readonly [string, TTxField]> = [
  ["bytes", "txBytes"], ["packets", "txPackets"], ["errs", "txErrors"], ["drop", "txDropped"],
  ["fifo", "txFifoErrors"], ["colls", "txCollisions"], ["carrier", "txCarrierErrors"], ["compressed", "txCompressed"],
];

export function parseNetDev(text: string, file = "/proc/net/dev"): TNetDev {
  const lines = text.split("\n");
  const { rxColumnCount, txColumnCount } = parseHeader(lines, file);

  const interfaces: TNetDevInterface[] = [];
  for (let index = 2; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    interfaces.push(parseInterfaceLine(line, index + 1, rxColumnCount, txColumnCount, file));
  }
  return { interfaces };
}

// The header is the same on every read of a machine's /proc/net/dev: the last one that
// checked out is remembered, so high-resolution sampling does not re-check it 100 times a second.
let lastCheckedHeader: { first: string; second: string; counts: { rxColumnCount: number; txColumnCount: number } } | null = null;

/** Checks both header lines and returns how many columns each section has. */
function parseHeader(lines: string[], file: string): { rxColumnCount: number; txColumnCount: number } {
  if (lastCheckedHeader && lines[0] === lastCheckedHeader.first && lines[1] === lastCheckedHeader.second) return lastCheckedHeader.counts;
  const counts = checkHeader(lines, file);
  lastCheckedHeader = { first: lines[0]!, second: lines[1]!, counts };
  return counts;
}

function checkHeader(lines: string[], file: string): { rxColumnCount: number; txColumnCount: number } {
  const first = lines[0] ?? "";
  if (first.trim() === "") throw new ProcParseError(file, "empty file, expected the 'Inter-|' header", 1);
  if (!/^Inter-\|\s*Receive\s*\|\s*Transmit\s*$/.test(first)) {
    throw new ProcParseError(file, `unexpected first header line ${JSON.stringify(first)}`, 1);
  }

  const sections = (lines[1] ?? "").split("|");
  const [face, rx, tx] = sections;
  if (sections.length !== 3 || face?.trim() !== "face") {
    throw new ProcParseError(file, "second header line must be ' face |<receive columns>|<transmit columns>'", 2);
  }
  const rxNames = rx!.trim().split(/\s+/);
  const txNames = tx!.trim().split(/\s+/);
  checkColumnNames("receive", rxNames, RX_COLUMNS, file);
  checkColumnNames("transmit", txNames, TX_COLUMNS, file);
  return { rxColumnCount: rxNames.length, txColumnCount: txNames.length };
}

function checkColumnNames(section: string, actual: string[], expected: ReadonlyArray<readonly [string, string]>, file: string): void {
  expected.forEach(([name], position) => {
    if (actual[position] !== name) {
      throw new ProcParseError(file, `${section} column ${position + 1} is ${JSON.stringify(actual[position] ?? "")}, expected "${name}"`, 2);
    }
  });
}

function parseInterfaceLine(line: string, lineNumber: number, rxColumnCount: number, txColumnCount: number, file: string): TNetDevInterface {
  const colon = line.indexOf(":");
  const name = colon === -1 ? "" : line.slice(0, colon).trim();
  if (name === "" || /\s/.test(name)) throw new ProcParseError(file, "expected '<interface>: <counters>'", lineNumber);

  const values = splitFields(line, colon + 1);
  if (values.length < rxColumnCount + txColumnCount) {
    throw new ProcParseError(file, `${name}: expected ${rxColumnCount + txColumnCount} counters, found ${values.length}`, lineNumber);
  }
  for (let position = 0; position < values.length; position++) {
    if (!isUnsignedDecimal(values[position]!)) {
      throw new ProcParseError(file, `${name}: counter ${position + 1} is not an unsigned integer: ${JSON.stringify(values[position])}`, lineNumber);
    }
  }

  const counters = { name } as TNetDevInterface;
  for (let position = 0; position < RX_COLUMNS.length; position++) counters[RX_COLUMNS[position]![1]] = Number(values[position]);
  for (let position = 0; position < TX_COLUMNS.length; position++) counters[TX_COLUMNS[position]![1]] = Number(values[rxColumnCount + position]);
  return counters;
}
