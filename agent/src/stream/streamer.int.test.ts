// The streamer against a real Socket.IO server that misbehaves: answers that do not
// acknowledge the batch sent must neither lose it nor make the agent resend in a hot loop.
import { AGENT_EVENTS, EVENTS, NAMESPACES, PROTOCOL_VERSION, type TMetricBatch } from "@perflab/protocol";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { BatchBuffer } from "./batch-buffer";
import { encodeBatch } from "./encode-batch";
import { Streamer } from "./streamer";

const batch = (seq: number): TMetricBatch => ({
  seq,
  samples: [{ t: 1_764_100_000_000 + seq, points: [["sched.procs_running", 2]] }],
  collectorErrors: [],
  droppedBatches: 0,
  sampling: { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null },
});

describe("Streamer against a misbehaving server", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function serverAnsweringBatchesWith(answer: (payload: Buffer) => unknown, answerHello: (attempt: number) => unknown = () => ({ data: { agentId: "a", lastStoredSeq: 0 } })) {
    const httpServer = createServer();
    const io = new Server(httpServer);
    const received: Buffer[] = [];
    io.of(NAMESPACES.agent).on("connection", (socket) => {
      let helloAttempts = 0;
      socket.on(AGENT_EVENTS.hello, (_hello: unknown, ack: (response: unknown) => void) => ack(answerHello(++helloAttempts)));
      socket.on(AGENT_EVENTS.batch, (payload: Buffer, ack: (response: unknown) => void) => {
        received.push(payload);
        ack(answer(payload));
      });
      socket.emit(EVENTS.sessionReady, { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: "a" } });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => void io.close());
    const socket = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}${NAMESPACES.agent}`, { transports: ["websocket"] });
    cleanups.push(() => socket.disconnect());
    const buffer = new BatchBuffer(1024 * 1024);
    const logs: string[] = [];
    const streamer = new Streamer({
      socket,
      buffer,
      hello: () => ({}) as never,
      changeSampling: () => ({ mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null }),
      log: (message) => logs.push(message),
    });
    return { received, buffer, logs, streamer };
  }

  it("sends the batch as its JSON bytes and forgets it once acknowledged", async () => {
    const { received, buffer, streamer } = await serverAnsweringBatchesWith((payload) => ({ data: { seq: (JSON.parse(payload.toString()) as TMetricBatch).seq, stored: true } }));
    buffer.push(encodeBatch(batch(1)));
    streamer.notify();
    await expect.poll(() => buffer.length).toBe(0);
    expect(JSON.parse(received[0]!.toString())).toEqual(batch(1));
  });

  it.each([
    ["an acknowledgement of another sequence number", { data: { seq: 99, stored: true } }],
    ["an acknowledgement without a sequence number", { data: { stored: true } }],
    ["a bare value", 42],
  ])("keeps the batch and waits for the next one after %s", async (_case, answer) => {
    const { received, buffer, logs, streamer } = await serverAnsweringBatchesWith(() => answer);
    buffer.push(encodeBatch(batch(1)));
    streamer.notify();
    await expect.poll(() => logs.some((line) => line.includes("not its acknowledgement"))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.length).toBe(1);
    expect(buffer.peek()?.seq).toBe(1);
    buffer.push(encodeBatch(batch(2)));
    streamer.notify(); // the next batch retries, oldest first
    await expect.poll(() => received.length).toBe(2);
    expect((JSON.parse(received[1]!.toString()) as TMetricBatch).seq).toBe(1);
  });

  it("asks again, with backoff, when the server could not store its hello, instead of staying connected and silent", async () => {
    const { received, buffer, logs, streamer } = await serverAnsweringBatchesWith(
      (payload) => ({ data: { seq: (JSON.parse(payload.toString()) as TMetricBatch).seq, stored: true } }),
      (attempt) => (attempt < 3 ? { error: { code: "storage-failed", message: "The server could not store this; send it again later" } } : { data: { agentId: "a", lastStoredSeq: 0 } }),
    );
    buffer.push(encodeBatch(batch(1)));
    streamer.notify();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1); // after retries at 1 s and 2 s
    expect(logs.filter((line) => line.includes("refused the hello"))).toHaveLength(2);
  });
});
