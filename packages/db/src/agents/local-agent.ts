// The lab machine perflab itself runs on: `npm start` enrols it for the first active
// administrator so a fresh install has a live machine. Called by the launcher, which is
// authorized by holding the instance's database and data directory (where it keeps the
// token), not by a user session; so this acts on exactly one machine: the one it enrolled.
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { hashAgentToken, newAgentToken } from "./agent-tokens";

export interface TLocalAgentCredentials {
  agentId: string;
  token: string;
}

/**
 * - `created`: a new machine (first enrolment, or the one remembered no longer exists).
 * - `reused`: the remembered machine and token are still good.
 * - `token-renewed`: someone rotated the token on the Labs page; the machine keeps its id
 *   and history and gets a token only the launcher knows (revoking is how to stop it).
 * - `owner-changed`: its owner was deactivated; it now belongs to the first active admin.
 */
export type TLocalMachineChange = "created" | "reused" | "token-renewed" | "owner-changed";

export type TLocalMachineState =
  | { status: "no-admin" }
  | { status: "revoked"; agentId: string; revokedAt: Date }
  | { status: "ready"; credentials: TLocalAgentCredentials; change: TLocalMachineChange; ownerEmail: string };

const MAX_MACHINE_NAME_LENGTH = 80; // as for machines enrolled on the Labs page

async function findFirstActiveAdmin(db: Db): Promise<{ id: string; email: string } | null> {
  return db.user.findFirst({
    where: { role: Role.ADMIN, deactivatedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true },
  });
}

/**
 * Makes sure the local machine exists and can connect, given what the launcher remembered
 * (null on a first start). A revoked machine stays revoked: the launcher does not enrol a
 * new one behind the administrator's back.
 */
export async function ensureLocalMachine(db: Db, remembered: TLocalAgentCredentials | null, machineName: string): Promise<TLocalMachineState> {
  const existing = remembered
    ? await db.agent.findUnique({
        where: { id: remembered.agentId },
        select: { id: true, tokenHash: true, revokedAt: true, owner: { select: { email: true, deactivatedAt: true } } },
      })
    : null;
  if (existing?.revokedAt) return { status: "revoked", agentId: existing.id, revokedAt: existing.revokedAt };

  if (existing && remembered) {
    const isTokenCurrent = existing.tokenHash === hashAgentToken(remembered.token);
    const isOwnerActive = existing.owner.deactivatedAt === null;
    if (isTokenCurrent && isOwnerActive) return { status: "ready", credentials: remembered, change: "reused", ownerEmail: existing.owner.email };
    const newOwner = isOwnerActive ? null : await findFirstActiveAdmin(db);
    if (!isOwnerActive && !newOwner) return { status: "no-admin" };
    const token = isTokenCurrent ? remembered.token : newAgentToken();
    await db.agent.update({ where: { id: existing.id }, data: { tokenHash: hashAgentToken(token), ...(newOwner ? { ownerId: newOwner.id } : {}) } });
    return {
      status: "ready",
      credentials: { agentId: existing.id, token },
      change: newOwner ? "owner-changed" : "token-renewed",
      ownerEmail: newOwner?.email ?? existing.owner.email,
    };
  }

  const owner = await findFirstActiveAdmin(db);
  if (!owner) return { status: "no-admin" };
  const token = newAgentToken();
  const created = await db.agent.create({
    data: { name: machineName.slice(0, MAX_MACHINE_NAME_LENGTH), ownerId: owner.id, tokenHash: hashAgentToken(token) },
    select: { id: true },
  });
  return { status: "ready", credentials: { agentId: created.id, token }, change: "created", ownerEmail: owner.email };
}
