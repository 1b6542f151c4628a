// `npm run bench:workshop`: a 60-learner workshop on loopback, as the instructor's live view
// sees it, next to a bare Socket.IO relay measured in the same run. 60 agents at 1 Hz (the
// agent's own modules replaying /proc trees captured here, live-fanout/simulated-agent.ts),
// 60 learner browsers each watching its own machine and posting a topic heartbeat every
// 10 s (6 progress writes a second), and one instructor view receiving the thumbnails and
// progress events and refetching the matrix. Reported: the instructor's thumbnail latency
// (sample read → digest) and progress latency (heartbeat POST → event → refetched matrix),
// the server's CPU (schedstat) and RSS, and ratios to the relay's sample-to-viewer latency
// and CPU. The server is createRealtimeServer with PostgreSQL, in its own process.
//
// The two phases alternate over rounds (workshop, relay, relay, workshop, …) and are pooled
// (workshop/pool-rounds.ts): another job's burst on this shared machine then weighs on both.
// BENCH_WORKSHOP_LEARNERS (default 60), BENCH_WORKSHOP_ROUNDS (default 2),
// BENCH_WORKSHOP_SECONDS (each round's measured window, default 10: 20 s per phase) and
// BENCH_WORKSHOP_WARMUP_SECONDS (default 5) change the run.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { bundleScripts } from "./live-fanout/bundle-entries";
import { captureProcTrees } from "./live-fanout/capture-proc-tree";
import { poolRelayRounds, poolWorkshopRounds } from "./workshop/pool-rounds";
import { printWorkshop } from "./workshop/print-workshop";
import { runRelayBaseline, type TRelayRound } from "./workshop/run-relay-baseline";
import { runWorkshopPhase, type TWorkshopRound } from "./workshop/run-workshop-phase";
import { createWorkshopDatabase } from "./workshop/workshop-database";
import { summarize, WORKSHOP_ENTRIES, type TWorkshopSetup } from "./workshop/workshop-setup";

const LEARNERS = Number(process.env.BENCH_WORKSHOP_LEARNERS ?? 60);
const ROUNDS = Number(process.env.BENCH_WORKSHOP_ROUNDS ?? 2);
const MEASURE_SECONDS = Number(process.env.BENCH_WORKSHOP_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WORKSHOP_WARMUP_SECONDS ?? 5);
// As the live fan-out benchmark: counters move between snapshots, and wrap once in eight.
const SNAPSHOTS = 8;
const SNAPSHOT_INTERVAL_MS = 250;

const p99 = (values: number[]) => summarize(values)?.p99.toFixed(1) ?? "–";
const describeWorkshopRound = (round: TWorkshopRound) =>
  `thumbnail p99 ${p99(round.thumbnailMs)} ms (${round.thumbnailsPerSecond.toFixed(1)}/${round.expectedThumbnailsPerSecond.toFixed(1)} per s), progress→event p99 ${p99(round.progress.toEventMs)} ms, server ${round.cpuPercent.server.toFixed(1)} % of a core, not ours ${round.cpuPercent.others.toFixed(0)} %`;
const describeRelayRound = (round: TRelayRound) => `p99 ${p99(round.latencyMs)} ms, server ${round.cpuPercent.server.toFixed(1)} % of a core, not ours ${round.cpuPercent.others.toFixed(0)} %`;

export async function benchWorkshop(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "perflab-workshop-bench-"));
  try {
    const bundles = await bundleScripts(workDir, WORKSHOP_ENTRIES);
    const snapshotDirs = await captureProcTrees(join(workDir, "proc-trees"), SNAPSHOTS, SNAPSHOT_INTERVAL_MS);
    console.log(`[bench] seeding a workshop of ${LEARNERS} learners through the data layer…`);
    const database = await createWorkshopDatabase(LEARNERS);
    try {
      const setup: TWorkshopSetup = { bundles, workDir, snapshotDirs, database, warmUpSeconds: WARM_UP_SECONDS, measureSeconds: MEASURE_SECONDS };
      const workshopRounds: TWorkshopRound[] = [];
      const relayRounds: TRelayRound[] = [];
      const errors: string[] = [];
      const runWorkshop = async (round: number) => {
        const result = await runWorkshopPhase(setup);
        if ("error" in result) errors.push(`round ${round}, workshop: ${result.error}`);
        else workshopRounds.push(result.round);
        console.log(`[bench] round ${round}, workshop:   ${"error" in result ? `failed: ${result.error}` : describeWorkshopRound(result.round)}`);
      };
      const runRelay = async (round: number) => {
        const result = await runRelayBaseline(setup);
        if ("error" in result) errors.push(`round ${round}, relay: ${result.error}`);
        else relayRounds.push(result.round);
        console.log(`[bench] round ${round}, bare relay: ${"error" in result ? `failed: ${result.error}` : describeRelayRound(result.round)}`);
      };
      for (let round = 1; round <= ROUNDS; round++) {
        // ABBA: a load that grows or fades over the run is shared by both phases.
        if (round % 2 === 1) await runWorkshop(round).then(() => runRelay(round));
        else await runRelay(round).then(() => runWorkshop(round));
      }
      const result = { workshop: poolWorkshopRounds(workshopRounds), relay: poolRelayRounds(relayRounds), errors };
      printWorkshop(result, { learners: LEARNERS, rounds: ROUNDS, warmUpSeconds: WARM_UP_SECONDS, measureSeconds: MEASURE_SECONDS, cores: availableParallelism() });
    } finally {
      await database.drop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWorkshop();
