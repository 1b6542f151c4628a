// Simulated browsers: one /live Socket.IO client per machine watched, as a lab page opens
// it (signed in with the session cookie, subscribed with LIVE_EVENTS.subscribe), recording
// for every sample received how long ago the agent read it. Bundled and run with plain
// node by the live fan-out benchmark.
//
// Latency is this process's clock minus the sample's `t`, which the agent stamps when it
// reads the files. Both are performance.timeOrigin + performance.now() on one machine, so
// nothing is subtracted: the figure spans collection and encoding, the agent's send, the
// server's work (for perflab: validation, storage, then fan-out) and delivery here.
import { EVENTS, LIVE_EVENTS, NAMESPACES, type TAck, type TLiveSamples, type TSample } from "@perflab/protocol";
import { io as connect, type Socket } from "socket.io-client";
import { serveCommands } from "./command-channel";

export interface TViewerWorkerConnect {
  serverUrl: string;
  /** The next-auth session cookie (perflab); null for the bare relay, which asks for none. */
  cookie: string | null;
  machineIds: string[];
}

export interface TViewerWorkerReport {
  latenciesMs: number[];
  /** Every sample received since the reset, including a backlog from before it. */
  samples: number;
  /** Samples read since the reset (t at or after it): what the server kept up with. */
  freshSamples: number;
  disconnects: number;
}

const sockets: Socket[] = [];
let latenciesMs: number[] = [];
let samples = 0;
let freshSamples = 0;
let windowStartMs = Number.POSITIVE_INFINITY;
let disconnects = 0;

const now = () => performance.timeOrigin + performance.now();

/** perflab sends { machineId, samples }; the relay forwards the agent's batch bytes untouched. */
function samplesOf(message: TLiveSamples | Uint8Array): TSample[] {
  if (message instanceof Uint8Array) return (JSON.parse(Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString("utf8")) as { samples: TSample[] }).samples;
  return message.samples;
}

async function watch(serverUrl: string, cookie: string | null, machineId: string): Promise<void> {
  const socket = connect(`${serverUrl}${NAMESPACES.live}`, { transports: ["websocket"], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  sockets.push(socket);
  socket.on(LIVE_EVENTS.samples, (message: TLiveSamples | Uint8Array) => {
    const receivedMs = now();
    for (const sample of samplesOf(message)) {
      latenciesMs.push(receivedMs - sample.t);
      samples += 1;
      if (sample.t >= windowStartMs) freshSamples += 1;
    }
  });
  await new Promise((resolve, reject) => {
    socket.once(EVENTS.sessionReady, resolve);
    socket.once("connect_error", reject);
  });
  socket.on("disconnect", () => (disconnects += 1));
  // No history: the agents start after every viewer is subscribed, so there is none yet.
  const answer = (await socket.timeout(30_000).emitWithAck(LIVE_EVENTS.subscribe, { machineId, historySeconds: 0 })) as TAck<unknown>;
  if ("error" in answer) throw new Error(`subscribing to ${machineId}: ${answer.error.code} ${answer.error.message}`);
}

async function connectAll({ serverUrl, cookie, machineIds }: TViewerWorkerConnect): Promise<{ subscribed: number }> {
  await Promise.all(machineIds.map((machineId) => watch(serverUrl, cookie, machineId)));
  return { subscribed: machineIds.length };
}

/** Starts a measuring window at `startMs` (same clock as the samples' t). */
function reset({ startMs }: { startMs: number }): void {
  latenciesMs = [];
  samples = 0;
  freshSamples = 0;
  windowStartMs = startMs;
}

function report(): TViewerWorkerReport {
  return { latenciesMs, samples, freshSamples, disconnects };
}

serveCommands({ connect: connectAll, reset, report });
process.once("SIGTERM", () => {
  for (const socket of sockets) socket.disconnect();
  setTimeout(() => process.exit(0), 100);
});
