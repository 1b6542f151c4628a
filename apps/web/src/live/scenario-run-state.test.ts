import type { TScenarioVerdict } from "@perflab/protocol";
import { describe, expect, it } from "vitest";
import { applyScenarioEvent, applyScenarioVerdict, startedRun } from "./scenario-run-state";

const verdict = (reproduced: boolean): TScenarioVerdict => ({ reproduced, signals: [], summary: reproduced ? "Reproduced." : "Did not reproduce." });
const event = (runId: string, body: object) => ({ machineId: "m", event: { runId, t: 1, ...body } as never });

describe("scenario run view", () => {
  it("follows phases, keeps output lines, ignores other runs' events", () => {
    let view = applyScenarioEvent(startedRun("r1", "cpu-starvation"), event("r1", { kind: "phase", phase: "running" }));
    view = applyScenarioEvent(view, event("r1", { kind: "note", message: "4 busy threads" }));
    view = applyScenarioEvent(view, event("old", { kind: "output", stream: "stdout", line: "stale" }));
    view = applyScenarioEvent(view, event("r1", { kind: "exit", status: "done", exitCode: 0 }));
    expect(view).toMatchObject({ phase: "running", exitStatus: "done", lines: [{ text: "4 busy threads", tone: "note" }] });
  });

  it("a final verdict is not replaced by a late live one", () => {
    let view = applyScenarioVerdict(startedRun("r1", "x"), { machineId: "m", runId: "r1", scenarioId: "x", status: "done", verdict: verdict(true), final: true });
    view = applyScenarioVerdict(view, { machineId: "m", runId: "r1", scenarioId: "x", status: "running", verdict: verdict(false), final: false });
    expect(view).toMatchObject({ verdictIsFinal: true, verdict: { reproduced: true }, exitStatus: "done" });
  });

  it("a verdict of a run started elsewhere becomes the page's run", () => {
    expect(applyScenarioVerdict(null, { machineId: "m", runId: "r9", scenarioId: "irq-storm", status: "running", verdict: verdict(false), final: false })).toMatchObject({ runId: "r9", scenarioId: "irq-storm" });
  });
});
