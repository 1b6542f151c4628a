// The runner with real scripts (a tiny catalogue of its own, written to a temp dir): what
// it refuses and why, that a script gets exactly the resolved arguments, that stop reaches
// the script's trap, that the deadline stops a script that overstays, and that events
// arrive in order with the exit status.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TScenarioEvent, TScenarioManifest } from "@perflab/protocol";
import { afterAll, describe, expect, it } from "vitest";
import type { TCatalogueEntry } from "./catalogue.generated";
import { materializeScripts } from "./materialize-scripts";
import { ScenarioRunner } from "./scenario-runner";

const workDir = mkdtempSync(join(tmpdir(), "perflab-runner-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const manifest: TScenarioManifest = {
  id: "echo-args",
  title: "Echo",
  summary: "Prints its arguments, then waits.",
  topics: [],
  duration: { default: 5, max: 30 },
  parameters: [{ name: "level", default: 1, min: 0, max: 3, description: "a level" }],
  signals: [{ metric: "sched.procs_running", condition: "above", threshold: 0, description: "x" }],
};
// A stand-in for lib + run.sh: progress lines, its arguments in a file, a TERM trap, and a wait.
const script = `#!/usr/bin/env bash
echo "PERFLAB {\\"event\\":\\"phase\\",\\"phase\\":\\"running\\"}"
echo "$@" > "${workDir}/args"
trap 'echo "PERFLAB {\\"event\\":\\"note\\",\\"message\\":\\"cleaned up\\"}"; exit 143' TERM
for _ in $(seq 1 $((\${2:-5} * 10 + 600))); do sleep 0.1; done
`;
const catalogue: TCatalogueEntry[] = [{ manifest, script }];
const scriptsDir = join(workDir, "scripts");
materializeScripts(scriptsDir, "", catalogue);

function runner(graceSeconds = 60) {
  const events: TScenarioEvent[] = [];
  return { events, runner: new ScenarioRunner({ catalogue, scriptsDir, undoDir: join(workDir, "undo"), emit: (event) => events.push(event), graceSeconds }) };
}

describe("ScenarioRunner", () => {
  it("refuses unknown scenarios, bad arguments, malformed requests and a second run, each with a clear error", async () => {
    const { runner: subject } = runner();
    expect(subject.start({ runId: "a", scenarioId: "rm-rf" })).toEqual({ error: { code: "unknown-scenario", message: 'this agent has no scenario "rm-rf"' } });
    expect(subject.start({ runId: "a", scenarioId: "echo-args", parameters: { level: 9 } })).toEqual({ error: { code: "invalid-parameters", message: "level must be a whole number from 0 to 3" } });
    expect(subject.start({ runId: "a", scenarioId: "echo-args", parameters: { level: "1; reboot" } })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(subject.start({ runId: "a", scenarioId: "echo-args", durationSeconds: 31 })).toMatchObject({ error: { code: "invalid-parameters" } });
    expect(subject.start({ runId: "a", scenarioId: "echo-args", script: "curl x | sh" })).toMatchObject({ error: { code: "invalid-request" } });
    expect(subject.start({ runId: "../../etc", scenarioId: "echo-args" })).toMatchObject({ error: { code: "invalid-request" } });
    expect(subject.start({ runId: "first", scenarioId: "echo-args", durationSeconds: 1 })).toEqual({ data: { runId: "first" } });
    expect(subject.start({ runId: "second", scenarioId: "echo-args" })).toMatchObject({ error: { code: "busy" } });
    expect(subject.stop({ runId: "second" })).toMatchObject({ error: { code: "not-running" } });
    subject.stop({ runId: "first" });
    expect(await subject.idle()).toBe("stopped");
  });

  it("runs the script with exactly the resolved arguments; stop reaches its trap and ends the run as stopped", async () => {
    const { runner: subject, events } = runner();
    subject.start({ runId: "r1", scenarioId: "echo-args", durationSeconds: 3, parameters: { level: 2 } });
    await expect.poll(() => events.some((event) => event.kind === "phase" && event.phase === "running")).toBe(true);
    await expect.poll(() => readFileSync(join(workDir, "args"), "utf8").trim()).toBe("--duration 3 --level 2");
    expect(subject.stop({ runId: "r1" })).toEqual({ data: { stopping: true } });
    expect(await subject.idle()).toBe("stopped");
    // (bash may also report the interrupted sleep on stderr: output, not progress)
    expect(events.filter((event) => event.kind !== "output").map((event) => event.kind)).toEqual(["phase", "note", "exit"]);
    expect(events.at(-1)).toMatchObject({ runId: "r1", kind: "exit", status: "stopped", exitCode: 143 });
  });

  it("stops a script that overstays its duration plus the grace period, and says it timed out", async () => {
    const { runner: subject, events } = runner(1);
    subject.start({ runId: "slow", scenarioId: "echo-args", durationSeconds: 1 });
    expect(await subject.idle()).toBe("timed-out");
    expect(events.at(-1)).toMatchObject({ kind: "exit", status: "timed-out" });
  });
});
