// Attaches Socket.IO to an HTTP server with perflab's two namespaces. A factory taking
// its dependencies, so tests start it on a random port with real clients and a real
// database, and later issues fill in the handlers without touching the wiring.
import { CONNECT_ERRORS, EVENTS, LIVE_EVENTS, NAMESPACES, PROTOCOL_VERSION, type TLiveSamples, type TLiveWorkshopAnnouncement, type TSessionReady } from "@perflab/protocol";
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { parseAgentHandshake, type TAuthenticateAgent, type TAgentIdentity } from "./agent-auth";
import { attachAgentStreamHandlers, type TAgentStreamStore } from "./agent-stream-handlers";
import type { TLiveAccess } from "./live-access";
import type { TAuthenticateLiveUser, TLiveUser } from "./live-auth";
import { attachLiveHandlers, machineRoom } from "./live-handlers";
import { MachinePresence } from "./machine-presence";
import { ScenarioConductor, type TScenarioStore } from "./scenario-conductor";
import { WorkshopHub } from "./workshop-hub";

// Socket.IO disconnects a client whose message exceeds this, before anything can answer.
// It is set well above MAX_BATCH_BYTES so that an oversized batch still gets an error
// acknowledgement (and the agent learns to split); only absurd payloads cost a reconnect.
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface TRealtimeDependencies {
  authenticateLiveUser: TAuthenticateLiveUser;
  authenticateAgent: TAuthenticateAgent;
  agentStream: TAgentStreamStore;
  /** Lab machines for /live viewers; without it /live only greets (tests of /agent alone). */
  liveAccess?: TLiveAccess;
  /** Scenario runs (with liveAccess): start and stop from /live, events from /agent, verdicts. */
  scenarioStore?: TScenarioStore;
  log?: (message: string) => void;
}

export interface TRealtimeServer extends Server {
  /** Drops a machine's agent connection at once and tells its viewers (token rotated or machine revoked). */
  disconnectMachine: (machineId: string, reason: "rotated" | "revoked") => void;
  isMachineOnline: (machineId: string) => boolean;
  /** A learner progressed: their open workshops' instructor views refetch. */
  notifyLearnerProgress: (userId: string) => void;
  /** A learner attached or detached a lab machine: instructor views follow the new one. */
  notifyMachineAttached: (userId: string) => void;
  /** A drill was revealed (or a run scheduled elsewhere): the workshop's learners and instructor views refetch. */
  announceWorkshop: (announcement: TLiveWorkshopAnnouncement) => void;
}

export interface TSocketData {
  user?: TLiveUser;
  agent?: TAgentIdentity;
}

function refuse(code: string, detail?: string): Error & { data?: unknown } {
  return Object.assign(new Error(code), { data: { code, detail: detail ?? null } });
}

/**
 * Runs an authentication dependency: its identity, or a refusal. A dependency that throws
 * (database down) refuses the connection without saying why to the client, and logs it.
 */
async function authenticateOrRefuse<T>(authenticate: () => Promise<T | null>, refusal: string, log: (message: string) => void, label: string): Promise<{ identity: T } | { error: Error }> {
  try {
    const identity = await authenticate();
    return identity ? { identity } : { error: refuse(CONNECT_ERRORS.unauthorized, refusal) };
  } catch (error) {
    log(`${label}: authentication failed: ${(error as Error).message}`);
    return { error: refuse(CONNECT_ERRORS.unauthorized) };
  }
}

export function createRealtimeServer(httpServer: HttpServer, deps: TRealtimeDependencies): TRealtimeServer {
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
  const log = deps.log ?? (() => {});
  const presence = new MachinePresence();

  const live = io.of(NAMESPACES.live);
  const scenarios = deps.scenarioStore ? new ScenarioConductor(deps.scenarioStore, presence, live, machineRoom, log) : undefined;
  const workshops = deps.liveAccess ? new WorkshopHub(live, deps.liveAccess, scenarios, log) : undefined;
  // Pending countdowns and the refresh timer end with the server.
  const closeServer = io.close.bind(io);
  io.close = (callback) => {
    workshops?.close();
    return closeServer(callback);
  };
  live.use(async (socket, next) => {
    const result = await authenticateOrRefuse(() => deps.authenticateLiveUser(socket.handshake.headers.cookie), "sign in to watch live labs", log, "live");
    if ("error" in result) return next(result.error);
    (socket.data as TSocketData).user = result.identity;
    next();
  });
  live.on("connection", (socket: Socket) => {
    const { user } = socket.data as TSocketData;
    if (deps.liveAccess && workshops) attachLiveHandlers(socket, user!, { access: deps.liveAccess, presence, scenarios, workshops, log });
    const ready: TSessionReady = { protocolVersion: PROTOCOL_VERSION, subject: { kind: "user", id: user!.id } };
    socket.emit(EVENTS.sessionReady, ready);
  });

  // Announced when something happens to the machine's agent, so it was seen just now.
  const announceState = (machineId: string, revoked = false) => {
    live.to(machineRoom(machineId)).emit(LIVE_EVENTS.machineState, presence.state(machineId, { revoked, lastSeenMs: Date.now() }));
    workshops?.onMachineState(machineId);
  };
  // Valid batches fan out to the machine's viewers as volatile messages, without waiting
  // for the database: a viewer that cannot keep up skips some and resyncs from history,
  // instead of queueing without bound.
  const agentStream: TAgentStreamStore = {
    ...deps.agentStream,
    onBatchAccepted: (agentId, batch) => {
      deps.agentStream.onBatchAccepted?.(agentId, batch);
      const message: TLiveSamples = { machineId: agentId, samples: batch.samples, sampling: batch.sampling };
      live.to(machineRoom(agentId)).volatile.emit(LIVE_EVENTS.samples, message);
      scenarios?.onSamples(agentId, batch.samples);
      workshops?.onBatch(agentId, batch.samples);
      if (presence.sawBatch(agentId, batch.sampling)) announceState(agentId);
    },
  };

  const agent = io.of(NAMESPACES.agent);
  agent.use(async (socket, next) => {
    const handshake = parseAgentHandshake(socket.handshake.auth);
    if ("error" in handshake) return next(refuse(CONNECT_ERRORS.invalidHandshake, handshake.error));
    if (handshake.data.protocolVersion > PROTOCOL_VERSION) {
      return next(refuse(CONNECT_ERRORS.unsupportedProtocol, `server speaks protocol ${PROTOCOL_VERSION}, agent ${handshake.data.protocolVersion}`));
    }
    const result = await authenticateOrRefuse(() => deps.authenticateAgent(handshake.data.token), "unknown or revoked agent token", log, "agent");
    if ("error" in result) return next(result.error);
    (socket.data as TSocketData).agent = result.identity;
    next();
  });
  agent.on("connection", (socket: Socket) => {
    const identity = (socket.data as TSocketData).agent!;
    attachAgentStreamHandlers(socket, identity, agentStream, log);
    scenarios?.attachAgent(socket, identity.agentId, () => void deps.agentStream.countMalformed(identity.agentId).catch(() => undefined));
    void socket.join(machineRoom(identity.agentId));
    presence.connect(identity.agentId, socket);
    announceState(identity.agentId);
    socket.on("disconnect", () => {
      if (presence.disconnect(identity.agentId, socket)) announceState(identity.agentId);
    });
    const ready: TSessionReady = { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: identity.agentId } };
    socket.emit(EVENTS.sessionReady, ready);
  });

  const disconnectMachine = (machineId: string, reason: "rotated" | "revoked") => {
    if (reason === "revoked") presence.markRevoked(machineId);
    agent.in(machineRoom(machineId)).disconnectSockets(true);
    announceState(machineId, reason === "revoked");
  };
  const isMachineOnline = (machineId: string) => presence.state(machineId, { revoked: false, lastSeenMs: null }).online;
  const notifyLearnerProgress = (userId: string) => workshops?.learnerProgressed(userId);
  const notifyMachineAttached = (userId: string) => workshops?.machineAttached(userId);
  const announceWorkshop = (announcement: TLiveWorkshopAnnouncement) => workshops?.announce(announcement);
  return Object.assign(io, { disconnectMachine, isMachineOnline, notifyLearnerProgress, notifyMachineAttached, announceWorkshop });
}
