import type { TMetricBatch } from "@perflab/protocol";
import { describe, expect, it } from "vitest";
import { BatchBuffer } from "./batch-buffer";
import { encodeBatch } from "./encode-batch";

const batch = (seq: number, points = 1) => encodeBatch(makeBatch(seq, points));
const makeBatch = (seq: number, points: number): TMetricBatch => ({
  seq,
  samples: [{ t: seq * 1000, points: Array.from({ length: points }, () => ["sched.procs_running", seq] as ["sched.procs_running", number]) }],
  collectorErrors: [],
  droppedBatches: 0,
  sampling: { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null },
});

describe("BatchBuffer", () => {
  it("hands batches out oldest first and forgets them once acknowledged", () => {
    const buffer = new BatchBuffer(1_000_000);
    for (let seq = 1; seq <= 3; seq++) buffer.push(batch(seq));
    expect(buffer.peek()?.seq).toBe(1);
    buffer.acknowledgeThrough(2);
    expect(buffer.peek()?.seq).toBe(3);
    expect(buffer.length).toBe(1);
  });

  it("drops the oldest batches beyond its memory budget and counts them", () => {
    const size = batch(1).payload.length;
    const buffer = new BatchBuffer(size * 3 + 10);
    for (let seq = 1; seq <= 10; seq++) buffer.push(batch(seq));
    expect(buffer.length).toBe(3);
    expect(buffer.peek()?.seq).toBe(8);
    expect(buffer.droppedBatches).toBe(7);
    expect(buffer.bytes).toBeLessThanOrEqual(size * 3 + 10);
  });

  it("keeps the newest batch even when it alone is over budget", () => {
    const buffer = new BatchBuffer(10);
    buffer.push(batch(1, 50));
    buffer.push(batch(2, 50));
    expect(buffer.length).toBe(1);
    expect(buffer.peek()?.seq).toBe(2);
    expect(buffer.droppedBatches).toBe(1);
  });

  it("stays bounded under a long outage (a day at 1 Hz)", () => {
    const buffer = new BatchBuffer(2 * 1024 * 1024);
    for (let seq = 1; seq <= 86_400; seq++) buffer.push(batch(seq, 20));
    expect(buffer.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(buffer.length + buffer.droppedBatches).toBe(86_400);
  });
});

describe("encodeBatch", () => {
  it("serializes the batch once, as the UTF-8 JSON the server parses", () => {
    const encoded = encodeBatch(makeBatch(7, 2));
    expect(encoded.seq).toBe(7);
    expect(JSON.parse(encoded.payload.toString("utf8"))).toEqual(makeBatch(7, 2));
  });

  it("keeps three decimals of point values and integers as they are", () => {
    const source = makeBatch(1, 0);
    source.samples[0]!.points = [["net.rx_bytes", 1234.56789, { interface: "eth0" }], ["mem.available_bytes", 2 ** 40 + 1], ["net.rx_packets", 0.0004]];
    const decoded = JSON.parse(encodeBatch(source).payload.toString("utf8")) as TMetricBatch;
    expect(decoded.samples[0]!.points).toEqual([["net.rx_bytes", 1234.568, { interface: "eth0" }], ["mem.available_bytes", 2 ** 40 + 1], ["net.rx_packets", 0]]);
  });
});
