// Everything the lab page knows about one machine's metrics, in two bounded stores: one
// second per slot for the last hour (the charts), and 10 ms per slot for the last minute
// of high-resolution interface counters (the microburst view). Live samples, the history
// sent on subscribe, periodic resyncs and older ranges fetched for a wider window all go
// through here; the store's averaging per slot makes a second of 10 ms samples read as
// its 1 s average, which is exactly what a 1 s dashboard shows.
import { LIVE_MAX_HISTORY_SECONDS, type TSample, type TSamplingState } from "@perflab/protocol";
import { pointKey } from "./series-key";
import { SlotStore } from "./slot-store";

export const HIGH_RES_SLOT_MS = 10;
/** Interface counters the microburst view plots at high resolution. */
export const MICROBURST_METRICS: ReadonlySet<string> = new Set(["net.rx_bytes", "net.tx_bytes", "net.rx_packets", "net.tx_packets", "net.rx_dropped", "net.tx_dropped"]);

export interface THighResWindow {
  fromMs: number;
  toMs: number;
}

export class LiveMachineFeed {
  /** One slot per second, an hour and a minute of slack so the widest window is always full. */
  readonly seconds = new SlotStore({ slotMs: 1000, capacity: LIVE_MAX_HISTORY_SECONDS + 60, maxSeries: 800 });
  /** One slot per 10 ms, the longest high-resolution window the agent allows (60 s). */
  readonly fine = new SlotStore({ slotMs: HIGH_RES_SLOT_MS, capacity: 6000, maxSeries: 64 });
  /** The span of the latest high-resolution samples received live, for the microburst view. */
  highResWindow: THighResWindow | null = null;
  /** Earliest time the seconds store was filled from (history requests widen it). */
  loadedFromMs = Number.POSITIVE_INFINITY;
  newestSampleMs: number | null = null;
  /** The sampling of the newest live batch: its achieved rate is fresher than the machine state's. */
  latestSampling: TSamplingState | null = null;

  /** Samples as they arrive live; the batch's sampling says whether they are high-resolution. */
  ingest(samples: readonly TSample[], sampling: TSamplingState | null): void {
    const isHighRes = sampling?.mode === "high-res";
    if (sampling) this.latestSampling = sampling;
    for (const sample of samples) {
      for (const point of sample.points) {
        const key = pointKey(point);
        this.seconds.add(sample.t, key, point[1]);
        if (isHighRes && MICROBURST_METRICS.has(point[0])) this.fine.add(sample.t, key, point[1]);
      }
      this.noteTime(sample.t);
      if (isHighRes) this.noteHighRes(sample.t);
    }
  }

  /**
   * Stored samples of a time range (subscribe, resync, scrubbing back). Each second they
   * touch is rebuilt from them alone: a second already seen live is not counted twice, and
   * one a dropped volatile message left incomplete is made whole.
   */
  mergeHistory(samples: readonly TSample[], range: { fromMs: number }): void {
    const rebuilt = new Set<number>();
    for (const sample of samples) {
      const slot = this.seconds.slotOf(sample.t);
      if (!rebuilt.has(slot)) {
        rebuilt.add(slot);
        this.seconds.clearSlot(sample.t);
      }
      for (const point of sample.points) this.seconds.add(sample.t, pointKey(point), point[1]);
      this.noteTime(sample.t);
    }
    this.loadedFromMs = Math.min(this.loadedFromMs, range.fromMs);
  }

  private noteTime(timeMs: number): void {
    if (this.newestSampleMs === null || timeMs > this.newestSampleMs) this.newestSampleMs = timeMs;
  }

  /** A high-resolution sample more than 2 s after the last one starts a new window. */
  private noteHighRes(timeMs: number): void {
    const window = this.highResWindow;
    if (window && timeMs >= window.fromMs && timeMs - window.toMs <= 2000) window.toMs = Math.max(window.toMs, timeMs);
    else if (!window || timeMs > window.toMs) this.highResWindow = { fromMs: timeMs, toMs: timeMs };
  }
}
