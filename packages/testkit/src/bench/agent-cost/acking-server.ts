// A stand-in perflab server for the benchmarked agent to stream to: accepts, acknowledges,
// counts. Nothing is validated or stored: the benchmark measures the agent, not the server.
import { findFreePort } from "@perflab/db/admin";
import { AGENT_EVENTS, EVENTS, NAMESPACES, PROTOCOL_VERSION } from "@perflab/protocol";
import { createServer } from "node:http";
import { Server, type Socket } from "socket.io";

export interface TAckingServer {
  url: string;
  batches: () => number;
  agentSocket: () => Socket | null;
  close: () => Promise<void>;
}

export async function startAckingServer(): Promise<TAckingServer> {
  const httpServer = createServer();
  const io = new Server(httpServer, { maxHttpBufferSize: 4 * 1024 * 1024 });
  let batches = 0;
  let agentSocket: Socket | null = null;
  io.of(NAMESPACES.agent).on("connection", (socket) => {
    agentSocket = socket;
    socket.on(AGENT_EVENTS.hello, (_hello: unknown, ack: (answer: unknown) => void) => ack({ data: { agentId: "bench", lastStoredSeq: 0 } }));
    // Agents send each batch as its JSON bytes (AGENT_EVENTS.batch).
    socket.on(AGENT_EVENTS.batch, (payload: Buffer, ack: (answer: unknown) => void) => {
      batches += 1;
      ack({ data: { seq: (JSON.parse(payload.toString("utf8")) as { seq: number }).seq, stored: true } });
    });
    socket.emit(EVENTS.sessionReady, { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: "bench" } });
  });
  const port = await findFreePort();
  await new Promise<void>((done) => httpServer.listen(port, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${port}`, batches: () => batches, agentSocket: () => agentSocket, close: () => new Promise((done) => void io.close(() => done())) };
}
