// /live against the real realtime server, real database and real Socket.IO clients: a
// machine's owner subscribes, gets history and then live samples from a connected agent,
// asks for high-resolution sampling; a stranger is refused on every request with a
// hand-made socket; a revoked machine's agent is dropped and its viewers are told.
import { createAgent } from "@perflab/db";
import {
  AGENT_EVENTS, EVENTS, LIVE_EVENTS, NAMESPACES, type TAck, type TAgentHello, type TLiveSamples, type TLiveSubscribeAck, type TMachineState, type TMetricBatch,
} from "@perflab/protocol";
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { encode } from "next-auth/jwt";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer, type TRealtimeServer } from "./create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "./database-agent-store";
import { createDatabaseLiveAccess } from "./live-access";
import { createSessionCookieAuthenticator } from "./live-auth";

const SECRET = "test-secret-that-is-long-enough-0123456789";
const SAMPLING = { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null } as const;
const HELLO: TAgentHello = {
  agentVersion: "0.1.0",
  streamId: "live-test-stream",
  host: { hostname: "lab-1", kernelRelease: "6.18.0", architecture: "x64", cpuCount: 2, memoryBytes: 2 ** 30, bootTimeMs: 1_764_000_000_000 },
  capabilities: { psi: { cpu: true, memory: true, io: true, irq: false }, schedstat: false, cgroup: "v2", softnetCpuColumn: true, diskstatsFields: 17 },
  sampling: SAMPLING,
};

describe("/live", () => {
  let testDb: TTestDatabase;
  let httpServer: HttpServer;
  let io: TRealtimeServer;
  let baseUrl: string;
  let owner: { id: string };
  let stranger: { id: string };
  let machine: { agentId: string; token: string };
  const clients: Socket[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const select = { id: true, email: true, name: true, role: true } as const;
    const ownerUser = await testDb.db.user.create({ data: { email: "owner@example.com", name: "Owner" }, select });
    owner = ownerUser;
    stranger = await testDb.db.user.create({ data: { email: "stranger@example.com", name: "Stranger" }, select });
    const created = await createAgent(testDb.db, ownerUser, { name: "lab-1" });
    if (!("data" in created)) throw new Error("not created");
    machine = created.data;
    httpServer = createServer();
    io = createRealtimeServer(httpServer, {
      authenticateLiveUser: createSessionCookieAuthenticator(testDb.db, SECRET),
      authenticateAgent: createDatabaseAgentAuthenticator(testDb.db),
      agentStream: createDatabaseAgentStore(testDb.db),
      liveAccess: createDatabaseLiveAccess(testDb.db),
    });
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

  async function ready(client: Socket): Promise<Socket> {
    clients.push(client);
    await new Promise((resolve, reject) => {
      client.once(EVENTS.sessionReady, resolve);
      client.once("connect_error", reject);
    });
    return client;
  }
  async function viewer(userId: string): Promise<Socket> {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: userId, signedInAt: Date.now() }, secret: SECRET })}`;
    return ready(connect(`${baseUrl}${NAMESPACES.live}`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie } }));
  }
  /** An agent speaking the protocol by hand: hello, then batches as JSON bytes; answers sampling requests. */
  async function agent(): Promise<Socket> {
    const client = await ready(connect(`${baseUrl}${NAMESPACES.agent}`, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token: machine.token } }));
    client.on(AGENT_EVENTS.setSampling, (request: { intervalMs: number }, answer: (response: unknown) => void) =>
      answer({ data: { mode: "high-res", intervalMs: request.intervalMs, achievedHz: 0, highResUntilMs: Date.now() + 5000 } }),
    );
    await client.emitWithAck(AGENT_EVENTS.hello, HELLO);
    return client;
  }
  let seq = 0;
  const sendBatch = (client: Socket, t: number, running: number) => {
    const batch: TMetricBatch = { seq: ++seq, samples: [{ t, points: [["sched.procs_running", running]] }], collectorErrors: [], droppedBatches: 0, sampling: SAMPLING };
    return client.emitWithAck(AGENT_EVENTS.batch, Buffer.from(JSON.stringify(batch))) as Promise<TAck<unknown>>;
  };
  const request = <T>(client: Socket, event: string, payload: unknown) => client.timeout(10_000).emitWithAck(event, payload) as Promise<TAck<T>>;
  const nextEvent = <T>(client: Socket, event: string) => new Promise<T>((resolve) => client.once(event, resolve));

  it("the owner gets recent history on subscribe, then live samples, and the machine's state", async () => {
    const lab = await agent();
    await sendBatch(lab, Date.now() - 5000, 1);
    const browser = await viewer(owner.id);
    const subscribed = await request<TLiveSubscribeAck>(browser, LIVE_EVENTS.subscribe, { machineId: machine.agentId, historySeconds: 60 });
    if (!("data" in subscribed)) throw new Error(JSON.stringify(subscribed));
    expect(subscribed.data.state).toMatchObject({ machineId: machine.agentId, online: true, revoked: false });
    expect(subscribed.data.samples.map((sample) => sample.points[0]![1])).toContain(1);

    const live = nextEvent<TLiveSamples>(browser, LIVE_EVENTS.samples);
    await sendBatch(lab, Date.now(), 7);
    expect(await live).toEqual({ machineId: machine.agentId, samples: [{ t: expect.any(Number), points: [["sched.procs_running", 7]] }], sampling: expect.objectContaining({ mode: "normal" }) });

    const history = await request<{ samples: unknown[] }>(browser, LIVE_EVENTS.history, { machineId: machine.agentId, fromMs: Date.now() - 60_000 });
    expect("data" in history && history.data.samples.length).toBe(2);

    const offline = nextEvent<TMachineState>(browser, LIVE_EVENTS.machineState);
    lab.disconnect();
    expect(await offline).toMatchObject({ online: false, revoked: false });
  });

  it("the owner can ask the machine's agent for high resolution; offline machines say so", async () => {
    const browser = await viewer(owner.id);
    const highRes = { machineId: machine.agentId, request: { mode: "high-res", intervalMs: 10, durationMs: 5000 } };
    expect(await request(browser, LIVE_EVENTS.setSampling, highRes)).toMatchObject({ error: { code: "offline" } });
    await agent();
    expect(await request(browser, LIVE_EVENTS.setSampling, highRes)).toMatchObject({ data: { mode: "high-res", intervalMs: 10 } });
  });

  it("refuses a stranger's hand-made socket on every request, and sends it nothing", async () => {
    const lab = await agent();
    const intruder = await viewer(stranger.id);
    const received: unknown[] = [];
    intruder.on(LIVE_EVENTS.samples, (message) => received.push(message));
    for (const [event, payload] of [
      [LIVE_EVENTS.subscribe, { machineId: machine.agentId }],
      [LIVE_EVENTS.history, { machineId: machine.agentId, fromMs: Date.now() - 60_000 }],
      [LIVE_EVENTS.setSampling, { machineId: machine.agentId, request: { mode: "normal" } }],
      [LIVE_EVENTS.subscribe, { machineId: "no-such-machine" }],
    ] as const) {
      expect(await request(intruder, event, payload)).toMatchObject({ error: { code: "forbidden" } });
    }
    await sendBatch(lab, Date.now(), 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });

  it.each([
    ["no machine id", LIVE_EVENTS.subscribe, {}],
    ["an extra key", LIVE_EVENTS.subscribe, { machineId: "x", room: "machine:x" }],
    ["history over an hour", LIVE_EVENTS.history, { machineId: "x", fromMs: 0, toMs: 3_600_001 }],
    ["a sampling interval below 10 ms", LIVE_EVENTS.setSampling, { machineId: "x", request: { mode: "high-res", intervalMs: 1, durationMs: 5000 } }],
    ["a string", LIVE_EVENTS.subscribe, "machine:x"],
  ])("answers %s with invalid-request and stays connected", async (_case, event, payload) => {
    const browser = await viewer(owner.id);
    expect(await request(browser, event, payload)).toMatchObject({ error: { code: "invalid-request" } });
    expect(browser.connected).toBe(true);
  });

  it("drops a revoked machine's agent at once and tells its viewers", async () => {
    const lab = await agent();
    const browser = await viewer(owner.id);
    await request(browser, LIVE_EVENTS.subscribe, { machineId: machine.agentId, historySeconds: 0 });
    const dropped = new Promise((resolve) => lab.once("disconnect", resolve));
    const told = nextEvent<TMachineState>(browser, LIVE_EVENTS.machineState);
    io.disconnectMachine(machine.agentId, "revoked");
    await dropped;
    expect(await told).toMatchObject({ machineId: machine.agentId, online: false, revoked: true });
  });
});
