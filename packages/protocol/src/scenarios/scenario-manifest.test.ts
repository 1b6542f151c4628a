import { describe, expect, it } from "vitest";
import { resolveScenarioArguments, scenarioCommandLine, ZScenarioManifest, type TScenarioManifest } from "./scenario-manifest";

const manifest: TScenarioManifest = {
  id: "cpu-starvation",
  title: "CPU starvation",
  summary: "More runnable threads than CPUs.",
  topics: ["2.2"],
  duration: { default: 30, max: 300 },
  parameters: [{ name: "threads", default: 4, min: 1, max: 64, description: "busy threads" }],
  signals: [{ metric: "sched.procs_running", condition: "above", threshold: 1, perCpu: true, description: "a queue" }],
};

describe("scenario manifests", () => {
  it("accepts a complete manifest and refuses unknown metrics, bad bounds and dangling conditions with the field named", () => {
    expect(ZScenarioManifest.safeParse(manifest).success).toBe(true);
    const unknownMetric = ZScenarioManifest.safeParse({ ...manifest, signals: [{ ...manifest.signals[0], metric: "cpu.magic" }] });
    expect(unknownMetric.success).toBe(false);
    expect(JSON.stringify(unknownMetric.error?.issues)).toContain("is not in the metric catalogue");
    expect(ZScenarioManifest.safeParse({ ...manifest, parameters: [{ ...manifest.parameters[0], default: 99 }] }).success).toBe(false);
    expect(ZScenarioManifest.safeParse({ ...manifest, signals: [{ ...manifest.signals[0], when: { parameter: "nope", equals: 0 } }] }).success).toBe(false);
    expect(ZScenarioManifest.safeParse({ ...manifest, signals: [{ metric: "sched.procs_running", condition: "above", description: "x" }] }).success).toBe(false);
    expect(ZScenarioManifest.safeParse({ ...manifest, script: "rm -rf /" }).success).toBe(false); // strict: no extra fields
  });

  it("resolves run arguments: defaults filled in, every bad value refused with the parameter named", () => {
    expect(resolveScenarioArguments(manifest, {})).toEqual({ data: { durationSeconds: 30, parameters: { threads: 4 } } });
    expect(resolveScenarioArguments(manifest, { durationSeconds: 8, parameters: { threads: 2 } })).toEqual({ data: { durationSeconds: 8, parameters: { threads: 2 } } });
    expect(resolveScenarioArguments(manifest, { durationSeconds: 301 })).toEqual({ error: "duration must be a whole number of seconds from 1 to 300" });
    expect(resolveScenarioArguments(manifest, { parameters: { threads: 65 } })).toEqual({ error: "threads must be a whole number from 1 to 64" });
    expect(resolveScenarioArguments(manifest, { parameters: { threads: "4; reboot" } })).toEqual({ error: "threads must be a whole number from 1 to 64" });
    expect(resolveScenarioArguments(manifest, { parameters: { script: 1 } })).toEqual({ error: 'cpu-starvation has no parameter "script"' });
    expect(resolveScenarioArguments(manifest, { parameters: [1] })).toEqual({ error: "parameters must be an object of name: whole number" });
  });

  it("builds run.sh's command line from resolved arguments only", () => {
    expect(scenarioCommandLine({ durationSeconds: 8, parameters: { threads: 2, "quota-percent": 0 } })).toEqual(["--duration", "8", "--threads", "2", "--quota-percent", "0"]);
  });
});

describe("scenario variants", () => {
  it("must use the scenario's parameters within bounds", () => {
    expect(ZScenarioManifest.safeParse({ ...manifest, variants: [{ name: "many", title: "Many", parameters: { threads: 64 } }] }).success).toBe(true);
    expect(ZScenarioManifest.safeParse({ ...manifest, variants: [{ name: "too-many", title: "Too many", parameters: { threads: 65 } }] }).success).toBe(false);
    expect(ZScenarioManifest.safeParse({ ...manifest, variants: [{ name: "other", title: "Other", parameters: { other: 1 } }] }).success).toBe(false);
  });
});
