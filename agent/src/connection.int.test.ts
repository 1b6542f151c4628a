// The agent's connection code against the real realtime server on a random port.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer } from "../../apps/web/server/socket/create-realtime-server";
import { connectAgent } from "./connection";

describe("agent connection", () => {
  let httpServer: HttpServer;
  let io: Server;
  let serverUrl: string;

  beforeAll(async () => {
    httpServer = createServer();
    io = createRealtimeServer(httpServer, {
      authenticateLiveUser: async () => null,
      authenticateAgent: async (token) => (token === "good" ? { agentId: "lab-7", ownerId: "u1" } : null),
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => void io.close(() => resolve())));

  it("is greeted with its identity", async () => {
    const connection = connectAgent(serverUrl, "good");
    try {
      expect((await connection.ready).subject).toEqual({ kind: "agent", id: "lab-7" });
    } finally {
      connection.socket.disconnect();
    }
  });

  it("reports a refused token as final instead of retrying forever", async () => {
    const connection = connectAgent(serverUrl, "bad");
    await expect(connection.ready).rejects.toThrow("the server refused this agent (unauthorized: unknown or revoked agent token)");
    expect(connection.socket.disconnected).toBe(true);
  });
});
