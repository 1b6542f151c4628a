// Workshops in the data layer: who may run one, joining by code (closed, ended, wrong and
// guessed codes), the roster for its instructor only, and the instructor's view of a
// member's lab machine and scenario runs, which ends when the workshop closes.
import { createTestDatabase, type TTestDatabase } from "@perflab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "../agents/create-agent";
import { getLabMachine, revokeLabMachine, rotateAgentToken } from "../agents/lab-machines";
import { syncCurriculum } from "../curriculum/sync-curriculum";
import { requestScenarioRun } from "../scenarios/scenario-runs";
import { ForbiddenError } from "../security/forbidden-error";
import type { TUserSummary } from "../users/user-summary";
import { normalizeJoinCode } from "./join-code";
import { getWorkshopMatrix, openWorkshopsOf } from "./workshop-matrix";
import { buildWorkshopReport, workshopReportCsv } from "./workshop-report";
import { attachMachine, closeWorkshop, createWorkshop, getWorkshopRoster, joinWorkshop, listWorkshops, MAX_WRONG_JOIN_CODES, rotateJoinCode } from "./workshops";

describe("workshops", () => {
  let testDb: TTestDatabase;
  let instructor: TUserSummary;
  let otherInstructor: TUserSummary;
  let learner: TUserSummary;
  let outsider: TUserSummary;
  let learnerMachine: string;
  const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);
  const workshopInput = { title: "Linux performance day", startsAt: later(-1), endsAt: later(8), topicIds: ["2.2", "3.4"] };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await syncCurriculum(testDb.db, ["2.2", "3.4"].map((id) => ({ id, section: Number(id[0]), title: id, contentHash: "x", exercises: [] })), { isComplete: true });
    const select = { id: true, email: true, name: true, role: true } as const;
    instructor = await testDb.db.user.create({ data: { email: "i@example.com", name: "Instructor", role: "INSTRUCTOR" }, select });
    otherInstructor = await testDb.db.user.create({ data: { email: "i2@example.com", name: "Other", role: "INSTRUCTOR" }, select });
    learner = await testDb.db.user.create({ data: { email: "l@example.com", name: "Learner" }, select });
    outsider = await testDb.db.user.create({ data: { email: "o@example.com", name: "Outsider" }, select });
    const machine = await createAgent(testDb.db, learner, { name: "learner-lab" });
    if (!("data" in machine)) throw new Error("no machine");
    learnerMachine = machine.data.agentId;
  });
  afterAll(() => testDb.drop());

  it("instructors and admins create workshops; learners cannot; bad input is explained by field", async () => {
    await expect(createWorkshop(testDb.db, learner, workshopInput)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await createWorkshop(testDb.db, instructor, { ...workshopInput, title: "", endsAt: later(-2) })).toMatchObject({ error: "invalid-input", fieldErrors: { title: "Give the workshop a title", endsAt: "The end must be after the start" } });
    expect(await createWorkshop(testDb.db, instructor, { ...workshopInput, topicIds: ["2.2", "9.9"] })).toEqual({ error: "invalid-input", fieldErrors: { topicIds: "Not topics of the curriculum: 9.9" } });
    const created = await createWorkshop(testDb.db, instructor, workshopInput);
    expect(created).toMatchObject({ data: { joinCode: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) } });
  });

  it("learners join by code (any case, with or without the dash) and attach their own machine; the instructor sees them on the roster, the instructor's machine view follows", async () => {
    const created = await createWorkshop(testDb.db, instructor, workshopInput);
    if (!("data" in created)) throw new Error("not created");
    const { id, joinCode } = created.data;
    expect(await joinWorkshop(testDb.db, learner, joinCode.toLowerCase().replace("-", ""))).toEqual({ data: { workshopId: id, title: workshopInput.title } });
    expect(await joinWorkshop(testDb.db, learner, joinCode)).toMatchObject({ data: { workshopId: id } }); // twice is harmless
    await expect(attachMachine(testDb.db, outsider, id, learnerMachine)).rejects.toBeInstanceOf(ForbiddenError);
    await attachMachine(testDb.db, learner, id, learnerMachine);
    expect(await getWorkshopRoster(testDb.db, instructor, id)).toEqual([expect.objectContaining({ userId: learner.id, machine: expect.objectContaining({ id: learnerMachine }) })]);
    await expect(getWorkshopRoster(testDb.db, learner, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWorkshopRoster(testDb.db, otherInstructor, id)).rejects.toBeInstanceOf(ForbiddenError);
    const [listed] = (await listWorkshops(testDb.db, learner)).filter((workshop) => workshop.id === id);
    expect(listed).toMatchObject({ joinCode: null, memberCount: 1, membership: { agentId: learnerMachine } }); // learners never see the code

    // The instructor watches the member's machine and may start scenarios on it, but not rotate or revoke it.
    expect((await getLabMachine(testDb.db, instructor, learnerMachine))?.id).toBe(learnerMachine);
    await expect(getLabMachine(testDb.db, otherInstructor, learnerMachine)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await requestScenarioRun(testDb.db, instructor, { agentId: learnerMachine, scenarioId: "cpu-starvation", durationSeconds: 5, parameters: {} })).startedBy.id).toBe(instructor.id);
    await expect(rotateAgentToken(testDb.db, instructor, learnerMachine)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeLabMachine(testDb.db, instructor, learnerMachine)).rejects.toBeInstanceOf(ForbiddenError);

    // Rotating the code locks the old one out; closing ends joining and the instructor's view.
    const { joinCode: rotated } = await rotateJoinCode(testDb.db, instructor, id);
    expect(rotated).not.toBe(joinCode);
    expect(await joinWorkshop(testDb.db, outsider, joinCode)).toMatchObject({ error: "invalid-code" });
    await expect(rotateJoinCode(testDb.db, otherInstructor, id)).rejects.toBeInstanceOf(ForbiddenError);
    await closeWorkshop(testDb.db, instructor, id);
    expect(await joinWorkshop(testDb.db, outsider, rotated)).toMatchObject({ error: "closed" });
    await expect(getLabMachine(testDb.db, instructor, learnerMachine)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("nobody joins a workshop that has ended", async () => {
    const created = await createWorkshop(testDb.db, instructor, { ...workshopInput, startsAt: later(-5), endsAt: later(-1) });
    if (!("data" in created)) throw new Error("not created");
    expect(await joinWorkshop(testDb.db, learner, created.data.joinCode)).toMatchObject({ error: "ended" });
  });

  it("guessing codes is throttled per learner", async () => {
    const guesser = await testDb.db.user.create({ data: { email: "g@example.com", name: "Guesser" }, select: { id: true, email: true, name: true, role: true } });
    for (let attempt = 0; attempt < MAX_WRONG_JOIN_CODES; attempt++) expect(await joinWorkshop(testDb.db, guesser, "2222-2222")).toMatchObject({ error: "invalid-code" });
    const created = await createWorkshop(testDb.db, instructor, workshopInput);
    if (!("data" in created)) throw new Error("not created");
    expect(await joinWorkshop(testDb.db, guesser, created.data.joinCode)).toMatchObject({ error: "too-many-attempts" }); // even the right code, for now
    expect(await joinWorkshop(testDb.db, guesser, 42)).toMatchObject({ error: "too-many-attempts" });
    expect(normalizeJoinCode("abcd-efgh")).toBe("ABCD-EFGH");
    expect(normalizeJoinCode("0OIL-1234")).toBeNull(); // look-alikes are not in the alphabet
  });

  it("the matrix shows each learner's status per topic, in the workshop's order, and who is stuck; only for its instructor", async () => {
    const created = await createWorkshop(testDb.db, instructor, { ...workshopInput, topicIds: ["3.4", "2.2"] });
    if (!("data" in created)) throw new Error("not created");
    const { id, joinCode } = created.data;
    const quiet = await testDb.db.user.create({ data: { email: "q@example.com", name: "Quiet" }, select: { id: true, email: true, name: true, role: true } });
    await joinWorkshop(testDb.db, learner, joinCode);
    await joinWorkshop(testDb.db, quiet, joinCode, new Date(Date.now() - 20 * 60_000));
    await testDb.db.topicProgress.create({ data: { userId: learner.id, topicId: "2.2", status: "IN_PROGRESS", lastHeartbeatAt: new Date() } });
    for (let attempt = 0; attempt < 3; attempt++) {
      await testDb.db.quizAttempt.create({ data: { userId: learner.id, topicId: "2.2", quizHash: "h", answers: {}, correctCount: 1, questionCount: 6, scorePercent: 16, passThresholdPercent: 70, passed: false } });
    }
    const matrix = await getWorkshopMatrix(testDb.db, instructor, id);
    expect(matrix.topicIds).toEqual(["3.4", "2.2"]);
    expect(matrix.rows).toEqual([ // in joining order
      expect.objectContaining({ userId: quiet.id, cells: { "3.4": "NOT_STARTED", "2.2": "NOT_STARTED" }, stuck: expect.stringMatching(/^no progress for 2\d min$/) }),
      expect.objectContaining({ userId: learner.id, cells: { "3.4": "NOT_STARTED", "2.2": "IN_PROGRESS" }, stuck: "failed the 2.2 quiz 3 times" }),
    ]);
    await expect(getWorkshopMatrix(testDb.db, learner, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWorkshopMatrix(testDb.db, otherInstructor, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await openWorkshopsOf(testDb.db, quiet.id)).toEqual([id]);
  });

  it("the report holds every learner's topics, quiz scores and the scenario runs on their machine, as JSON and CSV; for the instructor only", async () => {
    const created = await createWorkshop(testDb.db, instructor, { ...workshopInput, topicIds: ["2.2"] });
    if (!("data" in created)) throw new Error("not created");
    const { id, joinCode } = created.data;
    await joinWorkshop(testDb.db, learner, joinCode);
    await attachMachine(testDb.db, learner, id, learnerMachine);
    await testDb.db.quizAttempt.create({ data: { userId: learner.id, topicId: "2.2", quizHash: "h", answers: {}, correctCount: 5, questionCount: 6, scorePercent: 83, passThresholdPercent: 70, passed: true } });
    const run = await requestScenarioRun(testDb.db, learner, { agentId: learnerMachine, scenarioId: "cpu-starvation", durationSeconds: 5, parameters: {} });
    await testDb.db.scenarioRun.update({ where: { id: run.id }, data: { status: "done", verdict: { reproduced: true } } });
    const report = await buildWorkshopReport(testDb.db, instructor, id);
    const reported = report.learners.find((entry) => entry.email === learner.email)!;
    expect(reported.topics).toEqual([expect.objectContaining({ topicId: "2.2", quizAttempts: expect.any(Number), bestQuizScorePercent: 83, quizPassed: true })]);
    expect(reported.scenarioRuns).toContainEqual(expect.objectContaining({ runId: run.id, scenarioId: "cpu-starvation", status: "done", reproduced: true }));
    const csv = workshopReportCsv(report);
    expect(csv.split("\r\n")[0]).toBe("email,name,record,topic_or_scenario,status,time_spent_seconds,quiz_attempts,best_quiz_score_percent,quiz_passed,exercises_done,run_id,reproduced,at,started_for,diagnosis_subsystem,diagnosis_mechanism,seconds_to_diagnosis,evidence");
    expect(csv).toContain(`l@example.com,Learner,scenario-run,cpu-starvation,done,,,,,,${run.id},yes,`);
    expect(csv).toMatch(new RegExp(`scenario-run,cpu-starvation,done,,,,,,${run.id},yes,[^,]*,learner,`));
    await expect(buildWorkshopReport(testDb.db, learner, id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
