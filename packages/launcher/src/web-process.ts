// The web server as a child process: given exactly the configuration it needs, its
// output passed through, stopped with SIGTERM (it shuts down gracefully); and the wait
// until it answers, for what must not start before it (the local agent).
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "@perflab/db/admin";
import { WEB_SERVER_ENTRY } from "./build-if-needed";
import type { TLauncherEnv } from "./env";
import { pause } from "./pause";

const HEALTH_POLL_INTERVAL_MS = 500;
const HEALTH_REQUEST_TIMEOUT_MS = 2_000;

export interface TWebProcess {
  child: ChildProcess;
  exited: Promise<number>;
}

export function startWebProcess(env: TLauncherEnv, databaseUrl: string, authSecret: string): TWebProcess {
  const child = spawn(process.execPath, ["--enable-source-maps", WEB_SERVER_ENTRY], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      PORT: String(env.port),
      HOST: env.host,
      PERFLAB_PUBLIC_URL: env.publicUrl,
      PERFLAB_CONTENT_DIR: env.contentDir,
    },
  });
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { child, exited };
}

/**
 * Resolves true once /api/health answers 200 at `serverUrl` (the server listens and reaches
 * its database), false if `signal` aborts first. No deadline: a first start may take a while,
 * and the launcher stops this wait when the web server exits.
 */
export async function waitUntilWebServerAnswers(serverUrl: string, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    try {
      const response = await fetch(`${serverUrl}/api/health`, { signal: AbortSignal.any([signal, AbortSignal.timeout(HEALTH_REQUEST_TIMEOUT_MS)]) });
      await response.body?.cancel(); // only the status matters; an unread body would hold the connection
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await pause(HEALTH_POLL_INTERVAL_MS, signal);
  }
  return false;
}
