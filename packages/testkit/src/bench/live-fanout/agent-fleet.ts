// Simulated lab agents hosted by a few agent worker processes (agent-worker.entry.ts):
// started with their 1 Hz clocks spread over one period, and their counters summed. Shared
// by the live fan-out and workshop benchmarks, so both load a server the same way.
import type { TAgentWorkerStart, TAgentWorkerStats } from "./agent-worker.entry";
import { startCommandedProcess, type TCommandedProcess } from "./command-channel";

const AGENT_START_SPREAD_MS = 1000; // agents' 1 Hz clocks spread over one period

export type TFleetStats = Omit<TAgentWorkerStats, "agents" | "logged"> & { logged: number; firstLogged: string[] };

/** Starts the worker processes (no agents yet): the caller owns them and stops them. */
export function startAgentWorkers(script: string, workDir: string, count: number): TCommandedProcess[] {
  return Array.from({ length: count }, (_, index) => startCommandedProcess(`agent worker ${index + 1}`, script, workDir));
}

/** Starts one agent per token, dealt round-robin to the workers; resolves when every agent has its session:ready. */
export async function startAgents(workers: TCommandedProcess[], setup: { serverUrl: string; snapshotDirs: string[]; tokens: string[]; timeoutMs: number }): Promise<void> {
  const { tokens } = setup;
  await Promise.all(
    workers.map((worker, workerIndex) => {
      const agents = tokens
        .map((token, index) => ({ token, startDelayMs: (index / tokens.length) * AGENT_START_SPREAD_MS, firstRound: index }))
        .filter((_agent, index) => index % workers.length === workerIndex);
      return worker.ask("start", { serverUrl: setup.serverUrl, snapshotDirs: setup.snapshotDirs, agents } satisfies TAgentWorkerStart, setup.timeoutMs);
    }),
  );
}

/** The fleet's counters now (batches, bytes, backlog…), summed over the workers. */
export async function fleetStats(workers: TCommandedProcess[]): Promise<TFleetStats> {
  const all = await Promise.all(workers.map((worker) => worker.ask<TAgentWorkerStats>("stats")));
  const sum = (pick: (stats: TAgentWorkerStats) => number) => all.reduce((total, stats) => total + pick(stats), 0);
  return {
    batches: sum((s) => s.batches),
    batchBytes: sum((s) => s.batchBytes),
    points: sum((s) => s.points),
    unacknowledged: sum((s) => s.unacknowledged),
    dropped: sum((s) => s.dropped),
    refused: sum((s) => s.refused),
    logged: sum((s) => s.logged.count),
    firstLogged: all.flatMap((s) => s.logged.first),
  };
}
