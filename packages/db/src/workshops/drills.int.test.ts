// Drills and runs for everyone in the data layer: who may schedule them and on which
// machines, and each way a diagnosis can be refused (bad fields, too early, twice, after
// the reveal, not drilled) without losing the one already recorded.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import { syncCurriculum } from "../curriculum/sync-curriculum";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { listLearnerDrills, revealDrill, submitDrillDiagnosis } from "./drills";
import { buildWorkshopReport, workshopReportCsv } from "./workshop-report";
import { listWorkshopRuns, scheduleWorkshopRun, type TScheduleWorkshopRunInput } from "./workshop-runs";
import { attachMachine, closeWorkshop, createWorkshop, joinWorkshop } from "./workshops";

describe("drills", () => {
  let testDb: TTestDatabase;
  let instructor: TUserSummary;
  let learner: TUserSummary;
  let outsider: TUserSummary;
  let workshopId: string;
  let input: TScheduleWorkshopRunInput;
  const evidence = "PSI memory some stays above 30 % and pgmajfault climbs";

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await syncCurriculum(testDb.db, [{ id: "3.4", section: 3, title: "PSI", contentHash: "x", exercises: [] }], { isComplete: true });
    const select = { id: true, email: true, name: true, role: true } as const;
    instructor = await testDb.db.user.create({ data: { email: "i@example.com", name: "Instructor", role: "INSTRUCTOR" }, select });
    learner = await testDb.db.user.create({ data: { email: "l@example.com", name: "Learner" }, select });
    outsider = await testDb.db.user.create({ data: { email: "o@example.com", name: "Outsider" }, select });
    const created = await createWorkshop(testDb.db, instructor, { title: "Memory day", startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), topicIds: ["3.4"] });
    if (!("data" in created)) throw new Error("not created");
    workshopId = created.data.id;
    await joinWorkshop(testDb.db, learner, created.data.joinCode);
    const machine = await createAgent(testDb.db, learner, { name: "lab" });
    if (!("data" in machine)) throw new Error("no machine");
    await attachMachine(testDb.db, learner, workshopId, machine.data.agentId);
    input = { workshopId, scenarioId: "memory-pressure", variant: "oom", parameters: { mode: 2 }, durationSeconds: 20, learnerIds: null, countdownSeconds: 0, isDrill: true };
  });
  afterAll(() => testDb.drop());

  it("only the workshop's instructor schedules, on members' own machines", async () => {
    await expect(scheduleWorkshopRun(testDb.db, learner, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleWorkshopRun(testDb.db, outsider, input)).rejects.toBeInstanceOf(ForbiddenError);
    const scheduled = await scheduleWorkshopRun(testDb.db, instructor, { ...input, learnerIds: [learner.id, outsider.id] });
    expect(scheduled.targets.map((target) => target.userId)).toEqual([learner.id]);
    expect(scheduled.skipped).toEqual([{ userId: outsider.id, reason: "not a member of this workshop" }]);
    await expect(listWorkshopRuns(testDb.db, learner, workshopId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses bad diagnoses clearly, grades the first good one, and keeps it", async () => {
    const future = await scheduleWorkshopRun(testDb.db, instructor, { ...input, countdownSeconds: 60 });
    expect(await submitDrillDiagnosis(testDb.db, learner, future.id, { subsystem: "memory", mechanism: "oom-kill", evidence })).toMatchObject({ error: "not-started" });

    const drill = await scheduleWorkshopRun(testDb.db, instructor, input);
    await expect(submitDrillDiagnosis(testDb.db, outsider, drill.id, { subsystem: "memory", mechanism: "oom-kill", evidence })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await submitDrillDiagnosis(testDb.db, learner, drill.id, { subsystem: "memory", mechanism: "run-queue-saturation", evidence })).toEqual({ error: "invalid-input", fieldErrors: { mechanism: "This mechanism belongs to another subsystem" } });
    expect(await submitDrillDiagnosis(testDb.db, learner, drill.id, { subsystem: "gpu", mechanism: "oom-kill", evidence: "short" })).toMatchObject({ error: "invalid-input", fieldErrors: { subsystem: "Choose the subsystem", evidence: expect.stringContaining("at least 10") } });
    const later = new Date(drill.startsAt.getTime() + 95_000);
    expect(await submitDrillDiagnosis(testDb.db, learner, drill.id, { subsystem: "memory", mechanism: "oom-kill", evidence }, later)).toEqual({ data: { submittedAt: later, secondsToDiagnosis: 95 } });
    expect(await submitDrillDiagnosis(testDb.db, learner, drill.id, { subsystem: "memory", mechanism: "memory-reclaim", evidence })).toMatchObject({ error: "already-submitted" });

    await expect(revealDrill(testDb.db, learner, drill.id, { debrief: "" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await revealDrill(testDb.db, instructor, drill.id, { debrief: "x".repeat(5001) })).toMatchObject({ error: "invalid-input" });
    expect(await revealDrill(testDb.db, instructor, drill.id, { debrief: "The cgroup's memory.max was hit." })).toEqual({ data: { workshopId } });
    expect(await submitDrillDiagnosis(testDb.db, learner, future.id, { subsystem: "memory", mechanism: "oom-kill", evidence }, new Date(Date.now() + 120_000))).toMatchObject({ data: {} });
    expect(await submitDrillDiagnosis(testDb.db, learner, drill.id, { subsystem: "memory", mechanism: "memory-reclaim", evidence })).toMatchObject({ error: "revealed" });

    const mine = (await listLearnerDrills(testDb.db, learner, workshopId)).find((entry) => entry.id === drill.id);
    expect(mine).toMatchObject({ revealed: true, answer: { mechanism: "oom-kill", subsystem: "memory" }, diagnosis: { mechanism: "oom-kill", isCorrect: true, secondsToDiagnosis: 95 } });
    expect(await listLearnerDrills(testDb.db, outsider, workshopId)).toEqual([]);

    const report = await buildWorkshopReport(testDb.db, instructor, workshopId);
    expect(report.learners[0]!.drills.find((entry) => entry.drillId === drill.id)).toMatchObject({ scenarioId: "memory-pressure", variant: "oom", revealed: true, diagnosis: { mechanism: "oom-kill", isCorrect: true, secondsToDiagnosis: 95 } });
    const csv = workshopReportCsv(report);
    expect(csv).toContain(`l@example.com,Learner,drill,memory-pressure/oom,correct,,,,,,${drill.id},,${later.toISOString()},drill,memory,oom-kill,95,${evidence}`);
    expect(csv).toMatch(/drill,memory-pressure\/oom,no-diagnosis,/); // the drill scheduled in the first test, never answered
  });

  it("nothing is scheduled in a closed workshop", async () => {
    await closeWorkshop(testDb.db, instructor, workshopId);
    await expect(scheduleWorkshopRun(testDb.db, instructor, input)).rejects.toThrow("This workshop is closed");
  });
});
