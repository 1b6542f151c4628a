// Socket.IO namespaces and event names shared by the server, the agent and the browser.
// Events are `domain:verb` constants so a typo is a compile error, not a silent no-op.

/** Bumped on any incompatible change to an event payload; negotiated in the handshake. */
export const PROTOCOL_VERSION = 1;

export const NAMESPACES = {
  /** Lab-machine agents: authenticated by an enrollment token. */
  agent: "/agent",
  /** Browsers watching live labs: authenticated by the web session cookie. */
  live: "/live",
} as const;

export const EVENTS = {
  /** server → client, once authenticated: who the server thinks you are. */
  sessionReady: "session:ready",
} as const;

/** Error messages a connection can be refused with (read by clients to decide on retry). */
export const CONNECT_ERRORS = {
  unauthorized: "unauthorized",
  invalidHandshake: "invalid-handshake",
  unsupportedProtocol: "unsupported-protocol",
} as const;
