// One run of the real lab agent (agent/dist/agent.mjs) as a child process, exactly as a
// lab machine runs it: `node agent.mjs run --server URL` with the token in its environment
// (an argument would show in `ps`). Its output goes to the console under "[agent]".
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { REPO_ROOT } from "@perflab/db/admin";
import type { TAgentExit } from "./agent-restart-policy";
import { AGENT_BUNDLE } from "./build-if-needed";

const AGENT_PREFIX = "[agent] ";
/** The agent stops in milliseconds (it only disconnects); past this it is killed. */
const AGENT_STOP_TIMEOUT_MS = 5_000;

export interface TAgentProcess {
  pid: number | undefined;
  /** Settles once the process has exited and its output is flushed. */
  exited: Promise<TAgentExit>;
  /** SIGTERM, then SIGKILL if it lingers; resolves when it is gone. */
  stop: () => Promise<void>;
}

/** The agent prefixes its own log lines; anything else it prints (a usage error, a crash) gets the prefix here. */
export function prefixAgentLine(line: string): string {
  return line.startsWith(AGENT_PREFIX) ? line : `${AGENT_PREFIX}${line}`;
}

export function startAgentProcess(options: { serverUrl: string; token: string }): TAgentProcess {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [AGENT_BUNDLE, "run", "--server", options.serverUrl], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    // Only what the agent needs: it has no business seeing DATABASE_URL or AUTH_SECRET.
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PERFLAB_AGENT_TOKEN: options.token },
  });
  createInterface({ input: child.stdout! }).on("line", (line) => console.log(prefixAgentLine(line)));
  createInterface({ input: child.stderr! }).on("line", (line) => console.error(prefixAgentLine(line)));
  child.on("error", (error) => console.error(`${AGENT_PREFIX}could not start: ${error.message}`));

  const exited = new Promise<TAgentExit>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal, ranForMs: Date.now() - startedAt })),
  );

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const killTimer = setTimeout(() => child.kill("SIGKILL"), AGENT_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killTimer);
  }

  return { pid: child.pid, exited, stop };
}
