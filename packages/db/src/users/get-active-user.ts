// The user behind a session, re-read on every request so that a deactivated account, a
// changed role or "sign out everywhere" takes effect at once, even while its JWT is valid.
import type { Db } from "../client";
import { USER_SUMMARY_SELECT, type TUserSummary } from "./user-summary";

/**
 * @param signedInAt when the session's sign-in happened (ms since epoch, carried in the
 *   JWT); sessions older than the user's `sessionsValidAfter` are refused.
 */
export async function getActiveUser(db: Db, userId: string, signedInAt: number): Promise<TUserSummary | null> {
  if (!userId || !Number.isFinite(signedInAt)) return null;
  return db.user.findFirst({
    where: { id: userId, deactivatedAt: null, OR: [{ sessionsValidAfter: null }, { sessionsValidAfter: { lte: new Date(signedInAt) } }] },
    select: USER_SUMMARY_SELECT,
  });
}

/** "Sign out everywhere": every session of the actor that exists now stops working. */
export async function endAllSessions(db: Db, actor: TUserSummary, now = new Date()): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { sessionsValidAfter: now } });
}
