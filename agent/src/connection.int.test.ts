// The agent's connection code against the real realtime server on a random port.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAgent, revokeLabMachine } from "@perflab/db";
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer, type TRealtimeServer } from "../../apps/web/server/socket/create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "../../apps/web/server/socket/database-agent-store";
import { connectAgent } from "./connection";

describe("agent connection", () => {
  let httpServer: HttpServer;
  let io: TRealtimeServer;
  let serverUrl: string;
  let testDb: TTestDatabase;
  let token: string;
  let agentId: string;
  let owner: { id: string; email: string; name: string; role: "LEARNER" | "INSTRUCTOR" | "ADMIN" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    owner = await testDb.db.user.create({ data: { email: "owner@example.com", name: "Owner" }, select: { id: true, email: true, name: true, role: true } });
    const created = await createAgent(testDb.db, owner, { name: "lab-7" });
    if (!("data" in created)) throw new Error("agent not created");
    ({ token, agentId } = created.data);
    httpServer = createServer();
    io = createRealtimeServer(httpServer, {
      authenticateLiveUser: async () => null,
      authenticateAgent: createDatabaseAgentAuthenticator(testDb.db),
      agentStream: createDatabaseAgentStore(testDb.db),
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await testDb.drop();
  });

  it("is greeted with its identity", async () => {
    const connection = connectAgent(serverUrl, token);
    try {
      expect((await connection.ready).subject).toEqual({ kind: "agent", id: agentId });
    } finally {
      connection.socket.disconnect();
    }
  });

  it("asks again when the server drops it, so a machine revoked meanwhile is reported as refused", async () => {
    const created = await createAgent(testDb.db, owner, { name: "lab-8" });
    if (!("data" in created)) throw new Error("agent not created");
    const connection = connectAgent(serverUrl, created.data.token);
    await connection.ready;
    await revokeLabMachine(testDb.db, owner, created.data.agentId);
    io.disconnectMachine(created.data.agentId, "revoked");
    expect((await connection.refused).message).toBe("the server refused this agent (unauthorized: unknown or revoked agent token)");
    expect(connection.socket.disconnected).toBe(true);
  });

  it("reports a refused token as final instead of retrying forever", async () => {
    const connection = connectAgent(serverUrl, "pla_not-a-real-token");
    await expect(connection.ready).rejects.toThrow("the server refused this agent (unauthorized: unknown or revoked agent token)");
    expect(connection.socket.disconnected).toBe(true);
  });
});
