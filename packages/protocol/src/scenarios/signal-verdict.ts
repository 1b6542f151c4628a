// Did the scenario happen? Each applicable signal of the manifest is evaluated on the
// samples the agent streamed during the run (gauges as sampled, counters as per-second
// rates): "above" looks for the highest value over the matching series, "increases"
// integrates the rate over time into the counter's growth. The verdict is "reproduced"
// when every applicable signal fired, and otherwise names the ones that did not.
import type { TSample } from "../agent-events";
import type { TScenarioManifest, TScenarioSignal } from "./scenario-manifest";

export interface TSignalResult {
  metric: string;
  description: string;
  condition: TScenarioSignal["condition"];
  /** The threshold as applied (per-CPU thresholds already multiplied). */
  threshold: number;
  fired: boolean;
  /** above: the highest value seen; increases: the growth over the run. Null without data. */
  observed: number | null;
  /** The series that showed it, e.g. "softnet.dropped{cpu=1}". */
  series: string | null;
  /** When it first fired (ms), null if it did not. */
  firedAtMs: number | null;
}

export interface TScenarioVerdict {
  reproduced: boolean;
  signals: TSignalResult[];
  /** One sentence for the learner. */
  summary: string;
}

/** A rate sample covers the time since the previous one; a gap longer than this counts as this. */
const MAX_RATE_SPAN_MS = 2000;

export function signalApplies(signal: TScenarioSignal, parameters: Readonly<Record<string, number>>): boolean {
  if (!signal.when) return true;
  const value = parameters[signal.when.parameter];
  if (value === undefined) return false;
  if (signal.when.equals !== undefined && value !== signal.when.equals) return false;
  if (signal.when.above !== undefined && !(value > signal.when.above)) return false;
  return true;
}

function labelsMatch(wanted: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!wanted) return true;
  return Object.entries(wanted).every(([name, value]) => labels?.[name] === value);
}

function describeSeries(metric: string, labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? metric : `${metric}{${entries.map(([name, value]) => `${name}=${value}`).join(",")}}`;
}

export function evaluateSignal(signal: TScenarioSignal, samples: readonly TSample[], cpuCount: number): TSignalResult {
  const threshold = (signal.threshold ?? 0) * (signal.perCpu ? cpuCount : 1);
  const result: TSignalResult = { metric: signal.metric, description: signal.description, condition: signal.condition, threshold, fired: false, observed: null, series: null, firedAtMs: null };
  const growth = new Map<string, { total: number; lastT: number | null }>();
  for (const sample of samples) {
    for (const point of sample.points) {
      if (point[0] !== signal.metric || !labelsMatch(signal.labels, point[2])) continue;
      const series = describeSeries(point[0], point[2]);
      let value = point[1];
      if (signal.condition === "increases") {
        const state = growth.get(series) ?? { total: 0, lastT: null };
        const spanMs = state.lastT === null ? 1000 : Math.min(MAX_RATE_SPAN_MS, sample.t - state.lastT);
        state.total += Math.max(0, value) * (spanMs / 1000);
        state.lastT = sample.t;
        growth.set(series, state);
        value = state.total;
      }
      if (result.observed === null || value > result.observed) {
        result.observed = value;
        result.series = series;
      }
      if (!result.fired && value > threshold) {
        result.fired = true;
        result.firedAtMs = sample.t;
      }
    }
  }
  return result;
}

export function evaluateScenario(manifest: TScenarioManifest, parameters: Readonly<Record<string, number>>, samples: readonly TSample[], cpuCount: number): TScenarioVerdict {
  const signals = manifest.signals.filter((signal) => signalApplies(signal, parameters)).map((signal) => evaluateSignal(signal, samples, cpuCount));
  const missing = signals.filter((signal) => !signal.fired);
  const reproduced = signals.length > 0 && missing.length === 0;
  const summary = reproduced
    ? `Reproduced: ${signals.map((signal) => signal.description).join("; ")}.`
    : `Did not reproduce: ${missing.map((signal) => (signal.observed === null ? `${signal.metric} was not reported` : `${signal.description} (${signal.metric} reached ${round(signal.observed)}, needed above ${round(signal.threshold)})`)).join("; ")}.`;
  return { reproduced, signals, summary };
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : String(Math.round(value * 100) / 100);
}

/** A curriculum exercise's check (content: metric, increases | above | below, threshold) on a run's samples. */
export function evaluateExerciseCheck(check: { metric: string; condition: "increases" | "above" | "below"; threshold?: number }, samples: readonly TSample[], cpuCount: number): { passed: boolean; summary: string } {
  if (check.condition !== "below") {
    const result = evaluateSignal({ metric: check.metric, condition: check.condition, threshold: check.threshold, description: check.metric }, samples, cpuCount);
    const observed = result.observed === null ? "was not reported" : `${check.condition === "increases" ? "grew by" : "peaked at"} ${round(result.observed)}`;
    return { passed: result.fired, summary: `${check.metric} ${observed} (the exercise checks ${check.condition}${check.threshold !== undefined ? ` ${check.threshold}` : ""})` };
  }
  let lowest: number | null = null;
  for (const sample of samples) for (const point of sample.points) if (point[0] === check.metric && (lowest === null || point[1] < lowest)) lowest = point[1];
  const passed = lowest !== null && lowest < (check.threshold ?? 0);
  return { passed, summary: `${check.metric} ${lowest === null ? "was not reported" : `went down to ${round(lowest)}`} (the exercise checks below ${check.threshold})` };
}
