// The user behind a session, re-read on every request so that a deactivated account or a
// changed role takes effect at once, even while its JWT is still valid.
import type { Db } from "../client";
import { USER_SUMMARY_SELECT, type TUserSummary } from "./user-summary";

export async function getActiveUser(db: Db, userId: string): Promise<TUserSummary | null> {
  if (!userId) return null;
  return db.user.findFirst({ where: { id: userId, deactivatedAt: null }, select: USER_SUMMARY_SELECT });
}
