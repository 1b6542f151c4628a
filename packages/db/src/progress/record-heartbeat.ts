// A topic page that is visible and recently used sends a heartbeat every few seconds with
// the active seconds since its last one. Credit is bounded three ways: by what the tab
// claims, by MAX_CREDIT_PER_HEARTBEAT_S (a tab that slept is not paid for its sleep) and by
// the time since the previous heartbeat for this topic from any tab (two tabs on one topic
// are not paid twice). The first heartbeat is the visit itself.
import { z } from "zod";
import type { Db } from "../client";
import type { TUserSummary } from "../users/user-summary";
import { isActiveTopic, lockTopicProgress } from "./topic-progress-lock";

export const MAX_CREDIT_PER_HEARTBEAT_S = 30;

export const ZHeartbeat = z.strictObject({
  activeSeconds: z.number().int().min(0).max(600),
  /** The browser's Date#getTimezoneOffset(), so activity lands on the learner's own day. */
  timezoneOffsetMinutes: z.number().int().min(-840).max(840),
});
export type THeartbeat = z.infer<typeof ZHeartbeat>;

export type THeartbeatResult = { data: { creditedSeconds: number; timeSpentSeconds: number } } | { error: "unknown-topic" };

/** The learner's local calendar day for an instant, as a UTC-midnight Date for a DATE column. */
export function localDay(now: Date, timezoneOffsetMinutes: number): Date {
  const local = new Date(now.getTime() - timezoneOffsetMinutes * 60_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export async function recordHeartbeat(db: Db, actor: TUserSummary, topicId: string, heartbeat: THeartbeat, now = new Date()): Promise<THeartbeatResult> {
  return db.$transaction(async (tx) => {
    if (!(await isActiveTopic(tx, topicId))) return { error: "unknown-topic" as const };
    const locked = await lockTopicProgress(tx, actor.id, topicId);
    const sincePrevious = locked.lastHeartbeatAt ? Math.max(0, (now.getTime() - locked.lastHeartbeatAt.getTime()) / 1000) : heartbeat.activeSeconds;
    const creditedSeconds = Math.floor(Math.min(heartbeat.activeSeconds, MAX_CREDIT_PER_HEARTBEAT_S, sincePrevious));
    // `now` was taken before waiting for the lock, so a later heartbeat may have landed
    // first: never move the clock back, or the seconds between would be credited twice.
    const latest = locked.lastHeartbeatAt && locked.lastHeartbeatAt > now ? locked.lastHeartbeatAt : now;
    const updated = await tx.topicProgress.update({
      where: { userId_topicId: { userId: actor.id, topicId } },
      data: {
        ...(locked.status === "NOT_STARTED" ? { status: "IN_PROGRESS", firstVisitedAt: now } : {}),
        lastVisitedAt: latest,
        lastHeartbeatAt: latest,
        timeSpentSeconds: { increment: creditedSeconds },
      },
      select: { timeSpentSeconds: true },
    });
    const day = localDay(now, heartbeat.timezoneOffsetMinutes).toISOString().slice(0, 10);
    await tx.$executeRaw`
      INSERT INTO activity_days (user_id, day, active_seconds) VALUES (${actor.id}, ${day}::date, ${creditedSeconds})
      ON CONFLICT (user_id, day) DO UPDATE SET active_seconds = activity_days.active_seconds + EXCLUDED.active_seconds`;
    return { data: { creditedSeconds, timeSpentSeconds: updated.timeSpentSeconds } };
  });
}
