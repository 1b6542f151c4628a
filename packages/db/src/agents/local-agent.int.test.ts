// The machine `npm start` enrols for itself, against a real database: nothing before an
// admin exists, then one machine for the first active admin (never a learner), reused at
// every start, re-keyed after a rotation, handed on when its owner is deactivated, and
// never brought back once revoked.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Role } from "../generated/prisma/enums";
import { authenticateAgentToken } from "./agent-session";
import { revokeLabMachine, rotateAgentToken } from "./lab-machines";
import { ensureLocalMachine, type TLocalAgentCredentials, type TLocalMachineState } from "./local-agent";

const NAME = "lab-host (perflab server)";
const select = { id: true, email: true, name: true, role: true } as const;

describe("ensureLocalMachine", () => {
  let testDb: TTestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.drop());
  beforeEach(async () => {
    await testDb.db.agent.deleteMany();
    await testDb.db.user.deleteMany();
  });

  let clock = Date.parse("2025-01-01T00:00:00Z");
  async function createUser(email: string, role: Role, options: { isDeactivated?: boolean } = {}) {
    clock += 60_000; // distinct creation times: "first" must mean the earliest
    return testDb.db.user.create({
      data: { email, name: email, role, createdAt: new Date(clock), deactivatedAt: options.isDeactivated ? new Date(clock) : null },
      select,
    });
  }

  function credentialsOf(state: TLocalMachineState): TLocalAgentCredentials {
    if (state.status !== "ready") throw new Error(`expected a ready machine, got ${state.status}`);
    return state.credentials;
  }

  it("enrols nothing while no administrator exists (learners and instructors are never chosen)", async () => {
    await createUser("learner@example.com", Role.LEARNER);
    await createUser("instructor@example.com", Role.INSTRUCTOR);
    await createUser("gone-admin@example.com", Role.ADMIN, { isDeactivated: true });
    expect(await ensureLocalMachine(testDb.db, null, NAME)).toEqual({ status: "no-admin" });
    expect(await testDb.db.agent.count()).toBe(0);
  });

  it("enrols the machine for the earliest active admin, with a token that authenticates", async () => {
    await createUser("learner@example.com", Role.LEARNER);
    await createUser("gone-admin@example.com", Role.ADMIN, { isDeactivated: true });
    const first = await createUser("first@example.com", Role.ADMIN);
    await createUser("second@example.com", Role.ADMIN);

    const state = await ensureLocalMachine(testDb.db, null, NAME);
    expect(state).toEqual({ status: "ready", change: "created", ownerEmail: "first@example.com", credentials: { agentId: expect.any(String), token: expect.stringMatching(/^pla_/) } });
    const { agentId, token } = credentialsOf(state);
    expect(await testDb.db.agent.findUniqueOrThrow({ where: { id: agentId }, select: { name: true, ownerId: true } })).toEqual({ name: NAME, ownerId: first.id });
    expect(await authenticateAgentToken(testDb.db, token)).toEqual({ agentId, ownerId: first.id });
  });

  it("reuses the remembered machine and token at the next start", async () => {
    await createUser("admin@example.com", Role.ADMIN);
    const remembered = credentialsOf(await ensureLocalMachine(testDb.db, null, NAME));
    expect(await ensureLocalMachine(testDb.db, remembered, NAME)).toEqual({ status: "ready", change: "reused", ownerEmail: "admin@example.com", credentials: remembered });
    expect(await testDb.db.agent.count()).toBe(1);
  });

  it("does not bring back a revoked machine, nor enrol another one", async () => {
    const admin = await createUser("admin@example.com", Role.ADMIN);
    const remembered = credentialsOf(await ensureLocalMachine(testDb.db, null, NAME));
    await revokeLabMachine(testDb.db, admin, remembered.agentId);
    expect(await ensureLocalMachine(testDb.db, remembered, NAME)).toEqual({ status: "revoked", agentId: remembered.agentId, revokedAt: expect.any(Date) });
    expect(await testDb.db.agent.count()).toBe(1);
    expect(await authenticateAgentToken(testDb.db, remembered.token)).toBeNull();
  });

  it("after a token rotation on the Labs page, keeps the machine and gives it a token only the launcher knows", async () => {
    const admin = await createUser("admin@example.com", Role.ADMIN);
    const remembered = credentialsOf(await ensureLocalMachine(testDb.db, null, NAME));
    const rotated = await rotateAgentToken(testDb.db, admin, remembered.agentId);
    if (!("token" in rotated)) throw new Error("not rotated");

    const state = await ensureLocalMachine(testDb.db, remembered, NAME);
    expect(state).toMatchObject({ status: "ready", change: "token-renewed" });
    const renewed = credentialsOf(state);
    expect(renewed.agentId).toBe(remembered.agentId);
    for (const stale of [remembered.token, rotated.token]) expect(await authenticateAgentToken(testDb.db, stale)).toBeNull();
    expect(await authenticateAgentToken(testDb.db, renewed.token)).toEqual({ agentId: remembered.agentId, ownerId: admin.id });
    expect(await testDb.db.agent.count()).toBe(1);
  });

  it("hands the machine to the first active admin when its owner was deactivated", async () => {
    const owner = await createUser("owner@example.com", Role.ADMIN);
    const next = await createUser("next@example.com", Role.ADMIN);
    const remembered = credentialsOf(await ensureLocalMachine(testDb.db, null, NAME));
    await testDb.db.user.update({ where: { id: owner.id }, data: { deactivatedAt: new Date() } });

    expect(await ensureLocalMachine(testDb.db, remembered, NAME)).toEqual({ status: "ready", change: "owner-changed", ownerEmail: "next@example.com", credentials: remembered });
    expect(await authenticateAgentToken(testDb.db, remembered.token)).toEqual({ agentId: remembered.agentId, ownerId: next.id });
  });

  it("waits rather than keep a machine whose owner was deactivated when no other admin is active", async () => {
    const owner = await createUser("owner@example.com", Role.ADMIN);
    const remembered = credentialsOf(await ensureLocalMachine(testDb.db, null, NAME));
    await testDb.db.user.update({ where: { id: owner.id }, data: { deactivatedAt: new Date() } });
    expect(await ensureLocalMachine(testDb.db, remembered, NAME)).toEqual({ status: "no-admin" });
  });

  it("enrols a new machine when the remembered one no longer exists (another database, or deleted)", async () => {
    await createUser("admin@example.com", Role.ADMIN);
    const forgotten = { agentId: "no-such-machine", token: "pla_stale" };
    const state = await ensureLocalMachine(testDb.db, forgotten, NAME);
    expect(state).toMatchObject({ status: "ready", change: "created" });
    expect(credentialsOf(state).agentId).not.toBe(forgotten.agentId);
    expect(await testDb.db.agent.count()).toBe(1);
  });
});
