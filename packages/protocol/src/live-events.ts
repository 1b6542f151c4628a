// The /live conversation: a signed-in browser subscribes to lab machines it may watch and
// receives their samples as they arrive. The server checks the viewer on every subscribe,
// history request and sampling change (never trusts an earlier answer); live samples are
// volatile (a slow tab skips some rather than queueing them), so charts resync from
// history every so often and a dropped message cannot leave one wrong.
import * as z from "zod/mini";
import { ZSample, ZSamplingRequest, ZSamplingState, type TSample, type TSamplingState } from "./agent-events";
import type { TScenarioEvent } from "./scenarios/scenario-events";
import type { TScenarioVerdict } from "./scenarios/signal-verdict";

export const LIVE_EVENTS = {
  /** browser → server, acknowledged with TLiveSubscribeAck: start receiving a machine's samples. */
  subscribe: "live:subscribe",
  /** browser → server, acknowledged with { unsubscribed: true }. */
  unsubscribe: "live:unsubscribe",
  /** browser → server, acknowledged with { samples }: stored samples in a time range (resync, scrubbing). */
  history: "live:history",
  /** server → browser, volatile: samples of a subscribed machine, as the agent sent them. */
  samples: "live:samples",
  /** server → browser: a subscribed machine came online, went offline, changed sampling or was revoked. */
  machineState: "live:machine-state",
  /** browser → server, acknowledged with TSamplingState: ask the machine's agent for a sampling mode. */
  setSampling: "live:set-sampling",
  /** browser → server, acknowledged with { runId }: start a scenario from the machine's agent's catalogue. */
  scenarioStart: "live:scenario-start",
  /** browser → server, acknowledged with { stopping: true }. */
  scenarioStop: "live:scenario-stop",
  /** server → browser: a progress event of a run on a subscribed machine. */
  scenarioEvent: "live:scenario-event",
  /** server → browser: a run's verdict so far (final once the run ended). */
  scenarioVerdict: "live:scenario-verdict",
  /** browser → server, acknowledged with { subscribed: true }: a workshop's instructor follows its learners' progress. */
  workshopSubscribe: "live:workshop-subscribe",
  /** server → browser: a learner of the workshop progressed (read, quiz, exercise, diagnosis) or their machine changed; refetch. */
  workshopProgress: "live:workshop-progress",
  /** server → instructor, volatile, at most once a second per machine: a member's machine's CPU and pressure, for the thumbnails. */
  workshopMachine: "live:workshop-machine",
  /** instructor → server, acknowledged with TLiveWorkshopRunScheduled: a scenario on many learners' machines after a countdown (or a drill). */
  workshopRunStart: "live:workshop-run-start",
  /** server → instructor: one machine's part of a workshop run changed (started, refused, verdict, end). */
  workshopRunUpdate: "live:workshop-run-update",
  /** server → the workshop's learners: a run or drill was scheduled, or a drill was revealed; refetch. */
  workshopAnnouncement: "live:workshop-announcement",
} as const;

/** Longest history a subscribe or history request returns (the lab page's widest window). */
export const LIVE_MAX_HISTORY_SECONDS = 3600;

const ZMachineId = z.string().check(z.minLength(1), z.maxLength(64));

export const ZLiveSubscribe = z.strictObject({
  machineId: ZMachineId,
  /** Recent history to receive with the answer, in seconds (default 60). */
  historySeconds: z.optional(z.int().check(z.minimum(0), z.maximum(LIVE_MAX_HISTORY_SECONDS))),
});
export type TLiveSubscribe = z.infer<typeof ZLiveSubscribe>;

export const ZLiveUnsubscribe = z.strictObject({ machineId: ZMachineId });

export const ZLiveHistoryRequest = z.strictObject({
  machineId: ZMachineId,
  fromMs: z.int().check(z.minimum(0)),
  toMs: z.optional(z.int().check(z.minimum(0))),
});
export type TLiveHistoryRequest = z.infer<typeof ZLiveHistoryRequest>;

export const ZLiveSetSampling = z.strictObject({ machineId: ZMachineId, request: ZSamplingRequest });
export type TLiveSetSampling = z.infer<typeof ZLiveSetSampling>;

export const ZMachineState = z.object({
  machineId: z.string(),
  online: z.boolean(),
  revoked: z.boolean(),
  /** The agent's sampling as of its last batch; null when it has not sent one this session. */
  sampling: z.nullable(ZSamplingState),
  lastSeenMs: z.nullable(z.int()),
});
export type TMachineState = z.infer<typeof ZMachineState>;

export const ZLiveSamples = z.object({ machineId: z.string(), samples: z.array(ZSample), sampling: ZSamplingState });
/** One batch for its viewers; its sampling says whether the samples are high-resolution. */
export type TLiveSamples = { machineId: string; samples: TSample[]; sampling: TSamplingState };

export interface TLiveSubscribeAck {
  state: TMachineState;
  samples: TSample[];
}



export const ZLiveScenarioStart = z.strictObject({
  machineId: ZMachineId,
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  durationSeconds: z.optional(z.int()),
  parameters: z.optional(z.record(z.string().check(z.maxLength(64)), z.int())),
  /** The curriculum exercise this run is evidence for, "topicId/exerciseId". */
  exerciseId: z.optional(z.string().check(z.maxLength(140))),
});
export type TLiveScenarioStart = z.infer<typeof ZLiveScenarioStart>;

export const ZLiveScenarioStop = z.strictObject({ machineId: ZMachineId, runId: z.string().check(z.minLength(1), z.maxLength(64)) });

export interface TLiveScenarioEvent {
  machineId: string;
  event: TScenarioEvent;
}

export interface TLiveScenarioVerdict {
  machineId: string;
  runId: string;
  scenarioId: string;
  /** The run's status: running until the agent reports its end. */
  status: string;
  verdict: TScenarioVerdict;
  final: boolean;
}

export const ZLiveWorkshopSubscribe = z.strictObject({ workshopId: z.string().check(z.minLength(1), z.maxLength(64)) });
/** The instructor's view follows progress, machines and runs; a learner's follows announcements only. */
export interface TLiveWorkshopSubscribeAck {
  as: "instructor" | "learner";
}

export interface TLiveWorkshopProgress {
  workshopId: string;
  userId: string;
}

/** One member machine's latest second, for the instructor's thumbnails (null: not collected on that machine). */
export interface TLiveWorkshopMachine {
  workshopId: string;
  machineId: string;
  t: number;
  cpuBusyPct: number | null;
  psiCpuPct: number | null;
  psiMemoryPct: number | null;
  psiIoPct: number | null;
}

/** Longest countdown before a workshop run starts. */
export const WORKSHOP_RUN_MAX_COUNTDOWN_SECONDS = 300;

export const ZLiveWorkshopRunStart = z.strictObject({
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** A variant of the scenario: its parameters are the preset, overridden by parameters. */
  variant: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  durationSeconds: z.optional(z.int()),
  parameters: z.optional(z.record(z.string().check(z.maxLength(64)), z.int())),
  /** Only these learners (user ids); all members with a machine when absent. */
  learnerIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(500))),
  countdownSeconds: z.int().check(z.minimum(0), z.maximum(WORKSHOP_RUN_MAX_COUNTDOWN_SECONDS)),
  /** A drill: learners are not told the scenario until the instructor reveals it. */
  isDrill: z.boolean(),
});
export type TLiveWorkshopRunStart = z.infer<typeof ZLiveWorkshopRunStart>;

export interface TLiveWorkshopRunScheduled {
  workshopRunId: string;
  startsAtMs: number;
  /** Learners whose machine will get the run; the others are named with why not. */
  targets: { userId: string; machineId: string }[];
  skipped: { userId: string; reason: string }[];
}

export interface TLiveWorkshopRunUpdate {
  workshopId: string;
  workshopRunId: string;
  userId: string;
  machineId: string;
  /** The scenario run on that machine, once it was requested. */
  runId: string | null;
  /** requested, running, a final run status, or "not-started" with a problem. */
  status: string;
  problem: string | null;
  reproduced: boolean | null;
  final: boolean;
}

export interface TLiveWorkshopAnnouncement {
  workshopId: string;
  kind: "run-scheduled" | "drill-revealed";
  workshopRunId: string;
  isDrill: boolean;
  startsAtMs: number;
}
