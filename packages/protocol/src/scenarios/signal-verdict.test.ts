import { describe, expect, it } from "vitest";
import type { TSample } from "../agent-events";
import type { TScenarioManifest } from "./scenario-manifest";
import { evaluateScenario, evaluateSignal } from "./signal-verdict";

const samples = (values: [number, number, Record<string, string>?][], metric: string): TSample[] =>
  values.map(([t, value, labels]) => ({ t, points: [labels ? [metric, value, labels] : [metric, value]] as TSample["points"] }));

describe("signal evaluation", () => {
  it("above: fires when the highest value passes the threshold, per CPU when asked", () => {
    const run = samples([[1000, 1], [2000, 3], [3000, 5]], "sched.procs_running");
    const perCpu = evaluateSignal({ metric: "sched.procs_running", condition: "above", threshold: 2, perCpu: true, description: "queue" }, run, 2);
    expect(perCpu).toMatchObject({ fired: true, threshold: 4, observed: 5, firedAtMs: 3000, series: "sched.procs_running" });
    expect(evaluateSignal({ metric: "sched.procs_running", condition: "above", threshold: 3, perCpu: true, description: "queue" }, run, 2).fired).toBe(false);
  });

  it("increases: integrates per-second rates into growth, by series, with labels filtered", () => {
    const run = samples([[1000, 0, { cpu: "1" }], [2000, 2.5, { cpu: "1" }], [3000, 0.5, { cpu: "0" }]], "softnet.dropped");
    expect(evaluateSignal({ metric: "softnet.dropped", condition: "increases", description: "drops" }, run, 2)).toMatchObject({ fired: true, observed: 2.5, series: "softnet.dropped{cpu=1}" });
    expect(evaluateSignal({ metric: "softnet.dropped", condition: "increases", threshold: 3, description: "drops" }, run, 2).fired).toBe(false);
    expect(evaluateSignal({ metric: "softnet.dropped", condition: "increases", labels: { cpu: "0" }, description: "drops" }, run, 2)).toMatchObject({ fired: true, observed: 0.5 });
  });

  it("the verdict needs every applicable signal and names the ones that did not fire", () => {
    const manifest: TScenarioManifest = {
      id: "x", title: "x", summary: "x", topics: [], duration: { default: 5, max: 10 },
      parameters: [{ name: "quota", default: 0, min: 0, max: 100, description: "q" }],
      signals: [
        { metric: "sched.procs_running", condition: "above", threshold: 2, when: { parameter: "quota", equals: 0 }, description: "a run queue" },
        { metric: "cgroup.cpu.nr_throttled", condition: "increases", when: { parameter: "quota", above: 0 }, description: "throttling" },
      ],
    };
    const run = samples([[1000, 1], [2000, 1.5]], "sched.procs_running");
    const noQuota = evaluateScenario(manifest, { quota: 0 }, run, 2);
    expect(noQuota.signals).toHaveLength(1);
    expect(noQuota).toMatchObject({ reproduced: false, summary: "Did not reproduce: a run queue (sched.procs_running reached 1.5, needed above 2)." });
    const withQuota = evaluateScenario(manifest, { quota: 20 }, run, 2);
    expect(withQuota.summary).toBe("Did not reproduce: cgroup.cpu.nr_throttled was not reported.");
    expect(evaluateScenario(manifest, { quota: 0 }, samples([[1000, 9]], "sched.procs_running"), 2)).toMatchObject({ reproduced: true, summary: "Reproduced: a run queue." });
  });
});
