// Invitations: how people join while sign-up is invite-only. Admins create, list and
// revoke them; the token is returned once, at creation, and only its hash is kept.
import { z } from "zod";
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { assertAdmin } from "../security/authorize";
import { hashOneTimeToken, newOneTimeToken } from "../security/one-time-token";
import { toFieldErrors, ZEmail } from "../users/user-input";
import type { TUserSummary } from "../users/user-summary";

export const INVITATION_TTL_DAYS_MAX = 30;

export const ZNewInvitation = z.object({
  /** Optional: when given, only this address can use the invitation. */
  email: z.preprocess((value) => (value === "" || value === null ? undefined : value), ZEmail.optional()),
  role: z.enum([Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN], { error: "Choose a role" }).default(Role.LEARNER),
  validDays: z.coerce.number({ error: "Enter a number of days" }).int("Enter whole days").min(1, "At least 1 day").max(INVITATION_TTL_DAYS_MAX, `At most ${INVITATION_TTL_DAYS_MAX} days`).default(7),
});

export interface TInvitationSummary {
  id: string;
  email: string | null;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  createdBy: string;
  state: "pending" | "used" | "revoked" | "expired";
  usedBy: string | null;
}

export type TCreateInvitationResult = { data: { token: string; invitation: TInvitationSummary } } | { error: "invalid-input"; fieldErrors: Record<string, string> };

const INVITATION_SELECT = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  usedAt: true,
  createdBy: { select: { email: true } },
  usedBy: { select: { email: true } },
} as const;

type TInvitationRow = { id: string; email: string | null; role: Role; createdAt: Date; expiresAt: Date; revokedAt: Date | null; usedAt: Date | null; createdBy: { email: string }; usedBy: { email: string } | null };

function toSummary(row: TInvitationRow, now: Date): TInvitationSummary {
  const state = row.usedAt ? "used" : row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "pending";
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt, expiresAt: row.expiresAt, createdBy: row.createdBy.email, state, usedBy: row.usedBy?.email ?? null };
}

export async function createInvitation(db: Db, actor: TUserSummary, input: unknown, now = new Date()): Promise<TCreateInvitationResult> {
  assertAdmin(actor, "invite people");
  const parsed = ZNewInvitation.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  const token = newOneTimeToken();
  const row = await db.invitation.create({
    data: {
      tokenHash: hashOneTimeToken(token),
      email: parsed.data.email ?? null,
      role: parsed.data.role,
      createdById: actor.id,
      expiresAt: new Date(now.getTime() + parsed.data.validDays * 24 * 60 * 60 * 1000),
    },
    select: INVITATION_SELECT,
  });
  return { data: { token, invitation: toSummary(row, now) } };
}

export async function listInvitations(db: Db, actor: TUserSummary, now = new Date()): Promise<TInvitationSummary[]> {
  assertAdmin(actor, "see invitations");
  const rows = await db.invitation.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: INVITATION_SELECT });
  return rows.map((row) => toSummary(row, now));
}

/** Returns false when there was nothing to revoke (used, revoked already, or unknown). */
export async function revokeInvitation(db: Db, actor: TUserSummary, invitationId: string, now = new Date()): Promise<boolean> {
  assertAdmin(actor, "revoke invitations");
  const revoked = await db.invitation.updateMany({ where: { id: invitationId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  return revoked.count === 1;
}

/** Public, for the sign-up page: what an invitation link offers, without using it. */
export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<{ email: string | null; role: Role } | null> {
  if (!token) return null;
  const row = await db.invitation.findFirst({
    where: { tokenHash: hashOneTimeToken(token), usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { email: true, role: true },
  });
  return row;
}
