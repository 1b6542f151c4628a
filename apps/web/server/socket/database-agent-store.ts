// The /agent namespace's dependencies backed by PostgreSQL: hashed-token authentication
// and the rolling history of batches.
import { authenticateAgentToken, countMalformedPayload, recordAgentHello, storeAgentBatch, type Db } from "@perflab/db";
import type { TAuthenticateAgent } from "./agent-auth";
import type { TAgentStreamStore } from "./agent-stream-handlers";

export function createDatabaseAgentAuthenticator(db: Db): TAuthenticateAgent {
  return (token) => authenticateAgentToken(db, token);
}

export function createDatabaseAgentStore(db: Db): TAgentStreamStore {
  return {
    recordHello: (agentId, hello) => recordAgentHello(db, agentId, hello),
    storeBatch: (agentId, streamId, batch) => storeAgentBatch(db, agentId, { streamId, seq: batch.seq, samples: batch.samples }),
    countMalformed: (agentId) => countMalformedPayload(db, agentId),
  };
}
