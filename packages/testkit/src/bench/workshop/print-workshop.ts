// The workshop benchmark's report: what the instructor's view waits for (thumbnails,
// progress events, the refetched matrix), what the learners' own charts wait for, the bare
// relay's sample-to-viewer latency measured in the same run, then CPU and memory, and the
// ratios to the relay. A phase that failed says why instead of its rows.
import type { TRelayFigures, TWorkshopFigures } from "./pool-rounds";
import type { TLatency } from "./workshop-setup";

const NOISY_OTHERS_PERCENT = 20; // of one core: more than background daemons use
const UNEVEN_OTHERS_PERCENT = 30; // of one core: the two phases did not run under the same outside load

export interface TWorkshopBenchResult {
  workshop: TWorkshopFigures | null;
  relay: TRelayFigures | null;
  /** Rounds that failed, with why. */
  errors: string[];
}

const fixed = (value: number | null | undefined, digits: number, width: number) => (value == null || Number.isNaN(value) ? "–" : value.toFixed(digits)).padStart(width);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 || Number.isNaN(a) || Number.isNaN(b) ? "–" : `${(a / b).toFixed(1)}×`);

function latencyRow(label: string, latency: TLatency | null, note: string): string {
  return `  ${label.padEnd(40)} ${fixed(latency?.count, 0, 6)} ${fixed(latency?.p50, 1, 8)} ${fixed(latency?.p99, 1, 8)} ${fixed(latency?.max, 1, 8)}   ${note}`;
}

function cpuRow(label: string, cpu: { server: number; postgres: number | null; load: number; browsers: number; others: number }, rssMb: number, busy: number): string {
  return `  ${label.padEnd(18)} ${fixed(cpu.server, 1, 10)} ${fixed(rssMb, 0, 7)} ${fixed(cpu.postgres, 1, 12)} ${fixed(cpu.load, 1, 9)} ${fixed(cpu.browsers, 1, 11)} ${fixed(cpu.others, 1, 10)} ${fixed(busy, 0, 14)}`;
}

export function printWorkshop(result: TWorkshopBenchResult, settings: { learners: number; rounds: number; warmUpSeconds: number; measureSeconds: number; cores: number }): void {
  const { workshop, relay } = result;
  console.log(`\nworkshop: ${settings.learners} learners (${settings.learners} agents at 1 Hz, ${settings.learners} learner sockets, 1 instructor view) on loopback`);
  console.log(`${settings.rounds} rounds per phase, alternated, each ${settings.measureSeconds} s measured after ${settings.warmUpSeconds} s warm-up; figures pooled over the rounds; ${settings.cores} cores shared by everything.`);
  console.log("Latencies from the agent's read time (t) of a sample, or from the learner's heartbeat POST.");
  console.log(`\n  ${"".padEnd(40)} ${"count".padStart(6)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`);
  if (workshop) {
    const { progress } = workshop;
    console.log(latencyRow("instructor: thumbnail (sample t → digest)", workshop.thumbnailMs, `${workshop.thumbnailsPerSecond.toFixed(1)}/s received of ${workshop.expectedThumbnailsPerSecond.toFixed(1)} batches/s; ${workshop.thumbnailMachines}/${settings.learners} machines`));
    console.log(latencyRow("instructor: progress write → event", progress.toEventMs, `${progress.perSecond.toFixed(1)} heartbeat writes/s (POST, recordHeartbeat, notifyLearnerProgress)`));
    console.log(latencyRow("instructor: progress write → matrix", progress.toMatrixMs, "the page refetches at most once a second (progress-matrix.tsx)"));
    console.log(latencyRow("instructor: matrix refetch (GET)", workshop.refetchMs, "request → JSON parsed (getWorkshopMatrix)"));
    console.log(latencyRow("learners: own machine's chart", workshop.learnerSampleMs, "sample t → the learner's socket (live:samples)"));
  } else console.log("  perflab workshop: no round completed");
  if (relay) console.log(latencyRow("bare relay: sample t → viewer", relay.latencyMs, `${relay.samplesPerSecond.toFixed(1)}/s of ${relay.expectedSamplesPerSecond.toFixed(1)} batches/s (the baseline)`));
  else console.log("  bare relay: no round completed");
  for (const error of result.errors) console.log(`  failed: ${error}`);

  console.log(`\n  CPU in % of one core over the window (server: schedstat of its process alone); machine busy in % of all ${settings.cores} cores`);
  console.log(`  ${"".padEnd(18)} ${"server %".padStart(10)} ${"RSS MB".padStart(7)} ${"PostgreSQL %".padStart(12)} ${"agents %".padStart(9)} ${"browsers %".padStart(11)} ${"not ours %".padStart(10)} ${"machine busy %".padStart(14)}`);
  if (workshop) {
    const { cpuPercent: cpu } = workshop;
    console.log(cpuRow("perflab workshop", { server: cpu.server, postgres: cpu.postgres, load: cpu.agents, browsers: cpu.learners + cpu.instructor, others: cpu.others }, workshop.serverRssMb, workshop.machineBusyPercent));
  }
  if (relay) {
    const { cpuPercent: cpu } = relay;
    console.log(cpuRow("bare relay", { server: cpu.server, postgres: null, load: cpu.agents, browsers: cpu.viewers, others: cpu.others }, relay.serverRssMb, relay.machineBusyPercent));
  }

  console.log("\n  perflab ÷ bare relay, same run:");
  console.log(`    instructor thumbnail p99 ÷ relay p99: ${ratio(workshop?.thumbnailMs?.p99, relay?.latencyMs?.p99)}   (p50: ${ratio(workshop?.thumbnailMs?.p50, relay?.latencyMs?.p50)})`);
  console.log(`    learner chart p99 ÷ relay p99:        ${ratio(workshop?.learnerSampleMs?.p99, relay?.latencyMs?.p99)}   (the same path as the relay's)`);
  console.log(`    server CPU:                           ${ratio(workshop?.cpuPercent.server, relay?.cpuPercent.server)}`);

  const problems = [...(workshop?.problems.map((problem) => `perflab: ${problem}`) ?? []), ...(relay?.problems.map((problem) => `relay: ${problem}`) ?? [])];
  if (problems.length > 0) console.log(`\n  seen during the windows:\n${problems.map((problem) => `    ${problem}`).join("\n")}`);
  const mostOthers = Math.max(workshop?.cpuPercent.others ?? 0, relay?.cpuPercent.others ?? 0);
  if (mostOthers > NOISY_OTHERS_PERCENT) console.log(`\n  the machine was not quiet: processes outside the benchmark used ${mostOthers.toFixed(0)} % of a core on average in a phase ("not ours"); latencies are pessimistic`);
  if (workshop && relay && Math.abs(workshop.cpuPercent.others - relay.cpuPercent.others) > UNEVEN_OTHERS_PERCENT) console.log("  the two phases ran under different outside load: read the latency ratios with care (more rounds even it out)");
}
