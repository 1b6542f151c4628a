// The scenario conversation between server and agent. The server asks the agent to start
// a scenario by id with parameters (never a script or a path: the agent runs only its own
// catalogue and checks the parameters against the manifest itself), and to stop a run;
// the agent reports each run's progress as events and announces, in its hello, which
// scenarios this machine can run.
import * as z from "zod/mini";

const ZRunId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, - or _"));
const ZScenarioIdOnWire = z.string().check(z.minLength(1), z.maxLength(64));

export const SCENARIO_EVENTS = {
  /** server → agent, acknowledged with { data: { runId } } or an error (unknown-scenario, invalid-parameters, busy, unavailable). */
  start: "scenario:start",
  /** server → agent, acknowledged with { data: { stopping: true } } or not-running. */
  stop: "scenario:stop",
  /** agent → server: one progress event of a run. */
  event: "scenario:event",
} as const;

export const SCENARIO_ERRORS = {
  unknownScenario: "unknown-scenario",
  invalidParameters: "invalid-parameters",
  busy: "busy",
  unavailable: "unavailable",
  notRunning: "not-running",
  invalidRequest: "invalid-request",
} as const;

export const ZScenarioStart = z.strictObject({
  runId: ZRunId,
  scenarioId: ZScenarioIdOnWire,
  durationSeconds: z.optional(z.unknown()),
  parameters: z.optional(z.unknown()),
});
export type TScenarioStart = z.infer<typeof ZScenarioStart>;

export const ZScenarioStop = z.strictObject({ runId: ZRunId });

export const SCENARIO_PHASES = ["requirements", "setup", "running", "cleanup", "done"] as const;
export const SCENARIO_EXIT_STATUSES = ["done", "failed", "bad-parameters", "requirements-missing", "stopped", "timed-out"] as const;
export type TScenarioExitStatus = (typeof SCENARIO_EXIT_STATUSES)[number];

const eventBase = { runId: ZRunId, t: z.int().check(z.minimum(0)) };
export const ZScenarioEvent = z.discriminatedUnion("kind", [
  z.strictObject({ ...eventBase, kind: z.literal("phase"), phase: z.enum(SCENARIO_PHASES) }),
  z.strictObject({ ...eventBase, kind: z.literal("output"), stream: z.enum(["stdout", "stderr"]), line: z.string().check(z.maxLength(2000)) }),
  z.strictObject({ ...eventBase, kind: z.literal("missing"), requirement: z.string().check(z.maxLength(200)), hint: z.string().check(z.maxLength(500)) }),
  z.strictObject({ ...eventBase, kind: z.literal("note"), message: z.string().check(z.maxLength(2000)) }),
  z.strictObject({ ...eventBase, kind: z.literal("error"), message: z.string().check(z.maxLength(2000)) }),
  z.strictObject({ ...eventBase, kind: z.literal("exit"), status: z.enum(SCENARIO_EXIT_STATUSES), exitCode: z.nullable(z.int()) }),
]);
export type TScenarioEvent = z.infer<typeof ZScenarioEvent>;

/** In the hello: what this machine can run, and for the rest what is missing. */
export const ZScenarioAvailability = z.strictObject({
  id: ZScenarioIdOnWire,
  available: z.boolean(),
  missing: z.array(z.strictObject({ requirement: z.string().check(z.maxLength(200)), hint: z.string().check(z.maxLength(500)) })).check(z.maxLength(20)),
});
export type TScenarioAvailability = z.infer<typeof ZScenarioAvailability>;

type TDistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before the runner stamps it with its run and time. */
export type TScenarioEventBody = TDistributiveOmit<TScenarioEvent, "runId" | "t">;
