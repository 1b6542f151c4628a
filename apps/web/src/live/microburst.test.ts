import { describe, expect, it } from "vitest";
import { analyseMicroburst, microburstInterfaces, thinKeepingPeaks } from "./microburst";
import { SlotStore } from "./slot-store";

describe("microburst analysis", () => {
  // 2 s at 10 ms: 20 ms bursts at 100 MB/s once a second, idle otherwise.
  const store = new SlotStore({ slotMs: 10, capacity: 6000, maxSeries: 8 });
  for (let t = 0; t < 2000; t += 10) {
    store.add(10_000 + t, "net.rx_bytes{interface=veth0}", t % 1000 < 20 ? 100e6 : 0);
    store.add(10_000 + t, "net.rx_bytes{interface=lo}", 1000);
  }
  const window = { fromMs: 10_000, toMs: 11_990 };

  it("finds the burst the 1 s average hides: peak 50× its second's average", () => {
    const analysis = analyseMicroburst(store, "net.rx_bytes", "veth0", window);
    expect(analysis.peak).toEqual({ t: 10_000, value: 100e6 });
    expect(analysis.peakSecondAverage).toBeCloseTo(2e6); // 2 of 100 slots at 100 MB/s
    expect(analysis.peakToAverage).toBeCloseTo(50);
    expect(analysis.rows).toHaveLength(200);
  });

  it("steady traffic has a ratio of 1, and no traffic has none", () => {
    expect(analyseMicroburst(store, "net.rx_bytes", "lo", window).peakToAverage).toBeCloseTo(1);
    expect(analyseMicroburst(store, "net.tx_bytes", "lo", window).peakToAverage).toBeNull();
  });

  it("lists the busiest interface first", () => {
    expect(microburstInterfaces(store, "net.rx_bytes", window)).toEqual(["veth0", "lo"]);
  });

  it("thins for drawing without losing the peak", () => {
    const rows = analyseMicroburst(store, "net.rx_bytes", "veth0", window).rows;
    const thinned = thinKeepingPeaks(rows, 40);
    expect(thinned.length).toBeLessThanOrEqual(40);
    expect(Math.max(...thinned.map((row) => row.fine ?? 0))).toBe(100e6);
  });
});
