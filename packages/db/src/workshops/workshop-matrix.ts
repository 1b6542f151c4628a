// The instructor's live view of a workshop: learners × the workshop's topics, each cell the
// learner's status on that topic, with who looks stuck. Read by the workshop's instructor
// and administrators only (as the roster).
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";

/** No progress of any kind for this long, during the workshop, reads as stuck. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;
/** Failed quiz attempts on one topic without a pass since, that read as stuck. */
export const STUCK_AFTER_FAILED_QUIZZES = 3;

export type TCellStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";

export interface TMatrixRow {
  userId: string;
  name: string;
  machineId: string | null;
  /** The attached machine, with the scenario it is running now (drills included: this is the instructor's view). */
  machine: { id: string; name: string; activeRun: { runId: string; scenarioId: string; isDrill: boolean } | null } | null;
  cells: Record<string, TCellStatus>;
  lastActivityAt: Date | null;
  /** Why this learner looks stuck, or null. */
  stuck: string | null;
}

export interface TWorkshopMatrix {
  workshopId: string;
  title: string;
  topicIds: string[];
  rows: TMatrixRow[];
}

const latest = (...dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((found, date) => (date && (!found || date > found) ? date : found), null);

export async function getWorkshopMatrix(db: Db, actor: TUserSummary, workshopId: string, now = new Date()): Promise<TWorkshopMatrix> {
  const workshop = await db.workshop.findUnique({
    where: { id: workshopId },
    select: { id: true, title: true, topicIds: true, instructorId: true, startsAt: true, endsAt: true, closedAt: true, members: {
        orderBy: { joinedAt: "asc" },
        select: {
          userId: true, joinedAt: true, agentId: true, user: { select: { name: true } },
          agent: { select: { id: true, name: true, scenarioRuns: { where: { endedAt: null }, orderBy: { requestedAt: "desc" }, take: 1, select: { id: true, scenarioId: true, workshopRun: { select: { isDrill: true } } } } } },
        },
      },
    },
  });
  if (!workshop || (workshop.instructorId !== actor.id && actor.role !== Role.ADMIN)) throw new ForbiddenError("This workshop is not yours to manage");
  const userIds = workshop.members.map((member) => member.userId);
  const where = { userId: { in: userIds }, topicId: { in: workshop.topicIds } };
  const [progress, quizzes, exercises] = await Promise.all([
    db.topicProgress.findMany({ where, select: { userId: true, topicId: true, status: true, lastHeartbeatAt: true, lastVisitedAt: true, completedAt: true } }),
    db.quizAttempt.findMany({ where, orderBy: { createdAt: "asc" }, select: { userId: true, topicId: true, passed: true, createdAt: true } }),
    db.exerciseAttempt.groupBy({ by: ["userId"], where, _max: { createdAt: true } }),
  ]);
  const isRunning = !workshop.closedAt && workshop.startsAt <= now && now < workshop.endsAt;
  const rows = workshop.members.map((member): TMatrixRow => {
    const own = progress.filter((row) => row.userId === member.userId);
    const cells = Object.fromEntries(workshop.topicIds.map((topicId) => [topicId, (own.find((row) => row.topicId === topicId)?.status ?? "NOT_STARTED") as TCellStatus]));
    const ownQuizzes = quizzes.filter((quiz) => quiz.userId === member.userId);
    const lastActivityAt = latest(
      ...own.flatMap((row) => [row.lastHeartbeatAt, row.lastVisitedAt, row.completedAt]),
      ...ownQuizzes.map((quiz) => quiz.createdAt),
      exercises.find((row) => row.userId === member.userId)?._max.createdAt,
    );
    let stuck: string | null = null;
    for (const topicId of workshop.topicIds) {
      const attempts = ownQuizzes.filter((quiz) => quiz.topicId === topicId);
      const sincePass = attempts.slice(attempts.findLastIndex((quiz) => quiz.passed) + 1);
      if (sincePass.length >= STUCK_AFTER_FAILED_QUIZZES) stuck = `failed the ${topicId} quiz ${sincePass.length} times`;
    }
    const quietSince = lastActivityAt ?? member.joinedAt;
    if (!stuck && isRunning && now.getTime() - quietSince.getTime() >= STUCK_AFTER_MS) stuck = `no progress for ${Math.floor((now.getTime() - quietSince.getTime()) / 60_000)} min`;
    const activeRun = member.agent?.scenarioRuns[0];
    const machine = member.agent ? { id: member.agent.id, name: member.agent.name, activeRun: activeRun ? { runId: activeRun.id, scenarioId: activeRun.scenarioId, isDrill: activeRun.workshopRun?.isDrill ?? false } : null } : null;
    return { userId: member.userId, name: member.user.name, machineId: member.agentId, machine, cells, lastActivityAt, stuck };
  });
  return { workshopId: workshop.id, title: workshop.title, topicIds: workshop.topicIds, rows };
}

/** The open workshops a learner belongs to: where their progress must be announced. */
export async function openWorkshopsOf(db: Db, userId: string): Promise<string[]> {
  const memberships = await db.workshopMember.findMany({ where: { userId, workshop: { closedAt: null } }, select: { workshopId: true } });
  return memberships.map((membership) => membership.workshopId);
}

/** The attached machines of a workshop's members: what the instructor's live view follows (the server acts for a viewer it checked). */
export async function workshopMachines(db: Db, workshopId: string): Promise<{ userId: string; machineId: string }[]> {
  const members = await db.workshopMember.findMany({ where: { workshopId, agentId: { not: null }, workshop: { closedAt: null } }, select: { userId: true, agentId: true } });
  return members.map((member) => ({ userId: member.userId, machineId: member.agentId! }));
}

/** Whether the user is on the workshop's roster: a learner's view follows its announcements. */
export async function isWorkshopMember(db: Db, userId: string, workshopId: string): Promise<boolean> {
  return (await db.workshopMember.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { userId: true } })) !== null;
}
