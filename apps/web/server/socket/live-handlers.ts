// The /live conversation of one signed-in browser (LIVE_EVENTS): subscribing to lab
// machines, resync and scrubbing through stored history, and asking a machine's agent for
// high-resolution sampling. The viewer is checked against the data layer on every request,
// so a machine given away or a role taken away takes effect on the next request, not the
// next connection. Nothing a browser sends can throw out of here.
import {
  ackData, ackError, AGENT_EVENTS, describeZodError, LIVE_EVENTS, LIVE_MAX_HISTORY_SECONDS, ZLiveHistoryRequest, ZLiveScenarioStart, ZLiveScenarioStop, ZLiveSetSampling, ZLiveSubscribe, ZLiveUnsubscribe, ZLiveWorkshopRunStart,
  ZLiveWorkshopSubscribe, ZSamplingState, type TAck, type TLiveSubscribeAck, type TLiveWorkshopSubscribeAck,
} from "@perflab/protocol";
import type { Socket } from "socket.io";
import type { TLiveAccess, TWatchedMachine } from "./live-access";
import type { TLiveUser } from "./live-auth";
import type { MachinePresence } from "./machine-presence";
import type { ScenarioConductor } from "./scenario-conductor";
import { workshopLearnersRoom, workshopRoom, type WorkshopHub } from "./workshop-hub";

export const LIVE_ERRORS = {
  invalidRequest: "invalid-request",
  forbidden: "forbidden",
  notFound: "not-found",
  offline: "offline",
  agentRefused: "agent-refused",
  failed: "failed",
} as const;

const DEFAULT_HISTORY_SECONDS = 60;
const AGENT_ANSWER_TIMEOUT_MS = 5000;

/** The Socket.IO room of one machine's viewers. */
export const machineRoom = (machineId: string) => `machine:${machineId}`;

type TAckCallback = (response: TAck<unknown>) => void;
type TSchema<T> = { safeParse: (payload: unknown) => { success: true; data: T } | { success: false; error: Parameters<typeof describeZodError>[0] } };

export interface TLiveHandlerDependencies {
  access: TLiveAccess;
  presence: MachinePresence;
  /** Scenario runs; without it the scenario requests are not offered. */
  scenarios?: ScenarioConductor;
  workshops: WorkshopHub;
  log: (message: string) => void;
}

export function attachLiveHandlers(socket: Socket, viewer: TLiveUser, deps: TLiveHandlerDependencies): void {
  const { access, presence, scenarios, workshops, log } = deps;

  /** The machine when the viewer may watch it, or the error acknowledgement already sent. */
  async function watchOrRefuse(machineId: string, ack: TAckCallback): Promise<TWatchedMachine | null> {
    try {
      const machine = await access.watch(viewer, machineId);
      if (!machine) ack(ackError(LIVE_ERRORS.notFound, "No such lab machine"));
      return machine;
    } catch (error) {
      if ((error as Error).name === "ForbiddenError") ack(ackError(LIVE_ERRORS.forbidden, "This lab machine is not yours to watch"));
      else throw error;
      return null;
    }
  }

  const acknowledged = (handler: (payload: unknown, ack: TAckCallback) => Promise<void>) => (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return; // every /live request is acknowledged; without a callback there is no one to answer
    handler(payload, ack as TAckCallback).catch((error: Error) => {
      log(`live ${viewer.id}: ${error.message}`);
      (ack as TAckCallback)(ackError(LIVE_ERRORS.failed, "The server could not answer; try again"));
    });
  };

  /** Every request: acknowledged, validated against its schema, then handled. */
  function onRequest<T>(event: string, schema: TSchema<T>, handle: (request: T, ack: TAckCallback) => Promise<void>): void {
    socket.on(
      event,
      acknowledged(async (payload, ack) => {
        const request = schema.safeParse(payload);
        if (!request.success) return ack(ackError(LIVE_ERRORS.invalidRequest, describeZodError(request.error)));
        await handle(request.data, ack);
      }),
    );
  }

  onRequest(LIVE_EVENTS.subscribe, ZLiveSubscribe, async (request, ack) => {
    const { machineId } = request;
    const machine = await watchOrRefuse(machineId, ack);
    if (!machine) return;
    // Join first, then read history: a batch arriving in between is seen twice (the
    // browser keys samples by time) rather than not at all.
    await socket.join(machineRoom(machineId));
    const seconds = request.historySeconds ?? DEFAULT_HISTORY_SECONDS;
    const samples = seconds > 0 ? await access.history(viewer, machineId, { fromMs: Date.now() - seconds * 1000 }) : [];
    const answer: TLiveSubscribeAck = { state: presence.state(machineId, machine), samples };
    ack(ackData(answer));
  });

  onRequest(LIVE_EVENTS.unsubscribe, ZLiveUnsubscribe, async (request, ack) => {
    await socket.leave(machineRoom(request.machineId));
    ack(ackData({ unsubscribed: true }));
  });

  onRequest(LIVE_EVENTS.history, ZLiveHistoryRequest, async (request, ack) => {
    const { machineId, fromMs, toMs = Date.now() } = request;
    if (toMs < fromMs || toMs - fromMs > LIVE_MAX_HISTORY_SECONDS * 1000) {
      return ack(ackError(LIVE_ERRORS.invalidRequest, `toMs must be after fromMs and at most ${LIVE_MAX_HISTORY_SECONDS} s later`));
    }
    if (!(await watchOrRefuse(machineId, ack))) return;
    ack(ackData({ samples: await access.history(viewer, machineId, { fromMs, toMs }) }));
  });

  if (scenarios) {
    // Starting controls the machine: the data layer checks the viewer again when the run is recorded.
    onRequest(LIVE_EVENTS.scenarioStart, ZLiveScenarioStart, async (request, ack) => {
      if (!(await watchOrRefuse(request.machineId, ack))) return;
      try {
        ack(await scenarios.start(viewer, request));
      } catch (error) {
        if ((error as Error).name !== "ForbiddenError") throw error;
        ack(ackError(LIVE_ERRORS.forbidden, (error as Error).message));
      }
    });
    onRequest(LIVE_EVENTS.scenarioStop, ZLiveScenarioStop, async (request, ack) => {
      if (!(await watchOrRefuse(request.machineId, ack))) return;
      ack(await scenarios.stop(request.machineId, request.runId));
    });
  }

  // The instructor follows everything; a member only the workshop's announcements; anyone else nothing.
  onRequest(LIVE_EVENTS.workshopSubscribe, ZLiveWorkshopSubscribe, async (request, ack) => {
    const { workshopId } = request;
    if (await access.manageWorkshop(viewer, workshopId)) {
      await socket.join(workshopRoom(workshopId));
      await workshops.follow(workshopId);
      return ack(ackData({ as: "instructor" } satisfies TLiveWorkshopSubscribeAck));
    }
    if (await access.isWorkshopMember(viewer, workshopId)) {
      await socket.join(workshopLearnersRoom(workshopId));
      return ack(ackData({ as: "learner" } satisfies TLiveWorkshopSubscribeAck));
    }
    ack(ackError(LIVE_ERRORS.forbidden, "This workshop is not yours"));
  });

  onRequest(LIVE_EVENTS.workshopRunStart, ZLiveWorkshopRunStart, async (request, ack) => {
    try {
      ack(await workshops.scheduleRun(viewer, request));
    } catch (error) {
      if ((error as Error).name !== "ForbiddenError") throw error;
      ack(ackError(LIVE_ERRORS.forbidden, (error as Error).message));
    }
  });

  onRequest(LIVE_EVENTS.setSampling, ZLiveSetSampling, async (request, ack) => {
    const { machineId } = request;
    const machine = await watchOrRefuse(machineId, ack);
    if (!machine) return;
    const agentSocket = machine.revoked ? null : presence.agentSocket(machineId);
    if (!agentSocket) return ack(ackError(LIVE_ERRORS.offline, "The machine's agent is not connected"));
    let answer: unknown;
    try {
      answer = await agentSocket.timeout(AGENT_ANSWER_TIMEOUT_MS).emitWithAck(AGENT_EVENTS.setSampling, request.request);
    } catch {
      return ack(ackError(LIVE_ERRORS.offline, "The machine's agent did not answer"));
    }
    const state = ZSamplingState.safeParse((answer as { data?: unknown } | null)?.data);
    if (!state.success) return ack(ackError(LIVE_ERRORS.agentRefused, "The agent refused or answered something unexpected"));
    ack(ackData(state.data));
  });
}
