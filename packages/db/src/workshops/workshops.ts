// Workshops: instructors (and administrators) create them with the topics they cover and a
// schedule window; learners join with the code, attach a lab machine and appear on the
// roster. Every function checks the actor itself; the roster is the instructor's (or an
// administrator's) only. Guessing codes is throttled per learner like sign-ins.
import { z } from "zod";
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { toFieldErrors } from "../users/user-input";
import { newJoinCode, normalizeJoinCode } from "./join-code";

export const JOIN_ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
/** Wrong codes per learner in the window before joining is refused for a while. */
export const MAX_WRONG_JOIN_CODES = 10;
const joinAttemptKey = (userId: string) => `workshop-join:${userId}`;

export const ZNewWorkshop = z
  .object({
    title: z.string().trim().min(1, "Give the workshop a title").max(120, "At most 120 characters"),
    startsAt: z.coerce.date({ error: "Give a start date and time" }),
    endsAt: z.coerce.date({ error: "Give an end date and time" }),
    topicIds: z.array(z.string().regex(/^\d{1,2}\.\d{1,2}$/, "Not a topic id")).min(1, "Choose at least one topic").max(40, "At most 40 topics"),
  })
  .refine((workshop) => workshop.endsAt > workshop.startsAt, { message: "The end must be after the start", path: ["endsAt"] });

export interface TWorkshopSummary {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  topicIds: string[];
  closedAt: Date | null;
  instructor: { id: string; name: string };
  memberCount: number;
  /** Only for the workshop's instructor and administrators. */
  joinCode: string | null;
  /** The viewer's own membership, if any. */
  membership: { joinedAt: Date; agentId: string | null } | null;
}

function assertRunsWorkshops(actor: TUserSummary): void {
  if (actor.role !== Role.INSTRUCTOR && actor.role !== Role.ADMIN) throw new ForbiddenError("Only instructors and administrators run workshops");
}

/** The workshop, if the actor is its instructor or an administrator; ForbiddenError otherwise (unknown ids too). */
export async function workshopOfInstructor(db: Db, actor: TUserSummary, workshopId: string) {
  const workshop = await db.workshop.findUnique({ where: { id: workshopId }, select: { id: true, instructorId: true, closedAt: true } });
  if (!workshop || (workshop.instructorId !== actor.id && actor.role !== Role.ADMIN)) throw new ForbiddenError("This workshop is not yours to manage");
  return workshop;
}

/** Whether the actor runs this workshop (or is an administrator): the instructor's live view checks it on every subscribe. */
export async function canManageWorkshop(db: Db, actor: TUserSummary, workshopId: string): Promise<boolean> {
  return workshopOfInstructor(db, actor, workshopId).then(
    () => true,
    (error: Error) => {
      if (error instanceof ForbiddenError) return false;
      throw error;
    },
  );
}

export type TCreateWorkshopResult = { data: { id: string; joinCode: string } } | { error: "invalid-input"; fieldErrors: Record<string, string> };

export async function createWorkshop(db: Db, actor: TUserSummary, input: unknown): Promise<TCreateWorkshopResult> {
  assertRunsWorkshops(actor);
  const parsed = ZNewWorkshop.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const known = await db.curriculumTopic.findMany({ where: { id: { in: parsed.data.topicIds }, retiredAt: null }, select: { id: true } });
  const unknown = parsed.data.topicIds.filter((id) => !known.some((topic) => topic.id === id));
  if (unknown.length > 0) return { error: "invalid-input", fieldErrors: { topicIds: `Not topics of the curriculum: ${unknown.join(", ")}` } };
  const workshop = await db.workshop.create({
    data: { title: parsed.data.title, startsAt: parsed.data.startsAt, endsAt: parsed.data.endsAt, topicIds: [...new Set(parsed.data.topicIds)], instructorId: actor.id, joinCode: newJoinCode() },
    select: { id: true, joinCode: true },
  });
  return { data: workshop };
}

/** A new code; whoever has the old one can no longer join (members stay). */
export async function rotateJoinCode(db: Db, actor: TUserSummary, workshopId: string): Promise<{ joinCode: string }> {
  await workshopOfInstructor(db, actor, workshopId);
  return db.workshop.update({ where: { id: workshopId }, data: { joinCode: newJoinCode() }, select: { joinCode: true } });
}

/** Nobody joins a closed workshop; its roster and records stay for reports. */
export async function closeWorkshop(db: Db, actor: TUserSummary, workshopId: string, now = new Date()): Promise<void> {
  await workshopOfInstructor(db, actor, workshopId);
  await db.workshop.updateMany({ where: { id: workshopId, closedAt: null }, data: { closedAt: now } });
}

export type TJoinWorkshopResult = { data: { workshopId: string; title: string } } | { error: "invalid-code" | "closed" | "ended" | "too-many-attempts"; message: string };

export async function joinWorkshop(db: Db, actor: TUserSummary, typedCode: unknown, now = new Date()): Promise<TJoinWorkshopResult> {
  const key = joinAttemptKey(actor.id);
  const since = new Date(now.getTime() - JOIN_ATTEMPT_WINDOW_MS);
  const wrong = await db.signInFailure.count({ where: { key, occurredAt: { gt: since } } });
  if (wrong >= MAX_WRONG_JOIN_CODES) return { error: "too-many-attempts", message: "Too many wrong codes; try again in 15 minutes" };
  const code = typeof typedCode === "string" ? normalizeJoinCode(typedCode) : null;
  const workshop = code ? await db.workshop.findUnique({ where: { joinCode: code }, select: { id: true, title: true, closedAt: true, endsAt: true } }) : null;
  if (!workshop) {
    await db.signInFailure.create({ data: { key, occurredAt: now } });
    return { error: "invalid-code", message: "No workshop has this code; check it with your instructor" };
  }
  if (workshop.closedAt) return { error: "closed", message: "This workshop is closed" };
  if (workshop.endsAt <= now) return { error: "ended", message: "This workshop has ended" };
  await db.workshopMember.upsert({ where: { workshopId_userId: { workshopId: workshop.id, userId: actor.id } }, create: { workshopId: workshop.id, userId: actor.id, joinedAt: now }, update: {} });
  return { data: { workshopId: workshop.id, title: workshop.title } };
}

/** A member attaches one of their own lab machines (or none) to the workshop. */
export async function attachMachine(db: Db, actor: TUserSummary, workshopId: string, agentId: string | null): Promise<void> {
  const member = await db.workshopMember.findUnique({ where: { workshopId_userId: { workshopId, userId: actor.id } }, select: { userId: true } });
  if (!member) throw new ForbiddenError("Join the workshop first");
  if (agentId) {
    const agent = await db.agent.findUnique({ where: { id: agentId }, select: { ownerId: true, revokedAt: true } });
    if (!agent || agent.ownerId !== actor.id || agent.revokedAt) throw new ForbiddenError("Attach one of your own lab machines");
  }
  await db.workshopMember.update({ where: { workshopId_userId: { workshopId, userId: actor.id } }, data: { agentId } });
}

const SUMMARY_SELECT = {
  id: true, title: true, startsAt: true, endsAt: true, topicIds: true, closedAt: true, joinCode: true, instructorId: true,
  instructor: { select: { id: true, name: true } },
  _count: { select: { members: true } },
} as const;

/** Workshops the actor runs (administrators: all) and the ones they joined, newest first. */
export async function listWorkshops(db: Db, actor: TUserSummary): Promise<TWorkshopSummary[]> {
  const workshops = await db.workshop.findMany({
    where: actor.role === Role.ADMIN ? {} : { OR: [{ instructorId: actor.id }, { members: { some: { userId: actor.id } } }] },
    orderBy: { startsAt: "desc" },
    take: 200,
    select: { ...SUMMARY_SELECT, members: { where: { userId: actor.id }, select: { joinedAt: true, agentId: true } } },
  });
  return workshops.map(({ _count, members, instructorId, joinCode, ...workshop }) => ({
    ...workshop,
    memberCount: _count.members,
    joinCode: instructorId === actor.id || actor.role === Role.ADMIN ? joinCode : null,
    membership: members[0] ?? null,
  }));
}

export interface TRosterEntry {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  machine: { id: string; name: string; lastSeenAt: Date | null } | null;
}

/** The roster: the workshop's instructor and administrators only. */
export async function getWorkshopRoster(db: Db, actor: TUserSummary, workshopId: string): Promise<TRosterEntry[]> {
  await workshopOfInstructor(db, actor, workshopId);
  const members = await db.workshopMember.findMany({
    where: { workshopId },
    orderBy: { joinedAt: "asc" },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } }, agent: { select: { id: true, name: true, lastSeenAt: true } } },
  });
  return members.map((member) => ({ userId: member.user.id, name: member.user.name, email: member.user.email, joinedAt: member.joinedAt, machine: member.agent }));
}

/** Whether the actor instructs an open workshop the learner belongs to: what lets an instructor watch a learner's lab. */
export async function instructsLearner(db: Db, instructorId: string, learnerId: string): Promise<boolean> {
  const found = await db.workshopMember.findFirst({ where: { userId: learnerId, workshop: { instructorId, closedAt: null } }, select: { userId: true } });
  return found !== null;
}
