// The /live conversation: a signed-in browser subscribes to lab machines it may watch and
// receives their samples as they arrive. The server checks the viewer on every subscribe,
// history request and sampling change (never trusts an earlier answer); live samples are
// volatile (a slow tab skips some rather than queueing them), so charts resync from
// history every so often and a dropped message cannot leave one wrong.
import * as z from "zod/mini";
import { ZSample, ZSamplingRequest, ZSamplingState, type TSample, type TSamplingState } from "./agent-events";

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
/** One stored batch for its viewers; its sampling says whether the samples are high-resolution. */
export type TLiveSamples = { machineId: string; samples: TSample[]; sampling: TSamplingState };

export interface TLiveSubscribeAck {
  state: TMachineState;
  samples: TSample[];
}


