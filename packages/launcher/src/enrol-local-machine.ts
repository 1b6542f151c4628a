// Getting credentials for the local agent, with one console line for whatever happened:
// the remembered machine reused (or re-keyed, or handed to another admin), a new one
// enrolled, or none because the administrator revoked it. On a fresh install this waits
// for the first admin (the setup link) and enrols as soon as one exists.
import { hostname } from "node:os";
import { ensureLocalMachine, type Db, type TLocalAgentCredentials, type TLocalMachineChange, type TLocalMachineState } from "@perflab/db";
import { localAgentFilePath, writeLocalAgentFile } from "./local-agent-file";
import { pause } from "./pause";

/** One small query every 2 s while nobody has completed /setup; the first chart is live moments after. */
const ADMIN_POLL_INTERVAL_MS = 2_000;

export interface TLocalEnrolment {
  credentials: TLocalAgentCredentials;
  change: TLocalMachineChange;
}

function describeChange(change: TLocalMachineChange, ownerEmail: string, machineName: string): string {
  switch (change) {
    case "created":
      return `enrolled this machine as "${machineName}" for ${ownerEmail}`;
    case "reused":
      return `this machine is enrolled for ${ownerEmail}`;
    case "token-renewed":
      return "its token was replaced on the Labs page; the launcher gave it a new one that only it knows (Revoke on the Labs page stops the local agent)";
    case "owner-changed":
      return `its owner was deactivated; the local lab machine now belongs to ${ownerEmail}`;
  }
}

/**
 * Resolves with the credentials to run the agent with, or null when there are none to run
 * (revoked, or the wait for an admin was cut short by a stop). Database errors while
 * waiting are reported once each and retried: a brief outage must not cost the local agent.
 */
export async function enrolLocalMachine(db: Db, dataDir: string, remembered: TLocalAgentCredentials | null, log: (message: string) => void, signal: AbortSignal): Promise<TLocalEnrolment | null> {
  const machineName = `${hostname()} (perflab server)`;
  let isWaitReported = false;
  let lastProblem: string | null = null;
  while (!signal.aborted) {
    let state: TLocalMachineState;
    try {
      state = await ensureLocalMachine(db, remembered, machineName);
    } catch (error) {
      const problem = (error as Error).message;
      if (problem !== lastProblem) log(`local agent: cannot reach the database (${problem}); trying again every ${ADMIN_POLL_INTERVAL_MS / 1000} s`);
      lastProblem = problem;
      await pause(ADMIN_POLL_INTERVAL_MS, signal);
      continue;
    }
    if (state.status === "ready") {
      if (state.change !== "reused") writeLocalAgentFile(dataDir, state.credentials);
      log(`local agent: ${describeChange(state.change, state.ownerEmail, machineName)}`);
      return { credentials: state.credentials, change: state.change };
    }
    if (state.status === "revoked") {
      log(`local agent: the local lab machine was revoked on ${state.revokedAt.toISOString()}; perflab runs without it. To enrol this machine again, delete ${localAgentFilePath(dataDir)} and restart.`);
      return null;
    }
    if (!isWaitReported) log("local agent: no active administrator yet; this machine is enrolled as soon as one exists (create the first with the setup link)");
    isWaitReported = true;
    await pause(ADMIN_POLL_INTERVAL_MS, signal);
  }
  return null;
}
