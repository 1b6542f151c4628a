// `npm start`: everything perflab needs, in order, on a bare machine or against an
// existing PostgreSQL. Each step fails with one sentence saying what to do; Ctrl-C (or
// SIGTERM) stops the local agent first, then the web server, then the embedded PostgreSQL.
import { isPortInUse } from "@perflab/db/admin";
import { buildIfNeeded } from "./build-if-needed";
import { acquireLauncherLock, ensureWritableDataDir, loadOrCreateAuthSecret } from "./data-dir";
import { openDatabase, prepareSchema } from "./database";
import { parseLauncherEnv } from "./env";
import { startLocalAgent } from "./local-agent";
import { localServerUrl } from "./local-server-url";
import { startWebProcess } from "./web-process";

const log = (message: string) => console.log(`[perflab] ${message}`);
const cleanups: Array<() => Promise<void> | void> = [];
let isStopRequested = false;

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!();
}

async function main(): Promise<number> {
  const env = parseLauncherEnv(process.env);
  if (await isPortInUse(env.port, env.host)) throw new Error(`Port ${env.port} is already in use. Stop what uses it, or start perflab on another port: PORT=3001 npm start`);
  ensureWritableDataDir(env.dataDir);
  cleanups.push(acquireLauncherLock(env.dataDir));
  const authSecret = loadOrCreateAuthSecret(env.dataDir, env.authSecret);

  const database = await openDatabase(env.databaseUrl, env.dataDir, log);
  cleanups.push(() => database.stop());
  log(`database: ${database.description}`);
  log((await prepareSchema(database.url)) ? "migrations applied, seed in place" : "schema up to date, seed in place");
  await buildIfNeeded(log);
  if (isStopRequested) return 0;

  const web = startWebProcess(env, database.url, authSecret);
  const localAgent = env.isLocalAgentEnabled ? startLocalAgent({ databaseUrl: database.url, dataDir: env.dataDir, serverUrl: localServerUrl(env.host, env.port), log }) : null;
  if (!localAgent) log("local agent: off (PERFLAB_LOCAL_AGENT=off)");

  // A terminal's Ctrl-C reaches the whole process group; a SIGTERM to this launcher
  // alone (docker stop, systemd) is forwarded: the agent goes first, so it is not left
  // reconnecting to a server that is draining, then the web server.
  let stopping: Promise<void> | null = null;
  const stopChildren = () =>
    (stopping ??= (async () => {
      await localAgent?.stop();
      if (web.child.exitCode === null) web.child.kill("SIGTERM");
    })());
  process.on("SIGINT", stopChildren);
  process.on("SIGTERM", stopChildren);
  const exitCode = await web.exited;
  await stopChildren(); // the web server may have ended by itself: the agent has nothing left to talk to
  return isStopRequested ? 0 : exitCode;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!isStopRequested) log(`${signal}: stopping`);
    isStopRequested = true;
  });
}

main()
  .then(async (exitCode) => {
    await runCleanups();
    log("stopped");
    process.exit(exitCode);
  })
  .catch(async (error: unknown) => {
    console.error(`[perflab] error: ${(error as Error).message ?? String(error)}`);
    if (process.env.PERFLAB_DEBUG) console.error((error as Error).stack);
    await runCleanups().catch(() => {});
    process.exit(1);
  });
