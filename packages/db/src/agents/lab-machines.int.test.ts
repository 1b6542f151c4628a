// Lab machines through the data layer against a real database: who may see and control
// which machine (every role, own and someone else's), tokens that stop working the moment
// they are rotated or revoked, and history read back in time order within a range.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../generated/prisma/enums";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { authenticateAgentToken, storeAgentBatch } from "./agent-session";
import { createAgent } from "./create-agent";
import { getLabMachine, listLabMachines, readMachineHistory, revokeLabMachine, rotateAgentToken } from "./lab-machines";

const select = { id: true, email: true, name: true, role: true } as const;

describe("lab machines", () => {
  let testDb: TTestDatabase;
  const actors = {} as Record<Role, TUserSummary>;
  let stranger: TUserSummary;
  let strangersMachine: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    for (const role of [Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN]) actors[role] = await testDb.db.user.create({ data: { email: `${role.toLowerCase()}@example.com`, name: role, role }, select });
    stranger = await testDb.db.user.create({ data: { email: "stranger@example.com", name: "Stranger" }, select });
    const created = await createAgent(testDb.db, stranger, { name: "stranger-vm" });
    if (!("data" in created)) throw new Error("not created");
    strangersMachine = created.data.agentId;
  });
  afterAll(async () => testDb.drop());

  async function machineOf(owner: TUserSummary, name: string) {
    const created = await createAgent(testDb.db, owner, { name });
    if (!("data" in created)) throw new Error("not created");
    return created.data;
  }

  describe.each([Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN])("as %s", (role) => {
    it("lists, reads, rotates and revokes their own machine", async () => {
      const actor = actors[role];
      const own = await machineOf(actor, `${role}-vm`);
      expect((await listLabMachines(testDb.db, actor)).map((machine) => machine.id)).toContain(own.agentId);
      expect(await getLabMachine(testDb.db, actor, own.agentId)).toMatchObject({ name: `${role}-vm`, owner: { id: actor.id }, revokedAt: null });
      const rotated = await rotateAgentToken(testDb.db, actor, own.agentId);
      expect(rotated).toEqual({ token: expect.stringMatching(/^pla_/) });
      expect(await revokeLabMachine(testDb.db, actor, own.agentId)).toEqual({ revokedAt: expect.any(Date) });
    });

    if (role === Role.ADMIN) {
      it("sees and controls anyone's machine, and is told when one does not exist", async () => {
        expect((await listLabMachines(testDb.db, actors[role])).map((machine) => machine.id)).toContain(strangersMachine);
        expect(await getLabMachine(testDb.db, actors[role], strangersMachine)).toMatchObject({ owner: { email: "stranger@example.com" } });
        expect(await getLabMachine(testDb.db, actors[role], "no-such-machine")).toBeNull();
        expect(await rotateAgentToken(testDb.db, actors[role], "no-such-machine")).toEqual({ error: "not-found" });
      });
    } else {
      it("cannot see or touch someone else's machine, nor probe which ids exist; nothing changes", async () => {
        const actor = actors[role];
        const before = await testDb.db.agent.findUniqueOrThrow({ where: { id: strangersMachine } });
        expect((await listLabMachines(testDb.db, actor)).map((machine) => machine.id)).not.toContain(strangersMachine);
        for (const id of [strangersMachine, "no-such-machine"]) {
          await expect(getLabMachine(testDb.db, actor, id)).rejects.toBeInstanceOf(ForbiddenError);
          await expect(rotateAgentToken(testDb.db, actor, id)).rejects.toBeInstanceOf(ForbiddenError);
          await expect(revokeLabMachine(testDb.db, actor, id)).rejects.toBeInstanceOf(ForbiddenError);
          await expect(readMachineHistory(testDb.db, actor, id, { fromMs: 0 })).rejects.toBeInstanceOf(ForbiddenError);
        }
        expect(await testDb.db.agent.findUniqueOrThrow({ where: { id: strangersMachine } })).toEqual(before);
      });
    }
  });

  it("a rotated token is refused at once and the new one works; a revoked machine's token is refused", async () => {
    const owner = actors[Role.LEARNER];
    const { agentId, token } = await machineOf(owner, "rotating-vm");
    expect(await authenticateAgentToken(testDb.db, token)).toEqual({ agentId, ownerId: owner.id });
    const rotated = await rotateAgentToken(testDb.db, owner, agentId);
    if (!("token" in rotated)) throw new Error("not rotated");
    expect(await authenticateAgentToken(testDb.db, token)).toBeNull();
    expect(await authenticateAgentToken(testDb.db, rotated.token)).toEqual({ agentId, ownerId: owner.id });
    await revokeLabMachine(testDb.db, owner, agentId);
    expect(await authenticateAgentToken(testDb.db, rotated.token)).toBeNull();
    expect(await rotateAgentToken(testDb.db, owner, agentId)).toEqual({ error: "revoked" });
  });

  it("reads history within the range, oldest first, across streams and batches, newest kept at the limit", async () => {
    const owner = actors[Role.LEARNER];
    const { agentId } = await machineOf(owner, "history-vm");
    const sample = (t: number) => ({ t, points: [["sched.procs_running", t % 7]] });
    await storeAgentBatch(testDb.db, agentId, { streamId: "stream-a", seq: 1, samples: [sample(1000), sample(2000)] });
    await storeAgentBatch(testDb.db, agentId, { streamId: "stream-a", seq: 2, samples: [sample(3000)] });
    await storeAgentBatch(testDb.db, agentId, { streamId: "stream-b", seq: 1, samples: [sample(4000), sample(5000)] });
    const times = async (range: { fromMs: number; toMs?: number; limit?: number }) => (await readMachineHistory(testDb.db, owner, agentId, range)).map((stored) => stored.t);
    expect(await times({ fromMs: 0 })).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(await times({ fromMs: 2000, toMs: 4000 })).toEqual([2000, 3000, 4000]);
    expect(await times({ fromMs: 0, limit: 2 })).toEqual([4000, 5000]);
    expect((await readMachineHistory(testDb.db, owner, agentId, { fromMs: 5000 }))[0]).toEqual(sample(5000));
  });
});
