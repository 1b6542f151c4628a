// Per-second rates of many counter series (one per CPU, interface, device…) from
// successive readings, using the measured time between readings, never the nominal
// interval: timers run late, and a late tick with a nominal Δt would invent a spike.
// Series that stop appearing (a deleted veth, an offlined CPU) are forgotten.
import { counterDelta, type TCounterWidth } from "./counter-delta";

interface TPreviousReading {
  value: number;
  atMs: number;
  round: number;
}

const FORGET_AFTER_ROUNDS = 10;

export class RateTracker {
  private readonly previous = new Map<string, TPreviousReading>();
  private round = 0;

  /** Call once per collection round, before the rate() calls of that round. */
  beginRound(): void {
    this.round += 1;
    if (this.round % FORGET_AFTER_ROUNDS !== 0) return;
    for (const [key, reading] of this.previous) if (this.round - reading.round > FORGET_AFTER_ROUNDS) this.previous.delete(key);
  }

  /** Per-second rate since this series' previous reading; undefined on the first reading or after a reset. */
  rate(key: string, value: number, nowMs: number, width: TCounterWidth = 64): number | undefined {
    const change = this.delta(key, value, nowMs, width);
    return change === undefined ? undefined : change.delta / change.elapsedSeconds;
  }

  /** Increase since the previous reading (for ratios such as Δtime/Δops); undefined as for rate(). */
  delta(key: string, value: number, nowMs: number, width: TCounterWidth = 64): { delta: number; elapsedSeconds: number } | undefined {
    const reading = this.previous.get(key);
    if (!reading) {
      this.previous.set(key, { value, atMs: nowMs, round: this.round });
      return undefined;
    }
    // Updated in place: at 100 Hz a fresh object per series per tick is measurable GC work.
    const elapsedSeconds = (nowMs - reading.atMs) / 1000;
    const delta = counterDelta(reading.value, value, width);
    reading.value = value;
    reading.atMs = nowMs;
    reading.round = this.round;
    return delta === null || elapsedSeconds <= 0 ? undefined : { delta, elapsedSeconds };
  }
}
