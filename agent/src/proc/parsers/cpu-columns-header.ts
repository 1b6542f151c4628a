// The "CPU0 CPU1 …" header line shared by /proc/interrupts (online CPUs) and
// /proc/softirqs (possible CPUs): the CPU ids of the count columns, in column order.
import { ProcParseError } from "../parse-error";

const CPU_LABEL = /^CPU(\d+)$/;

export function parseCpuColumnsHeader(header: string, file: string): number[] {
  const labels = header.trim().split(/\s+/).filter(Boolean);
  if (labels.length === 0) throw new ProcParseError(file, "empty file, expected the 'CPU0 CPU1 …' header", 1);
  return labels.map((label) => {
    const match = CPU_LABEL.exec(label);
    if (!match) throw new ProcParseError(file, `expected a header of CPU columns, found ${JSON.stringify(label)}`, 1);
    return Number(match[1]);
  });
}
