import { describe, expect, it } from "vitest";
import { poolRelayRounds, poolWorkshopRounds } from "./pool-rounds";
import type { TRelayRound } from "./run-relay-baseline";
import type { TWorkshopRound } from "./run-workshop-phase";

const cpu = (server: number, postgres: number | null) => ({ server, postgres, agents: 10, learners: 4, instructor: 1, others: 50 });
const workshopRound = (thumbnailMs: number[], server: number, rssMb: number, postgres: number | null = 4): TWorkshopRound => ({
  thumbnailMs,
  thumbnailsPerSecond: 50,
  expectedThumbnailsPerSecond: 60,
  thumbnailMachines: thumbnailMs.length,
  learnerSampleMs: [1],
  progress: { writes: 60, failedWrites: 0, unannounced: 1, staleMatrices: 0, toEventMs: [10], toMatrixMs: [500], perSecond: 6 },
  refetchMs: [12],
  cpuPercent: cpu(server, postgres),
  machineBusyPercent: 50,
  serverRssMb: rssMb,
  problems: ["slow"],
});

describe("pooling rounds", () => {
  it("pools latencies into one distribution, averages rates and CPU, sums counts and keeps the largest RSS", () => {
    const pooled = poolWorkshopRounds([workshopRound([1, 2], 10, 200), workshopRound([3, 4, 5], 20, 250)]);
    expect(pooled).toMatchObject({
      rounds: 2,
      thumbnailMs: { count: 5, p50: 3, max: 5 },
      thumbnailMachines: 2,
      progress: { writes: 120, unannounced: 2, toEventMs: { count: 2 }, perSecond: 6 },
      cpuPercent: { server: 15, postgres: 4 },
      serverRssMb: 250,
      problems: ["round 1: slow", "round 2: slow"],
    });
  });

  it("has no PostgreSQL figure when a round could not read it, and nothing without rounds", () => {
    expect(poolWorkshopRounds([workshopRound([1], 10, 200), workshopRound([1], 10, 200, null)])?.cpuPercent.postgres).toBeNull();
    expect(poolWorkshopRounds([])).toBeNull();
    const relay: TRelayRound = { latencyMs: [2, 4], samplesPerSecond: 60, expectedSamplesPerSecond: 60, cpuPercent: { server: 4, agents: 10, viewers: 2, others: 0 }, machineBusyPercent: 20, serverRssMb: 70, problems: [] };
    expect(poolRelayRounds([relay])).toMatchObject({ rounds: 1, latencyMs: { count: 2, p50: 2, p99: 4 }, problems: [] });
  });
});
