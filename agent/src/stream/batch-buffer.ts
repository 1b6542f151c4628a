// Batches waiting for the server's acknowledgement, in sequence order, within a memory
// budget counted in the exact bytes that are kept (encode-batch.ts). When the server is
// away longer than the budget lasts, the oldest batches go first (the newest are what a
// learner is looking at) and the loss is counted; the count travels in every later batch,
// so the server knows what it never received.
import type { TEncodedBatch } from "./encode-batch";

export class BatchBuffer {
  private readonly queue: TEncodedBatch[] = [];
  private bufferedBytes = 0;
  private dropped = 0;

  constructor(readonly maxBytes: number) {}

  /** Batches discarded to stay within the budget since the agent started. */
  get droppedBatches(): number {
    return this.dropped;
  }

  get length(): number {
    return this.queue.length;
  }

  get bytes(): number {
    return this.bufferedBytes;
  }

  push(batch: TEncodedBatch): void {
    this.queue.push(batch);
    this.bufferedBytes += batch.payload.length;
    // Always keep the newest batch, even if it alone is over budget.
    while (this.bufferedBytes > this.maxBytes && this.queue.length > 1) {
      this.bufferedBytes -= this.queue.shift()!.payload.length;
      this.dropped += 1;
    }
  }

  /** The oldest batch not yet acknowledged. */
  peek(): TEncodedBatch | undefined {
    return this.queue[0];
  }

  /** Forgets every batch up to and including `seq` (the server has them). */
  acknowledgeThrough(seq: number): void {
    while (this.queue.length > 0 && this.queue[0]!.seq <= seq) this.bufferedBytes -= this.queue.shift()!.payload.length;
  }
}
