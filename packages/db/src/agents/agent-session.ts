// What the /agent namespace needs from the database: who a token belongs to, recording
// a hello, storing batches exactly once, and counting refused payloads. These act on
// behalf of an authenticated agent (its token is the authorization), not of a user.
import { gzipSync } from "node:zlib";
import type { Db } from "../client";
import { Prisma } from "../generated/prisma/client";
import { hashAgentToken } from "./agent-tokens";

export interface TAgentIdentity {
  agentId: string;
  ownerId: string;
}

/** A token of a live agent whose owner is active; null for unknown or revoked tokens. */
export async function authenticateAgentToken(db: Db, token: string): Promise<TAgentIdentity | null> {
  if (!token) return null;
  const agent = await db.agent.findFirst({
    where: { tokenHash: hashAgentToken(token), revokedAt: null, owner: { deactivatedAt: null } },
    select: { id: true, ownerId: true },
  });
  return agent ? { agentId: agent.id, ownerId: agent.ownerId } : null;
}

export interface THelloRecord {
  agentVersion: string;
  streamId: string;
  host: object;
  capabilities: object;
  /** What the agent can run here; absent from agents older than scenarios (kept as it was then). */
  scenarios?: object[];
}

/** Records the machine's facts; answers the highest sequence already stored for this stream. */
export async function recordAgentHello(db: Db, agentId: string, hello: THelloRecord, now = new Date()): Promise<{ lastStoredSeq: number }> {
  const [, last] = await db.$transaction([
    db.agent.update({ where: { id: agentId }, data: { agentVersion: hello.agentVersion, hostFacts: hello.host, capabilities: hello.capabilities, lastSeenAt: now, ...(hello.scenarios ? { scenarios: hello.scenarios } : {}) } }),
    db.agentBatch.aggregate({ where: { agentId, streamId: hello.streamId }, _max: { seq: true } }),
  ]);
  return { lastStoredSeq: last._max.seq ?? 0 };
}

export interface TBatchRecord {
  streamId: string;
  seq: number;
  samples: { t: number }[];
}

/**
 * Stores a batch once: a resend of a stored (stream, seq) is recognised and not stored
 * again. `touchLastSeen` also records the time as the agent's last contact; callers do it
 * every half minute or so, not per batch (a second round trip and WAL flush per batch was
 * a third of the store's cost in bench:live; online state lives in memory anyway).
 */
export async function storeAgentBatch(db: Db, agentId: string, batch: TBatchRecord, now = new Date(), touchLastSeen = true): Promise<{ stored: boolean }> {
  const times = batch.samples.map((sample) => sample.t);
  const compressed = gzipSync(Buffer.from(JSON.stringify(batch.samples)));
  const inserted = await db.$executeRaw`
    INSERT INTO agent_batches (agent_id, stream_id, seq, first_sample_at, last_sample_at, sample_count, samples, received_at)
    VALUES (${agentId}, ${batch.streamId}, ${batch.seq}, ${new Date(Math.min(...times))}, ${new Date(Math.max(...times))}, ${batch.samples.length}, ${compressed}, ${now})
    ON CONFLICT (agent_id, stream_id, seq) DO NOTHING`;
  if (touchLastSeen) await db.agent.update({ where: { id: agentId }, data: { lastSeenAt: now } });
  return { stored: inserted === 1 };
}

export async function countMalformedPayload(db: Db, agentId: string): Promise<void> {
  await db.agent.update({ where: { id: agentId }, data: { malformedPayloads: { increment: 1 } } }).catch((error: unknown) => {
    // The agent may have been deleted meanwhile; counting is best effort.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
  });
}

/** Drops history older than the retention window; returns how many batches went. */
export async function pruneAgentHistory(db: Db, olderThan: Date): Promise<number> {
  const deleted = await db.agentBatch.deleteMany({ where: { lastSampleAt: { lt: olderThan } } });
  return deleted.count;
}
