// What the /live integration tests share: a real realtime server over a per-run database,
// an owner with one enrolled lab machine and a stranger, viewers signed in with a real
// session cookie, and agents speaking the protocol by hand. Test-only.
import { createAgent, type Db, type TUserSummary } from "@perflab/db";
import { AGENT_EVENTS, EVENTS, NAMESPACES, type TAck, type TAgentHello, type TMetricBatch, type TScenarioManifest } from "@perflab/protocol";
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { encode } from "next-auth/jwt";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createRealtimeServer, type TRealtimeDependencies, type TRealtimeServer } from "../create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "../database-agent-store";
import { createDatabaseLiveAccess } from "../live-access";
import { createSessionCookieAuthenticator } from "../live-auth";

const SECRET = "test-secret-that-is-long-enough-0123456789";
export const NORMAL_SAMPLING = { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null } as const;
export const TEST_HELLO: TAgentHello = {
  agentVersion: "0.1.0",
  streamId: "live-test-stream",
  host: { hostname: "lab-1", kernelRelease: "6.18.0", architecture: "x64", cpuCount: 2, memoryBytes: 2 ** 30, bootTimeMs: 1_764_000_000_000 },
  capabilities: { psi: { cpu: true, memory: true, io: true, irq: false }, schedstat: false, cgroup: "v2", softnetCpuColumn: true, diskstatsFields: 17 },
  sampling: NORMAL_SAMPLING,
};

/** A small manifest like the real cpu-starvation's: one parameter, one signal on sched.procs_running. */
export const TEST_CPU_STARVATION: TScenarioManifest = {
  id: "cpu-starvation",
  title: "CPU starvation",
  summary: "More runnable threads than CPUs.",
  topics: ["2.2"],
  duration: { default: 30, max: 300 },
  parameters: [{ name: "threads", default: 4, min: 1, max: 64, description: "busy threads" }],
  signals: [{ metric: "sched.procs_running", condition: "above", threshold: 2, description: "a run queue" }],
};

export interface TLabHarness {
  testDb: TTestDatabase;
  io: TRealtimeServer;
  owner: { id: string };
  stranger: { id: string };
  machine: { agentId: string; token: string };
  /** A browser on /live signed in as this user. */
  viewer: (userId: string) => Promise<Socket>;
  /** An agent on /agent after its hello (the owner's machine unless another is given); `prepare` adds handlers before it. */
  agent: (prepare?: (client: Socket) => void, machine?: { token: string }) => Promise<Socket>;
  /** Another user with a lab machine of their own. */
  addLearner: (name: string) => Promise<{ user: TUserSummary; machine: { agentId: string; token: string } }>;
  /** One stored batch with a single sched.procs_running sample. */
  sendBatch: (client: Socket, t: number, running: number) => Promise<TAck<unknown>>;
  /** One stored batch with these samples. */
  sendSamples: (client: Socket, samples: TMetricBatch["samples"]) => Promise<TAck<unknown>>;
  request: <T>(client: Socket, event: string, payload: unknown) => Promise<TAck<T>>;
  nextEvent: <T>(client: Socket, event: string) => Promise<T>;
  disconnectClients: () => void;
  close: () => Promise<void>;
}

export async function startLabHarness(extraDependencies: (db: Db) => Partial<TRealtimeDependencies> = () => ({})): Promise<TLabHarness> {
  const testDb = await createTestDatabase();
  const select = { id: true, email: true, name: true, role: true } as const;
  const owner = await testDb.db.user.create({ data: { email: "owner@example.com", name: "Owner" }, select });
  const stranger = await testDb.db.user.create({ data: { email: "stranger@example.com", name: "Stranger" }, select });
  const created = await createAgent(testDb.db, owner, { name: "lab-1" });
  if (!("data" in created)) throw new Error("the test machine was not created");
  const httpServer = createServer();
  const io = createRealtimeServer(httpServer, {
    authenticateLiveUser: createSessionCookieAuthenticator(testDb.db, SECRET),
    authenticateAgent: createDatabaseAgentAuthenticator(testDb.db),
    agentStream: createDatabaseAgentStore(testDb.db),
    liveAccess: createDatabaseLiveAccess(testDb.db),
    ...extraDependencies(testDb.db),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Socket[] = [];

  async function ready(client: Socket): Promise<Socket> {
    clients.push(client);
    await new Promise((resolve, reject) => {
      client.once(EVENTS.sessionReady, resolve);
      client.once("connect_error", reject);
    });
    return client;
  }
  let seq = 0;
  const sendSamples = (client: Socket, samples: TMetricBatch["samples"]) => {
    const batch: TMetricBatch = { seq: ++seq, samples, collectorErrors: [], droppedBatches: 0, sampling: NORMAL_SAMPLING };
    return client.emitWithAck(AGENT_EVENTS.batch, Buffer.from(JSON.stringify(batch))) as Promise<TAck<unknown>>;
  };
  return {
    testDb,
    io,
    owner,
    stranger,
    machine: created.data,
    viewer: async (userId) => {
      const cookie = `next-auth.session-token=${await encode({ token: { sub: userId, signedInAt: Date.now() }, secret: SECRET })}`;
      return ready(connect(`${baseUrl}${NAMESPACES.live}`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie } }));
    },
    agent: async (prepare, machine = created.data) => {
      const client = connect(`${baseUrl}${NAMESPACES.agent}`, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token: machine.token } });
      prepare?.(client);
      await ready(client);
      await client.emitWithAck(AGENT_EVENTS.hello, TEST_HELLO);
      return client;
    },
    addLearner: async (name) => {
      const user = await testDb.db.user.create({ data: { email: `${name.toLowerCase()}@example.com`, name }, select });
      const machine = await createAgent(testDb.db, user, { name: `${name.toLowerCase()}-lab` });
      if (!("data" in machine)) throw new Error("the learner's machine was not created");
      return { user, machine: machine.data };
    },
    sendBatch: (client, t, running) => sendSamples(client, [{ t, points: [["sched.procs_running", running]] }]),
    sendSamples: (client, samples) => sendSamples(client, samples),
    request: <T,>(client: Socket, event: string, payload: unknown) => client.timeout(10_000).emitWithAck(event, payload) as Promise<TAck<T>>,
    nextEvent: <T,>(client: Socket, event: string) => new Promise<T>((resolve) => client.once(event, resolve)),
    disconnectClients: () => {
      for (const client of clients.splice(0)) client.disconnect();
    },
    close: async () => {
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await testDb.drop();
    },
  };
}
