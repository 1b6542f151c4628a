// One measured phase of the live fan-out benchmark: a server (perflab or the bare relay)
// in its own process, two viewers per agent subscribed first, then the agents; a warm-up,
// then a window in which latency, delivery and CPU are measured; then everything stops.
// A phase that cannot even start (the machine overwhelmed) is a result, not a crash: it
// comes back as { error }.
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { rssMegabytes } from "../agent-cost/process-cost";
import { fleetStats, startAgents, startAgentWorkers } from "./agent-fleet";
import type { TBenchDatabase } from "./bench-database";
import type { TBundles } from "./bundle-entries";
import { measureWithChildren, startCommandedProcess, type TCommandedProcess } from "./command-channel";
import { startCpuWindow } from "./cpu-window";
import { percentiles } from "./percentiles";
import type { TViewerWorkerConnect, TViewerWorkerReport } from "./viewer-worker.entry";

const AGENT_WORKERS = 4;
const START_TIMEOUT_MS = 120_000;

export type TServerKind = "perflab" | "relay";

export interface TPhaseSetup {
  kind: TServerKind;
  agentCount: number;
  bundles: TBundles;
  workDir: string;
  snapshotDirs: string[];
  database: TBenchDatabase;
  warmUpSeconds: number;
  measureSeconds: number;
}

export interface TPhaseFigures {
  latencyMs: { p50: number; p99: number; max: number } | null;
  /** Samples read during the window and delivered before it closed, per second: what the server kept up with. */
  samplesPerSecond: number;
  /** Every sample delivered during the window, per second, a backlog from before it included. */
  deliveredPerSecond: number;
  /** Two viewers × the batches the agents sent during the window, per second. */
  expectedSamplesPerSecond: number;
  /** Batches the agents were waiting to have acknowledged, at the window's start and end. */
  backlog: { start: number; end: number };
  serverCpuPercent: number;
  serverRssMb: number;
  agentWorkersCpuPercent: number;
  viewerWorkersCpuPercent: number;
  /** perflab only: PostgreSQL backends serving the benchmark database. */
  postgresCpuPercent: number | null;
  machineBusyPercent: number;
  /** CPU used by processes outside this benchmark (another job on the machine), % of one core. */
  othersCpuPercent: number;
  /** perflab only: how long storing a batch took (the viewers wait for it). */
  storeMs: { p50: number; p99: number } | null;
  batchBytes: number;
  pointsPerBatch: number;
  problems: string[];
}

export type TPhaseResult = { kind: TServerKind; agentCount: number } & ({ figures: TPhaseFigures } | { error: string });

function startServer(setup: TPhaseSetup): TCommandedProcess {
  if (setup.kind === "relay") return startCommandedProcess("bare relay", setup.bundles.bareRelay, setup.workDir);
  return startCommandedProcess("perflab server", setup.bundles.perflabServer, setup.workDir, { ...process.env, BENCH_DATABASE_URL: setup.database.url, BENCH_AUTH_SECRET: setup.database.authSecret });
}

async function measure(setup: TPhaseSetup, children: TCommandedProcess[]): Promise<TPhaseFigures> {
  const { kind, agentCount, database } = setup;
  const machines = database.machines.slice(0, agentCount);
  const server = startServer(setup);
  children.push(server);
  const serverUrl = await server.ask<string>("address", null, 30_000);

  // Viewers subscribe before any agent starts, so every batch has both its viewers waiting.
  const cookies = kind === "perflab" ? [database.ownerCookie, database.adminCookie] : [null, null];
  const viewers = cookies.map((_cookie, index) => startCommandedProcess(`viewer worker ${index + 1}`, setup.bundles.viewerWorker, setup.workDir));
  children.push(...viewers);
  await Promise.all(viewers.map((viewer, index) => viewer.ask("connect", { serverUrl, cookie: cookies[index]!, machineIds: machines.map((machine) => machine.agentId) } satisfies TViewerWorkerConnect, START_TIMEOUT_MS)));

  const agentWorkers = startAgentWorkers(setup.bundles.agentWorker, setup.workDir, Math.min(AGENT_WORKERS, agentCount));
  children.push(...agentWorkers);
  // The relay has no enrolment: the machine id stands in for the token and names the room.
  const tokens = machines.map((machine) => (kind === "perflab" ? machine.token : machine.agentId));
  await startAgents(agentWorkers, { serverUrl, snapshotDirs: setup.snapshotDirs, tokens, timeoutMs: START_TIMEOUT_MS });

  await sleep(setup.warmUpSeconds * 1000);
  const agentsBefore = await fleetStats(agentWorkers);
  await Promise.all(viewers.map((viewer) => viewer.ask("reset", { startMs: performance.timeOrigin + performance.now() })));
  if (kind === "perflab") await server.ask("takeStoreTimings");
  const postgresPids = kind === "perflab" ? await database.backendPids() : [];
  const endCpuWindow = startCpuWindow({ server: [server.pid], agents: agentWorkers.map((worker) => worker.pid), viewers: viewers.map((viewer) => viewer.pid), postgres: postgresPids });
  const startedAt = performance.now();

  await sleep(setup.measureSeconds * 1000);
  const cpu = endCpuWindow();
  const reports = await Promise.all(viewers.map((viewer) => viewer.ask<TViewerWorkerReport>("report")));
  const seconds = (performance.now() - startedAt) / 1000;
  const serverRssMb = rssMegabytes(server.pid);
  const agentsAfter = await fleetStats(agentWorkers);
  const store = kind === "perflab" ? await server.ask<{ storeMs: number[]; logged: { count: number; first: string[] } }>("takeStoreTimings") : null;

  const latencies = reports.flatMap((report) => report.latenciesMs);
  const [p50, p99, max] = percentiles(latencies, [0.5, 0.99, 1]) ?? [];
  const [storeP50, storeP99] = percentiles(store?.storeMs ?? [], [0.5, 0.99]) ?? [];
  const batches = agentsAfter.batches - agentsBefore.batches;
  const samplesPerSecond = reports.reduce((total, report) => total + report.freshSamples, 0) / seconds;
  const deliveredPerSecond = reports.reduce((total, report) => total + report.samples, 0) / seconds;
  const expectedSamplesPerSecond = (2 * batches) / seconds; // one sample per batch at 1 Hz, two viewers

  const oneLine = (message: string) => message.replace(/\s+/g, " ").slice(0, 160);
  const problems: string[] = [];
  if (agentsAfter.unacknowledged > agentCount) problems.push(`agents falling behind: ${agentsBefore.unacknowledged} → ${agentsAfter.unacknowledged} batches waiting for acknowledgement (window start → end); delivered ${deliveredPerSecond.toFixed(0)} samples/s counting the backlog`);
  if (agentsAfter.dropped + agentsAfter.refused > 0) problems.push(`agents dropped ${agentsAfter.dropped} and had ${agentsAfter.refused} batches refused`);
  if (agentsAfter.logged > 0) problems.push(`agents logged ${agentsAfter.logged} messages, e.g. ${agentsAfter.firstLogged.slice(0, 2).map(oneLine).join(" | ")}`);
  const disconnects = reports.reduce((total, report) => total + report.disconnects, 0);
  if (disconnects > 0) problems.push(`${disconnects} viewer disconnects`);
  if (store && store.logged.count > 0) problems.push(`server logged ${store.logged.count} problems, e.g. ${store.logged.first.slice(0, 2).map(oneLine).join(" | ")}`);

  const ours = [cpu.groups.server, cpu.groups.agents, cpu.groups.viewers, cpu.groups.postgres].reduce<number>((total, share) => total + (share ?? 0), 0);
  return {
    latencyMs: p50 === undefined ? null : { p50, p99: p99!, max: max! },
    samplesPerSecond,
    deliveredPerSecond,
    expectedSamplesPerSecond,
    backlog: { start: agentsBefore.unacknowledged, end: agentsAfter.unacknowledged },
    serverCpuPercent: cpu.groups.server ?? Number.NaN,
    serverRssMb,
    agentWorkersCpuPercent: cpu.groups.agents ?? Number.NaN,
    viewerWorkersCpuPercent: cpu.groups.viewers ?? Number.NaN,
    postgresCpuPercent: kind === "perflab" ? cpu.groups.postgres : null,
    machineBusyPercent: cpu.machineBusyPercent,
    othersCpuPercent: Math.max(0, cpu.machineBusyPercent * availableParallelism() - ours),
    storeMs: storeP50 === undefined ? null : { p50: storeP50, p99: storeP99! },
    batchBytes: batches > 0 ? (agentsAfter.batchBytes - agentsBefore.batchBytes) / batches : 0,
    pointsPerBatch: batches > 0 ? (agentsAfter.points - agentsBefore.points) / batches : 0,
    problems,
  };
}

export async function runPhase(setup: TPhaseSetup): Promise<TPhaseResult> {
  const result = await measureWithChildren((children) => measure(setup, children));
  return "data" in result ? { kind: setup.kind, agentCount: setup.agentCount, figures: result.data } : { kind: setup.kind, agentCount: setup.agentCount, error: result.error };
}
