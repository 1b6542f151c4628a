// Scenario runs in the data layer: who may start one and see it, the agent's side acting
// only on its own runs, and runs that never ended marked lost after their deadline.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { finishRun, getScenarioRun, listScenarioRuns, markLostRuns, markRunAnswered, readRunRecording, recordRunEvent, requestScenarioRun } from "./scenario-runs";

describe("scenario runs", () => {
  let testDb: TTestDatabase;
  let owner: TUserSummary;
  let stranger: TUserSummary;
  let admin: TUserSummary;
  let agentId: string;
  let otherAgentId: string;
  const input = () => ({ agentId, scenarioId: "cpu-starvation", durationSeconds: 10, parameters: { threads: 2 } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const select = { id: true, email: true, name: true, role: true } as const;
    owner = await testDb.db.user.create({ data: { email: "o@example.com", name: "Owner" }, select });
    stranger = await testDb.db.user.create({ data: { email: "s@example.com", name: "Stranger" }, select });
    admin = await testDb.db.user.create({ data: { email: "a@example.com", name: "Admin", role: "ADMIN" }, select });
    const created = await createAgent(testDb.db, owner, { name: "lab" });
    const other = await createAgent(testDb.db, stranger, { name: "other" });
    if (!("data" in created) || !("data" in other)) throw new Error("not created");
    agentId = created.data.agentId;
    otherAgentId = other.data.agentId;
  });
  afterAll(() => testDb.drop());

  it("the owner and admins may start a run; a stranger may not, nor see it", async () => {
    const run = await requestScenarioRun(testDb.db, owner, input());
    expect(run).toMatchObject({ status: "requested", startedBy: { id: owner.id }, machineName: "lab" });
    await expect(requestScenarioRun(testDb.db, stranger, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestScenarioRun(testDb.db, stranger, { ...input(), agentId: "no-such-machine" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await requestScenarioRun(testDb.db, admin, input())).startedBy.id).toBe(admin.id);
    await expect(getScenarioRun(testDb.db, stranger, run.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getScenarioRun(testDb.db, stranger, "no-such-run")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listScenarioRuns(testDb.db, stranger, agentId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getScenarioRun(testDb.db, admin, run.id)).id).toBe(run.id);
    expect((await listScenarioRuns(testDb.db, owner, agentId)).length).toBe(2);
  });

  it("an agent acts only on its own runs, and nothing is recorded after the end", async () => {
    const run = await requestScenarioRun(testDb.db, owner, input());
    await markRunAnswered(testDb.db, otherAgentId, run.id, { started: true, at: new Date() });
    expect((await getScenarioRun(testDb.db, owner, run.id)).status).toBe("requested");
    expect(await recordRunEvent(testDb.db, otherAgentId, { runId: run.id, t: Date.now(), kind: "note", body: { message: "x" } })).toBe(false);
    await markRunAnswered(testDb.db, agentId, run.id, { started: true, at: new Date() });
    expect(await recordRunEvent(testDb.db, agentId, { runId: run.id, t: Date.now(), kind: "note", body: { message: "hello" } })).toBe(true);
    await finishRun(testDb.db, agentId, run.id, { status: "done", at: new Date(), verdict: { reproduced: true }, samples: [{ t: 1, points: [] }] });
    expect(await recordRunEvent(testDb.db, agentId, { runId: run.id, t: Date.now(), kind: "note", body: { message: "late" } })).toBe(false);
    const recording = await readRunRecording(testDb.db, owner, run.id);
    expect(recording).toMatchObject({ run: { status: "done", verdict: { reproduced: true } }, events: [{ kind: "note", body: { message: "hello" } }], samples: [{ t: 1, points: [] }] });
  });

  it("a run that fails keeps the script's last error as its problem", async () => {
    const run = await requestScenarioRun(testDb.db, owner, input());
    await markRunAnswered(testDb.db, agentId, run.id, { started: true, at: new Date() });
    for (const message of ["first", "another run of cpu-starvation is still in progress"]) await recordRunEvent(testDb.db, agentId, { runId: run.id, t: Date.now(), kind: "error", body: { message } });
    await finishRun(testDb.db, agentId, run.id, { status: "failed", at: new Date(), verdict: { reproduced: false }, samples: [] });
    expect((await getScenarioRun(testDb.db, owner, run.id)).problem).toBe("another run of cpu-starvation is still in progress");
  });

  it("runs past their deadline without an end are marked lost; younger ones are left running", async () => {
    const old = await requestScenarioRun(testDb.db, owner, input());
    await testDb.db.scenarioRun.update({ where: { id: old.id }, data: { requestedAt: new Date(Date.now() - 10 * 60_000) } });
    const young = await requestScenarioRun(testDb.db, owner, input());
    expect(await markLostRuns(testDb.db, agentId)).toBeGreaterThanOrEqual(1);
    expect((await getScenarioRun(testDb.db, owner, old.id)).status).toBe("lost");
    expect((await getScenarioRun(testDb.db, owner, young.id)).status).toBe("requested");
  });
});
