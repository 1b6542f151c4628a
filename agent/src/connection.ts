// The agent's connection to the server's /agent namespace. Transport failures are retried
// by Socket.IO; a refusal by the server (bad token, malformed handshake, newer protocol)
// is final and reported, because retrying cannot fix it.
import { CONNECT_ERRORS, EVENTS, NAMESPACES, PROTOCOL_VERSION, ZSessionReady, type TSessionReady } from "@perflab/protocol";
import { io, type Socket } from "socket.io-client";

const FINAL_REFUSALS = new Set<string>(Object.values(CONNECT_ERRORS));

export interface TAgentConnection {
  socket: Socket;
  /** The first session:ready; rejects if the first connection is refused. */
  ready: Promise<TSessionReady>;
  /** Settles when the server refuses this agent for good, now or after a later reconnect (token rotated, machine revoked). */
  refused: Promise<Error>;
}

export function connectAgent(serverUrl: string, token: string): TAgentConnection {
  const socket = io(`${serverUrl.replace(/\/$/, "")}${NAMESPACES.agent}`, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ["websocket"],
    reconnectionDelayMax: 30_000,
  });
  let reportRefusal: (error: Error) => void = () => {};
  const refused = new Promise<Error>((resolve) => (reportRefusal = resolve));
  // The server dropped this agent on purpose (its token was rotated or the machine revoked,
  // or the server is shutting down): Socket.IO does not reconnect after that by itself.
  // Asking again turns a revocation into a refusal that is reported, instead of silence.
  socket.on("disconnect", (reason) => {
    if (reason === "io server disconnect") socket.connect();
  });
  const ready = new Promise<TSessionReady>((resolve, reject) => {
    socket.on(EVENTS.sessionReady, (payload: unknown) => {
      const parsed = ZSessionReady.safeParse(payload);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error("the server sent a malformed session:ready"));
    });
    socket.on("connect_error", (error: Error & { data?: { detail?: string | null } }) => {
      if (!FINAL_REFUSALS.has(error.message)) return; // network trouble: Socket.IO retries
      socket.disconnect();
      const refusal = new Error(`the server refused this agent (${error.message}${error.data?.detail ? `: ${error.data.detail}` : ""})`);
      reportRefusal(refusal);
      reject(refusal);
    });
  });
  return { socket, ready, refused };
}
