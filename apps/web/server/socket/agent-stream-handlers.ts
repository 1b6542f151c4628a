// The /agent conversation once a lab agent is authenticated: its hello, then metric
// batches acknowledged one by one. Nothing an agent sends can throw out of here: a
// malformed or oversized payload is answered with an error acknowledgement and counted,
// and the connection stays up; a storage failure is answered so the agent resends.
import {
  ackData, ackError, AGENT_EVENTS, describeZodError, MAX_BATCH_BYTES, ZAgentHello, ZMetricBatch,
  type TAck, type TAgentHello, type TBatchAck, type THelloAck, type TMetricBatch,
} from "@perflab/protocol";
import type { Socket } from "socket.io";
import type { TAgentIdentity } from "./agent-auth";

/** Where the conversation lands: the database in production, the same in tests. */
export interface TAgentStreamStore {
  recordHello: (agentId: string, hello: TAgentHello) => Promise<{ lastStoredSeq: number }>;
  storeBatch: (agentId: string, streamId: string, batch: TMetricBatch) => Promise<{ stored: boolean }>;
  countMalformed: (agentId: string) => Promise<void>;
  /**
   * Called as soon as a batch is valid, before it is stored (live fan-out subscribes here:
   * viewers need not wait for the database, measured by bench:live). The agent's resend
   * guarantee still rests on the acknowledgement, sent only after storing; a resend that
   * reaches viewers twice carries the same read times and changes no chart or verdict.
   */
  onBatchAccepted?: (agentId: string, batch: TMetricBatch) => void;
}

export const AGENT_ERRORS = {
  invalidHello: "invalid-hello",
  helloFirst: "hello-first",
  invalidBatch: "invalid-batch",
  tooLarge: "too-large",
  storageFailed: "storage-failed",
} as const;

type TAckCallback = (response: TAck<unknown>) => void;

/**
 * A batch payload as sent: UTF-8 JSON bytes (agents) or an object (hand-made clients). The
 * size is checked before anything is parsed; bytes that are not JSON are a malformed batch.
 */
function readBatchPayload(payload: unknown): { bytes: number; value: unknown } | { bytes: number; notJson: string } {
  if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
    const view = payload instanceof ArrayBuffer ? new Uint8Array(payload) : payload;
    const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength); // a view, not a copy
    if (bytes.length > MAX_BATCH_BYTES) return { bytes: bytes.length, value: undefined };
    try {
      return { bytes: bytes.length, value: JSON.parse(bytes.toString("utf8")) as unknown };
    } catch (error) {
      return { bytes: bytes.length, notJson: (error as Error).message };
    }
  }
  try {
    return { bytes: Buffer.byteLength(JSON.stringify(payload) ?? ""), value: payload };
  } catch {
    return { bytes: Number.POSITIVE_INFINITY, value: undefined }; // cyclic or otherwise unserializable: refuse
  }
}

export function attachAgentStreamHandlers(socket: Socket, identity: TAgentIdentity, store: TAgentStreamStore, log: (message: string) => void): void {
  let streamId: string | null = null;

  const refuseMalformed = (ack: TAckCallback, code: string, message: string) => {
    ack(ackError(code, message));
    store.countMalformed(identity.agentId).catch((error: Error) => log(`agent ${identity.agentId}: could not count a malformed payload: ${error.message}`));
  };

  const acknowledged = (handler: (payload: unknown, ack: TAckCallback) => Promise<void>) => (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") {
      // Without an acknowledgement callback the agent cannot learn anything; count it.
      void store.countMalformed(identity.agentId).catch(() => undefined);
      return;
    }
    handler(payload, ack as TAckCallback).catch((error: Error) => {
      log(`agent ${identity.agentId}: ${error.message}`);
      (ack as TAckCallback)(ackError(AGENT_ERRORS.storageFailed, "The server could not store this; send it again later"));
    });
  };

  socket.on(
    AGENT_EVENTS.hello,
    acknowledged(async (payload, ack) => {
      const hello = ZAgentHello.safeParse(payload);
      if (!hello.success) return refuseMalformed(ack, AGENT_ERRORS.invalidHello, describeZodError(hello.error));
      const { lastStoredSeq } = await store.recordHello(identity.agentId, hello.data);
      streamId = hello.data.streamId;
      const response: THelloAck = { agentId: identity.agentId, lastStoredSeq };
      ack(ackData(response));
    }),
  );

  socket.on(
    AGENT_EVENTS.batch,
    acknowledged(async (payload, ack) => {
      if (!streamId) return refuseMalformed(ack, AGENT_ERRORS.helloFirst, "Send agent:hello before batches");
      const received = readBatchPayload(payload);
      if (received.bytes > MAX_BATCH_BYTES) return refuseMalformed(ack, AGENT_ERRORS.tooLarge, `Batch of ${received.bytes} bytes is over the ${MAX_BATCH_BYTES}-byte limit; split it`);
      if ("notJson" in received) return refuseMalformed(ack, AGENT_ERRORS.invalidBatch, `The batch bytes are not JSON: ${received.notJson}`.slice(0, 500));
      const batch = ZMetricBatch.safeParse(received.value);
      if (!batch.success) return refuseMalformed(ack, AGENT_ERRORS.invalidBatch, describeZodError(batch.error).slice(0, 500));
      store.onBatchAccepted?.(identity.agentId, batch.data);
      const { stored } = await store.storeBatch(identity.agentId, streamId, batch.data);
      const response: TBatchAck = { seq: batch.data.seq, stored };
      ack(ackData(response));
    }),
  );
}
