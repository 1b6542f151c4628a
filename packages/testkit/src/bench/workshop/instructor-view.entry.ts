// The instructor's browser on the workshop page, simulated: one /live client signed in as
// the instructor, subscribed with live:workshop-subscribe (it must be answered "instructor"),
// receiving the members' thumbnail digests and progress events, and refetching the matrix
// over HTTP on progress exactly as apps/web/src/app/workshops/[workshopId]/progress-matrix.tsx
// does: at most once a second, however many events arrive (so a write's matrix is up to a
// second later than its event, by design). Bundled and run with plain node.
//
// Thumbnail latency is this process's clock minus the digest's t, the agent's read time of
// the sample it summarises: both are performance.timeOrigin + performance.now() on one machine.
import { EVENTS, LIVE_EVENTS, NAMESPACES, type TAck, type TLiveWorkshopMachine, type TLiveWorkshopProgress } from "@perflab/protocol";
import { io as connect, type Socket } from "socket.io-client";
import { serveCommands } from "../live-fanout/command-channel";

const MIN_REFETCH_GAP_MS = 1000; // progress-matrix.tsx's MIN_REFETCH_GAP_MS
const SUBSCRIBE_TIMEOUT_MS = 30_000;

export interface TInstructorViewConnect {
  serverUrl: string;
  cookie: string;
  workshopId: string;
}

export interface TMatrixFetch {
  startedMs: number;
  readyMs: number;
  isOk: boolean;
  /** Each row's lastActivityAt (wall clock ms), to tell whether a write had reached it. */
  lastActivityMs: Record<string, number | null>;
}

export interface TInstructorViewReport {
  /** Digests of samples read since the reset: receive time − t. */
  thumbnailLatenciesMs: number[];
  /** Machines that sent at least one digest since the reset. */
  thumbnailMachines: number;
  progressEvents: { userId: string; receivedMs: number }[];
  fetches: TMatrixFetch[];
  disconnects: number;
}

const now = () => performance.timeOrigin + performance.now();
let socket: Socket | null = null;
let thumbnailLatenciesMs: number[] = [];
let thumbnailMachines = new Set<string>();
let progressEvents: TInstructorViewReport["progressEvents"] = [];
let fetches: TMatrixFetch[] = [];
let windowStartMs = Number.POSITIVE_INFINITY;
let disconnects = 0;

function matrixFetcher({ serverUrl, cookie, workshopId }: TInstructorViewConnect): () => void {
  let lastFetchWallMs = 0;
  let pending: NodeJS.Timeout | null = null;
  const fetchMatrix = async () => {
    lastFetchWallMs = Date.now();
    const startedMs = now();
    const response = await fetch(`${serverUrl}/api/workshops/${encodeURIComponent(workshopId)}/matrix`, { headers: { cookie } });
    const body = (await response.json()) as { data?: { rows: { userId: string; lastActivityAt: string | null }[] } };
    const lastActivityMs = Object.fromEntries((body.data?.rows ?? []).map((row) => [row.userId, row.lastActivityAt ? Date.parse(row.lastActivityAt) : null]));
    fetches.push({ startedMs, readyMs: now(), isOk: response.ok && body.data !== undefined, lastActivityMs });
  };
  return () => {
    if (pending) return;
    pending = setTimeout(
      () => {
        pending = null;
        void fetchMatrix().catch(() => fetches.push({ startedMs: now(), readyMs: now(), isOk: false, lastActivityMs: {} }));
      },
      Math.max(0, lastFetchWallMs + MIN_REFETCH_GAP_MS - Date.now()),
    );
  };
}

async function connectView(request: TInstructorViewConnect): Promise<{ as: string }> {
  const refetchSoon = matrixFetcher(request);
  socket = connect(`${request.serverUrl}${NAMESPACES.live}`, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: request.cookie } });
  socket.on(LIVE_EVENTS.workshopMachine, (message: TLiveWorkshopMachine) => {
    if (message.t < windowStartMs) return;
    thumbnailLatenciesMs.push(now() - message.t);
    thumbnailMachines.add(message.machineId);
  });
  socket.on(LIVE_EVENTS.workshopProgress, (message: TLiveWorkshopProgress) => {
    if (message.workshopId !== request.workshopId) return;
    progressEvents.push({ userId: message.userId, receivedMs: now() });
    refetchSoon();
  });
  await new Promise((resolve, reject) => {
    socket!.once(EVENTS.sessionReady, resolve);
    socket!.once("connect_error", reject);
  });
  socket.on("disconnect", () => (disconnects += 1));
  const answer = (await socket.timeout(SUBSCRIBE_TIMEOUT_MS).emitWithAck(LIVE_EVENTS.workshopSubscribe, { workshopId: request.workshopId })) as TAck<{ as: string }>;
  if (!("data" in answer) || answer.data.as !== "instructor") throw new Error(`subscribing to the workshop as its instructor: ${JSON.stringify(answer)}`);
  refetchSoon(); // the page's first load
  return answer.data;
}

/** Starts a measuring window at `startMs` (same clock as the digests' t). */
function reset({ startMs }: { startMs: number }): void {
  thumbnailLatenciesMs = [];
  thumbnailMachines = new Set();
  progressEvents = [];
  fetches = [];
  windowStartMs = startMs;
}

function report(): TInstructorViewReport {
  return { thumbnailLatenciesMs, thumbnailMachines: thumbnailMachines.size, progressEvents, fetches, disconnects };
}

serveCommands({ connect: connectView, reset, report });
process.once("SIGTERM", () => {
  socket?.disconnect();
  setTimeout(() => process.exit(0), 100);
});
