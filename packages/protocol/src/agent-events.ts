// The /agent conversation after the handshake: the agent introduces its machine (hello),
// streams metric batches that the server acknowledges one by one, and the server may ask
// for a bounded window of high-resolution sampling. Every payload is validated by the
// receiver with these schemas; limits are part of the contract, so an agent never sends
// what a server would refuse. Written with zod/mini (functions instead of methods): the
// agent bundles only the validators it uses, which keeps zod's ~3 MB of heap off lab
// machines (measured by `npm run bench:agent`).
import * as z from "zod/mini";
import { ZScenarioAvailability } from "./scenarios/scenario-events";
import { METRIC_IDS } from "./metrics/catalogue";

export const AGENT_EVENTS = {
  /** agent → server, acknowledged with THelloAck: who this machine is and what it can measure. */
  hello: "agent:hello",
  /**
   * agent → server, acknowledged with TBatchAck: a batch of samples with its sequence number.
   * The payload is the batch as UTF-8 JSON bytes (what the agent sends: serialized once, so
   * its buffer budget is exact and the server checks the size before parsing anything) or,
   * for hand-made clients, the batch object itself.
   */
  batch: "agent:batch",
  /** server → agent, acknowledged with TSamplingState: switch sampling mode. */
  setSampling: "agent:set-sampling",
} as const;

/** Largest batch the server accepts, serialized (an agent splits before reaching it). */
export const MAX_BATCH_BYTES = 512 * 1024;
export const MAX_SAMPLES_PER_BATCH = 1000;
export const MAX_POINTS_PER_SAMPLE = 4000;
export const HIGH_RES_INTERVAL_MS = { min: 10, max: 100 } as const;
export const HIGH_RES_MAX_DURATION_MS = 60_000;

export const ZHostFacts = z.strictObject({
  hostname: z.string().check(z.minLength(1), z.maxLength(253)),
  kernelRelease: z.string().check(z.minLength(1), z.maxLength(200)),
  architecture: z.string().check(z.minLength(1), z.maxLength(40)),
  cpuCount: z.int().check(z.minimum(1), z.maximum(8192)),
  memoryBytes: z.int().check(z.minimum(0)),
  /** Boot time (ms since epoch) from /proc/stat btime. */
  bootTimeMs: z.int().check(z.minimum(0)),
});
export type THostFacts = z.infer<typeof ZHostFacts>;

/** What this kernel exposes; a missing file is a capability, never an error. */
export const ZCapabilities = z.strictObject({
  psi: z.strictObject({ cpu: z.boolean(), memory: z.boolean(), io: z.boolean(), irq: z.boolean() }),
  schedstat: z.boolean(),
  cgroup: z.enum(["v1", "v2", "none"]),
  /** softnet_stat rows carry their CPU id (5.10+); before, a row index is not a CPU id. */
  softnetCpuColumn: z.boolean(),
  /** Fields after the device name in /proc/diskstats: 11, 15 (4.18+) or 17 (5.5+); null if absent. */
  diskstatsFields: z.nullable(z.int()),
});
export type TCapabilities = z.infer<typeof ZCapabilities>;

export const ZSamplingState = z.strictObject({
  mode: z.enum(["normal", "high-res"]),
  intervalMs: z.int().check(z.minimum(HIGH_RES_INTERVAL_MS.min), z.maximum(60_000)),
  /** Samples per second actually taken over the last window (timers drift; see FIELD-NOTES 14). */
  achievedHz: z.number().check(z.minimum(0)),
  /** When high-res mode ends by itself (ms since epoch); null in normal mode. */
  highResUntilMs: z.nullable(z.int()),
});
export type TSamplingState = z.infer<typeof ZSamplingState>;

export const ZAgentHello = z.strictObject({
  agentVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  /** Random per agent process: sequence numbers restart at 1 in each stream. */
  streamId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 URL-safe characters")),
  host: ZHostFacts,
  capabilities: ZCapabilities,
  sampling: ZSamplingState,
  /** The scenarios this agent carries, each with whether this machine can run it (absent from agents before scenarios). */
  scenarios: z.optional(z.array(ZScenarioAvailability).check(z.maxLength(100))),
});
export type TAgentHello = z.infer<typeof ZAgentHello>;

export const ZHelloAck = z.object({
  agentId: z.string(),
  /** Highest sequence number already stored: the agent may discard what is at or below it. */
  lastStoredSeq: z.int().check(z.minimum(0)),
});
export type THelloAck = z.infer<typeof ZHelloAck>;

const ZMetricId = z.string().check(z.refine((id) => METRIC_IDS.has(id), "is not in the metric catalogue"));
const ZLabelValue = z.string().check(z.minLength(1), z.maxLength(64));

/** One value of one metric: [metric id, value, labels?] — a tuple to keep batches small. */
export const ZMetricPoint = z.union([
  z.tuple([ZMetricId, z.number()]),
  z.tuple([ZMetricId, z.number(), z.record(z.string().check(z.minLength(1), z.maxLength(32)), ZLabelValue)]),
]);
export type TMetricPoint = z.infer<typeof ZMetricPoint>;

export const ZSample = z.strictObject({
  /** When the files were read (ms since epoch, agent clock). */
  t: z.int().check(z.minimum(0)),
  points: z.array(ZMetricPoint).check(z.maxLength(MAX_POINTS_PER_SAMPLE)),
});
export type TSample = z.infer<typeof ZSample>;

export const ZCollectorError = z.strictObject({ collector: z.string().check(z.minLength(1), z.maxLength(64)), message: z.string().check(z.maxLength(500)) });

export const ZMetricBatch = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  samples: z.array(ZSample).check(z.minLength(1), z.maxLength(MAX_SAMPLES_PER_BATCH)),
  /** Collectors that failed while this batch was sampled; the others carried on. */
  collectorErrors: z.array(ZCollectorError).check(z.maxLength(50)),
  /** Batches the agent discarded from its full buffer since it started (drop-oldest). */
  droppedBatches: z.int().check(z.minimum(0)),
  sampling: ZSamplingState,
});
export type TMetricBatch = z.infer<typeof ZMetricBatch>;

export const ZBatchAck = z.object({
  seq: z.int(),
  /** false when this sequence number was stored before (a resend after a reconnect). */
  stored: z.boolean(),
});
export type TBatchAck = z.infer<typeof ZBatchAck>;

export const ZSamplingRequest = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("high-res"),
    intervalMs: z.int().check(z.minimum(HIGH_RES_INTERVAL_MS.min), z.maximum(HIGH_RES_INTERVAL_MS.max)),
    durationMs: z.int().check(z.minimum(1000), z.maximum(HIGH_RES_MAX_DURATION_MS)),
  }),
  z.strictObject({ mode: z.literal("normal") }),
]);
export type TSamplingRequest = z.infer<typeof ZSamplingRequest>;
