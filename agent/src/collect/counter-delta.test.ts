import { describe, expect, it } from "vitest";
import { counterDelta } from "./counter-delta";
import { RateTracker } from "./rate-tracker";

describe("counterDelta", () => {
  it("is the plain difference while a counter goes up", () => {
    expect(counterDelta(100, 250, 64)).toBe(150);
    expect(counterDelta(5, 5, 32)).toBe(0);
  });

  it("unwraps a 32-bit counter that passed 2^32", () => {
    expect(counterDelta(2 ** 32 - 10, 5, 32)).toBe(15);
  });

  it("calls a drop a reset: a 64-bit counter, or a 32-bit one far from its wrap point", () => {
    expect(counterDelta(2 ** 32 - 10, 5, 64)).toBeNull();
    expect(counterDelta(1_000_000, 3, 32)).toBeNull();
  });
});

describe("RateTracker", () => {
  it("divides by the measured time, not the nominal interval", () => {
    const tracker = new RateTracker();
    tracker.beginRound();
    expect(tracker.rate("rx", 1000, 0)).toBeUndefined();
    tracker.beginRound();
    // The tick came 1.25 s later instead of 1 s: 500 more bytes is 400 B/s, not 500.
    expect(tracker.rate("rx", 1500, 1250)).toBe(400);
  });

  it("skips the interval of a reset and starts again from the new value", () => {
    const tracker = new RateTracker();
    tracker.rate("veth0", 5_000_000, 0);
    expect(tracker.rate("veth0", 10, 1000)).toBeUndefined();
    expect(tracker.rate("veth0", 110, 2000)).toBe(100);
  });

  it("forgets series that stopped appearing", () => {
    const tracker = new RateTracker();
    tracker.beginRound();
    tracker.rate("gone", 1, 0);
    for (let round = 0; round < 25; round++) tracker.beginRound();
    expect(tracker.rate("gone", 2, 30_000)).toBeUndefined();
  });
});
