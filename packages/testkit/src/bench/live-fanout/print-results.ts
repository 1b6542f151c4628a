// The live fan-out benchmark's report: one row per fleet size with perflab, the bare relay
// measured in the same run, and their ratios; then where the time and CPU went; then the
// issue's targets and whether they were met. A phase that failed shows why in its row.
import type { TPhaseFigures, TPhaseResult } from "./run-phase";

const TARGET_P99_MS = 100;
const TARGET_P99_AT_AGENTS = 200;
const TARGET_THROUGHPUT_SHARE = 0.7;
const NOISY_OTHERS_PERCENT = 20; // of one core: more than background daemons use

export interface TFleetResult {
  agentCount: number;
  perflab: TPhaseResult;
  relay: TPhaseResult;
}

const figuresOf = (result: TPhaseResult): TPhaseFigures | null => ("figures" in result ? result.figures : null);
const fixed = (value: number | null | undefined, digits: number, width: number) => (value == null || Number.isNaN(value) ? "–" : value.toFixed(digits)).padStart(width);

function serverColumns(result: TPhaseResult): string {
  const figures = figuresOf(result);
  if (!figures) return `failed: ${"error" in result ? result.error : ""}`.slice(0, 49).padEnd(49);
  const { latencyMs } = figures;
  return `${fixed(latencyMs?.p50, 1, 7)} ${fixed(latencyMs?.p99, 1, 7)} ${fixed(figures.serverCpuPercent, 1, 7)} ${fixed(figures.serverRssMb, 0, 7)} ${fixed(figures.samplesPerSecond, 0, 7)}/${fixed(figures.expectedSamplesPerSecond, 0, 0)}`.padEnd(49);
}

function ratioColumns(perflab: TPhaseFigures | null, relay: TPhaseFigures | null): string {
  if (!perflab || !relay) return "";
  const ratio = (a: number | undefined, b: number | undefined, digits: number) => (a === undefined || b === undefined || b === 0 ? "–" : `${(a / b).toFixed(digits)}`);
  return `${ratio(perflab.samplesPerSecond, relay.samplesPerSecond, 2).padStart(10)} ${ratio(perflab.latencyMs?.p99, relay.latencyMs?.p99, 1).padStart(6)}× ${ratio(perflab.serverCpuPercent, relay.serverCpuPercent, 1).padStart(6)}×`;
}

function printTargets(fleets: TFleetResult[]): void {
  const atTarget = fleets.find((fleet) => fleet.agentCount === TARGET_P99_AT_AGENTS);
  const p99 = atTarget && figuresOf(atTarget.perflab)?.latencyMs?.p99;
  const latencyVerdict = p99 === undefined || p99 === null ? "not measured" : `${p99 < TARGET_P99_MS ? "met" : "NOT met"} (p99 ${p99.toFixed(1)} ms)`;
  console.log(`  p99 under ${TARGET_P99_MS} ms at ${TARGET_P99_AT_AGENTS} agents: ${latencyVerdict}`);
  const shares = fleets.map((fleet) => {
    const perflab = figuresOf(fleet.perflab);
    const relay = figuresOf(fleet.relay);
    if (!perflab || !relay || relay.samplesPerSecond === 0) return `${fleet.agentCount} agents: not measured`;
    const share = perflab.samplesPerSecond / relay.samplesPerSecond;
    return `${fleet.agentCount} agents: ${share >= TARGET_THROUGHPUT_SHARE ? "met" : "NOT met"} (${(share * 100).toFixed(0)} %)`;
  });
  console.log(`  throughput at least ${TARGET_THROUGHPUT_SHARE * 100} % of the bare relay's: ${shares.join("; ")}`);
}

export function printLiveFanout(fleets: TFleetResult[], settings: { warmUpSeconds: number; measureSeconds: number; cores: number }): void {
  console.log(`\nlive fan-out: agents at 1 Hz, 2 viewers each, on loopback (${settings.measureSeconds} s measured after ${settings.warmUpSeconds} s warm-up; ${settings.cores} cores shared by everything)`);
  console.log("latency = viewer receive time − sample t (the agent's read time). At 1 Hz the agent sends each sample at once, one per batch,");
  console.log("so it spans collect+encode → send → server → viewer; for perflab it includes authentication and validation (the PostgreSQL write runs beside the fan-out, before the acknowledgement).");
  console.log("CPU = % of one core used by the server process alone. samples/s = samples read during the window and delivered to a viewer");
  console.log("before it closed / offered (2 viewers × batches sent): a server that falls behind delivers old samples, which do not count.\n");
  console.log(`${"".padStart(7)} │ ${"perflab server (auth, validation, PostgreSQL)".padEnd(49)}│ ${"bare Socket.IO relay (ceiling)".padEnd(49)}│ perflab ÷ relay`);
  const header = `${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"CPU %".padStart(7)} ${"RSS MB".padStart(7)} ${"samples/s".padStart(11)}`.padEnd(49);
  console.log(`${"agents".padStart(7)} │ ${header}│ ${header}│ ${"throughput".padStart(10)} ${"p99".padStart(7)} ${"CPU".padStart(7)}`);
  for (const fleet of fleets) {
    console.log(`${String(fleet.agentCount).padStart(7)} │ ${serverColumns(fleet.perflab)}│ ${serverColumns(fleet.relay)}│ ${ratioColumns(figuresOf(fleet.perflab), figuresOf(fleet.relay))}`);
  }

  console.log("\nwhere it went (perflab | relay; CPU in % of one core; store = the PostgreSQL write each batch waits for before its acknowledgement):");
  console.log(`${"agents".padStart(7)}  ${"batch".padStart(13)}  ${"store p50/p99 ms".padStart(16)}  ${"PostgreSQL %".padStart(12)}  ${"agent workers %".padStart(15)}  ${"viewer workers %".padStart(16)}  ${"not ours %".padStart(10)}  ${`machine busy (% of ${settings.cores} cores)`}`);
  for (const fleet of fleets) {
    const perflab = figuresOf(fleet.perflab);
    const relay = figuresOf(fleet.relay);
    const pair = (pick: (figures: TPhaseFigures) => number) => `${fixed(perflab ? pick(perflab) : null, 0, 3)} | ${fixed(relay ? pick(relay) : null, 0, 3)}`;
    const batch = perflab ? `${(perflab.batchBytes / 1024).toFixed(1)} KB/${perflab.pointsPerBatch.toFixed(0)} pt` : "–";
    const store = perflab?.storeMs ? `${perflab.storeMs.p50.toFixed(1)}/${perflab.storeMs.p99.toFixed(1)}` : "–";
    console.log(`${String(fleet.agentCount).padStart(7)}  ${batch.padStart(13)}  ${store.padStart(16)}  ${fixed(perflab?.postgresCpuPercent, 1, 12)}  ${pair((f) => f.agentWorkersCpuPercent).padStart(15)}  ${pair((f) => f.viewerWorkersCpuPercent).padStart(16)}  ${pair((f) => f.othersCpuPercent).padStart(10)}  ${pair((f) => f.machineBusyPercent).padStart(9)}`);
  }

  const problems = fleets.flatMap((fleet) => [fleet.perflab, fleet.relay].flatMap((result) => (figuresOf(result)?.problems ?? []).map((problem) => `  ${fleet.agentCount} agents, ${result.kind}: ${problem}`)));
  if (problems.length > 0) console.log(`\nseen during the windows:\n${problems.join("\n")}`);

  const others = fleets.flatMap((fleet) => [fleet.perflab, fleet.relay].map((result) => figuresOf(result)?.othersCpuPercent ?? 0));
  const mostOthers = Math.max(0, ...others);
  if (mostOthers > NOISY_OTHERS_PERCENT) console.log(`\nthe machine was not quiet: processes outside the benchmark used up to ${mostOthers.toFixed(0)} % of a core during a window (column "not ours"); those rows are pessimistic`);

  console.log("\ntargets (issue):");
  printTargets(fleets);
}
