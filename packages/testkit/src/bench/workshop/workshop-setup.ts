// What both phases of the workshop benchmark share: the bundled processes, the captured
// /proc trees the agents replay, the seeded database, the window lengths, and how a list
// of latencies is summarised.
import { percentiles } from "../live-fanout/percentiles";
import type { TWorkshopDatabase } from "./workshop-database";

export const WORKSHOP_ENTRIES = {
  workshopServer: "packages/testkit/src/bench/workshop/workshop-server.entry.ts",
  learnerWorker: "packages/testkit/src/bench/workshop/learner-worker.entry.ts",
  instructorView: "packages/testkit/src/bench/workshop/instructor-view.entry.ts",
  bareRelay: "packages/testkit/src/bench/live-fanout/bare-relay.entry.ts",
  agentWorker: "packages/testkit/src/bench/live-fanout/agent-worker.entry.ts",
  viewerWorker: "packages/testkit/src/bench/live-fanout/viewer-worker.entry.ts",
} as const;

export type TWorkshopBundles = Record<keyof typeof WORKSHOP_ENTRIES, string>;

/** Two agent worker processes host the 60 agents (one per core; each costs ~55 MB). */
export const AGENT_WORKERS = 2;
export const START_TIMEOUT_MS = 120_000;

export interface TWorkshopSetup {
  bundles: TWorkshopBundles;
  workDir: string;
  snapshotDirs: string[];
  database: TWorkshopDatabase;
  warmUpSeconds: number;
  measureSeconds: number;
}

export interface TLatency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): TLatency | null {
  const [p50, p99, max] = percentiles(values, [0.5, 0.99, 1]) ?? [];
  return p50 === undefined ? null : { count: values.length, p50, p99: p99!, max: max! };
}

export const nowMs = () => performance.timeOrigin + performance.now();
