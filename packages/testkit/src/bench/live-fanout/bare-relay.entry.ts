// The ceiling the perflab server is compared with: a bare Socket.IO relay on the same
// namespaces and events, in its own process. No authentication (the agent's token names
// its room), no validation, no storage: each batch is acknowledged and its bytes go to the
// room's viewers untouched, as a volatile message like perflab's. What is left is what
// Socket.IO itself costs to carry this traffic. Bundled and run with plain node.
import { AGENT_EVENTS, EVENTS, LIVE_EVENTS, NAMESPACES, PROTOCOL_VERSION } from "@perflab/protocol";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveCommands } from "./command-channel";

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024; // as create-realtime-server.ts
const SEQ_PREFIX = '{"seq":';
type TAnswer = (answer: unknown) => void;

/**
 * The agent's acknowledgement protocol names the batch's sequence number. encodeBatch
 * writes it first, so it is read from the head of the bytes instead of parsing the batch.
 */
function readSeq(payload: Buffer): number {
  const head = payload.toString("latin1", 0, 32);
  if (head.startsWith(SEQ_PREFIX)) return Number.parseInt(head.slice(SEQ_PREFIX.length), 10);
  return (JSON.parse(payload.toString("utf8")) as { seq: number }).seq;
}

const httpServer = createServer();
const io = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
const live = io.of(NAMESPACES.live);

live.on("connection", (socket) => {
  socket.on(LIVE_EVENTS.subscribe, (request: { machineId: string }, answer: TAnswer) => {
    void socket.join(request.machineId);
    answer({ data: { subscribed: true } });
  });
  socket.emit(EVENTS.sessionReady, { protocolVersion: PROTOCOL_VERSION, subject: { kind: "user", id: "relay-viewer" } });
});

io.of(NAMESPACES.agent).on("connection", (socket) => {
  const room = String((socket.handshake.auth as { token?: unknown }).token);
  socket.on(AGENT_EVENTS.hello, (_hello: unknown, answer: TAnswer) => answer({ data: { agentId: room, lastStoredSeq: 0 } }));
  socket.on(AGENT_EVENTS.batch, (payload: Buffer, answer: TAnswer) => {
    answer({ data: { seq: readSeq(payload), stored: true } });
    live.to(room).volatile.emit(LIVE_EVENTS.samples, payload);
  });
  socket.emit(EVENTS.sessionReady, { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: room } });
});

await new Promise<void>((listening) => httpServer.listen(0, "127.0.0.1", listening));
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
serveCommands({ address: () => url });
process.once("SIGTERM", () => void io.close(() => process.exit(0)));
