// The /agent namespace's dependencies backed by PostgreSQL: hashed-token authentication
// and the rolling history of batches.
import { authenticateAgentToken, countMalformedPayload, recordAgentHello, storeAgentBatch, type Db } from "@perflab/db";
import type { TAuthenticateAgent } from "./agent-auth";
import type { TAgentStreamStore } from "./agent-stream-handlers";

export function createDatabaseAgentAuthenticator(db: Db): TAuthenticateAgent {
  return (token) => authenticateAgentToken(db, token);
}

/** How stale agents.last_seen_at may get while an agent streams (the Labs page shows it for offline machines). */
const LAST_SEEN_EVERY_MS = 30_000;

export function createDatabaseAgentStore(db: Db): TAgentStreamStore {
  const lastSeenWrittenAt = new Map<string, number>();
  return {
    recordHello: (agentId, hello) => {
      lastSeenWrittenAt.set(agentId, Date.now()); // the hello writes it
      return recordAgentHello(db, agentId, hello);
    },
    storeBatch: (agentId, streamId, batch) => {
      const now = new Date();
      const touch = now.getTime() - (lastSeenWrittenAt.get(agentId) ?? 0) >= LAST_SEEN_EVERY_MS;
      if (touch) lastSeenWrittenAt.set(agentId, now.getTime());
      return storeAgentBatch(db, agentId, { streamId, seq: batch.seq, samples: batch.samples }, now, touch);
    },
    countMalformed: (agentId) => countMalformedPayload(db, agentId),
  };
}
