// Runs for a whole workshop: the instructor picks a scenario (open, or as a drill whose name
// learners do not see), the learners (all members with a machine, or some), and a
// countdown. The record fixes who it was for; each machine's part is an ordinary scenario
// run linked to it, so its verdict, events and replay work as on the lab page. The realtime
// server starts the machines' runs when the countdown ends.
import type { Db } from "../client";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { workshopOfInstructor } from "./workshops";

export interface TScheduleWorkshopRunInput {
  workshopId: string;
  scenarioId: string;
  variant: string | null;
  parameters: Record<string, number>;
  durationSeconds: number;
  /** null: every member with an attached machine. */
  learnerIds: string[] | null;
  countdownSeconds: number;
  isDrill: boolean;
}

export interface TScheduledWorkshopRun {
  id: string;
  startsAt: Date;
  targets: { userId: string; machineId: string }[];
  skipped: { userId: string; reason: string }[];
}

/** The instructor (or an administrator) schedules a run; only members' own attached, unrevoked machines are targets. */
export async function scheduleWorkshopRun(db: Db, actor: TUserSummary, input: TScheduleWorkshopRunInput, now = new Date()): Promise<TScheduledWorkshopRun> {
  const workshop = await workshopOfInstructor(db, actor, input.workshopId);
  if (workshop.closedAt) throw new ForbiddenError("This workshop is closed");
  const members = await db.workshopMember.findMany({
    where: { workshopId: input.workshopId, ...(input.learnerIds ? { userId: { in: input.learnerIds } } : {}) },
    orderBy: { joinedAt: "asc" },
    select: { userId: true, agent: { select: { id: true, ownerId: true, revokedAt: true } } },
  });
  const skipped = (input.learnerIds ?? []).filter((id) => !members.some((member) => member.userId === id)).map((userId) => ({ userId, reason: "not a member of this workshop" }));
  const targets: TScheduledWorkshopRun["targets"] = [];
  for (const member of members) {
    const agent = member.agent;
    if (!agent) skipped.push({ userId: member.userId, reason: "no lab machine attached" });
    else if (agent.revokedAt || agent.ownerId !== member.userId) skipped.push({ userId: member.userId, reason: "the attached machine is revoked" });
    else targets.push({ userId: member.userId, machineId: agent.id });
  }
  if (targets.length === 0) return { id: "", startsAt: now, targets, skipped };
  const startsAt = new Date(now.getTime() + input.countdownSeconds * 1000);
  const run = await db.workshopRun.create({
    data: {
      workshopId: input.workshopId, startedById: actor.id, scenarioId: input.scenarioId, variant: input.variant, parameters: input.parameters, durationSeconds: input.durationSeconds,
      isDrill: input.isDrill, startsAt, learnerIds: targets.map((target) => target.userId),
    },
    select: { id: true },
  });
  return { id: run.id, startsAt, targets, skipped };
}

export interface TWorkshopRunView {
  id: string;
  scenarioId: string;
  variant: string | null;
  isDrill: boolean;
  createdAt: Date;
  startsAt: Date;
  durationSeconds: number;
  revealedAt: Date | null;
  debrief: string | null;
  learners: {
    userId: string;
    name: string;
    run: { id: string; status: string; problem: string | null; reproduced: boolean | null } | null;
    diagnosis: { subsystem: string; mechanism: string; evidence: string; isCorrect: boolean; isSubsystemCorrect: boolean; secondsToDiagnosis: number; submittedAt: Date } | null;
  }[];
}

/** The workshop's runs and drills with every learner's run, verdict and diagnosis: the instructor and administrators only. */
export async function listWorkshopRuns(db: Db, actor: TUserSummary, workshopId: string): Promise<TWorkshopRunView[]> {
  await workshopOfInstructor(db, actor, workshopId);
  const runs = await db.workshopRun.findMany({
    where: { workshopId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true, scenarioId: true, variant: true, isDrill: true, createdAt: true, startsAt: true, durationSeconds: true, revealedAt: true, debrief: true, learnerIds: true,
      scenarioRuns: { orderBy: { requestedAt: "asc" }, select: { id: true, status: true, problem: true, verdict: true, agent: { select: { ownerId: true } } } },
      diagnoses: { select: { userId: true, subsystem: true, mechanism: true, evidence: true, isCorrect: true, isSubsystemCorrect: true, secondsToDiagnosis: true, submittedAt: true } },
    },
  });
  const names = new Map((await db.user.findMany({ where: { id: { in: [...new Set(runs.flatMap((run) => run.learnerIds))] } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  return runs.map(({ learnerIds, scenarioRuns, diagnoses, ...run }) => ({
    ...run,
    learners: learnerIds.map((userId) => {
      const own = scenarioRuns.findLast((scenarioRun) => scenarioRun.agent.ownerId === userId);
      const verdict = own?.verdict as { reproduced?: boolean } | null | undefined;
      return {
        userId,
        name: names.get(userId) ?? "(deleted)",
        run: own ? { id: own.id, status: own.status, problem: own.problem, reproduced: typeof verdict?.reproduced === "boolean" ? verdict.reproduced : null } : null,
        diagnosis: diagnoses.find((diagnosis) => diagnosis.userId === userId) ?? null,
      };
    }),
  }));
}

/** A scenario run could not be requested for a target (agent offline, refused): recorded so the report shows it. */
export async function recordWorkshopRunProblem(db: Db, workshopRunId: string, agentId: string, startedById: string, problem: string): Promise<void> {
  const run = await db.workshopRun.findUnique({ where: { id: workshopRunId }, select: { scenarioId: true, parameters: true, durationSeconds: true } });
  if (!run) return;
  await db.scenarioRun.create({
    data: { agentId, startedById, workshopRunId, scenarioId: run.scenarioId, parameters: run.parameters as object, durationSeconds: run.durationSeconds, status: "refused", problem: problem.slice(0, 500), endedAt: new Date() },
  });
}
