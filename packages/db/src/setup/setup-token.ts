// The one-time setup link. While no admin exists, each server start issues a fresh token
// (older unused ones stop working) and prints the link; only its SHA-256 is stored, so a
// database dump cannot be used to claim the instance.
import type { Db } from "../client";
import { hashOneTimeToken, newOneTimeToken } from "../security/one-time-token";

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000; // one day: long enough to find the console
export const hashSetupToken = hashOneTimeToken;

/** Returns a new token when the instance still has no admin, otherwise null. */
export async function issueSetupTokenIfNoAdmin(db: Db, now = new Date()): Promise<string | null> {
  const adminCount = await db.user.count({ where: { role: "ADMIN" } });
  if (adminCount > 0) return null;
  const token = newOneTimeToken();
  await db.$transaction([
    db.setupToken.deleteMany({ where: { usedAt: null } }),
    db.setupToken.create({ data: { tokenHash: hashSetupToken(token), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) } }),
  ]);
  return token;
}

export async function isSetupTokenValid(db: Db, token: string, now = new Date()): Promise<boolean> {
  if (!token) return false;
  const row = await db.setupToken.findFirst({
    where: { tokenHash: hashSetupToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { tokenHash: true },
  });
  return row !== null;
}
