// The real Socket.IO server on a random port, real clients, real database-backed auth.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { CONNECT_ERRORS, EVENTS, NAMESPACES, ZSessionReady } from "@perflab/protocol";
import { encode } from "next-auth/jwt";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TAuthenticateAgent } from "./agent-auth";
import { createRealtimeServer } from "./create-realtime-server";
import { createDatabaseAgentStore } from "./database-agent-store";
import { createSessionCookieAuthenticator } from "./live-auth";

const SECRET = "test-secret-that-is-long-enough-0123456789";
const KNOWN_AGENT_TOKEN = "agent-token-for-tests";

describe("realtime server", () => {
  let testDb: TTestDatabase;
  let httpServer: HttpServer;
  let io: Server;
  let baseUrl: string;
  let activeUserId: string;
  let deactivatedUserId: string;
  let signedOutEverywhereUserId: string;
  const clients: Socket[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    activeUserId = (await testDb.db.user.create({ data: { email: "live@example.com", name: "Live" } })).id;
    deactivatedUserId = (await testDb.db.user.create({ data: { email: "off@example.com", name: "Off", deactivatedAt: new Date() } })).id;
    signedOutEverywhereUserId = (await testDb.db.user.create({ data: { email: "out@example.com", name: "Out", sessionsValidAfter: new Date() } })).id;
    const authenticateAgent: TAuthenticateAgent = async (token) => (token === KNOWN_AGENT_TOKEN ? { agentId: "agent-1", ownerId: activeUserId } : null);
    httpServer = createServer();
    io = createRealtimeServer(httpServer, { authenticateLiveUser: createSessionCookieAuthenticator(testDb.db, SECRET), authenticateAgent, agentStream: createDatabaseAgentStore(testDb.db) });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await testDb.drop();
  });

  function open(namespace: string, options: { cookie?: string; auth?: unknown }): Socket {
    const client = connect(`${baseUrl}${namespace}`, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: options.cookie ? { cookie: options.cookie } : {},
      auth: options.auth as Record<string, unknown>,
    });
    clients.push(client);
    return client;
  }

  /** Resolves with the session:ready payload, or rejects with the connect error's data. */
  function outcome(client: Socket): Promise<unknown> {
    return new Promise((resolve, reject) => {
      client.on(EVENTS.sessionReady, resolve);
      client.on("connect_error", (error: Error & { data?: unknown }) => reject({ message: error.message, data: error.data }));
    });
  }

  async function sessionCookie(userId: string, secret = SECRET, signedInAt: number | null = Date.now()): Promise<string> {
    const token = signedInAt === null ? { sub: userId } : { sub: userId, signedInAt };
    return `next-auth.session-token=${await encode({ token, secret })}`;
  }

  it("/live greets a signed-in user with session:ready", async () => {
    const ready = ZSessionReady.parse(await outcome(open(NAMESPACES.live, { cookie: await sessionCookie(activeUserId) })));
    expect(ready.subject).toEqual({ kind: "user", id: activeUserId });
  });

  it.each([
    ["no cookie", async () => undefined],
    ["a cookie signed with another secret", async () => sessionCookie(activeUserId, "another-secret-that-is-long-enough-000000")],
    ["a garbage cookie", async () => "next-auth.session-token=not-a-jwt"],
    ["a deactivated user's valid cookie", async () => sessionCookie(deactivatedUserId)],
    ["a cookie without its sign-in time", async () => sessionCookie(activeUserId, SECRET, null)],
    ["a cookie from before 'sign out everywhere'", async () => sessionCookie(signedOutEverywhereUserId, SECRET, Date.now() - 60_000)],
  ])("/live refuses %s", async (_case, makeCookie) => {
    const cookie = await makeCookie();
    await expect(outcome(open(NAMESPACES.live, cookie ? { cookie } : {}))).rejects.toMatchObject({ message: CONNECT_ERRORS.unauthorized });
  });

  it("/agent accepts a known token", async () => {
    const ready = ZSessionReady.parse(await outcome(open(NAMESPACES.agent, { auth: { token: KNOWN_AGENT_TOKEN } })));
    expect(ready.subject).toEqual({ kind: "agent", id: "agent-1" });
  });

  it("/agent refuses an unknown token", async () => {
    await expect(outcome(open(NAMESPACES.agent, { auth: { token: "nope" } }))).rejects.toMatchObject({ message: CONNECT_ERRORS.unauthorized });
  });

  it.each([
    [{}, "token"],
    [{ token: 42 }, "token"],
    [{ token: "" }, "token is required"],
  ])("/agent refuses the malformed handshake %j and says why", async (auth, detail) => {
    await expect(outcome(open(NAMESPACES.agent, { auth }))).rejects.toMatchObject({
      message: CONNECT_ERRORS.invalidHandshake,
      data: { code: CONNECT_ERRORS.invalidHandshake, detail: expect.stringContaining(detail) },
    });
  });

  it("/agent refuses a newer protocol than the server speaks", async () => {
    await expect(outcome(open(NAMESPACES.agent, { auth: { token: KNOWN_AGENT_TOKEN, protocolVersion: 99 } }))).rejects.toMatchObject({
      message: CONNECT_ERRORS.unsupportedProtocol,
    });
  });

  it("drops a connection whose message is over the transport limit, and the server carries on", async () => {
    const client = open(NAMESPACES.agent, { auth: { token: KNOWN_AGENT_TOKEN } });
    await outcome(client);
    const disconnected = new Promise((resolve) => client.on("disconnect", resolve));
    // Over the 4 MiB transport limit (batches over 512 KiB but under it get an error ack instead).
    client.emit("oversized", "x".repeat(5 * 1024 * 1024));
    expect(await disconnected).toBe("transport close");
    const again = ZSessionReady.parse(await outcome(open(NAMESPACES.agent, { auth: { token: KNOWN_AGENT_TOKEN } })));
    expect(again.subject.kind).toBe("agent");
  });
});
