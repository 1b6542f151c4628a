// Attaches Socket.IO to an HTTP server with perflab's two namespaces. A factory taking
// its dependencies, so tests start it on a random port with real clients and a real
// database, and later issues fill in the handlers without touching the wiring.
import { CONNECT_ERRORS, EVENTS, NAMESPACES, PROTOCOL_VERSION, type TSessionReady } from "@perflab/protocol";
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { parseAgentHandshake, type TAuthenticateAgent, type TAgentIdentity } from "./agent-auth";
import type { TAuthenticateLiveUser, TLiveUser } from "./live-auth";

// Socket.IO's default is 1 MB; metric batches are a few kB, so anything larger is a bug
// or an attack and is refused before it is parsed.
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface TRealtimeDependencies {
  authenticateLiveUser: TAuthenticateLiveUser;
  authenticateAgent: TAuthenticateAgent;
  log?: (message: string) => void;
}

export interface TSocketData {
  user?: TLiveUser;
  agent?: TAgentIdentity;
}

function refuse(code: string, detail?: string): Error & { data?: unknown } {
  return Object.assign(new Error(code), { data: { code, detail: detail ?? null } });
}

export function createRealtimeServer(httpServer: HttpServer, deps: TRealtimeDependencies): Server {
  const io = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
  const log = deps.log ?? (() => {});

  const live = io.of(NAMESPACES.live);
  live.use(async (socket, next) => {
    try {
      const user = await deps.authenticateLiveUser(socket.handshake.headers.cookie);
      if (!user) return next(refuse(CONNECT_ERRORS.unauthorized, "sign in to watch live labs"));
      (socket.data as TSocketData).user = user;
      next();
    } catch (error) {
      log(`live: authentication failed: ${(error as Error).message}`);
      next(refuse(CONNECT_ERRORS.unauthorized));
    }
  });
  live.on("connection", (socket: Socket) => {
    const { user } = socket.data as TSocketData;
    const ready: TSessionReady = { protocolVersion: PROTOCOL_VERSION, subject: { kind: "user", id: user!.id } };
    socket.emit(EVENTS.sessionReady, ready);
  });

  const agent = io.of(NAMESPACES.agent);
  agent.use(async (socket, next) => {
    const handshake = parseAgentHandshake(socket.handshake.auth);
    if ("error" in handshake) return next(refuse(CONNECT_ERRORS.invalidHandshake, handshake.error));
    if (handshake.data.protocolVersion > PROTOCOL_VERSION) {
      return next(refuse(CONNECT_ERRORS.unsupportedProtocol, `server speaks protocol ${PROTOCOL_VERSION}, agent ${handshake.data.protocolVersion}`));
    }
    try {
      const identity = await deps.authenticateAgent(handshake.data.token);
      if (!identity) return next(refuse(CONNECT_ERRORS.unauthorized, "unknown or revoked agent token"));
      (socket.data as TSocketData).agent = identity;
      next();
    } catch (error) {
      log(`agent: authentication failed: ${(error as Error).message}`);
      next(refuse(CONNECT_ERRORS.unauthorized));
    }
  });
  agent.on("connection", (socket: Socket) => {
    const identity = (socket.data as TSocketData).agent!;
    const ready: TSessionReady = { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: identity.agentId } };
    socket.emit(EVENTS.sessionReady, ready);
  });

  return io;
}
