// A scenario's manifest (content/scripts/<id>/scenario.yaml) as agent, server and
// browser read it: its bounded integer parameters, its duration limits, and the signals
// that prove, in the agent's own metrics, that the problem really happened.
import * as z from "zod/mini";
import { METRIC_IDS } from "../metrics/catalogue";

const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ZScenarioId = z.string().check(z.regex(KEBAB_ID, "must be kebab-case, like softirq-backlog"), z.maxLength(64));

export const ZScenarioParameter = z
  .strictObject({
    name: ZScenarioId.check(z.refine((name) => name !== "duration" && name !== "cleanup-only", "is reserved")),
    default: z.int(),
    min: z.int(),
    max: z.int(),
    description: z.string().check(z.minLength(1)),
  })
  .check(z.refine((parameter) => parameter.min <= parameter.default && parameter.default <= parameter.max, "needs min ≤ default ≤ max"));
export type TScenarioParameter = z.infer<typeof ZScenarioParameter>;

export const SIGNAL_CONDITIONS = ["above", "increases"] as const;

export const ZScenarioSignal = z
  .strictObject({
    metric: z.string().check(z.refine((id) => METRIC_IDS.has(id), "is not in the metric catalogue")),
    /** above: the highest value during the run exceeds threshold; increases: a counter went up by more than threshold (default 0). */
    condition: z.enum(SIGNAL_CONDITIONS),
    threshold: z.optional(z.number()),
    /** The threshold is per CPU: multiplied by the machine's CPU count. */
    perCpu: z.optional(z.boolean()),
    /** Only series carrying these label values count. */
    labels: z.optional(z.record(z.string(), z.string())),
    /** Only for runs whose parameter equals / is above this value. */
    when: z.optional(z.strictObject({ parameter: ZScenarioId, equals: z.optional(z.int()), above: z.optional(z.int()) })),
    description: z.string().check(z.minLength(1)),
  })
  .check(z.refine((signal) => signal.condition === "increases" || signal.threshold !== undefined, "an above signal needs a threshold"));
export type TScenarioSignal = z.infer<typeof ZScenarioSignal>;

export const ZScenarioManifest = z
  .strictObject({
    id: ZScenarioId,
    title: z.string().check(z.minLength(1), z.maxLength(120)),
    summary: z.string().check(z.minLength(1)),
    topics: z.array(z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/, 'must be a topic id like "2.3"'))),
    /** For people: what the script needs (it checks for itself). */
    requires: z.optional(z.record(z.string(), z.unknown())),
    duration: z.strictObject({ default: z.int().check(z.minimum(1)), max: z.int().check(z.minimum(1), z.maximum(3600)) }),
    parameters: z.array(ZScenarioParameter),
    /** Named parameter sets worth running on their own (an OOM variant, a cgroup variant): offered as presets, each tested. */
    variants: z.optional(z.array(z.strictObject({ name: ZScenarioId, title: z.string().check(z.minLength(1)), parameters: z.record(z.string(), z.int()) }))),
    signals: z.array(ZScenarioSignal).check(z.minLength(1, "needs at least one signal")),
  })
  .check(
    z.refine((manifest) => manifest.duration.default <= manifest.duration.max, "duration.default must not exceed duration.max"),
    z.refine((manifest) => manifest.signals.every((signal) => !signal.when || manifest.parameters.some((parameter) => parameter.name === signal.when!.parameter)), "a signal's when names a parameter the scenario does not have"),
    z.refine((manifest) => (manifest.variants ?? []).every((variant) => "data" in resolveScenarioArguments(manifest, { parameters: variant.parameters })), "a variant's parameters must be the scenario's, within their bounds"),
  );
export type TScenarioManifest = z.infer<typeof ZScenarioManifest>;

/** What a run is started with: the duration and every parameter, each within bounds. */
export interface TScenarioArguments {
  durationSeconds: number;
  parameters: Record<string, number>;
}

/**
 * Checks a run request against the manifest: unknown parameters, non-integers and values
 * out of bounds are refused with a sentence naming the parameter; missing ones take
 * their default. The agent and the server both run it.
 */
export function resolveScenarioArguments(manifest: TScenarioManifest, request: { durationSeconds?: unknown; parameters?: unknown }): { data: TScenarioArguments } | { error: string } {
  const duration = request.durationSeconds ?? manifest.duration.default;
  if (!Number.isInteger(duration) || (duration as number) < 1 || (duration as number) > manifest.duration.max) {
    return { error: `duration must be a whole number of seconds from 1 to ${manifest.duration.max}` };
  }
  const given = request.parameters ?? {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) return { error: "parameters must be an object of name: whole number" };
  const known = new Map(manifest.parameters.map((parameter) => [parameter.name, parameter]));
  for (const name of Object.keys(given)) if (!known.has(name)) return { error: `${manifest.id} has no parameter "${name.slice(0, 64)}"` };
  const parameters: Record<string, number> = {};
  for (const parameter of manifest.parameters) {
    const value = (given as Record<string, unknown>)[parameter.name] ?? parameter.default;
    if (!Number.isInteger(value) || (value as number) < parameter.min || (value as number) > parameter.max) {
      return { error: `${parameter.name} must be a whole number from ${parameter.min} to ${parameter.max}` };
    }
    parameters[parameter.name] = value as number;
  }
  return { data: { durationSeconds: duration as number, parameters } };
}

/** run.sh's command line for resolved arguments: every value an integer, so nothing needs quoting. */
export function scenarioCommandLine(args: TScenarioArguments): string[] {
  return ["--duration", String(args.durationSeconds), ...Object.entries(args.parameters).flatMap(([name, value]) => [`--${name}`, String(value)])];
}
