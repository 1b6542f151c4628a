// Simulated learners' browsers, one /live Socket.IO client each, as the lab page and the
// workshop page open them: signed in with the learner's session cookie, subscribed to
// their own machine (its samples, as on the lab page) and to the workshop (as a learner:
// announcements only). Each learner also reports progress as a topic page does, with a
// heartbeat POST every PROGRESS_INTERVAL_MS, the learners spread evenly over that period
// (60 learners every 10 s: 6 writes a second). Bundled and run with plain node.
//
// Times are performance.timeOrigin + performance.now(), the clock the agents stamp their
// samples with; the wall clock is kept beside each write so the conductor can tell whether
// the instructor's matrix showed it (the server stamps lastHeartbeatAt with Date).
import { EVENTS, LIVE_EVENTS, NAMESPACES, type TAck, type TLiveSamples } from "@perflab/protocol";
import { io as connect, type Socket } from "socket.io-client";
import { serveCommands } from "../live-fanout/command-channel";

const PROGRESS_INTERVAL_MS = 10_000;
const HEARTBEATS_PER_TOPIC = 3; // a learner reads a topic for a while, then moves on
const SUBSCRIBE_TIMEOUT_MS = 30_000;

export interface TLearnerWorkerConnect {
  serverUrl: string;
  workshopId: string;
  topicIds: string[];
  learners: { userId: string; cookie: string; machineId: string }[];
}

export interface TProgressWrite {
  userId: string;
  sentMs: number;
  sentWallMs: number;
  answeredMs: number;
  status: number;
}

export interface TLearnerWorkerReport {
  /** Own-machine samples read since the reset: receive time − t. */
  sampleLatenciesMs: number[];
  writes: TProgressWrite[];
  disconnects: number;
}

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const timers: NodeJS.Timeout[] = [];
let setup: TLearnerWorkerConnect | null = null;
let sampleLatenciesMs: number[] = [];
let writes: TProgressWrite[] = [];
let windowStartMs = Number.POSITIVE_INFINITY;
let disconnects = 0;

async function openLearner(serverUrl: string, workshopId: string, learner: TLearnerWorkerConnect["learners"][number]): Promise<void> {
  const socket = connect(`${serverUrl}${NAMESPACES.live}`, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: learner.cookie } });
  sockets.push(socket);
  socket.on(LIVE_EVENTS.samples, (message: TLiveSamples) => {
    const receivedMs = now();
    for (const sample of message.samples) if (sample.t >= windowStartMs) sampleLatenciesMs.push(receivedMs - sample.t);
  });
  await new Promise((resolve, reject) => {
    socket.once(EVENTS.sessionReady, resolve);
    socket.once("connect_error", reject);
  });
  socket.on("disconnect", () => (disconnects += 1));
  const machine = (await socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.subscribe, { machineId: learner.machineId, historySeconds: 0 })) as TAck<unknown>;
  if ("error" in machine) throw new Error(`subscribing to ${learner.machineId}: ${machine.error.code} ${machine.error.message}`);
  const workshop = (await socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.workshopSubscribe, { workshopId })) as TAck<{ as: string }>;
  if (!("data" in workshop) || workshop.data.as !== "learner") throw new Error(`subscribing to the workshop as a learner: ${JSON.stringify(workshop)}`);
}

async function connectAll(request: TLearnerWorkerConnect): Promise<{ learners: number }> {
  setup = request;
  await Promise.all(request.learners.map((learner) => openLearner(request.serverUrl, request.workshopId, learner)));
  return { learners: request.learners.length };
}

async function postHeartbeat(learner: TLearnerWorkerConnect["learners"][number], round: number): Promise<void> {
  const { serverUrl, topicIds } = setup!;
  const topicId = topicIds[Math.floor(round / HEARTBEATS_PER_TOPIC) % topicIds.length]!;
  const sentMs = now();
  const sentWallMs = Date.now();
  let status = 0;
  try {
    const response = await fetch(`${serverUrl}/api/topics/${encodeURIComponent(topicId)}/heartbeat`, {
      method: "POST",
      headers: { cookie: learner.cookie, "content-type": "application/json" },
      body: JSON.stringify({ activeSeconds: PROGRESS_INTERVAL_MS / 1000, timezoneOffsetMinutes: 0 }),
    });
    await response.arrayBuffer();
    status = response.status;
  } finally {
    writes.push({ userId: learner.userId, sentMs, sentWallMs, answeredMs: now(), status });
  }
}

/** Each learner writes every PROGRESS_INTERVAL_MS, learner i at i/n of the period. */
function startProgress(): void {
  const learners = setup!.learners;
  learners.forEach((learner, index) => {
    let round = 0;
    const write = () => void postHeartbeat(learner, round++).catch(() => undefined);
    const first = setTimeout(() => {
      write();
      timers.push(setInterval(write, PROGRESS_INTERVAL_MS));
    }, (index / learners.length) * PROGRESS_INTERVAL_MS);
    timers.push(first);
  });
}

function stopProgress(): void {
  for (const timer of timers.splice(0)) clearTimeout(timer);
}

/** Starts a measuring window at `startMs` (same clock as the samples' t). */
function reset({ startMs }: { startMs: number }): void {
  sampleLatenciesMs = [];
  writes = [];
  windowStartMs = startMs;
}

function report(): TLearnerWorkerReport {
  return { sampleLatenciesMs, writes, disconnects };
}

serveCommands({ connect: connectAll, startProgress, stopProgress, reset, report });
process.once("SIGTERM", () => {
  stopProgress();
  for (const socket of sockets) socket.disconnect();
  setTimeout(() => process.exit(0), 100);
});
