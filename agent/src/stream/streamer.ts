// Sends buffered batches to the server in sequence order, one awaiting acknowledgement
// at a time, and resumes after every reconnect: the hello answer says which sequence
// numbers the server already stored, so those are forgotten and the rest resent.
// Socket.IO reconnects on its own with exponential backoff and jitter (connection.ts).
import {
  ackData, ackError, AGENT_EVENTS, describeZodError, EVENTS, ZBatchAck, ZSamplingRequest,
  type TAck, type TAgentHello, type THelloAck, type TSamplingRequest, type TSamplingState,
} from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import type { BatchBuffer } from "./batch-buffer";

/** The server's answer when it could not store a hello (agent-stream-handlers: AGENT_ERRORS.storageFailed). */
const HELLO_RETRY_CODE = "storage-failed";
const FIRST_HELLO_RETRY_MS = 1000;
const MAX_HELLO_RETRY_MS = 30_000;

/** Refusals that resending the same batch cannot fix: the batch is given up and counted. */
const UNSENDABLE = new Set(["invalid-batch", "too-large"]);

type TBatchAnswer = { kind: "stored" } | { kind: "refused"; code: string; message: string } | { kind: "nonsense" };

/** What the server said about batch `seq`; an answer about another batch, or no answer shape at all, is nonsense. */
function readBatchAnswer(answer: unknown, seq: number): TBatchAnswer {
  if (typeof answer !== "object" || answer === null) return { kind: "nonsense" };
  if ("data" in answer) {
    const ack = ZBatchAck.safeParse(answer.data);
    return ack.success && ack.data.seq === seq ? { kind: "stored" } : { kind: "nonsense" };
  }
  const error = (answer as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code === "string") return { kind: "refused", code: error.code, message: String(error.message ?? "") };
  return { kind: "nonsense" };
}

export interface TStreamerOptions {
  socket: Socket;
  buffer: BatchBuffer;
  hello: () => TAgentHello;
  changeSampling: (request: TSamplingRequest) => TSamplingState;
  log: (message: string) => void;
  ackTimeoutMs?: number;
}

export class Streamer {
  private isHelloDone = false;
  private isPumping = false;
  private refusedBatches = 0;
  private readonly ackTimeoutMs: number;
  private helloRetryMs = FIRST_HELLO_RETRY_MS;

  constructor(private readonly options: TStreamerOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    const { socket } = options;
    socket.on(EVENTS.sessionReady, () => void this.introduce());
    socket.on("disconnect", () => {
      this.isHelloDone = false;
    });
    socket.on(AGENT_EVENTS.setSampling, (payload: unknown, ack: unknown) => this.onSamplingRequest(payload, ack));
  }

  /** Batches the server refused as unfixable since start (logged when it happens). */
  get refused(): number {
    return this.refusedBatches;
  }

  /** Called when a batch was buffered: sends it now if connected. */
  notify(): void {
    void this.pump();
  }

  private async introduce(): Promise<void> {
    try {
      const answer = (await this.options.socket.timeout(this.ackTimeoutMs).emitWithAck(AGENT_EVENTS.hello, this.options.hello())) as TAck<THelloAck>;
      if ("error" in answer) {
        this.options.log(`the server refused the hello (${answer.error.code}: ${answer.error.message})`);
        // The server could not store it (its database was busy): ask again rather than sit
        // connected and silent. A hello it found invalid will not get better; that waits
        // for the next reconnect.
        if (answer.error.code === HELLO_RETRY_CODE && this.options.socket.connected) this.retryHelloLater();
        return;
      }
      this.helloRetryMs = FIRST_HELLO_RETRY_MS;
      this.options.buffer.acknowledgeThrough(answer.data.lastStoredSeq);
      this.isHelloDone = true;
      void this.pump();
    } catch {
      this.options.log("no answer to hello; will retry after the next reconnect");
      this.options.socket.disconnect().connect();
    }
  }

  private retryHelloLater(): void {
    const delay = this.helloRetryMs;
    this.helloRetryMs = Math.min(this.helloRetryMs * 2, MAX_HELLO_RETRY_MS);
    setTimeout(() => {
      if (this.options.socket.connected && !this.isHelloDone) void this.introduce();
    }, delay).unref();
  }

  private async pump(): Promise<void> {
    const { socket, buffer, log } = this.options;
    if (this.isPumping || !this.isHelloDone || !socket.connected) return;
    this.isPumping = true;
    try {
      for (let batch = buffer.peek(); batch && this.isHelloDone && socket.connected; batch = buffer.peek()) {
        let answer: TBatchAnswer;
        try {
          answer = readBatchAnswer(await socket.timeout(this.ackTimeoutMs).emitWithAck(AGENT_EVENTS.batch, batch.payload), batch.seq);
        } catch {
          return; // no acknowledgement in time: keep the batch, try again with the next one
        }
        if (answer.kind === "stored") buffer.acknowledgeThrough(batch.seq);
        else if (answer.kind === "nonsense") {
          // Resending at once would loop as fast as the server answers; the next batch (a second away) retries.
          log(`the server answered batch ${batch.seq} with something that is not its acknowledgement; will resend`);
          return;
        } else if (UNSENDABLE.has(answer.code)) {
          log(`the server refused batch ${batch.seq} (${answer.code}: ${answer.message}); dropping it`);
          this.refusedBatches += 1;
          buffer.acknowledgeThrough(batch.seq);
        } else {
          if (answer.code === "hello-first") this.isHelloDone = false;
          log(`batch ${batch.seq} not stored (${answer.code}); will resend`);
          return;
        }
      }
    } finally {
      this.isPumping = false;
    }
  }

  private onSamplingRequest(payload: unknown, ack: unknown): void {
    if (typeof ack !== "function") return;
    const request = ZSamplingRequest.safeParse(payload);
    if (!request.success) return void ack(ackError("invalid-sampling", describeZodError(request.error)));
    ack(ackData(this.options.changeSampling(request.data)));
  }
}
