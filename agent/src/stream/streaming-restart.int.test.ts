// The promise of the streaming design, tested end to end: a real agent process streams
// to a real server and database; the server dies mid-stream and comes back; every
// sequence number ends up stored exactly once, with no gap.
import { createAgent as createAgentRow, type Db } from "@perflab/db";
import { findFreePort } from "@perflab/db/admin";
import { AGENT_EVENTS, NAMESPACES } from "@perflab/protocol";
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { spawnWatched, type TWatchedProcess } from "@perflab/testkit/process";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer } from "../../../apps/web/server/socket/create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "../../../apps/web/server/socket/database-agent-store";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

async function createAgent(db: Db): Promise<{ agentId: string; token: string }> {
  const owner = await db.user.create({ data: { email: "owner@example.com", name: "Owner" }, select: { id: true, email: true, name: true, role: true } });
  const created = await createAgentRow(db, owner, { name: "lab machine" });
  if (!("data" in created)) throw new Error("could not create the agent");
  return { agentId: created.data.agentId, token: created.data.token };
}

describe("streaming across a server restart", () => {
  let testDb: TTestDatabase;
  let io: Server | null = null;
  let agent: TWatchedProcess | null = null;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await agent?.stop("SIGTERM");
    await new Promise<void>((done) => (io ? void io.close(() => done()) : done()));
    await testDb.drop();
  });

  async function startServer(port: number): Promise<Server> {
    const httpServer = createServer();
    const server = createRealtimeServer(httpServer, { authenticateLiveUser: async () => null, authenticateAgent: createDatabaseAgentAuthenticator(testDb.db), agentStream: createDatabaseAgentStore(testDb.db) });
    await new Promise<void>((done) => httpServer.listen(port, "127.0.0.1", done));
    return server;
  }

  /** As abrupt as a crash: every connection cut, the port closed. */
  async function crashServer(server: Server): Promise<void> {
    server.disconnectSockets(true);
    await new Promise<void>((done) => void server.close(() => done()));
  }

  const storedSeqs = async (agentId: string) => (await testDb.db.agentBatch.findMany({ where: { agentId }, select: { seq: true, streamId: true }, orderBy: { seq: "asc" } }));

  it("stores every batch once, with no gap, when the server restarts mid-stream", async () => {
    const { agentId, token } = await createAgent(testDb.db);
    const port = await findFreePort();
    io = await startServer(port);
    agent = spawnWatched(process.execPath, ["--import", "tsx", "agent/src/main.ts", "run", "--server", `http://127.0.0.1:${port}`], {
      cwd: REPO_ROOT,
      env: { ...process.env, PERFLAB_AGENT_TOKEN: token },
    });
    await agent.waitFor(/connected to http/, 30_000);
    await expect.poll(async () => (await storedSeqs(agentId)).length, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(3);

    await crashServer(io);
    io = null;
    const storedBeforeCrash = (await storedSeqs(agentId)).length;
    await new Promise((done) => setTimeout(done, 4000)); // the agent keeps sampling into its buffer
    expect((await storedSeqs(agentId)).length).toBe(storedBeforeCrash);

    io = await startServer(port);
    // Everything sampled while the server was away arrives, plus new batches.
    await expect.poll(async () => (await storedSeqs(agentId)).length, { timeout: 40_000, interval: 500 }).toBeGreaterThanOrEqual(storedBeforeCrash + 6);
    expect(agent.output()).toMatch(/disconnected \(.*\); \d+ batches buffered/);

    const rows = await storedSeqs(agentId);
    expect(new Set(rows.map((row) => row.streamId)).size).toBe(1);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: rows.length }, (_, index) => index + 1));

    // The server can switch the agent to high resolution for a bounded window, and back.
    const [agentSocket] = await io.of(NAMESPACES.agent).fetchSockets();
    const answer = await agentSocket!.timeout(5000).emitWithAck(AGENT_EVENTS.setSampling, { mode: "high-res", intervalMs: 50, durationMs: 5000 });
    expect(answer).toMatchObject({ data: { mode: "high-res", intervalMs: 50 } });
    const refused = await agentSocket!.timeout(5000).emitWithAck(AGENT_EVENTS.setSampling, { mode: "high-res", intervalMs: 1, durationMs: 999_999 });
    expect(refused).toMatchObject({ error: { code: "invalid-sampling" } });
    expect(await agentSocket!.timeout(5000).emitWithAck(AGENT_EVENTS.setSampling, { mode: "normal" })).toMatchObject({ data: { mode: "normal", intervalMs: 1000 } });
  }, 120_000);
});
