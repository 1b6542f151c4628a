// Every progress write for one (learner, topic) runs in a transaction that first locks
// that pair's row (creating it if needed). Writes from two tabs then apply one after the
// other, and the completion check that follows each write sees every earlier write:
// nothing is lost and a topic cannot miss its completion.
import type { Prisma } from "../generated/prisma/client";

export type Tx = Prisma.TransactionClient;

export interface TLockedTopicProgress {
  status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";
  lastHeartbeatAt: Date | null;
}

export async function isActiveTopic(tx: Tx, topicId: string): Promise<boolean> {
  return (await tx.curriculumTopic.count({ where: { id: topicId, retiredAt: null } })) === 1;
}

export async function lockTopicProgress(tx: Tx, userId: string, topicId: string): Promise<TLockedTopicProgress> {
  await tx.$executeRaw`INSERT INTO topic_progress (user_id, topic_id) VALUES (${userId}, ${topicId}) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<{ status: TLockedTopicProgress["status"]; last_heartbeat_at: Date | null }[]>`
    SELECT status::text AS status, last_heartbeat_at FROM topic_progress WHERE user_id = ${userId} AND topic_id = ${topicId} FOR UPDATE`;
  return { status: row!.status, lastHeartbeatAt: row!.last_heartbeat_at };
}
