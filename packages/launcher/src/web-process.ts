// The web server as a child process: given exactly the configuration it needs, its
// output passed through, stopped with SIGTERM (it shuts down gracefully).
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "@perflab/db/admin";
import { WEB_SERVER_ENTRY } from "./build-if-needed";
import type { TLauncherEnv } from "./env";

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
