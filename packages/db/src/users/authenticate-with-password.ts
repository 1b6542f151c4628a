// Checks an email and password. Unknown emails cost the same scrypt work as known ones,
// so response time does not reveal which accounts exist.
import type { Db } from "../client";
import { hashPassword, verifyPassword } from "../security/password";
import { ZEmail } from "./user-input";
import type { TUserSummary } from "./user-summary";

let dummyHash: Promise<string> | undefined;

export async function authenticateWithPassword(db: Db, email: unknown, password: unknown): Promise<TUserSummary | null> {
  const parsedEmail = ZEmail.safeParse(email);
  if (!parsedEmail.success || typeof password !== "string" || password.length === 0) return null;
  const user = await db.user.findUnique({
    where: { email: parsedEmail.data },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("perflab-timing-equaliser");
    await verifyPassword(password, await dummyHash);
    return null;
  }
  const isMatch = await verifyPassword(password, user.passwordHash);
  if (!isMatch || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
