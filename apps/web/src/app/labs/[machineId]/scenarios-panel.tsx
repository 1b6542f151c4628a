"use client";
// Scenarios on this machine: what its agent can run (and for the rest, what is missing),
// each with its topics, parameters and presets; Start sends only an id and whole-number
// parameters (the server and the agent check them against the manifest); the run's
// progress and verdict arrive live, and the recording opens as a replay.
import type { TScenarioManifest } from "@perflab/protocol";
import { useState } from "react";
import type { TLiveMachine } from "@/live/use-live-machine";
import { RunProgress } from "./run-progress";
import { TopicLinks } from "@/components/topic-links";

export interface TMachineScenario {
  manifest: TScenarioManifest;
  /** null when the machine's agent has not said (an agent older than scenarios, or never connected). */
  available: boolean | null;
  missing: { requirement: string; hint: string }[];
}

interface TScenariosPanelProps {
  scenarios: TMachineScenario[];
  live: Pick<TLiveMachine, "scenarioRun" | "startScenario" | "stopScenario" | "state">;
  /** Opened from a curriculum exercise: that scenario first, and the run counts as the exercise's evidence. */
  requested: { scenarioId: string; variant: string | null; exerciseId: string | null } | null;
}

export function ScenariosPanel({ scenarios, live, requested }: TScenariosPanelProps) {
  const ordered = requested ? [...scenarios].sort((a, b) => Number(b.manifest.id === requested.scenarioId) - Number(a.manifest.id === requested.scenarioId)) : scenarios;
  const run = live.scenarioRun;
  const isRunning = run !== null && run.exitStatus === null;
  return (
    <section className="space-y-4" data-testid="scenarios-view">
      {run ? <RunProgress run={run} title={scenarios.find((scenario) => scenario.manifest.id === run.scenarioId)?.manifest.title ?? run.scenarioId} onStop={() => void live.stopScenario(run.runId)} /> : null}
      <ul className="grid gap-4 lg:grid-cols-2">
        {ordered.map((scenario) => (
          <ScenarioCard
            key={scenario.manifest.id}
            scenario={scenario}
            initialVariant={requested?.scenarioId === scenario.manifest.id ? requested.variant : null}
            highlighted={requested?.scenarioId === scenario.manifest.id}
            canStart={live.state?.online === true && !isRunning}
            onStart={(start) => live.startScenario({ scenarioId: scenario.manifest.id, ...start, ...(requested?.scenarioId === scenario.manifest.id && requested.exerciseId ? { exerciseId: requested.exerciseId } : {}) })}
          />
        ))}
      </ul>
    </section>
  );
}

type TStart = { durationSeconds: number; parameters: Record<string, number> };

interface TScenarioCardProps {
  scenario: TMachineScenario;
  /** The preset an exercise asked for, filled in from the start. */
  initialVariant: string | null;
  highlighted: boolean;
  canStart: boolean;
  onStart: (start: TStart) => Promise<{ data: unknown } | { error: { message: string } }>;
}

function ScenarioCard({ scenario, initialVariant, highlighted, canStart, onStart }: TScenarioCardProps) {
  const { manifest } = scenario;
  const defaults = () => Object.fromEntries(manifest.parameters.map((parameter) => [parameter.name, String(parameter.default)]));
  const withVariant = (name: string | null) => {
    const variant = (manifest.variants ?? []).find((candidate) => candidate.name === name);
    return { ...defaults(), ...Object.fromEntries(Object.entries(variant?.parameters ?? {}).map(([parameter, value]) => [parameter, String(value)])) };
  };
  const [values, setValues] = useState<Record<string, string>>(() => withVariant(initialVariant));
  const [duration, setDuration] = useState(String(manifest.duration.default));
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setError(null);
    const parameters: Record<string, number> = {};
    for (const parameter of manifest.parameters) {
      const value = Number(values[parameter.name]);
      if (!Number.isInteger(value) || value < parameter.min || value > parameter.max) return setError(`${parameter.name} must be a whole number from ${parameter.min} to ${parameter.max}`);
      parameters[parameter.name] = value;
    }
    const seconds = Number(duration);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > manifest.duration.max) return setError(`Duration must be a whole number of seconds from 1 to ${manifest.duration.max}`);
    const answer = await onStart({ durationSeconds: seconds, parameters });
    if ("error" in answer) setError(answer.error.message);
  }

  return (
    <li className={`rounded-lg border bg-white p-4 shadow-sm ${highlighted ? "border-emerald-400 ring-2 ring-emerald-100" : "border-slate-200"}`} data-testid={`scenario-${manifest.id}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold">{manifest.title}</h3>
        {scenario.available === false ? <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">cannot run here</span> : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{manifest.summary}</p>
      <p className="mt-1 text-xs text-slate-500">
        Topics:{" "}
        <TopicLinks topicIds={manifest.topics} />{" "}
        · proves it with {manifest.signals.map((signal) => signal.metric).filter((metric, index, all) => all.indexOf(metric) === index).join(", ")}
      </p>
      {scenario.available === false ? (
        <ul className="mt-2 text-sm text-amber-800">
          {scenario.missing.map((missing) => (
            <li key={missing.requirement}>
              Missing {missing.requirement}: {missing.hint}
            </li>
          ))}
        </ul>
      ) : (
        <form
          className="mt-3 flex flex-wrap items-end gap-3 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <NumberField label="Duration (s)" name="duration" value={duration} min={1} max={manifest.duration.max} onChange={setDuration} />
          {manifest.parameters.map((parameter) => (
            <NumberField key={parameter.name} label={parameter.name} title={parameter.description} name={parameter.name} value={values[parameter.name] ?? ""} min={parameter.min} max={parameter.max} onChange={(value) => setValues((current) => ({ ...current, [parameter.name]: value }))} />
          ))}
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50" disabled={!canStart} data-testid="scenario-start">
            Start
          </button>
          {(manifest.variants ?? []).map((variant) => (
            <button
              key={variant.name}
              type="button"
              title={variant.title}
              className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
              onClick={() => setValues(withVariant(variant.name))}
            >
              Preset: {variant.name}
            </button>
          ))}
        </form>
      )}
      {error ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function NumberField({ label, name, value, min, max, onChange, title }: { label: string; name: string; value: string; min: number; max: number; onChange: (value: string) => void; title?: string }) {
  return (
    <label className="flex flex-col gap-1" title={title}>
      <span className="text-xs text-slate-600">
        {label} ({min}-{max})
      </span>
      <input type="number" name={name} className="w-24 rounded-md border border-slate-300 px-2 py-1" value={value} min={min} max={max} step={1} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
