// Every scenario in the agent's catalogue, run for real on this machine through the
// agent's ScenarioRunner (root needed: CI runs as root in a VM): its signals must fire in
// the agent's own metrics, as the platform's verdict reads them, and the machine must be
// left exactly as before (sysctls, namespaces, interfaces, qdiscs, cgroups, temp entries,
// undo logs, processes). A scenario whose requirements this machine lacks is reported as
// skipped with what is missing. Then a run dies with its agent (both SIGKILLed mid-run)
// and the next agent start undoes what it left; and two agents of one host run the same
// scenario one after the other.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateScenario, resolveScenarioArguments, type TScenarioAvailability, type TScenarioEvent } from "@perflab/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCENARIO_CATALOGUE, SCENARIO_LIBRARY } from "./catalogue.generated";
import { materializeScripts } from "./materialize-scripts";
import { ScenarioRunner } from "./scenario-runner";
import { startSampling } from "./testing/collect-during";
import { captureMachineState, describeDifferences } from "./testing/machine-state";

const RUN_SECONDS = 8;
const isRoot = process.getuid?.() === 0;
const workDir = mkdtempSync(join(tmpdir(), "perflab-scenarios-"));
const scriptsDir = join(workDir, "scripts");
const undoDir = join(workDir, "undo");
const events: TScenarioEvent[] = [];
const runner = new ScenarioRunner({ catalogue: SCENARIO_CATALOGUE, scriptsDir, undoDir, emit: (event) => events.push(event) });
let availability: TScenarioAvailability[] = [];

beforeAll(async () => {
  materializeScripts(scriptsDir, SCENARIO_LIBRARY, SCENARIO_CATALOGUE);
  availability = await runner.availability();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const runs = SCENARIO_CATALOGUE.flatMap((entry) => [
  { label: entry.manifest.id, entry, parameters: {} as Record<string, number> },
  ...(entry.manifest.variants ?? []).map((variant) => ({ label: `${entry.manifest.id} (${variant.name})`, entry, parameters: variant.parameters })),
]);

describe.skipIf(!isRoot)("scenarios on this machine", () => {
  it.for(runs)("$label: its signals fire and the machine is left as it was", async ({ entry, parameters }, context) => {
    const available = availability.find((result) => result.id === entry.manifest.id);
    if (!available?.available) context.skip(`requirements missing: ${available?.missing.map((missing) => `${missing.requirement} (${missing.hint})`).join(", ")}`);
    const before = captureMachineState(undoDir);
    const runId = `test-${entry.manifest.id}-${Date.now()}`;
    const sampling = startSampling();
    const started = runner.start({ runId, scenarioId: entry.manifest.id, durationSeconds: RUN_SECONDS, parameters });
    expect(started).toEqual({ data: { runId } });
    const status = await runner.idle();
    const samples = sampling.stop();
    const runEvents = events.filter((event) => event.runId === runId);
    const transcript = runEvents.map((event) => JSON.stringify(event)).join("\n");
    expect(status, transcript).toBe("done");
    expect(runEvents.filter((event) => event.kind === "phase").map((event) => event.phase)).toEqual(["requirements", "setup", "running", "cleanup", "done"]);

    const resolved = resolveScenarioArguments(entry.manifest, { parameters });
    if (!("data" in resolved)) throw new Error(resolved.error);
    const verdict = evaluateScenario(entry.manifest, resolved.data.parameters, samples, cpus().length);
    expect(verdict.reproduced, `${verdict.summary}\n${transcript}`).toBe(true);
    expect(describeDifferences(before, captureMachineState(undoDir))).toEqual([]);
  });
});

describe.skipIf(!isRoot)("a run that dies with its agent", () => {
  it("is undone when the agent starts again", async () => {
    // cpu-starvation's cgroup variant leaves a visible cgroup while it runs.
    const before = captureMachineState(undoDir);
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "testing/run-until-killed.entry.ts"), scriptsDir, undoDir], { stdio: ["ignore", "pipe", "inherit"] });
    const scriptPid = await new Promise<number>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running (\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once("exit", () => reject(new Error(`the agent stand-in exited before the run started: ${output}`)));
    });
    // The machine goes down hard: agent and script killed outright, no trap runs.
    child.kill("SIGKILL");
    process.kill(-scriptPid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const leftovers = describeDifferences(before, captureMachineState(undoDir));
    expect(leftovers.some((line) => line.includes("perflab-cpu-starvation")), leftovers.join("\n")).toBe(true);
    expect(leftovers).toContain("undo logs: left behind cpu-starvation.undo");

    const nextStart = new ScenarioRunner({ catalogue: SCENARIO_CATALOGUE, scriptsDir, undoDir, emit: () => {} });
    expect(await nextStart.cleanupLeftovers()).toEqual(["cpu-starvation"]);
    expect(describeDifferences(before, captureMachineState(undoDir))).toEqual([]);
  });
});

describe.skipIf(!isRoot)("two agents of one host", () => {
  // As root every agent keeps its undo logs in /run/perflab-scenarios: runs of one scenario
  // from two agents share the undo directory and the machine-wide lock. The second waits
  // its turn (a workshop rehearsed on one machine starts the same scenario for everyone).
  it("each get their run of the same scenario, one after the other", async () => {
    const before = captureMachineState(undoDir);
    const outcomes: TScenarioEvent[][] = [[], []];
    const agents = outcomes.map((own) => new ScenarioRunner({ catalogue: SCENARIO_CATALOGUE, scriptsDir, undoDir, emit: (event) => own.push(event) }));
    expect(agents[0]!.start({ runId: "first", scenarioId: "cpu-starvation", durationSeconds: 2 })).toEqual({ data: { runId: "first" } });
    await new Promise((resolve) => setTimeout(resolve, 700)); // the first holds the lock and owns its undo log
    expect(agents[1]!.start({ runId: "second", scenarioId: "cpu-starvation", durationSeconds: 2 })).toEqual({ data: { runId: "second" } });
    const exits = await Promise.all(agents.map((agent) => agent.idle()));
    expect(exits, JSON.stringify(outcomes)).toEqual(["done", "done"]);
    expect(outcomes[1]!.some((event) => event.kind === "note" && event.message.includes("waiting up to"))).toBe(true);
    expect(describeDifferences(before, captureMachineState(undoDir))).toEqual([]);
  });
});
