// Creates the first admin account from the one-time setup link. Authorized by the token
// alone (no session exists yet), and only while no admin exists.
import type { Db } from "../client";
import { hashPassword } from "../security/password";
import { toFieldErrors, ZNewAccount } from "../users/user-input";
import { USER_SUMMARY_SELECT, type TUserSummary } from "../users/user-summary";
import { hashSetupToken } from "./setup-token";

// Serializes concurrent setup submissions (an arbitrary constant: "perflab setup").
const SETUP_ADVISORY_LOCK_KEY = 7_331_001;

export type TCreateFirstAdminResult =
  | { data: TUserSummary }
  | { error: "invalid-input"; fieldErrors: Record<string, string> }
  | { error: "setup-closed" | "invalid-token" };

export async function createFirstAdmin(db: Db, token: string, input: unknown, now = new Date()): Promise<TCreateFirstAdminResult> {
  const parsed = ZNewAccount.safeParse(input);
  if (!parsed.success) return { error: "invalid-input", fieldErrors: toFieldErrors(parsed.error) };
  // Hash outside the transaction: it takes ~0.3 s and needs no lock.
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_ADVISORY_LOCK_KEY})`;
    if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) return { error: "setup-closed" as const };
    const claimed = await tx.setupToken.updateMany({
      where: { tokenHash: hashSetupToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { error: "invalid-token" as const };
    const user = await tx.user.create({
      data: { name: parsed.data.name, email: parsed.data.email, passwordHash, role: "ADMIN" },
      select: USER_SUMMARY_SELECT,
    });
    return { data: user };
  });
}
