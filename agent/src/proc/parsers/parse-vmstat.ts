// /proc/vmstat: "pgfault 57310968", one name and one number per line. Format: mm/vmstat.c
// (vmstat_text[] and vmstat_show), proc_vmstat(5).
//
// The names are the kernel's enums in print order (zone stats, NUMA stats, node stats,
// writeback thresholds, then vm_event_item counters), and that list changes with almost
// every release and with the configuration (workingset_refault split into _anon/_file in
// 5.9, pgscan_anon/file added in 5.8, numa_* only with CONFIG_NUMA, thp_* only with THP...).
// So every line is kept by name and nothing is assumed about position. Gauges (nr_*, mostly
// in pages) and counters (pg*, events) are mixed; telling them apart is the collector's job.
//
// Values are printed unsigned; a per-CPU drift can make a node gauge briefly "negative",
// which the kernel prints as a number near 2^64. JS numbers hold such values approximately
// (above 2^53 the last digits are lost), which is harmless for gauges and rates alike.
import { ProcParseError } from "../parse-error";
import { isUnsignedDecimal, splitFields } from "./fields";

/** Every /proc/vmstat field by its kernel name, in the kernel's unit (mostly pages or events). */
export type TVmstat = Readonly<Record<string, number>>;

/**
 * `only`: the names to keep (every line is still checked). A collector that reads a dozen
 * of the ~180 fields every second saves building a 180-key object each time.
 */
export function parseVmstat(text: string, file = "/proc/vmstat", only?: ReadonlySet<string>): TVmstat {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  const entries: [string, number][] = [];
  let hasFreePages = false;
  for (let index = 0; index < lines.length; index++) {
    const fields = splitFields(lines[index]!);
    if (fields.length === 0) continue;
    if (fields.length !== 2 || !isUnsignedDecimal(fields[1]!)) throw new ProcParseError(file, `expected "name value", got "${lines[index]!.trim()}"`, index + 1);
    if (!only || only.has(fields[0]!)) entries.push([fields[0]!, Number(fields[1])]);
    if (fields[0] === "nr_free_pages") hasFreePages = true;
  }

  // nr_free_pages is the first zone stat, printed by every kernel whatever its configuration.
  if (!hasFreePages) throw new ProcParseError(file, 'no "nr_free_pages" line', lines.length + 1);
  // fromEntries defines own properties, so even a name like "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}
