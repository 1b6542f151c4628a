import { describe, expect, it } from "vitest";
import { SlotStore } from "./slot-store";

const store = (capacity = 10, maxSeries = 4) => new SlotStore({ slotMs: 1000, capacity, maxSeries });

describe("SlotStore", () => {
  it("averages values of one series within a slot and keeps slots apart", () => {
    const s = store();
    s.add(5_000, "a", 10);
    s.add(5_900, "a", 20);
    s.add(6_100, "a", 7);
    expect(s.valueAt(5, "a")).toBe(15);
    expect(s.valueAt(6, "a")).toBe(7);
    expect(s.valueAt(7, "a")).toBeNull();
    expect(s.valueAt(5, "missing")).toBeNull();
  });

  it("forgets a slot once a newer slot takes its row, and refuses values older than it keeps", () => {
    const s = store(10);
    s.add(1_000, "a", 1);
    s.add(11_000, "a", 2); // slot 11 takes slot 1's row
    expect(s.valueAt(1, "a")).toBeNull();
    expect(s.valueAt(11, "a")).toBe(2);
    s.add(1_500, "a", 99); // too old: would overwrite slot 11
    expect(s.valueAt(11, "a")).toBe(2);
    expect(s.oldestKeptSlot()).toBe(2);
  });

  it("accepts older slots within capacity in any order (history after live)", () => {
    const s = store(10);
    s.add(9_000, "a", 9);
    s.add(3_000, "a", 3);
    expect(s.valueAt(3, "a")).toBe(3);
    expect(s.newestSlot()).toBe(9);
  });

  it("clearSlot empties every series of the slot so history can refill it without double counting", () => {
    const s = store();
    s.add(2_000, "a", 4);
    s.add(2_000, "b", 8);
    s.clearSlot(2_000);
    expect(s.valueAt(2, "a")).toBeNull();
    s.add(2_000, "a", 6);
    expect(s.valueAt(2, "a")).toBe(6);
  });

  it("stays bounded: a long run over many slots never grows beyond capacity, and extra series are counted, not stored", () => {
    const s = store(60, 3);
    for (let t = 0; t < 100_000; t++) s.add(t * 1000, `s${t % 5}`, t);
    expect([...s.seriesKeys()]).toEqual(["s0", "s1", "s2"]);
    expect(s.droppedSeries).toBeGreaterThan(0);
    expect(s.valueAt(99_999, "s1")).toBeNull(); // 99_999 % 5 = 4, not stored
    expect(s.valueAt(99_996, "s1")).toBe(99_996);
    expect(s.valueAt(99_900, "s0")).toBeNull(); // older than 60 slots
  });

  it("ignores values that are not finite numbers", () => {
    const s = store();
    s.add(1_000, "a", Number.NaN);
    s.add(1_000, "a", Number.POSITIVE_INFINITY);
    expect(s.valueAt(1, "a")).toBeNull();
  });
});
