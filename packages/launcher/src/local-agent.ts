// The local agent: once the web server answers, a lab machine for the first admin and the
// real agent bundle streaming this machine's metrics to it, so a fresh install has a live
// chart. It is a guest of the launcher: whatever goes wrong here is logged and perflab runs
// on without it; it never takes the web server down.
import { createDb, type Db } from "@perflab/db";
import { startAgentProcess, type TAgentProcess } from "./agent-process";
import { decideAfterAgentExit, describeAgentExit } from "./agent-restart-policy";
import { enrolLocalMachine } from "./enrol-local-machine";
import { readLocalAgentFile } from "./local-agent-file";
import { pause } from "./pause";
import { waitUntilWebServerAnswers } from "./web-process";

export interface TLocalAgentOptions {
  databaseUrl: string;
  dataDir: string;
  /** Where the agent reaches the web server from this machine (local-server-url.ts). */
  serverUrl: string;
  log: (message: string) => void;
}

export interface TLocalAgent {
  /** Stops the agent (SIGTERM, then SIGKILL after a few seconds) and every wait; resolves when it is gone. */
  stop: () => Promise<void>;
}

export function startLocalAgent(options: TLocalAgentOptions): TLocalAgent {
  const controller = new AbortController();
  const db = createDb(options.databaseUrl);
  let current: TAgentProcess | null = null;
  const onStarted = (agent: TAgentProcess) => (current = agent);

  const supervised = superviseLocalAgent(db, options, controller.signal, onStarted)
    .catch((error: unknown) => options.log(`local agent: ${(error as Error).message}; perflab runs without it`))
    .finally(() => db.$disconnect());

  return {
    stop: async () => {
      controller.abort();
      await current?.stop();
      await supervised;
    },
  };
}

async function superviseLocalAgent(db: Db, options: TLocalAgentOptions, signal: AbortSignal, onStarted: (agent: TAgentProcess) => void): Promise<void> {
  const { dataDir, serverUrl, log } = options;
  if (!(await waitUntilWebServerAnswers(serverUrl, signal))) return;
  let enrolment = await enrolLocalMachine(db, dataDir, readLocalAgentFile(dataDir), log, signal);
  let failuresInARow = 0;

  while (enrolment && !signal.aborted) {
    // No await between the check above and here: a stop either sees this process or prevents it.
    const agent = startAgentProcess({ serverUrl, token: enrolment.credentials.token });
    onStarted(agent);
    log(`local agent: started (pid ${agent.pid}), streaming to ${serverUrl}`);
    const exit = await agent.exited;
    if (signal.aborted) return;

    const decision = decideAfterAgentExit(exit, failuresInARow);
    if (decision.action === "restart") {
      failuresInARow = decision.failuresInARow;
      log(`local agent: exited unexpectedly (${describeAgentExit(exit)}); restarting in ${decision.delayMs / 1000} s`);
      await pause(decision.delayMs, signal);
      continue;
    }
    if (decision.action === "give-up") {
      log(`local agent: ${describeAgentExit(exit)}, not restarted: ${decision.reason}. perflab runs without it until the next start.`);
      return;
    }
    // Refused by the server: the database says why. A revocation is respected (logged by
    // enrolLocalMachine); a rotated token or a deactivated owner is repaired and the agent
    // starts again at once; a refusal the database cannot explain is not retried.
    enrolment = await enrolLocalMachine(db, dataDir, enrolment.credentials, log, signal);
    if (enrolment?.change === "reused") {
      log("local agent: the server refused it although its machine and token are in order (see the [agent] line above); not restarted until the next start.");
      return;
    }
    failuresInARow = 0;
  }
}
