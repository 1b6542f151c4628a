// Sign-in throttling, per account and per client address, kept in PostgreSQL so every web
// replica sees the same counts. A window of recent failures decides; a success clears the
// account's failures (not the address's: one good password must not unlock guessing at
// other accounts from the same address).
import type { Db } from "../client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures per account in the window before its sign-in is refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures per address in the window: higher, since offices share one address. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function secondsUntilSignInAllowed(db: Db, email: string, address: string | null, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const limits: [string, number][] = [[accountKey(email), MAX_FAILURES_PER_ACCOUNT]];
  if (address) limits.push([addressKey(address), MAX_FAILURES_PER_ADDRESS]);
  let waitMs = 0;
  for (const [key, limit] of limits) {
    const recent = await db.signInFailure.findMany({
      where: { key, occurredAt: { gt: since } },
      orderBy: { occurredAt: "desc" },
      take: limit,
      select: { occurredAt: true },
    });
    if (recent.length < limit) continue;
    // Allowed again once the oldest of the last `limit` failures leaves the window.
    const oldest = recent[recent.length - 1]!.occurredAt.getTime();
    waitMs = Math.max(waitMs, oldest + THROTTLE_WINDOW_MS - now.getTime());
  }
  return Math.ceil(waitMs / 1000);
}

export async function recordSignInFailure(db: Db, email: string, address: string | null, now = new Date()): Promise<void> {
  const keys = [accountKey(email), ...(address ? [addressKey(address)] : [])];
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key, occurredAt: now })) });
  // Old rows are useless; trimming here keeps the table small without a scheduler.
  await db.signInFailure.deleteMany({ where: { occurredAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
}

export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: accountKey(email) } });
}
