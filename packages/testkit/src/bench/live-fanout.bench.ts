// `npm run bench:live`: what watching lab machines live costs the perflab server, next to a
// bare Socket.IO relay (no authentication, validation or storage) measured in the same run
// as the ceiling. For 50, 200 and 500 agents at 1 Hz with two viewers each: agent-to-viewer
// latency p50/p99, the server's CPU and memory, delivered samples per second.
// Targets (issue): p99 under 100 ms at 200 agents on the 2-core machine, and at least 70 %
// of the relay's throughput.
//
// Everything is real except the machines: agents are the agent's own modules replaying
// /proc trees captured from this machine (live-fanout/simulated-agent.ts), a few worker
// processes hosting them all; viewers are Socket.IO clients signed in as the machines'
// owner and as an administrator; the server is createRealtimeServer with PostgreSQL, in its
// own process so its CPU (schedstat) and RSS are its own. Everything shares this machine's
// cores, so at the larger sizes the load generators compete with the server: the report
// says how busy the machine was.
//
// BENCH_LIVE_AGENTS (default "50,200,500"), BENCH_LIVE_SECONDS (measured window, default 15)
// and BENCH_LIVE_WARMUP_SECONDS (default 5) change the run.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { createBenchDatabase } from "./live-fanout/bench-database";
import { bundleEntries } from "./live-fanout/bundle-entries";
import { captureProcTrees } from "./live-fanout/capture-proc-tree";
import { printLiveFanout, type TFleetResult } from "./live-fanout/print-results";
import { runPhase, type TPhaseResult, type TServerKind } from "./live-fanout/run-phase";

const AGENT_COUNTS = (process.env.BENCH_LIVE_AGENTS ?? "50,200,500").split(",").map(Number);
const MEASURE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 15);
const WARM_UP_SECONDS = Number(process.env.BENCH_LIVE_WARMUP_SECONDS ?? 5);
// Eight snapshots a quarter second apart: counters move from one to the next, and the
// reset when the replay wraps around happens once every eight samples.
const SNAPSHOTS = 8;
const SNAPSHOT_INTERVAL_MS = 250;

function describePhase(result: TPhaseResult): string {
  if ("error" in result) return `failed: ${result.error}`;
  const { latencyMs, serverCpuPercent, samplesPerSecond, expectedSamplesPerSecond } = result.figures;
  return `p50 ${latencyMs?.p50.toFixed(1)} ms, p99 ${latencyMs?.p99.toFixed(1)} ms, server ${serverCpuPercent.toFixed(1)} % of a core, ${samplesPerSecond.toFixed(0)}/${expectedSamplesPerSecond.toFixed(0)} samples/s`;
}

export async function benchLiveFanout(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "perflab-live-bench-"));
  try {
    const bundles = await bundleEntries(workDir);
    const snapshotDirs = await captureProcTrees(join(workDir, "proc-trees"), SNAPSHOTS, SNAPSHOT_INTERVAL_MS);
    const database = await createBenchDatabase(Math.max(...AGENT_COUNTS));
    try {
      const fleets: TFleetResult[] = [];
      for (const agentCount of AGENT_COUNTS) {
        const run = async (kind: TServerKind) => {
          const result = await runPhase({ kind, agentCount, bundles, workDir, snapshotDirs, database, warmUpSeconds: WARM_UP_SECONDS, measureSeconds: MEASURE_SECONDS });
          console.log(`[bench] ${String(agentCount).padStart(3)} agents, ${kind.padEnd(7)}: ${describePhase(result)}`);
          return result;
        };
        fleets.push({ agentCount, perflab: await run("perflab"), relay: await run("relay") });
      }
      printLiveFanout(fleets, { warmUpSeconds: WARM_UP_SECONDS, measureSeconds: MEASURE_SECONDS, cores: availableParallelism() });
    } finally {
      await database.drop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLiveFanout();
