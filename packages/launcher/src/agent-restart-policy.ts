// What the launcher does when the local agent exits without being asked to: restart it
// after a growing pause, but not forever, and never when restarting cannot help.

/** The agent's exit codes that retrying cannot fix (agent/src/main.ts, agent/src/run-agent.ts). */
export const AGENT_EXIT_BAD_COMMAND_LINE = 2;
export const AGENT_EXIT_REFUSED = 3; // the server refused its token: revoked, rotated, or owner deactivated

const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A run at least this long counts as healthy: the next failure starts the backoff over. */
export const HEALTHY_RUN_MS = 5 * 60_000;
/** Restarts after failures in a row (each run shorter than HEALTHY_RUN_MS) before giving up: 1+2+4+8+16 s of trying. */
export const MAX_RESTARTS_IN_A_ROW = 5;

export interface TAgentExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  ranForMs: number;
}

export type TAgentExitDecision =
  | { action: "restart"; delayMs: number; failuresInARow: number }
  | { action: "refused" }
  | { action: "give-up"; reason: string };

export function decideAfterAgentExit(exit: TAgentExit, failuresInARowBefore: number): TAgentExitDecision {
  if (exit.code === AGENT_EXIT_REFUSED) return { action: "refused" };
  if (exit.code === AGENT_EXIT_BAD_COMMAND_LINE) return { action: "give-up", reason: "it rejected its command line (see its message above)" };
  const failuresInARow = exit.ranForMs >= HEALTHY_RUN_MS ? 1 : failuresInARowBefore + 1;
  if (failuresInARow > MAX_RESTARTS_IN_A_ROW) return { action: "give-up", reason: `it failed ${failuresInARow} times in a row` };
  return { action: "restart", delayMs: Math.min(FIRST_RESTART_DELAY_MS * 2 ** (failuresInARow - 1), MAX_RESTART_DELAY_MS), failuresInARow };
}

export function describeAgentExit(exit: Pick<TAgentExit, "code" | "signal">): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit ${exit.code}`;
}
