// The baseline measured in the same run: the same 60 agents (same replayed /proc trees, same
// worker processes) and 60 viewers, one per machine, against the bare Socket.IO relay
// (live-fanout/bare-relay.entry.ts: no authentication, validation, storage or workshop
// digest). Its sample-to-viewer latency and CPU are what Socket.IO alone costs on this
// machine now, so the workshop's figures are read as ratios to them.
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { rssMegabytes } from "../agent-cost/process-cost";
import { fleetStats, startAgents, startAgentWorkers } from "../live-fanout/agent-fleet";
import { measureWithChildren, startCommandedProcess, type TCommandedProcess } from "../live-fanout/command-channel";
import { startCpuWindow } from "../live-fanout/cpu-window";
import type { TViewerWorkerConnect, TViewerWorkerReport } from "../live-fanout/viewer-worker.entry";
import { AGENT_WORKERS, nowMs, START_TIMEOUT_MS, type TWorkshopSetup } from "./workshop-setup";

/** One round's raw measurements; pool-rounds.ts pools rounds into the figures printed. */
export interface TRelayRound {
  latencyMs: number[];
  /** Samples read during the window and delivered before it closed, per second. */
  samplesPerSecond: number;
  expectedSamplesPerSecond: number;
  cpuPercent: { server: number; agents: number; viewers: number; others: number };
  machineBusyPercent: number;
  serverRssMb: number;
  problems: string[];
}

async function measure(setup: TWorkshopSetup, children: TCommandedProcess[]): Promise<TRelayRound> {
  const { bundles, workDir } = setup;
  // The relay has no enrolment: the machine id stands in for the token and names the room.
  const machineIds = setup.database.learners.map((learner) => learner.machineId);
  const relay = startCommandedProcess("bare relay", bundles.bareRelay, workDir);
  children.push(relay);
  const serverUrl = await relay.ask<string>("address", null, 30_000);
  const viewers = startCommandedProcess("viewer worker", bundles.viewerWorker, workDir);
  children.push(viewers);
  await viewers.ask("connect", { serverUrl, cookie: null, machineIds } satisfies TViewerWorkerConnect, START_TIMEOUT_MS);
  const agentWorkers = startAgentWorkers(bundles.agentWorker, workDir, AGENT_WORKERS);
  children.push(...agentWorkers);
  await startAgents(agentWorkers, { serverUrl, snapshotDirs: setup.snapshotDirs, tokens: machineIds, timeoutMs: START_TIMEOUT_MS });

  await sleep(setup.warmUpSeconds * 1000);
  const agentsBefore = await fleetStats(agentWorkers);
  const startMs = nowMs();
  await viewers.ask("reset", { startMs });
  const endCpuWindow = startCpuWindow({ server: [relay.pid], agents: agentWorkers.map((worker) => worker.pid), viewers: [viewers.pid] });
  await sleep(setup.measureSeconds * 1000);
  const cpu = endCpuWindow();
  const report = await viewers.ask<TViewerWorkerReport>("report");
  const seconds = (nowMs() - startMs) / 1000;
  const serverRssMb = rssMegabytes(relay.pid);
  const agentsAfter = await fleetStats(agentWorkers);

  const problems: string[] = [];
  if (agentsAfter.unacknowledged > machineIds.length) problems.push(`agents falling behind: ${agentsAfter.unacknowledged} batches waiting for acknowledgement`);
  if (report.disconnects > 0) problems.push(`${report.disconnects} viewer disconnects`);
  const group = (value: number | null) => value ?? Number.NaN;
  const ours = [cpu.groups.server, cpu.groups.agents, cpu.groups.viewers].reduce<number>((total, share) => total + (share ?? 0), 0);
  return {
    // Every sample received since the reset, as the live fan-out benchmark counts them (at 60 agents there is no backlog).
    latencyMs: report.latenciesMs,
    samplesPerSecond: report.freshSamples / seconds,
    expectedSamplesPerSecond: (agentsAfter.batches - agentsBefore.batches) / seconds,
    cpuPercent: { server: group(cpu.groups.server), agents: group(cpu.groups.agents), viewers: group(cpu.groups.viewers), others: Math.max(0, cpu.machineBusyPercent * availableParallelism() - ours) },
    machineBusyPercent: cpu.machineBusyPercent,
    serverRssMb,
    problems,
  };
}

export async function runRelayBaseline(setup: TWorkshopSetup): Promise<{ round: TRelayRound } | { error: string }> {
  const result = await measureWithChildren((children) => measure(setup, children));
  return "data" in result ? { round: result.data } : result;
}
