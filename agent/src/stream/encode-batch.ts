// A batch as it goes on the wire: UTF-8 JSON bytes (AGENT_EVENTS.batch). Serialized once,
// here: the bytes are what the buffer's memory budget counts and what Socket.IO sends as a
// binary attachment, so neither the agent nor the server stringifies the batch again, and
// a buffered batch is one compact Buffer rather than thousands of small objects.
import type { TMetricBatch } from "@perflab/protocol";

/**
 * Decimals kept for point values. Rates come from integer counters over intervals of 10 ms
 * or more, shares are already rounded to 0.01: the 15-17 digits of a raw division are noise
 * that would triple the size of a high-resolution batch.
 */
const VALUE_DECIMALS = 3;
const SCALE = 10 ** VALUE_DECIMALS;

export interface TEncodedBatch {
  seq: number;
  payload: Buffer;
}

/** Rounds the batch's point values in place (the points were made for this batch) and serializes it. */
export function encodeBatch(batch: TMetricBatch): TEncodedBatch {
  for (const sample of batch.samples) {
    for (const point of sample.points) {
      const value = point[1];
      if (!Number.isInteger(value)) point[1] = Math.round(value * SCALE) / SCALE;
    }
  }
  return { seq: batch.seq, payload: Buffer.from(JSON.stringify(batch)) };
}
