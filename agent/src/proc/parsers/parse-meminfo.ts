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
import { containsWhitespace, isUnsignedDecimal, splitFields } from "./fields";

/** Every key of /proc/meminfo by its kernel name: bytes for "kB" lines, counts for unitless ones. */
export type TMeminfo = Readonly<Record<string, number>>;

const BYTES_PER_KB = 1024;
// "Key: value" or "Key: value kB"; keys contain letters, digits, "_" and "()".

/** `only`: the keys to keep (every line is still checked), for collectors that need a few. */
export function parseMeminfo(text: string, file = "/proc/meminfo", only?: ReadonlySet<string>): TMeminfo {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  const entries: [string, number][] = [];
  let hasMemTotal = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === "") continue;
    // "Key: value [unit]": a key without whitespace, a colon, an unsigned number, an optional unit.
    const colon = line.indexOf(":");
    const key = colon > 0 ? line.slice(0, colon) : "";
    const rest = splitFields(line, colon + 1);
    const isWellFormed = key !== "" && !containsWhitespace(key) && (rest.length === 1 || rest.length === 2) && isUnsignedDecimal(rest[0]!);
    if (!isWellFormed) throw new ProcParseError(file, `expected "Key: value [kB]", got "${line}"`, index + 1);
    const [value, unit] = [rest[0]!, rest[1]];
    if (unit !== undefined && unit !== "kB") throw new ProcParseError(file, `${key}: unknown unit "${unit}" (only kB is documented)`, index + 1);
    if (!only || only.has(key)) entries.push([key, unit === "kB" ? Number(value) * BYTES_PER_KB : Number(value)]);
    if (key === "MemTotal") hasMemTotal = true;
  }

  // Every kernel prints MemTotal first, and every other value is read against it.
  if (!hasMemTotal) throw new ProcParseError(file, 'no "MemTotal" line', lines.length + 1);
  // fromEntries defines own properties, so even a key named "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}
