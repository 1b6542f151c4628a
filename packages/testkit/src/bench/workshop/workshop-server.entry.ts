// The real realtime server for a workshop, alone in its process so its CPU and memory can
// be measured: createRealtimeServer with the dependencies server.ts gives it in production
// (session cookies, hashed agent tokens, batches stored in PostgreSQL, /live and workshop
// access through @perflab/db), and beside it, in the same process as in production, the
// two routes a workshop's live loop goes through (route-stand-ins.ts). No scenario store:
// the benchmark runs no scenarios. Bundled by esbuild and run with plain node, as the
// production server is (apps/web/scripts/build-server.ts).
import { createDb } from "@perflab/db";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRealtimeServer } from "../../../../../apps/web/server/socket/create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "../../../../../apps/web/server/socket/database-agent-store";
import { createDatabaseLiveAccess } from "../../../../../apps/web/server/socket/live-access";
import { createSessionCookieAuthenticator } from "../../../../../apps/web/server/socket/live-auth";
import { serveCommands } from "../live-fanout/command-channel";
import { createRouteStandIns } from "./route-stand-ins";

const MAX_LOGGED_KEPT = 5;
const db = createDb(process.env.BENCH_DATABASE_URL!);
const authenticate = createSessionCookieAuthenticator(db, process.env.BENCH_AUTH_SECRET!);

const logged = { count: 0, first: [] as string[] };
const log = (message: string) => {
  logged.count += 1;
  if (logged.first.length < MAX_LOGGED_KEPT) logged.first.push(message);
};

// The routes are attached before Socket.IO exists; they reach it through this late binding.
let notifyLearnerProgress: (userId: string) => void = () => {};
const httpServer = createServer(createRouteStandIns({ db, authenticate, notifyLearnerProgress: (userId) => notifyLearnerProgress(userId), log }));
const io = createRealtimeServer(httpServer, {
  authenticateLiveUser: authenticate,
  authenticateAgent: createDatabaseAgentAuthenticator(db),
  agentStream: createDatabaseAgentStore(db),
  liveAccess: createDatabaseLiveAccess(db),
  log,
});
notifyLearnerProgress = io.notifyLearnerProgress;
await new Promise<void>((listening) => httpServer.listen(0, "127.0.0.1", listening));
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

serveCommands({
  address: () => url,
  /** What the server logged since it started (refusals, failed routes, failed announcements). */
  logged: () => logged,
});
process.once("SIGTERM", () => {
  void new Promise<void>((closed) => void io.close(() => closed()))
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
