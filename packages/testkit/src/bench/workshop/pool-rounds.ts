// The workshop benchmark alternates its two phases over rounds (workshop, relay, relay,
// workshop…), because on a shared 2-core machine another job's burst lands on one phase
// and not the other: a single pair of windows gave relay-relative p99s anywhere from 0.1×
// to 4×. Pooling puts every round's latencies in one distribution per phase; rates, CPU and
// machine load are averaged over the rounds, counts summed, RSS the largest seen.
import type { TRelayRound } from "./run-relay-baseline";
import type { TWorkshopRound } from "./run-workshop-phase";
import { summarize, type TLatency } from "./workshop-setup";

export interface TWorkshopFigures extends Omit<TWorkshopRound, "thumbnailMs" | "learnerSampleMs" | "progress" | "refetchMs"> {
  rounds: number;
  thumbnailMs: TLatency | null;
  learnerSampleMs: TLatency | null;
  progress: Omit<TWorkshopRound["progress"], "toEventMs" | "toMatrixMs"> & { toEventMs: TLatency | null; toMatrixMs: TLatency | null };
  refetchMs: TLatency | null;
}

export interface TRelayFigures extends Omit<TRelayRound, "latencyMs"> {
  rounds: number;
  latencyMs: TLatency | null;
}

const mean = (values: readonly number[]) => values.reduce((total, value) => total + value, 0) / values.length;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const meanOrNull = (values: readonly (number | null)[]) => (values.some((value) => value === null) ? null : mean(values as number[]));
const pooled = (lists: readonly number[][]) => summarize(lists.flat());
const numbered = (problems: string[][]) => problems.flatMap((list, index) => list.map((problem) => (problems.length > 1 ? `round ${index + 1}: ${problem}` : problem)));

/** null when no round produced figures. */
export function poolWorkshopRounds(rounds: readonly TWorkshopRound[]): TWorkshopFigures | null {
  if (rounds.length === 0) return null;
  const cpu = rounds.map((round) => round.cpuPercent);
  const progress = rounds.map((round) => round.progress);
  return {
    rounds: rounds.length,
    thumbnailMs: pooled(rounds.map((round) => round.thumbnailMs)),
    thumbnailsPerSecond: mean(rounds.map((round) => round.thumbnailsPerSecond)),
    expectedThumbnailsPerSecond: mean(rounds.map((round) => round.expectedThumbnailsPerSecond)),
    thumbnailMachines: Math.min(...rounds.map((round) => round.thumbnailMachines)),
    learnerSampleMs: pooled(rounds.map((round) => round.learnerSampleMs)),
    progress: {
      writes: sum(progress.map((each) => each.writes)),
      failedWrites: sum(progress.map((each) => each.failedWrites)),
      unannounced: sum(progress.map((each) => each.unannounced)),
      staleMatrices: sum(progress.map((each) => each.staleMatrices)),
      perSecond: mean(progress.map((each) => each.perSecond)),
      toEventMs: pooled(progress.map((each) => each.toEventMs)),
      toMatrixMs: pooled(progress.map((each) => each.toMatrixMs)),
    },
    refetchMs: pooled(rounds.map((round) => round.refetchMs)),
    cpuPercent: {
      server: mean(cpu.map((each) => each.server)),
      postgres: meanOrNull(cpu.map((each) => each.postgres)),
      agents: mean(cpu.map((each) => each.agents)),
      learners: mean(cpu.map((each) => each.learners)),
      instructor: mean(cpu.map((each) => each.instructor)),
      others: mean(cpu.map((each) => each.others)),
    },
    machineBusyPercent: mean(rounds.map((round) => round.machineBusyPercent)),
    serverRssMb: Math.max(...rounds.map((round) => round.serverRssMb)),
    problems: numbered(rounds.map((round) => round.problems)),
  };
}

/** null when no round produced figures. */
export function poolRelayRounds(rounds: readonly TRelayRound[]): TRelayFigures | null {
  if (rounds.length === 0) return null;
  const cpu = rounds.map((round) => round.cpuPercent);
  return {
    rounds: rounds.length,
    latencyMs: pooled(rounds.map((round) => round.latencyMs)),
    samplesPerSecond: mean(rounds.map((round) => round.samplesPerSecond)),
    expectedSamplesPerSecond: mean(rounds.map((round) => round.expectedSamplesPerSecond)),
    cpuPercent: { server: mean(cpu.map((each) => each.server)), agents: mean(cpu.map((each) => each.agents)), viewers: mean(cpu.map((each) => each.viewers)), others: mean(cpu.map((each) => each.others)) },
    machineBusyPercent: mean(rounds.map((round) => round.machineBusyPercent)),
    serverRssMb: Math.max(...rounds.map((round) => round.serverRssMb)),
    problems: numbered(rounds.map((round) => round.problems)),
  };
}
