// Scenario runs as durable records: requested by a person who may control the machine,
// then driven by the machine's agent (its token is the authorization for events and the
// end), and read back for the lab page and the replay. Arguments arrive already resolved
// against the manifest by the caller; the agent checks them again before running anything.
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "../client";
import { ForbiddenError } from "../security/forbidden-error";
import { assertCanWatchMachineOf } from "../security/machine-access";
import type { TUserSummary } from "../users/user-summary";
import { isHiddenDrillRun } from "../workshops/drills";

export const FINAL_RUN_STATUSES = ["done", "failed", "bad-parameters", "requirements-missing", "stopped", "timed-out", "refused", "lost"] as const;
export type TFinalRunStatus = (typeof FINAL_RUN_STATUSES)[number];

export interface TScenarioRunSummary {
  id: string;
  agentId: string;
  machineName: string;
  scenarioId: string;
  parameters: Record<string, number>;
  durationSeconds: number;
  status: string;
  problem: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  verdict: unknown;
  exerciseId: string | null;
  startedBy: { id: string; name: string };
  machineOwnerId: string;
  /** The workshop run ("run for everyone" or drill) this run is part of. */
  workshopRunId: string | null;
}

const RUN_SELECT = {
  id: true, agentId: true, scenarioId: true, parameters: true, durationSeconds: true, status: true, problem: true, requestedAt: true, startedAt: true, endedAt: true, verdict: true, exerciseId: true, workshopRunId: true,
  startedBy: { select: { id: true, name: true } },
  agent: { select: { name: true, ownerId: true } },
  workshopRun: { select: { isDrill: true, revealedAt: true } },
} as const;

type TRunRow = { agent: { name: string; ownerId: string }; parameters: unknown; workshopRun: { isDrill: boolean; revealedAt: Date | null } | null } & Omit<TScenarioRunSummary, "machineName" | "machineOwnerId" | "parameters">;
const toSummary = ({ agent, parameters, workshopRun: _workshopRun, ...run }: TRunRow): TScenarioRunSummary => ({ ...run, parameters: parameters as Record<string, number>, machineName: agent.name, machineOwnerId: agent.ownerId });
/** A drill's runs stay hidden from the drilled learner until the instructor reveals the drill. */
const isHiddenFrom = (actor: TUserSummary, run: TRunRow) => isHiddenDrillRun(actor, { startedById: run.startedBy.id, workshopRun: run.workshopRun });

/** Starting a scenario controls the machine: its owner, its owner's workshop instructor, administrators. */
export async function requestScenarioRun(
  db: Db,
  actor: TUserSummary,
  input: { agentId: string; scenarioId: string; durationSeconds: number; parameters: Record<string, number>; exerciseId?: string | null; workshopRunId?: string | null },
): Promise<TScenarioRunSummary> {
  const agent = await db.agent.findUnique({ where: { id: input.agentId }, select: { ownerId: true, revokedAt: true } });
  if (!agent) throw new ForbiddenError("This lab machine is not yours");
  await assertCanWatchMachineOf(db, actor, agent.ownerId);
  if (agent.revokedAt) throw new ForbiddenError("This lab machine was revoked");
  const run = await db.scenarioRun.create({
    data: { agentId: input.agentId, startedById: actor.id, scenarioId: input.scenarioId, durationSeconds: input.durationSeconds, parameters: input.parameters, exerciseId: input.exerciseId ?? null, workshopRunId: input.workshopRunId ?? null },
    select: RUN_SELECT,
  });
  return toSummary(run);
}

/** A run the agent answered: started (running) or refused, with why. Acts for the machine's agent. */
export async function markRunAnswered(db: Db, agentId: string, runId: string, answer: { started: true; at: Date } | { started: false; problem: string }): Promise<void> {
  await db.scenarioRun.updateMany({
    where: { id: runId, agentId, status: "requested" },
    data: answer.started ? { status: "running", startedAt: answer.at } : { status: "refused", problem: answer.problem.slice(0, 500), endedAt: new Date() },
  });
}

/** Stores one event of a run, if the run belongs to this agent and is not over; false otherwise. */
export async function recordRunEvent(db: Db, agentId: string, event: { runId: string; t: number; kind: string; body: object }): Promise<boolean> {
  const run = await db.scenarioRun.findFirst({ where: { id: event.runId, agentId }, select: { endedAt: true } });
  if (!run || run.endedAt) return false;
  await db.scenarioRunEvent.create({ data: { runId: event.runId, at: new Date(event.t), kind: event.kind, body: event.body } });
  return true;
}

/**
 * The end of a run: its status, verdict and the samples that back the verdict, kept for the
 * replay. A run that did not end "done" keeps the script's last error as its problem, so
 * lists (a workshop's runs) say why without opening the replay.
 */
export async function finishRun(db: Db, agentId: string, runId: string, end: { status: TFinalRunStatus; at: Date; verdict: unknown; samples: unknown[]; problem?: string | null }): Promise<void> {
  let problem = end.problem ?? undefined;
  if (problem === undefined && end.status !== "done") {
    const lastError = await db.scenarioRunEvent.findFirst({ where: { runId, kind: "error" }, orderBy: { id: "desc" }, select: { body: true } });
    const message = (lastError?.body as { message?: unknown } | undefined)?.message;
    if (typeof message === "string") problem = message.slice(0, 500);
  }
  await db.scenarioRun.updateMany({
    where: { id: runId, agentId, endedAt: null },
    data: { status: end.status, endedAt: end.at, verdict: end.verdict as object, samples: gzipSync(JSON.stringify(end.samples)), problem },
  });
}

/** Runs the agent never finished (it went away mid-run, the server restarted): marked lost after their deadline. */
export async function markLostRuns(db: Db, agentId: string, now = new Date()): Promise<number> {
  const open = await db.scenarioRun.findMany({ where: { agentId, endedAt: null }, select: { id: true, requestedAt: true, durationSeconds: true } });
  const lost = open.filter((run) => run.requestedAt.getTime() + (run.durationSeconds + 120) * 1000 < now.getTime()).map((run) => run.id);
  if (lost.length === 0) return 0;
  const { count } = await db.scenarioRun.updateMany({ where: { id: { in: lost } }, data: { status: "lost", endedAt: now, problem: "the agent did not report the end of this run" } });
  return count;
}

/** A run of this agent that is not over yet, or null. Acts for the machine's agent. */
export async function findOpenRun(db: Db, agentId: string, runId: string): Promise<TScenarioRunSummary | null> {
  const run = await db.scenarioRun.findFirst({ where: { id: runId, agentId, endedAt: null }, select: RUN_SELECT });
  return run ? toSummary(run) : null;
}

/** Who may see a run (and its replay): whoever started it, the machine's owner and their workshop instructor, administrators. */
async function assertCanSeeRun(db: Db, actor: TUserSummary, run: TScenarioRunSummary): Promise<void> {
  if (actor.id === run.startedBy.id) return;
  await assertCanWatchMachineOf(db, actor, run.machineOwnerId).catch(() => {
    throw new ForbiddenError("This scenario run is not yours");
  });
}

export async function getScenarioRun(db: Db, actor: TUserSummary, runId: string): Promise<TScenarioRunSummary> {
  const run = await db.scenarioRun.findUnique({ where: { id: runId }, select: RUN_SELECT });
  if (!run || isHiddenFrom(actor, run)) throw new ForbiddenError("This scenario run is not yours"); // unknown, hidden and forbidden look the same
  const summary = toSummary(run);
  await assertCanSeeRun(db, actor, summary);
  return summary;
}

export async function listScenarioRuns(db: Db, actor: TUserSummary, agentId: string, limit = 20): Promise<TScenarioRunSummary[]> {
  const agent = await db.agent.findUnique({ where: { id: agentId }, select: { ownerId: true } });
  if (!agent) throw new ForbiddenError("This lab machine is not yours");
  await assertCanWatchMachineOf(db, actor, agent.ownerId);
  const runs = await db.scenarioRun.findMany({ where: { agentId }, orderBy: { requestedAt: "desc" }, take: Math.min(limit, 100), select: RUN_SELECT });
  return runs.filter((run) => !isHiddenFrom(actor, run)).map(toSummary);
}

export interface TRunRecording {
  run: TScenarioRunSummary;
  events: { at: Date; kind: string; body: unknown }[];
  samples: { t: number; points: unknown[] }[];
}

/** Everything the replay page plays back. */
export async function readRunRecording(db: Db, actor: TUserSummary, runId: string): Promise<TRunRecording> {
  const run = await getScenarioRun(db, actor, runId);
  const [events, stored] = await Promise.all([
    db.scenarioRunEvent.findMany({ where: { runId }, orderBy: { id: "asc" }, select: { at: true, kind: true, body: true }, take: 5000 }),
    db.scenarioRun.findUnique({ where: { id: runId }, select: { samples: true } }),
  ]);
  const samples = stored?.samples ? (JSON.parse(gunzipSync(stored.samples).toString("utf8")) as TRunRecording["samples"]) : [];
  return { run, events, samples };
}
