// /proc/interrupts: interrupt counts per source and per ONLINE CPU, host-global.
// Format: kernel/irq/proc.c show_interrupts (the header and numbered rows) and the
// architecture's arch_show_interrupts (named rows; x86: arch/x86/kernel/irq.c).
//
//              CPU0       CPU2                      header: online CPUs only, ids may skip
//    24:          1          0  IO-APIC   5-edge      ACPI:Ged      IRQ: counts, chip, hwirq-handler, actions
//   LOC:    1406841    2203239   Local timer interrupts             named row: counts, description
//   ERR:          0                                                 one system-wide number
//
// A column belongs to the CPU named in the header, never to its position: after a CPU goes
// offline its column disappears. Rows whose id is a number are device IRQs; the others are
// per-CPU architecture counters (NMI, LOC, RES, CAL, TLB … on x86, IPI0… on arm64).
// ERR and MIS on x86 (and Err on arm) are a single atomic counter with no description;
// recent x86 kernels print them per CPU with a description instead, which this parser
// reads as an ordinary per-CPU row.
//
// Every count is an unsigned int: it wraps at 2^32 (INTERRUPT_COUNTER_MODULUS).
import { ProcParseError } from "../parse-error";
import { parseCpuColumnsHeader } from "./cpu-columns-header";
import { containsWhitespace, fieldEnd, isBlank, isUnsignedDecimal, skipSpaces } from "./fields";

export const INTERRUPT_COUNTER_MODULUS = 2 ** 32;

export type TInterruptRow =
  | {
      kind: "per-cpu";
      /** "24" for IRQ 24, "LOC", "NMI", "IPI0" … */
      id: string;
      countsByCpu: Record<number, number>;
      /** The rest of the line, trimmed: chip, hwirq and handler, then the device names; or the description. */
      description: string;
    }
  | { kind: "system-wide"; id: string; count: number };

export type TInterrupts = {
  /** Online CPU ids from the header, in column order. */
  cpus: number[];
  rows: TInterruptRow[];
};


export function parseInterrupts(text: string, file = "/proc/interrupts"): TInterrupts {
  const lines = text.split("\n");
  const cpus = parseCpuColumnsHeader(lines[0] ?? "", file);

  const rows: TInterruptRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    rows.push(parseRow(line, index + 1, cpus, file));
  }
  return { cpus, rows };
}

function parseRow(line: string, lineNumber: number, cpus: number[], file: string): TInterruptRow {
  const colon = line.indexOf(":");
  const id = colon === -1 ? "" : line.slice(0, colon).trim();
  if (id === "" || containsWhitespace(id)) throw new ProcParseError(file, "expected '<irq>: <counts per CPU> …'", lineNumber);

  // The counts are the leading numeric tokens; the description may contain numbers too
  // ("IO-APIC   5-edge"), so at most one count per header CPU is taken.
  let descriptionStart = colon + 1;
  const counts: number[] = [];
  while (counts.length < cpus.length) {
    const start = skipSpaces(line, descriptionStart);
    const end = fieldEnd(line, start);
    const token = line.slice(start, end);
    if (!isUnsignedDecimal(token)) break;
    counts.push(Number(token));
    descriptionStart = end;
  }
  const description = line.slice(descriptionStart).trim();

  // Checked first so that "ERR: 0" on a one-CPU machine is not taken for CPU0's count:
  // every per-CPU row carries a description, a system-wide one never does.
  if (counts.length === 1 && description === "" && !isUnsignedDecimal(id)) {
    return { kind: "system-wide", id, count: counts[0]! };
  }
  if (counts.length === cpus.length) {
    const countsByCpu: Record<number, number> = {};
    cpus.forEach((cpu, position) => (countsByCpu[cpu] = counts[position]!));
    return { kind: "per-cpu", id, countsByCpu, description };
  }
  const found = description === "" ? "" : ` before ${JSON.stringify(description.split(/\s+/)[0])}`;
  throw new ProcParseError(file, `${id}: expected ${cpus.length} counts (one per CPU), found ${counts.length}${found}`, lineNumber);
}
