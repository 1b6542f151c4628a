// /proc/meminfo: "MemTotal:       24683620 kB", one key per line. Format: fs/proc/meminfo.c
// (meminfo_proc_show), mm/hugetlb.c (hugetlb_report_meminfo), arch/x86/mm/pageattr.c
// (arch_report_meminfo: DirectMap*), proc_meminfo(5).
//
// The set of keys depends on the kernel version and its configuration (KReclaimable 4.20,
// FileHugePages 5.4, Zswap 5.19, CmaTotal only with CONFIG_CMA, ...), so every line is kept
// by its own name, including names with parentheses like "Active(anon)", and nothing is
// assumed about order. The kernel's "kB" is KiB: values are converted to bytes here, once.
// The few keys printed without a unit (HugePages_Total, HugePages_Free, HugePages_Rsvd,
// HugePages_Surp) are page counts and stay plain numbers.
//
// Byte values of 64-bit counters become JS numbers: exact up to 8 PiB, which no machine's
// memory reaches (VmallocTotal, an address-space size, is 32 TiB on x86-64).
import { ProcParseError } from "../parse-error";

/** Every key of /proc/meminfo by its kernel name: bytes for "kB" lines, counts for unitless ones. */
export type TMeminfo = Readonly<Record<string, number>>;

const BYTES_PER_KB = 1024;
// "Key: value" or "Key: value kB"; keys contain letters, digits, "_" and "()".
const MEMINFO_LINE = /^([^\s:]+):\s*(\d+)(?:\s+(\S+))?$/;

export function parseMeminfo(text: string, file = "/proc/meminfo"): TMeminfo {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  const entries: [string, number][] = [];
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === "") continue;
    const match = MEMINFO_LINE.exec(line);
    if (!match) throw new ProcParseError(file, `expected "Key: value [kB]", got "${line}"`, index + 1);
    const [key, value, unit] = [match[1]!, match[2]!, match[3]];
    if (unit !== undefined && unit !== "kB") throw new ProcParseError(file, `${key}: unknown unit "${unit}" (only kB is documented)`, index + 1);
    entries.push([key, unit === "kB" ? Number(value) * BYTES_PER_KB : Number(value)]);
  }

  // Every kernel prints MemTotal first, and every other value is read against it.
  if (!entries.some(([key]) => key === "MemTotal")) throw new ProcParseError(file, 'no "MemTotal" line', lines.length + 1);
  // fromEntries defines own properties, so even a key named "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}
