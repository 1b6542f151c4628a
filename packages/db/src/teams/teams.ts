// Teams and their members: administrators create teams, add any active account by email,
// choose leads (instructors or administrators) and remove members. Leads read their own
// teams here; what they assign lives in tracks.ts.
//
// Who may do what is decided here for the whole portal: administrators manage teams and
// members; a team's leads manage its tracks and read its dashboard. Leading also needs the
// instructor role at the moment of asking, so demoting an instructor to learner ends their
// leading at the next request without touching their memberships.
import { z } from "zod";
import type { Db } from "../client";
import { Prisma } from "../generated/prisma/client";
import { Role } from "../generated/prisma/enums";
import { assertAdmin } from "../security/authorize";
import { ForbiddenError } from "../security/forbidden-error";
import { ZEmail, toFieldErrors } from "../users/user-input";
import type { TUserSummary } from "../users/user-summary";

export const ZNewTeam = z.object({ name: z.string().trim().min(1, "Give the team a name").max(80, "At most 80 characters") });

export const ZNewTeamMember = z.object({
  email: ZEmail,
  // Checkbox semantics: present ("on", "true") means lead, absent means member.
  isLead: z.union([z.boolean(), z.string()]).optional().transform((value) => value === true || value === "on" || value === "true"),
});

/** The roles a team lead may have: leading means assigning work and reading others' progress. */
export const LEAD_ROLES: readonly Role[] = [Role.INSTRUCTOR, Role.ADMIN];

export function assertManagesTeams(actor: TUserSummary): void {
  assertAdmin(actor, "manage teams");
}

/**
 * The team's administrators and leads pass; anyone else, and an unknown team, get the
 * same ForbiddenError, so the answer never tells whether a team exists.
 */
export async function assertLeadsTeam(db: Db, actor: TUserSummary, teamId: string): Promise<{ id: string; name: string }> {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { id: true, name: true, members: { where: { userId: actor.id, isLead: true }, select: { userId: true } } },
  });
  const isLead = team !== null && team.members.length > 0 && actor.role === Role.INSTRUCTOR;
  if (!team || (actor.role !== Role.ADMIN && !isLead)) throw new ForbiddenError("This team is not yours to lead");
  return { id: team.id, name: team.name };
}

/** Whether the Teams page is for this user: administrators, and instructors who lead a team. */
export async function canSeeTeams(db: Db, actor: TUserSummary): Promise<boolean> {
  if (actor.role === Role.ADMIN) return true;
  if (actor.role !== Role.INSTRUCTOR) return false;
  return (await db.teamMember.count({ where: { userId: actor.id, isLead: true } })) > 0;
}

export type TTeamInputResult<T> = { data: T } | { error: "invalid-input"; fieldErrors: Record<string, string> };

export interface TTeamSummary {
  id: string;
  name: string;
  memberCount: number;
  leadNames: string[];
  trackCount: number;
}

export interface TTeamMemberEntry {
  userId: string;
  name: string;
  email: string;
  role: Role;
  isLead: boolean;
  addedAt: Date;
}

export async function createTeam(db: Db, actor: TUserSummary, input: unknown): Promise<TTeamInputResult<{ id: string }>> {
  assertManagesTeams(actor);
  const parsed = ZNewTeam.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  try {
    return { data: await db.team.create({ data: { name: parsed.data.name }, select: { id: true } }) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { error: "invalid-input", fieldErrors: { name: "A team with this name already exists" } };
    throw error;
  }
}

/** Administrators see every team; an instructor the teams they lead; anyone else none. */
export async function listTeams(db: Db, actor: TUserSummary): Promise<TTeamSummary[]> {
  if (actor.role !== Role.ADMIN && actor.role !== Role.INSTRUCTOR) return [];
  const teams = await db.team.findMany({
    where: actor.role === Role.ADMIN ? {} : { members: { some: { userId: actor.id, isLead: true } } },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true,
      members: { where: { isLead: true }, orderBy: { addedAt: "asc" }, select: { user: { select: { name: true } } } },
      _count: { select: { members: true, tracks: true } },
    },
  });
  return teams.map((team) => ({ id: team.id, name: team.name, memberCount: team._count.members, trackCount: team._count.tracks, leadNames: team.members.map((member) => member.user.name) }));
}

/** The team's people, leads first: for its administrators and leads. */
export async function listTeamMembers(db: Db, actor: TUserSummary, teamId: string): Promise<{ team: { id: string; name: string }; members: TTeamMemberEntry[] }> {
  const team = await assertLeadsTeam(db, actor, teamId);
  const members = await db.teamMember.findMany({
    where: { teamId },
    orderBy: [{ isLead: "desc" }, { addedAt: "asc" }],
    select: { isLead: true, addedAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  return { team, members: members.map(({ user, ...member }) => ({ userId: user.id, name: user.name, email: user.email, role: user.role, ...member })) };
}

/** Adds an active account by email, as a member or a lead; the reason for a refusal is by field. */
export async function addTeamMember(db: Db, actor: TUserSummary, teamId: string, input: unknown): Promise<TTeamInputResult<{ userId: string }>> {
  assertManagesTeams(actor);
  const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw new ForbiddenError("No such team");
  const parsed = ZNewTeamMember.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, role: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) return { error: "invalid-input", fieldErrors: { email: "No active account has this email" } };
  if (parsed.data.isLead && !LEAD_ROLES.includes(user.role)) return { error: "invalid-input", fieldErrors: { isLead: "Only instructors and administrators can lead a team" } };
  try {
    await db.teamMember.create({ data: { teamId, userId: user.id, isLead: parsed.data.isLead }, select: { userId: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { error: "invalid-input", fieldErrors: { email: "Already on this team" } };
    throw error;
  }
  return { data: { userId: user.id } };
}

export type TSetLeadResult = { data: { isLead: boolean } } | { error: "not-a-member" | "not-an-instructor"; message: string };

/** Makes a member a lead or a plain member again (then they follow the team's tracks). */
export async function setTeamLead(db: Db, actor: TUserSummary, teamId: string, userId: string, isLead: boolean): Promise<TSetLeadResult> {
  assertManagesTeams(actor);
  const member = await db.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { user: { select: { role: true } } } });
  if (!member) return { error: "not-a-member", message: "This person is not on the team" };
  if (isLead && !LEAD_ROLES.includes(member.user.role)) return { error: "not-an-instructor", message: "Only instructors and administrators can lead a team" };
  await db.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { isLead }, select: { userId: true } });
  return { data: { isLead } };
}

/** Their progress stays theirs; the team just stops assigning them its tracks. */
export async function removeTeamMember(db: Db, actor: TUserSummary, teamId: string, userId: string): Promise<void> {
  assertManagesTeams(actor);
  await db.teamMember.deleteMany({ where: { teamId, userId } });
}
