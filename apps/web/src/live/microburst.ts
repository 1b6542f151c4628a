// The microburst picture (curriculum 5.5 and 9.3): one interface's traffic over a
// high-resolution window, at 10 ms and as the 1 s averages a normal dashboard would show,
// and how far the peak stands above the average of its own second. A burst that fills a
// queue for 20 ms and then stops is invisible at 1 s; the ratio says by how much.
import type { THighResWindow } from "./live-machine-feed";
import { parseSeriesKey, seriesKey } from "./series-key";
import type { SlotStore } from "./slot-store";

export interface TMicroburstRow {
  t: number;
  /** The 10 ms rate at this slot, null where no sample landed. */
  fine: number | null;
  /** The average of the 10 ms rates in this slot's second: the 1 s view. */
  second: number;
}

export interface TMicroburstAnalysis {
  interfaceName: string;
  metricId: string;
  rows: TMicroburstRow[];
  peak: { t: number; value: number } | null;
  /** The 1 s average of the peak's second. */
  peakSecondAverage: number | null;
  /** peak ÷ its second's average; null without traffic. */
  peakToAverage: number | null;
}

/** Interfaces with high-resolution data of a metric, busiest (highest 10 ms peak) first. */
export function microburstInterfaces(store: SlotStore, metricId: string, window: THighResWindow): string[] {
  const peaks = new Map<string, number>();
  for (const key of store.seriesKeys()) {
    const { metricId: id, labels } = parseSeriesKey(key);
    if (id !== metricId || !labels.interface) continue;
    let peak = 0;
    for (let slot = store.slotOf(window.fromMs); slot <= store.slotOf(window.toMs); slot++) peak = Math.max(peak, store.valueAt(slot, key) ?? 0);
    peaks.set(labels.interface, peak);
  }
  return [...peaks.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

export function analyseMicroburst(store: SlotStore, metricId: string, interfaceName: string, window: THighResWindow): TMicroburstAnalysis {
  const key = seriesKey(metricId, { interface: interfaceName });
  const firstSlot = store.slotOf(window.fromMs);
  const lastSlot = store.slotOf(window.toMs);
  const fineRows: { t: number; fine: number | null }[] = [];
  const secondTotals = new Map<number, { sum: number; count: number }>();
  for (let slot = firstSlot; slot <= lastSlot; slot++) {
    const value = store.valueAt(slot, key);
    const t = slot * store.slotMs;
    fineRows.push({ t, fine: value });
    if (value === null) continue;
    const second = Math.floor(t / 1000);
    const total = secondTotals.get(second) ?? { sum: 0, count: 0 };
    total.sum += value;
    total.count += 1;
    secondTotals.set(second, total);
  }
  const secondAverage = (t: number) => {
    const total = secondTotals.get(Math.floor(t / 1000));
    return total ? total.sum / total.count : 0;
  };
  let peak: { t: number; value: number } | null = null;
  const rows = fineRows.map((row) => {
    if (row.fine !== null && row.fine > 0 && (!peak || row.fine > peak.value)) peak = { t: row.t, value: row.fine };
    return { ...row, second: secondAverage(row.t) };
  });
  const found = peak as { t: number; value: number } | null;
  const peakSecondAverage = found ? secondAverage(found.t) : null;
  return {
    interfaceName,
    metricId,
    rows,
    peak: found,
    peakSecondAverage,
    peakToAverage: found && peakSecondAverage ? found.value / peakSecondAverage : null,
  };
}

/**
 * Fewer rows for drawing, keeping each group's highest 10 ms value: thinning a burst
 * picture by averaging would redo the very smoothing the view exists to show.
 */
export function thinKeepingPeaks(rows: readonly TMicroburstRow[], maxPoints: number): TMicroburstRow[] {
  if (rows.length <= maxPoints) return [...rows];
  const group = Math.ceil(rows.length / maxPoints);
  const thinned: TMicroburstRow[] = [];
  for (let start = 0; start < rows.length; start += group) {
    const slice = rows.slice(start, start + group);
    const fines = slice.map((row) => row.fine).filter((value): value is number => value !== null);
    thinned.push({ t: slice[0]!.t, fine: fines.length > 0 ? Math.max(...fines) : null, second: slice[0]!.second });
  }
  return thinned;
}
