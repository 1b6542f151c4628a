// The sampling clock with real timers: one batch per second, high-resolution windows that
// end by themselves, and the achieved rate measured rather than assumed.
import type { TSample, TSamplingState } from "@perflab/protocol";
import { afterEach, describe, expect, it } from "vitest";
import type { TCollectorSet } from "../collect/collector";
import { Sampler } from "./sampler";

describe("Sampler", () => {
  let sampler: Sampler | null = null;
  afterEach(() => sampler?.stop());

  function start() {
    const sets: TCollectorSet[] = [];
    const batches: { samples: TSample[]; sampling: TSamplingState }[] = [];
    sampler = new Sampler(
      (set) => {
        sets.push(set);
        return { points: [["sched.procs_running", 1]], errors: set === "all" ? [{ collector: "x", message: "boom" }] : [] };
      },
      (samples, _errors, sampling) => batches.push({ samples, sampling }),
    );
    sampler.start();
    return { sets, batches };
  }

  it("samples everything once a second and flushes one batch per second", async () => {
    const { sets, batches } = start();
    await new Promise((done) => setTimeout(done, 2300));
    expect(sets.every((set) => set === "all")).toBe(true);
    expect(sets.length).toBeGreaterThanOrEqual(2);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.every((batch) => batch.samples.length === 1 && batch.sampling.mode === "normal")).toBe(true);
  });

  it("samples the fast subset at the requested interval for a bounded window, reporting the achieved rate", async () => {
    const { sets, batches } = start();
    const state = sampler!.changeMode({ mode: "high-res", intervalMs: 20, durationMs: 1500 });
    expect(state).toMatchObject({ mode: "high-res", intervalMs: 20 });
    await new Promise((done) => setTimeout(done, 1200));
    const highRes = batches.filter((batch) => batch.sampling.mode === "high-res");
    expect(highRes.length).toBeGreaterThanOrEqual(2);
    // The first batch went out at once; the next holds a second's worth: ~50 samples at 20 ms
    // (timers on a busy 2-CPU machine deliver fewer, never more).
    const fullSecond = highRes[1]!;
    expect(fullSecond.samples.length).toBeGreaterThan(15);
    expect(fullSecond.samples.length).toBeLessThanOrEqual(52);
    expect(fullSecond.sampling.achievedHz).toBeGreaterThan(15);
    expect(sets.filter((set) => set === "all").length).toBeLessThan(sets.length / 5);
    await new Promise((done) => setTimeout(done, 1500));
    expect(sampler!.state()).toMatchObject({ mode: "normal", intervalMs: 1000, highResUntilMs: null });
  });
});
