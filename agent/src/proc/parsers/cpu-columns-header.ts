// The "CPU0 CPU1 …" header line shared by /proc/interrupts (online CPUs) and
// /proc/softirqs (possible CPUs): the CPU ids of the count columns, in column order.
import { ProcParseError } from "../parse-error";
import { isUnsignedDecimal, splitFields } from "./fields";

export function parseCpuColumnsHeader(header: string, file: string): number[] {
  const labels = splitFields(header);
  if (labels.length === 0) throw new ProcParseError(file, "empty file, expected the 'CPU0 CPU1 …' header", 1);
  return labels.map((label) => {
    const id = label.slice(3);
    if (!label.startsWith("CPU") || !isUnsignedDecimal(id)) throw new ProcParseError(file, `expected a header of CPU columns, found ${JSON.stringify(label)}`, 1);
    return Number(id);
  });
}
