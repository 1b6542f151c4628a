// A process hosting many simulated lab agents (simulated-agent.ts), bundled and run with
// plain node by the live fan-out benchmark. One node process per agent would cost ~55 MB
// each (27 GB for 500), so a few of these share the agents out.
//
// Agents start spread over one second, as independent machines' clocks are: started
// together, their 1 Hz timers would fire in the same millisecond and every second would
// begin with a burst no real fleet produces.
import { warmUpCollectors } from "../../../../../agent/src/collect/warm-up";
import { serveCommands } from "./command-channel";
import { openReplayedProcTree } from "./replayed-proc-tree";
import { startSimulatedAgent, type TSimulatedAgent, type TSimulatedAgentStats } from "./simulated-agent";

export interface TAgentWorkerStart {
  serverUrl: string;
  snapshotDirs: string[];
  agents: { token: string; startDelayMs: number; firstRound: number }[];
}

export interface TAgentWorkerStats extends TSimulatedAgentStats {
  agents: number;
  /** The first few things the agents logged (refusals, resends), with a count of all. */
  logged: { count: number; first: string[] };
}

const MAX_LOGGED_KEPT = 5;
const agents: TSimulatedAgent[] = [];
const logged = { count: 0, first: [] as string[] };
const log = (message: string) => {
  logged.count += 1;
  if (logged.first.length < MAX_LOGGED_KEPT) logged.first.push(message);
};

async function start({ serverUrl, snapshotDirs, agents: wanted }: TAgentWorkerStart): Promise<{ connected: number }> {
  const tree = openReplayedProcTree(snapshotDirs);
  warmUpCollectors(tree.at(0)); // once per process, as run-agent does once per agent process
  const connected = wanted.map(
    ({ token, startDelayMs, firstRound }) =>
      new Promise<unknown>((resolve, reject) =>
        setTimeout(() => {
          const agent = startSimulatedAgent(serverUrl, token, tree, firstRound, log);
          agents.push(agent);
          agent.ready.then(resolve, reject);
        }, startDelayMs),
      ),
  );
  await Promise.all(connected);
  return { connected: connected.length };
}

function stats(): TAgentWorkerStats {
  const total: TAgentWorkerStats = { agents: agents.length, batches: 0, batchBytes: 0, points: 0, unacknowledged: 0, dropped: 0, refused: 0, logged };
  for (const agent of agents) {
    const each = agent.stats();
    total.batches += each.batches;
    total.batchBytes += each.batchBytes;
    total.points += each.points;
    total.unacknowledged += each.unacknowledged;
    total.dropped += each.dropped;
    total.refused += each.refused;
  }
  return total;
}

serveCommands({ start, stats });
process.once("SIGTERM", () => {
  for (const agent of agents) agent.stop();
  setTimeout(() => process.exit(0), 100); // lets the disconnect packets leave
});
