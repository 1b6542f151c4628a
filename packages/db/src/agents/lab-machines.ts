// Lab machines as users see them: listing, reading one, rotating its token and revoking
// it, and reading its recent metric history. Every function takes the actor and checks
// assertCanWatchMachine before reading or changing anything; a machine that does not
// exist and one the actor may not see are told apart only for administrators (others get
// ForbiddenError either way, so ids cannot be probed).
import { gunzipSync } from "node:zlib";
import type { Db } from "../client";
import { Role } from "../generated/prisma/enums";
import { assertCanWatchMachine } from "../security/authorize";
import { assertCanWatchMachineOf } from "../security/machine-access";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { hashAgentToken, newAgentToken } from "./agent-tokens";

export interface TLabMachine {
  id: string;
  name: string;
  owner: { id: string; name: string; email: string };
  createdAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  agentVersion: string | null;
  /** As the agent last described its host (THostFacts), null before its first hello. */
  hostFacts: unknown;
  capabilities: unknown;
  malformedPayloads: number;
  /** What the agent announced it can run here (TScenarioAvailability[]), null before an agent that knows scenarios said hello. */
  scenarios: unknown;
}

const LAB_MACHINE_SELECT = {
  id: true, name: true, createdAt: true, revokedAt: true, lastSeenAt: true, agentVersion: true, hostFacts: true, capabilities: true, malformedPayloads: true, scenarios: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

/** The actor's machines, newest first; administrators see everyone's. Revoked ones included (marked). */
export async function listLabMachines(db: Db, actor: TUserSummary): Promise<TLabMachine[]> {
  return db.agent.findMany({
    where: actor.role === Role.ADMIN ? {} : { ownerId: actor.id },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: LAB_MACHINE_SELECT,
    take: 500,
  });
}

/** One machine the actor may see (owner, admin, the owner's workshop instructor); null only when it does not exist (and the actor is an administrator). */
export async function getLabMachine(db: Db, actor: TUserSummary, agentId: string): Promise<TLabMachine | null> {
  const machine = await db.agent.findUnique({ where: { id: agentId }, select: LAB_MACHINE_SELECT });
  if (!machine) {
    if (actor.role === Role.ADMIN) return null;
    throw new ForbiddenError("This lab machine is not yours");
  }
  await assertCanWatchMachineOf(db, actor, machine.owner.id);
  return machine;
}

/** The machine its owner or an administrator may change (instructors watch, they do not rotate or revoke). */
async function getOwnLabMachine(db: Db, actor: TUserSummary, agentId: string): Promise<TLabMachine | null> {
  const machine = await getLabMachine(db, actor, agentId);
  if (machine) assertCanWatchMachine(actor, machine.owner.id);
  return machine;
}

/** A new token for the machine, shown once; the old one stops working at once. */
export async function rotateAgentToken(db: Db, actor: TUserSummary, agentId: string): Promise<{ token: string } | { error: "not-found" | "revoked" }> {
  const machine = await getOwnLabMachine(db, actor, agentId);
  if (!machine) return { error: "not-found" };
  if (machine.revokedAt) return { error: "revoked" };
  const token = newAgentToken();
  await db.agent.update({ where: { id: agentId }, data: { tokenHash: hashAgentToken(token) } });
  return { token };
}

/** Revokes the machine for good: its token is refused from now on. Revoking twice is harmless. */
export async function revokeLabMachine(db: Db, actor: TUserSummary, agentId: string, now = new Date()): Promise<{ revokedAt: Date } | { error: "not-found" }> {
  const machine = await getOwnLabMachine(db, actor, agentId);
  if (!machine) return { error: "not-found" };
  if (machine.revokedAt) return { revokedAt: machine.revokedAt };
  await db.agent.update({ where: { id: agentId }, data: { revokedAt: now } });
  return { revokedAt: now };
}

/** One sample as stored: read time and points ([metric id, value, labels?]). */
export interface TStoredSample {
  t: number;
  points: unknown[];
}

const MAX_HISTORY_SAMPLES = 20_000;

/**
 * Samples the machine sent with read times in [fromMs, toMs], oldest first, at most
 * `limit` (the newest are kept when there are more). For charts opening with history and
 * for resyncing a chart after dropped live messages.
 */
export async function readMachineHistory(db: Db, actor: TUserSummary, agentId: string, range: { fromMs: number; toMs?: number; limit?: number }): Promise<TStoredSample[]> {
  const machine = await getLabMachine(db, actor, agentId);
  if (!machine) return [];
  return readStoredSamples(db, agentId, range);
}

/**
 * The stored samples themselves, for callers acting for the machine's own agent (a
 * scenario run's verdict and recording); people go through readMachineHistory.
 */
export async function readStoredSamples(db: Db, agentId: string, range: { fromMs: number; toMs?: number; limit?: number }): Promise<TStoredSample[]> {
  const toMs = range.toMs ?? Date.now();
  const limit = Math.min(range.limit ?? MAX_HISTORY_SAMPLES, MAX_HISTORY_SAMPLES);
  const batches = await db.agentBatch.findMany({
    where: { agentId, lastSampleAt: { gte: new Date(range.fromMs) }, firstSampleAt: { lte: new Date(toMs) } },
    orderBy: [{ firstSampleAt: "desc" }, { seq: "desc" }],
    select: { samples: true },
    take: 4000,
  });
  const samples: TStoredSample[] = [];
  for (const batch of batches) {
    for (const sample of JSON.parse(gunzipSync(batch.samples).toString("utf8")) as TStoredSample[]) {
      if (sample.t >= range.fromMs && sample.t <= toMs) samples.push(sample);
    }
  }
  samples.sort((a, b) => a.t - b.t);
  return samples.slice(-limit);
}
