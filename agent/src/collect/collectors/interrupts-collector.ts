// Timer and inter-processor interrupts per CPU from /proc/interrupts (32-bit per-CPU
// counters that wrap; FIELD-NOTES 5). Kept at 1 Hz: this file is the most expensive to
// read, and grows with CPUs × IRQ lines (FIELD-NOTES 15).
import type { TMetricPoint } from "@perflab/protocol";
import { parseInterrupts } from "../../proc/parsers/parse-interrupts";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";
import { RateTracker } from "../rate-tracker";

const ROWS: Record<string, string> = { LOC: "irq.loc", RES: "irq.res", CAL: "irq.cal" };

export function createInterruptsCollector(): TCollector {
  const rates = new RateTracker();
  return {
    name: "interrupts",
    isHighRes: false,
    collect(reader, nowMs) {
      const interrupts = parseInterrupts(requireProcFile(reader, "interrupts"), `${reader.procRoot}/interrupts`);
      rates.beginRound();
      const points: TMetricPoint[] = [];
      for (const row of interrupts.rows) {
        const metric = ROWS[row.id];
        if (!metric || row.kind !== "per-cpu") continue;
        for (const [cpu, count] of Object.entries(row.countsByCpu)) {
          const rate = rates.rate(`${row.id}/${cpu}`, count, nowMs, 32);
          if (rate !== undefined) points.push([metric, rate, { cpu }]);
        }
      }
      return points;
    },
  };
}
