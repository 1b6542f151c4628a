// The production web server: Next.js and Socket.IO on one HTTP server. Built on its own
// by scripts/build-server.ts (Next does not compile a custom server) into dist/server.js.
import { disconnectSharedDb, issueSetupTokenIfNoAdmin, pruneAgentHistory } from "@perflab/db";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { ConfigError, getServerEnv } from "./src/env";
import { syncCurriculumToDatabase } from "./src/server/curriculum/sync-to-database";
import { getDb } from "./src/server/db";
import { stampClientAddress } from "./server/http/client-address";
import { onShutdownSignal } from "./server/shutdown";
import { createRealtimeServer } from "./server/socket/create-realtime-server";
import { createDatabaseAgentAuthenticator, createDatabaseAgentStore } from "./server/socket/database-agent-store";
import { createDatabaseLiveAccess } from "./server/socket/live-access";
import { createDatabaseScenarioStore } from "./server/socket/database-scenario-store";
import { getCurriculum } from "./src/server/curriculum/get-curriculum";
import { createSessionCookieAuthenticator } from "./server/socket/live-auth";
import { registerRealtimeControl } from "./server/socket/realtime-control";

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), ".."); // the bundle runs from apps/web/dist
const log = (message: string) => console.log(`[web] ${message}`);

async function main(): Promise<void> {
  const env = getServerEnv();
  // next-auth v4 reads its canonical URL from this variable and nowhere else.
  process.env.NEXTAUTH_URL = env.PERFLAB_PUBLIC_URL;

  const app = next({ dev: false, dir: APP_DIR, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const httpServer = createServer((request, response) => {
    stampClientAddress(request, env.PERFLAB_TRUST_PROXY);
    void handleRequest(request, response);
  });

  const db = getDb();
  const scenarioCurriculum = {
    manifests: () => getCurriculum().curriculum.scenarios,
    exerciseCheck: (exerciseId: string) => {
      const [topicId, id] = exerciseId.split("/");
      const exercise = getCurriculum().findTopic(topicId ?? "")?.exercises.find((candidate) => candidate.id === id);
      return exercise ? (exercise.check ?? null) : undefined;
    },
  };
  const io = createRealtimeServer(httpServer, {
    authenticateLiveUser: createSessionCookieAuthenticator(db, env.AUTH_SECRET),
    authenticateAgent: createDatabaseAgentAuthenticator(db),
    agentStream: createDatabaseAgentStore(db),
    liveAccess: createDatabaseLiveAccess(db),
    scenarioStore: createDatabaseScenarioStore(db, scenarioCurriculum, log),
    log,
  });
  registerRealtimeControl(io);

  await new Promise<void>((resolveListen, rejectListen) => {
    httpServer.once("error", rejectListen);
    httpServer.listen(env.PORT, env.HOST, () => resolveListen());
  });
  log(`listening on ${env.PERFLAB_PUBLIC_URL} (bound to ${env.HOST}:${env.PORT})`);

  // Loads, validates and indexes the curriculum once, then records its ids for progress.
  const synced = await syncCurriculumToDatabase(db);
  log(`curriculum: ${synced.topicsUpserted} topics, ${synced.exercisesUpserted} exercises synced; ${synced.topicsRetired} topics and ${synced.exercisesRetired} exercises retired`);

  const setupToken = await issueSetupTokenIfNoAdmin(db);
  if (setupToken) {
    log("No administrator yet. Create one with this one-time link (valid 24 h, replaced at each restart):");
    log(`  ${env.PERFLAB_PUBLIC_URL}/setup?token=${setupToken}`);
  }

  // The rolling window of agent history: pruned every 10 minutes, and once now.
  const historyMs = env.PERFLAB_AGENT_HISTORY_HOURS * 3_600_000;
  const pruneHistory = () =>
    pruneAgentHistory(db, new Date(Date.now() - historyMs)).then(
      (count) => count > 0 && log(`agent history: ${count} batches older than ${env.PERFLAB_AGENT_HISTORY_HOURS} h removed`),
      (error: Error) => log(`agent history: pruning failed: ${error.message}`),
    );
  void pruneHistory();
  const pruneTimer = setInterval(() => void pruneHistory(), 10 * 60_000);
  pruneTimer.unref();

  onShutdownSignal(async () => {
    clearInterval(pruneTimer);
    // Disconnects every socket, then closes the HTTP server (in-flight requests finish).
    await new Promise<void>((resolveClose) => void io.close(() => resolveClose()));
    await app.close?.();
    await disconnectSharedDb();
    log("stopped");
  }, log);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`[web] ${error.message}`);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`[web] Port ${getServerEnv().PORT} is already in use: stop what uses it or set PORT.`);
  else console.error(`[web] failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
