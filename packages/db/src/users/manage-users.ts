// What admins do to accounts: list them, change a role, deactivate and reactivate. The
// instance must always keep one active admin, so the last one cannot demote or
// deactivate themselves (or be demoted) by accident.
import { z } from "zod";
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { assertAdmin } from "../security/authorize";
import type { TUserSummary } from "./user-summary";

export interface TUserListEntry extends TUserSummary {
  createdAt: Date;
  deactivatedAt: Date | null;
  signsInWith: ("password" | string)[];
  lastActiveAt: Date | null;
}

export const ZRole = z.enum([Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN], { error: "Unknown role" });

export async function listUsers(db: Db, actor: TUserSummary, search = ""): Promise<TUserListEntry[]> {
  assertAdmin(actor, "list users");
  const term = search.trim().slice(0, 100);
  const rows = await db.user.findMany({
    where: term ? { OR: [{ email: { contains: term, mode: "insensitive" } }, { name: { contains: term, mode: "insensitive" } }] } : {},
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true, email: true, name: true, role: true, createdAt: true, deactivatedAt: true, passwordHash: true,
      identities: { select: { provider: true } },
      topicProgress: { select: { lastVisitedAt: true }, orderBy: { lastVisitedAt: { sort: "desc", nulls: "last" } }, take: 1 },
    },
  });
  return rows.map(({ passwordHash, identities, topicProgress, ...user }) => ({
    ...user,
    signsInWith: [...(passwordHash ? ["password"] : []), ...identities.map((identity) => identity.provider)],
    lastActiveAt: topicProgress[0]?.lastVisitedAt ?? null,
  }));
}

export type TManageUserResult = { data: TUserSummary } | { error: "not-found" | "last-admin" | "invalid-role" };

async function wouldLeaveNoAdmin(tx: Pick<Db, "user">, userId: string): Promise<boolean> {
  const otherActiveAdmins = await tx.user.count({ where: { role: Role.ADMIN, deactivatedAt: null, id: { not: userId } } });
  return otherActiveAdmins === 0;
}

// Admin changes serialize on one advisory lock so two admins demoting each other at the
// same moment cannot both succeed and leave the instance without one.
const ADMIN_CHANGES_LOCK_KEY = 7_331_002;

export async function changeUserRole(db: Db, actor: TUserSummary, userId: string, role: unknown): Promise<TManageUserResult> {
  assertAdmin(actor, "change roles");
  const parsedRole = ZRole.safeParse(role);
  if (!parsedRole.success) return { error: "invalid-role" };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK_KEY})`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) return { error: "not-found" as const };
    if (target.role === Role.ADMIN && parsedRole.data !== Role.ADMIN && (await wouldLeaveNoAdmin(tx, userId))) return { error: "last-admin" as const };
    const user = await tx.user.update({ where: { id: userId }, data: { role: parsedRole.data }, select: { id: true, email: true, name: true, role: true } });
    return { data: user };
  });
}

/** Deactivated accounts cannot sign in, and their live sessions stop at the next request. */
export async function setUserDeactivated(db: Db, actor: TUserSummary, userId: string, deactivated: boolean, now = new Date()): Promise<TManageUserResult> {
  assertAdmin(actor, "deactivate accounts");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK_KEY})`;
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) return { error: "not-found" as const };
    if (deactivated && target.role === Role.ADMIN && (await wouldLeaveNoAdmin(tx, userId))) return { error: "last-admin" as const };
    const user = await tx.user.update({
      where: { id: userId },
      data: deactivated ? { deactivatedAt: now, sessionsValidAfter: now } : { deactivatedAt: null },
      select: { id: true, email: true, name: true, role: true },
    });
    return { data: user };
  });
}
