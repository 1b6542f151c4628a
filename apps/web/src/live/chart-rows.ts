// The rows one chart draws for a time window: at most maxPoints of them, whatever the
// window, so an hour costs the renderer what a minute does. Slots are grouped evenly and
// each line shows the mean of what it has in a group (a gap stays a gap: null).
import type { TChartLine } from "./lab-charts";
import type { SlotStore } from "./slot-store";

export type TChartRow = { t: number } & Record<string, number | null>;

export interface TChartWindow {
  /** Last slot time shown (ms). */
  endMs: number;
  seconds: number;
}

/** Recharts reads dataKey "a.b" as a path; series keys have dots, so rows use l0, l1, ... */
export const lineDataKey = (index: number) => `l${index}`;

export function buildChartRows(store: SlotStore, lines: readonly TChartLine[], window: TChartWindow, maxPoints: number): TChartRow[] {
  const lastSlot = store.slotOf(window.endMs);
  const slotCount = Math.max(1, Math.round((window.seconds * 1000) / store.slotMs));
  const firstSlot = lastSlot - slotCount + 1;
  const group = Math.max(1, Math.ceil(slotCount / maxPoints));
  const rows: TChartRow[] = [];
  const sums = new Float64Array(lines.length);
  const counts = new Uint32Array(lines.length);
  for (let start = firstSlot; start <= lastSlot; start += group) {
    sums.fill(0);
    counts.fill(0);
    let anyData = false;
    for (let slot = start; slot < start + group && slot <= lastSlot; slot++) {
      if (!store.hasSlot(slot)) continue;
      anyData = true;
      const read = (key: string) => store.valueAt(slot, key);
      lines.forEach((line, index) => {
        const value = line.value(read);
        if (value !== null && Number.isFinite(value)) {
          sums[index] = sums[index]! + value;
          counts[index] = counts[index]! + 1;
        }
      });
    }
    const row: TChartRow = { t: start * store.slotMs } as TChartRow;
    lines.forEach((_, index) => {
      row[lineDataKey(index)] = anyData && counts[index]! > 0 ? sums[index]! / counts[index]! : null;
    });
    rows.push(row);
  }
  return rows;
}
