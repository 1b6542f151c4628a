// The real realtime server, alone in its process so its CPU and memory can be measured:
// createRealtimeServer with the dependencies server.ts gives it in production (session
// cookie authentication, hashed agent tokens, batches stored in PostgreSQL, /live access
// through @perflab/db), without Next.js. Bundled by esbuild and run with plain node, as
// the production server is (apps/web/scripts/build-server.ts).
//
// The one addition is a stopwatch around storing a batch: a viewer sees a batch only after
// it is stored, so this is the share of the latency spent waiting on PostgreSQL.
import { createDb } from "@perflab/db";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRealtimeServer } from "../../../../../apps/web/server/socket/create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "../../../../../apps/web/server/socket/database-agent-store";
import { createDatabaseLiveAccess } from "../../../../../apps/web/server/socket/live-access";
import { createSessionCookieAuthenticator } from "../../../../../apps/web/server/socket/live-auth";
import { serveCommands } from "./command-channel";

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const authSecret = process.env.BENCH_AUTH_SECRET!;
const db = createDb(databaseUrl);
let storeMs: number[] = [];

const store = createDatabaseAgentStore(db);
const timedStore: typeof store = {
  ...store,
  storeBatch: async (agentId, streamId, batch) => {
    const startedAt = performance.now();
    try {
      return await store.storeBatch(agentId, streamId, batch);
    } finally {
      storeMs.push(performance.now() - startedAt);
    }
  },
};

const httpServer = createServer();
const logged = { count: 0, first: [] as string[] };
const io = createRealtimeServer(httpServer, {
  authenticateLiveUser: createSessionCookieAuthenticator(db, authSecret),
  authenticateAgent: createDatabaseAgentAuthenticator(db),
  agentStream: timedStore,
  liveAccess: createDatabaseLiveAccess(db),
  log: (message) => {
    logged.count += 1;
    if (logged.first.length < 5) logged.first.push(message);
  },
});
await new Promise<void>((listening) => httpServer.listen(0, "127.0.0.1", listening));
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

serveCommands({
  address: () => url,
  /** Store durations since the previous call, and what the server logged since it started. */
  takeStoreTimings: () => {
    const taken = storeMs;
    storeMs = [];
    return { storeMs: taken, logged };
  },
});
process.once("SIGTERM", () => {
  void new Promise<void>((closed) => void io.close(() => closed()))
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
