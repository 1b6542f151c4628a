// The /agent conversation against a real server and database: hello, batches stored
// exactly once, and hostile payloads answered with errors while the server stays up.
import { createAgent } from "@perflab/db";
import { AGENT_EVENTS, EVENTS, MAX_BATCH_BYTES, NAMESPACES, type TAck, type TAgentHello, type TMetricBatch } from "@perflab/protocol";
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer } from "./create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "./database-agent-store";

const HELLO: TAgentHello = {
  agentVersion: "0.1.0",
  streamId: "stream-test-0001",
  host: { hostname: "lab-1", kernelRelease: "6.18.0", architecture: "x64", cpuCount: 2, memoryBytes: 24 * 2 ** 30, bootTimeMs: 1_764_000_000_000 },
  capabilities: { psi: { cpu: true, memory: true, io: true, irq: false }, schedstat: false, cgroup: "v2", softnetCpuColumn: true, diskstatsFields: 17 },
  sampling: { mode: "normal", intervalMs: 1000, achievedHz: 1, highResUntilMs: null },
};

function batch(seq: number, extra: Partial<TMetricBatch> = {}): TMetricBatch {
  return {
    seq,
    samples: [{ t: 1_764_100_000_000 + seq * 1000, points: [["sched.procs_running", 3], ["softnet.dropped", 12.5, { cpu: "0" }]] }],
    collectorErrors: [],
    droppedBatches: 0,
    sampling: HELLO.sampling,
    ...extra,
  };
}

describe("/agent streaming", () => {
  let testDb: TTestDatabase;
  let httpServer: HttpServer;
  let io: Server;
  let url: string;
  let token: string;
  let agentId: string;
  const clients: Socket[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const owner = await testDb.db.user.create({ data: { email: "owner@example.com", name: "Owner" }, select: { id: true, email: true, name: true, role: true } });
    const created = await createAgent(testDb.db, owner, { name: "lab-1" });
    if (!("data" in created)) throw new Error("agent not created");
    ({ token, agentId } = created.data);
    httpServer = createServer();
    io = createRealtimeServer(httpServer, { authenticateLiveUser: async () => null, authenticateAgent: createDatabaseAgentAuthenticator(testDb.db), agentStream: createDatabaseAgentStore(testDb.db) });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}${NAMESPACES.agent}`;
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await testDb.drop();
  });

  async function connected(): Promise<Socket> {
    const client = connect(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    clients.push(client);
    await new Promise((resolve, reject) => {
      client.once(EVENTS.sessionReady, resolve);
      client.once("connect_error", reject);
    });
    return client;
  }
  const send = (client: Socket, event: string, payload: unknown) => client.timeout(10_000).emitWithAck(event, payload) as Promise<TAck<Record<string, unknown>>>;

  it("hello records the machine and answers the last stored sequence of the stream", async () => {
    const client = await connected();
    expect(await send(client, AGENT_EVENTS.hello, HELLO)).toEqual({ data: { agentId, lastStoredSeq: 0 } });
    const agent = await testDb.db.agent.findUniqueOrThrow({ where: { id: agentId } });
    expect(agent.hostFacts).toMatchObject({ hostname: "lab-1", cpuCount: 2 });
    expect(agent.lastSeenAt).not.toBeNull();
  });

  it("stores each batch once: a resend after a reconnect is recognised", async () => {
    const first = await connected();
    await send(first, AGENT_EVENTS.hello, HELLO);
    expect(await send(first, AGENT_EVENTS.batch, batch(1))).toEqual({ data: { seq: 1, stored: true } });
    expect(await send(first, AGENT_EVENTS.batch, batch(2))).toEqual({ data: { seq: 2, stored: true } });
    first.disconnect();
    const second = await connected();
    expect(await send(second, AGENT_EVENTS.hello, HELLO)).toEqual({ data: { agentId, lastStoredSeq: 2 } });
    expect(await send(second, AGENT_EVENTS.batch, batch(2))).toEqual({ data: { seq: 2, stored: false } });
    expect(await send(second, AGENT_EVENTS.batch, batch(3))).toEqual({ data: { seq: 3, stored: true } });
    const rows = await testDb.db.agentBatch.findMany({ where: { agentId, streamId: HELLO.streamId }, orderBy: { seq: "asc" } });
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(JSON.parse(gunzipSync(rows[0]!.samples).toString())).toEqual(batch(1).samples);
  });

  it("accepts a batch as UTF-8 JSON bytes, the way agents send it", async () => {
    const client = await connected();
    await send(client, AGENT_EVENTS.hello, { ...HELLO, streamId: "stream-test-bytes" });
    expect(await send(client, AGENT_EVENTS.batch, Buffer.from(JSON.stringify(batch(1))))).toEqual({ data: { seq: 1, stored: true } });
    expect(await send(client, AGENT_EVENTS.batch, Buffer.from(JSON.stringify(batch(1))))).toEqual({ data: { seq: 1, stored: false } });
  });

  it("a new stream (agent restarted) starts its sequence again", async () => {
    const client = await connected();
    expect(await send(client, AGENT_EVENTS.hello, { ...HELLO, streamId: "stream-test-0002" })).toEqual({ data: { agentId, lastStoredSeq: 0 } });
    expect(await send(client, AGENT_EVENTS.batch, batch(1))).toEqual({ data: { seq: 1, stored: true } });
  });

  it.each([
    ["a batch before hello", null, batch(1), "hello-first"],
    ["a hello with a missing field", { ...HELLO, host: undefined }, null, "invalid-hello"],
    ["a batch with an unknown metric", HELLO, batch(9, { samples: [{ t: 1, points: [["cpu.made_up", 1]] }] }), "invalid-batch"],
    ["a batch with a NaN value", HELLO, { ...batch(9), samples: [{ t: 1, points: [["sched.procs_running", "NaN"]] }] }, "invalid-batch"],
    ["a batch with a negative sequence", HELLO, batch(-1), "invalid-batch"],
    ["a batch over the size limit", HELLO, { ...batch(9), collectorErrors: [{ collector: "x", message: "y".repeat(MAX_BATCH_BYTES) }] }, "too-large"],
    ["batch bytes that are not JSON", HELLO, Buffer.from('{"seq": 1, "samples": ['), "invalid-batch"],
    ["batch bytes over the size limit", HELLO, Buffer.alloc(MAX_BATCH_BYTES + 1, 0x20), "too-large"],
    ["batch bytes of an invalid batch", HELLO, Buffer.from(JSON.stringify(batch(-1))), "invalid-batch"],
  ])("refuses %s with an error acknowledgement and counts it", async (_case, hello, payload, code) => {
    const malformedCount = async () => (await testDb.db.agent.findUniqueOrThrow({ where: { id: agentId } })).malformedPayloads;
    const before = await malformedCount();
    const client = await connected();
    if (hello) {
      const helloAck = await send(client, AGENT_EVENTS.hello, hello);
      if (code === "invalid-hello") expect(helloAck).toMatchObject({ error: { code } });
    }
    if (code !== "invalid-hello") expect(await send(client, AGENT_EVENTS.batch, payload)).toMatchObject({ error: { code } });
    expect(client.connected).toBe(true);
    // Counting happens after the acknowledgement; wait for it so the next case starts clean.
    await expect.poll(malformedCount).toBe(before + 1);
  });

  it("survives a storm of random and hostile payloads, then still serves a well-behaved agent", async () => {
    const hostile: unknown[] = [
      null, undefined, 0, -1, 1e308, "", "x".repeat(10_000), [], [[[[[]]]]], {}, { seq: "1" }, { __proto__: { seq: 1 } },
      JSON.parse('{"__proto__": {"polluted": true}, "seq": 1}'), { constructor: { prototype: { polluted: true } } },
      { seq: Number.MAX_SAFE_INTEGER + 2, samples: [] }, { ...batch(5), samples: Array.from({ length: 1001 }, () => batch(5).samples[0]) },
      Buffer.from("binary junk"), Buffer.from('{"__proto__": {"polluted": true}, "seq": 1}'), new Uint8Array([0xff, 0xfe, 0x00]), { ...batch(6), samples: [{ t: 1, points: [["sched.procs_running", 1, { ["k".repeat(100)]: "v" }]] }] },
    ];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const randomValue = (depth: number): unknown => {
      const pick = Math.floor(random() * 7);
      if (depth > 3 || pick === 0) return random() * 1e6 - 5e5;
      if (pick === 1) return String.fromCharCode(...Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * 0xffff)));
      if (pick === 2) return random() > 0.5;
      if (pick === 3) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(depth + 1));
      if (pick === 4) return null;
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, (_, i) => [["seq", "samples", "points", "t", `k${i}`][i % 5]!, randomValue(depth + 1)]));
    };
    for (let i = 0; i < 200; i++) hostile.push(randomValue(0));

    const client = await connected();
    await send(client, AGENT_EVENTS.hello, HELLO);
    for (const payload of hostile) {
      const response = await send(client, AGENT_EVENTS.batch, payload);
      expect(response).toHaveProperty("error");
      for (const event of [AGENT_EVENTS.hello, "agent:unknown-event"]) client.emit(event, payload); // without ack callbacks
    }
    expect(client.connected).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const wellBehaved = await connected();
    expect(await send(wellBehaved, AGENT_EVENTS.hello, { ...HELLO, streamId: "stream-after-storm" })).toMatchObject({ data: { lastStoredSeq: 0 } });
    expect(await send(wellBehaved, AGENT_EVENTS.batch, batch(1))).toEqual({ data: { seq: 1, stored: true } });
  });
});

describe("agent history retention", () => {
  it("prunes batches older than the window and keeps the rest", async () => {
    const testDb = await createTestDatabase();
    try {
      const owner = await testDb.db.user.create({ data: { email: "o@example.com", name: "O" }, select: { id: true, email: true, name: true, role: true } });
      const created = await createAgent(testDb.db, owner, { name: "lab" });
      if (!("data" in created)) throw new Error("agent not created");
      const { storeAgentBatch, pruneAgentHistory } = await import("@perflab/db");
      const hour = 3_600_000;
      const now = Date.now();
      for (const [seq, ageHours] of [[1, 30], [2, 25], [3, 2]] as const) {
        await storeAgentBatch(testDb.db, created.data.agentId, { streamId: "s1-retention", seq, samples: [{ t: now - ageHours * hour }] });
      }
      expect(await pruneAgentHistory(testDb.db, new Date(now - 24 * hour))).toBe(2);
      expect((await testDb.db.agentBatch.findMany({ select: { seq: true } })).map((row) => row.seq)).toEqual([3]);
    } finally {
      await testDb.drop();
    }
  });
});
