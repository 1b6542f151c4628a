// The sampling clock. Normal mode reads every collector once a second; high-resolution
// mode (asked for by the server, for a bounded window) reads the cheap, fast-moving
// subset every 10-100 ms and everything else still once a second. Samples are flushed as
// one batch per second in both modes. Ticks are scheduled against absolute targets so
// timer lateness does not accumulate, and the achieved rate is measured and reported
// (Node timers deliver 95-97 % of requested ticks at 100 Hz; FIELD-NOTES 14).
import type { TSample, TSamplingRequest, TSamplingState } from "@perflab/protocol";
import type { TCollectorSet, TSampleResult } from "../collect/collector";

export const NORMAL_INTERVAL_MS = 1000;
const FLUSH_EVERY_MS = 1000;

export type TEmitBatch = (samples: TSample[], errors: TSampleResult["errors"], sampling: TSamplingState) => void;

export type TSampleFunction = (set: TCollectorSet, nowMs: number) => TSampleResult;

export class Sampler {
  private intervalMs = NORMAL_INTERVAL_MS;
  private highResUntilMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextTickMs = 0;
  private lastFullSampleMs = Number.NEGATIVE_INFINITY;
  private lastFlushMs = 0;
  private pendingSamples: TSample[] = [];
  private pendingErrors: TSampleResult["errors"] = [];
  private recentTicks: number[] = [];

  constructor(
    private readonly sample: TSampleFunction,
    private readonly emitBatch: TEmitBatch,
    private readonly now: () => number = () => performance.timeOrigin + performance.now(),
  ) {}

  start(): void {
    this.nextTickMs = this.now();
    this.lastFlushMs = this.nextTickMs - FLUSH_EVERY_MS; // the first sample goes out at once
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flush(this.now());
  }

  state(): TSamplingState {
    const isHighRes = this.highResUntilMs !== null;
    return { mode: isHighRes ? "high-res" : "normal", intervalMs: this.intervalMs, achievedHz: this.achievedHz(), highResUntilMs: this.highResUntilMs === null ? null : Math.round(this.highResUntilMs) };
  }

  changeMode(request: TSamplingRequest): TSamplingState {
    if (request.mode === "high-res") {
      this.intervalMs = request.intervalMs;
      this.highResUntilMs = this.now() + request.durationMs;
    } else this.backToNormal();
    this.nextTickMs = this.now();
    this.recentTicks = [];
    this.reschedule();
    return this.state();
  }

  /** Ticks in the last second, divided by the span they cover. */
  private achievedHz(): number {
    const ticks = this.recentTicks;
    if (ticks.length < 2) return ticks.length;
    const span = (ticks[ticks.length - 1]! - ticks[0]!) / 1000;
    return span > 0 ? Math.round(((ticks.length - 1) / span) * 10) / 10 : 0;
  }

  private backToNormal(): void {
    this.intervalMs = NORMAL_INTERVAL_MS;
    this.highResUntilMs = null;
  }

  private reschedule(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), Math.max(0, this.nextTickMs - this.now()));
  }

  private tick(): void {
    const now = this.now();
    if (this.highResUntilMs !== null && now >= this.highResUntilMs) this.backToNormal();
    const isFull = this.highResUntilMs === null || now - this.lastFullSampleMs >= NORMAL_INTERVAL_MS - this.intervalMs / 2;
    const result = this.sample(isFull ? "all" : "high-res", now);
    if (isFull) this.lastFullSampleMs = now;
    this.pendingSamples.push({ t: Math.round(now), points: result.points });
    this.pendingErrors.push(...result.errors);
    this.recentTicks.push(now);
    while (this.recentTicks.length > 0 && this.recentTicks[0]! < now - 1000) this.recentTicks.shift();
    if (now - this.lastFlushMs >= FLUSH_EVERY_MS - this.intervalMs / 2) this.flush(now);
    // Next target: one interval after the previous target; if we fell behind, skip the
    // missed ticks instead of firing them in a burst.
    this.nextTickMs += this.intervalMs;
    if (this.nextTickMs < now) this.nextTickMs = now + this.intervalMs - ((now - this.nextTickMs) % this.intervalMs);
    if (this.timer) this.schedule();
  }

  private flush(now: number): void {
    this.lastFlushMs = now;
    if (this.pendingSamples.length === 0) return;
    const samples = this.pendingSamples;
    // One report per failing collector per batch is enough.
    const errors = [...new Map(this.pendingErrors.map((error) => [error.collector, error])).values()];
    this.pendingSamples = [];
    this.pendingErrors = [];
    this.emitBatch(samples, errors, this.state());
  }
}
