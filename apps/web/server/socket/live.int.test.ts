// /live against the real realtime server, real database and real Socket.IO clients: a
// machine's owner subscribes, gets history and then live samples from a connected agent,
// asks for high-resolution sampling; a stranger is refused on every request with a
// hand-made socket; a revoked machine's agent is dropped and its viewers are told.
import { AGENT_EVENTS, LIVE_EVENTS, type TLiveSamples, type TLiveSubscribeAck, type TMachineState } from "@perflab/protocol";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLabHarness, type TLabHarness } from "./testing/lab-harness";

describe("/live", () => {
  let h: TLabHarness;
  beforeAll(async () => {
    h = await startLabHarness();
  });
  afterEach(() => h.disconnectClients());
  afterAll(() => h.close());

  /** The machine's agent, answering sampling requests as a real one would. */
  const agent = () =>
    h.agent((client: Socket) =>
      client.on(AGENT_EVENTS.setSampling, (request: { intervalMs: number }, answer: (response: unknown) => void) =>
        answer({ data: { mode: "high-res", intervalMs: request.intervalMs, achievedHz: 0, highResUntilMs: Date.now() + 5000 } }),
      ),
    );
  const viewer = (userId: string) => h.viewer(userId);
  const sendBatch = (client: Socket, t: number, running: number) => h.sendBatch(client, t, running);
  const request = <T,>(client: Socket, event: string, payload: unknown) => h.request<T>(client, event, payload);
  const nextEvent = <T,>(client: Socket, event: string) => h.nextEvent<T>(client, event);

  it("the owner gets recent history on subscribe, then live samples, and the machine's state", async () => {
    const lab = await agent();
    await sendBatch(lab, Date.now() - 5000, 1);
    const browser = await viewer(h.owner.id);
    const subscribed = await request<TLiveSubscribeAck>(browser, LIVE_EVENTS.subscribe, { machineId: h.machine.agentId, historySeconds: 60 });
    if (!("data" in subscribed)) throw new Error(JSON.stringify(subscribed));
    expect(subscribed.data.state).toMatchObject({ machineId: h.machine.agentId, online: true, revoked: false });
    expect(subscribed.data.samples.map((sample) => sample.points[0]![1])).toContain(1);

    const live = nextEvent<TLiveSamples>(browser, LIVE_EVENTS.samples);
    await sendBatch(lab, Date.now(), 7);
    expect(await live).toEqual({ machineId: h.machine.agentId, samples: [{ t: expect.any(Number), points: [["sched.procs_running", 7]] }], sampling: expect.objectContaining({ mode: "normal" }) });

    const history = await request<{ samples: unknown[] }>(browser, LIVE_EVENTS.history, { machineId: h.machine.agentId, fromMs: Date.now() - 60_000 });
    expect("data" in history && history.data.samples.length).toBe(2);

    const offline = nextEvent<TMachineState>(browser, LIVE_EVENTS.machineState);
    lab.disconnect();
    expect(await offline).toMatchObject({ online: false, revoked: false });
  });

  it("the owner can ask the machine's agent for high resolution; offline machines say so", async () => {
    const browser = await viewer(h.owner.id);
    const highRes = { machineId: h.machine.agentId, request: { mode: "high-res", intervalMs: 10, durationMs: 5000 } };
    expect(await request(browser, LIVE_EVENTS.setSampling, highRes)).toMatchObject({ error: { code: "offline" } });
    await agent();
    expect(await request(browser, LIVE_EVENTS.setSampling, highRes)).toMatchObject({ data: { mode: "high-res", intervalMs: 10 } });
  });

  it("refuses a stranger's hand-made socket on every request, and sends it nothing", async () => {
    const lab = await agent();
    const intruder = await viewer(h.stranger.id);
    const received: unknown[] = [];
    intruder.on(LIVE_EVENTS.samples, (message) => received.push(message));
    for (const [event, payload] of [
      [LIVE_EVENTS.subscribe, { machineId: h.machine.agentId }],
      [LIVE_EVENTS.history, { machineId: h.machine.agentId, fromMs: Date.now() - 60_000 }],
      [LIVE_EVENTS.setSampling, { machineId: h.machine.agentId, request: { mode: "normal" } }],
      [LIVE_EVENTS.subscribe, { machineId: "no-such-machine" }],
    ] as const) {
      expect(await request(intruder, event, payload)).toMatchObject({ error: { code: "forbidden" } });
    }
    await sendBatch(lab, Date.now(), 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });

  it.each([
    ["no machine id", LIVE_EVENTS.subscribe, {}],
    ["an extra key", LIVE_EVENTS.subscribe, { machineId: "x", room: "machine:x" }],
    ["history over an hour", LIVE_EVENTS.history, { machineId: "x", fromMs: 0, toMs: 3_600_001 }],
    ["a sampling interval below 10 ms", LIVE_EVENTS.setSampling, { machineId: "x", request: { mode: "high-res", intervalMs: 1, durationMs: 5000 } }],
    ["a string", LIVE_EVENTS.subscribe, "machine:x"],
  ])("answers %s with invalid-request and stays connected", async (_case, event, payload) => {
    const browser = await viewer(h.owner.id);
    expect(await request(browser, event, payload)).toMatchObject({ error: { code: "invalid-request" } });
    expect(browser.connected).toBe(true);
  });

  it("drops a revoked machine's agent at once and tells its viewers", async () => {
    const lab = await agent();
    const browser = await viewer(h.owner.id);
    await request(browser, LIVE_EVENTS.subscribe, { machineId: h.machine.agentId, historySeconds: 0 });
    const dropped = new Promise((resolve) => lab.once("disconnect", resolve));
    const told = nextEvent<TMachineState>(browser, LIVE_EVENTS.machineState);
    h.io.disconnectMachine(h.machine.agentId, "revoked");
    await dropped;
    expect(await told).toMatchObject({ machineId: h.machine.agentId, online: false, revoked: true });
  });
});
