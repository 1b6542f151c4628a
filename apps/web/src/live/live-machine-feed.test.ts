import type { TSamplingState } from "@perflab/protocol";
import { describe, expect, it } from "vitest";
import { LiveMachineFeed } from "./live-machine-feed";

const normal: TSamplingState = { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null };
const highRes: TSamplingState = { mode: "high-res", intervalMs: 10, achievedHz: 98, highResUntilMs: 2_000_000 };

describe("LiveMachineFeed", () => {
  it("keeps live samples per second and a batch's high-resolution interface counters per 10 ms", () => {
    const feed = new LiveMachineFeed();
    feed.ingest([{ t: 1_000_000, points: [["sched.procs_running", 3]] }], normal);
    const burst = [0, 10, 20, 30].map((offset, index) => ({ t: 1_001_000 + offset, points: [["net.rx_bytes", index === 2 ? 1000 : 0, { interface: "veth0" }] as ["net.rx_bytes", number, { interface: string }]] }));
    feed.ingest(burst, highRes);
    expect(feed.seconds.valueAt(1000, "sched.procs_running")).toBe(3);
    expect(feed.seconds.valueAt(1001, "net.rx_bytes{interface=veth0}")).toBe(250); // the 1 s average
    expect(feed.fine.valueAt(100_102, "net.rx_bytes{interface=veth0}")).toBe(1000);
    expect(feed.highResWindow).toEqual({ fromMs: 1_001_000, toMs: 1_001_030 });
    expect(feed.newestSampleMs).toBe(1_001_030);
  });

  it("history rebuilds the seconds it covers instead of adding to what arrived live", () => {
    const feed = new LiveMachineFeed();
    feed.ingest([{ t: 5_000, points: [["sched.procs_running", 2]] }], normal);
    feed.mergeHistory([{ t: 5_000, points: [["sched.procs_running", 2]] }, { t: 6_000, points: [["sched.procs_running", 4]] }], { fromMs: 4_000 });
    expect(feed.seconds.valueAt(5, "sched.procs_running")).toBe(2);
    expect(feed.seconds.valueAt(6, "sched.procs_running")).toBe(4);
    expect(feed.loadedFromMs).toBe(4_000);
  });

  it("a pause of more than 2 s in high-resolution samples starts a new microburst window", () => {
    const feed = new LiveMachineFeed();
    feed.ingest([{ t: 10_000, points: [] }, { t: 11_000, points: [] }], highRes);
    feed.ingest([{ t: 20_000, points: [] }], highRes);
    expect(feed.highResWindow).toEqual({ fromMs: 20_000, toMs: 20_000 });
  });
});
