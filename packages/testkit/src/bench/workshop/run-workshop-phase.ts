// The measured workshop: the real realtime server (workshop-server.entry.ts) with its
// PostgreSQL, the instructor's view subscribed first (so it follows every member machine),
// the 60 learners' browsers, then the 60 agents and the learners' progress writes. After a
// warm-up, a window in which the instructor's thumbnails and progress, the learners' own
// charts and every process's CPU are measured; writes stop at its end and the instructor
// is given a moment to see the last ones before it reports.
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { rssMegabytes } from "../agent-cost/process-cost";
import { fleetStats, startAgents, startAgentWorkers } from "../live-fanout/agent-fleet";
import { measureWithChildren, startCommandedProcess, type TCommandedProcess } from "../live-fanout/command-channel";
import { startCpuWindow } from "../live-fanout/cpu-window";
import type { TInstructorViewConnect, TInstructorViewReport } from "./instructor-view.entry";
import type { TLearnerWorkerConnect, TLearnerWorkerReport } from "./learner-worker.entry";
import { matchProgress, type TProgressTimeline } from "./match-progress";
import { WORKSHOP_TOPIC_IDS } from "./workshop-database";
import { AGENT_WORKERS, nowMs, START_TIMEOUT_MS, type TWorkshopSetup } from "./workshop-setup";

// Longer than the instructor's refetch gap (1 s) plus a slow refetch: the window's last
// writes reach the matrix before the instructor reports.
const DRAIN_MS = 2500;

/** One round's raw measurements; pool-rounds.ts pools rounds into the figures printed. */
export interface TWorkshopRound {
  thumbnailMs: number[];
  thumbnailsPerSecond: number;
  /** One digest per agent batch: the batches the agents sent during the window, per second. */
  expectedThumbnailsPerSecond: number;
  thumbnailMachines: number;
  learnerSampleMs: number[];
  progress: TProgressTimeline & { perSecond: number };
  /** The instructor's matrix GETs during the window, request to parsed JSON. */
  refetchMs: number[];
  cpuPercent: { server: number; postgres: number | null; agents: number; learners: number; instructor: number; others: number };
  machineBusyPercent: number;
  serverRssMb: number;
  problems: string[];
}

async function measure(setup: TWorkshopSetup, children: TCommandedProcess[]): Promise<TWorkshopRound> {
  const { database, bundles, workDir } = setup;
  const server = startCommandedProcess("workshop server", bundles.workshopServer, workDir, { ...process.env, BENCH_DATABASE_URL: database.url, BENCH_AUTH_SECRET: database.authSecret });
  children.push(server);
  const serverUrl = await server.ask<string>("address", null, 30_000);

  const instructor = startCommandedProcess("instructor view", bundles.instructorView, workDir);
  const learners = startCommandedProcess("learner worker", bundles.learnerWorker, workDir);
  children.push(instructor, learners);
  await instructor.ask("connect", { serverUrl, cookie: database.instructorCookie, workshopId: database.workshopId } satisfies TInstructorViewConnect, START_TIMEOUT_MS);
  const learnerList = database.learners.map(({ userId, cookie, machineId }) => ({ userId, cookie, machineId }));
  await learners.ask("connect", { serverUrl, workshopId: database.workshopId, topicIds: WORKSHOP_TOPIC_IDS, learners: learnerList } satisfies TLearnerWorkerConnect, START_TIMEOUT_MS);

  const agentWorkers = startAgentWorkers(bundles.agentWorker, workDir, AGENT_WORKERS);
  children.push(...agentWorkers);
  await startAgents(agentWorkers, { serverUrl, snapshotDirs: setup.snapshotDirs, tokens: database.learners.map((learner) => learner.token), timeoutMs: START_TIMEOUT_MS });
  await learners.ask("startProgress");

  await sleep(setup.warmUpSeconds * 1000);
  const agentsBefore = await fleetStats(agentWorkers);
  const startMs = nowMs();
  await Promise.all([instructor, learners].map((child) => child.ask("reset", { startMs })));
  const endCpuWindow = startCpuWindow({ server: [server.pid], postgres: await database.backendPids(), agents: agentWorkers.map((worker) => worker.pid), learners: [learners.pid], instructor: [instructor.pid] });

  await sleep(setup.measureSeconds * 1000);
  const cpu = endCpuWindow();
  // Thumbnails and charts are counted up to the window's end; progress after the drain.
  const [viewAtEnd, learnersAtEnd] = await Promise.all([instructor.ask<TInstructorViewReport>("report"), learners.ask<TLearnerWorkerReport>("report")]);
  const endMs = nowMs();
  const seconds = (endMs - startMs) / 1000;
  const serverRssMb = rssMegabytes(server.pid);
  const agentsAfter = await fleetStats(agentWorkers);
  await learners.ask("stopProgress");
  await sleep(DRAIN_MS);
  const view = await instructor.ask<TInstructorViewReport>("report");
  const learnerReport = await learners.ask<TLearnerWorkerReport>("report");
  const serverLogged = await server.ask<{ count: number; first: string[] }>("logged");

  const writes = learnerReport.writes.filter((write) => write.sentMs >= startMs && write.sentMs < endMs);
  const timeline = matchProgress(writes, view.progressEvents, view.fetches);
  const windowFetches = view.fetches.filter((fetched) => fetched.isOk && fetched.startedMs < endMs);
  const problems: string[] = [];
  if (agentsAfter.unacknowledged > database.learners.length) problems.push(`agents falling behind: ${agentsAfter.unacknowledged} batches waiting for acknowledgement`);
  if (agentsAfter.dropped + agentsAfter.refused + agentsAfter.logged > 0) problems.push(`agents dropped ${agentsAfter.dropped}, had ${agentsAfter.refused} refused, logged ${agentsAfter.logged} (${agentsAfter.firstLogged.slice(0, 2).join(" | ")})`);
  if (view.disconnects + learnerReport.disconnects > 0) problems.push(`${view.disconnects} instructor and ${learnerReport.disconnects} learner disconnects`);
  if (timeline.failedWrites + timeline.unannounced + timeline.staleMatrices > 0) problems.push(`progress: ${timeline.failedWrites} writes failed, ${timeline.unannounced} never announced, ${timeline.staleMatrices} refetched matrices without the write`);
  if (serverLogged.count > 0) problems.push(`server logged ${serverLogged.count}: ${serverLogged.first.slice(0, 2).join(" | ")}`);

  const group = (value: number | null) => value ?? Number.NaN;
  const ours = [cpu.groups.server, cpu.groups.postgres, cpu.groups.agents, cpu.groups.learners, cpu.groups.instructor].reduce<number>((total, share) => total + (share ?? 0), 0);
  return {
    thumbnailMs: viewAtEnd.thumbnailLatenciesMs,
    thumbnailsPerSecond: viewAtEnd.thumbnailLatenciesMs.length / seconds,
    expectedThumbnailsPerSecond: (agentsAfter.batches - agentsBefore.batches) / seconds,
    thumbnailMachines: viewAtEnd.thumbnailMachines,
    learnerSampleMs: learnersAtEnd.sampleLatenciesMs,
    progress: { ...timeline, perSecond: timeline.writes / seconds },
    refetchMs: windowFetches.map((fetched) => fetched.readyMs - fetched.startedMs),
    cpuPercent: {
      server: group(cpu.groups.server),
      postgres: cpu.groups.postgres,
      agents: group(cpu.groups.agents),
      learners: group(cpu.groups.learners),
      instructor: group(cpu.groups.instructor),
      others: Math.max(0, cpu.machineBusyPercent * availableParallelism() - ours),
    },
    machineBusyPercent: cpu.machineBusyPercent,
    serverRssMb,
    problems,
  };
}

export async function runWorkshopPhase(setup: TWorkshopSetup): Promise<{ round: TWorkshopRound } | { error: string }> {
  const result = await measureWithChildren((children) => measure(setup, children));
  return "data" in result ? { round: result.data } : result;
}
