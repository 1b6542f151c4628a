// Email + password sign-in as next-auth's credentials provider uses it: throttled per
// account and address before any password work, so guessing costs the attacker time and
// the server no scrypt.
import type { Db } from "../client";
import { clearAccountFailures, recordSignInFailure, secondsUntilSignInAllowed } from "../security/sign-in-throttle";
import { authenticateWithPassword } from "./authenticate-with-password";
import { ZEmail } from "./user-input";
import type { TUserSummary } from "./user-summary";

export type TSignInResult = { data: TUserSummary } | { error: "invalid-credentials" } | { error: "throttled"; retryAfterSeconds: number };

export async function signInWithPassword(db: Db, input: { email: unknown; password: unknown; address: string | null }, now = new Date()): Promise<TSignInResult> {
  const email = ZEmail.safeParse(input.email);
  if (!email.success) return { error: "invalid-credentials" };
  const retryAfterSeconds = await secondsUntilSignInAllowed(db, email.data, input.address, now);
  if (retryAfterSeconds > 0) return { error: "throttled", retryAfterSeconds };
  const user = await authenticateWithPassword(db, email.data, input.password);
  if (!user) {
    await recordSignInFailure(db, email.data, input.address, now);
    return { error: "invalid-credentials" };
  }
  await clearAccountFailures(db, email.data);
  return { data: user };
}
