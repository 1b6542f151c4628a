import { describe, expect, it } from "vitest";
import { checkScenarioScript, parseScenarioManifest } from "./parse-scenario";

const MANIFEST = `id: demo-load
title: Demo load
summary: x
topics: ["1.2"]
duration: { default: 10, max: 60 }
parameters:
  - { name: threads, default: 2, min: 1, max: 8, description: busy threads }
signals:
  - { metric: sched.procs_running, condition: above, threshold: 1, description: a run queue }
`;
const SCRIPT = `#!/usr/bin/env bash
SCENARIO_ID=demo-load
DEFAULT_DURATION=10
MAX_DURATION=60
source "$(dirname "$0")/../lib/scenario.sh"
pl_param threads 2 1 8 "busy threads"
pl_main "$@"
`;

describe("scenario manifests and scripts", () => {
  it("parses a manifest with the full schema and points at the offending line", () => {
    expect(parseScenarioManifest(MANIFEST, "scenario.yaml", "demo-load").issues).toEqual([]);
    const { issues } = parseScenarioManifest(MANIFEST.replace("sched.procs_running", "cpu.magic"), "scenario.yaml", "demo-load");
    expect(issues).toEqual([{ file: "scenario.yaml", line: 9, field: "signals.0.metric", message: "is not in the metric catalogue" }]);
  });

  it("finds every disagreement between run.sh and its manifest", () => {
    const manifest = parseScenarioManifest(MANIFEST, "scenario.yaml", "demo-load").scenario!;
    expect(checkScenarioScript(manifest, SCRIPT, "run.sh")).toEqual([]);
    const drifted = SCRIPT.replace("MAX_DURATION=60", "MAX_DURATION=600").replace('pl_param threads 2 1 8 "busy threads"', 'pl_param threads 2 1 80 "busy threads"\npl_param extra 1 0 1 "x"');
    expect(checkScenarioScript(manifest, drifted, "run.sh")).toEqual([
      { file: "run.sh", line: 4, field: "MAX_DURATION", message: "is 600 but the manifest says 60" },
      { file: "run.sh", line: 6, field: "threads", message: "is declared with default/min/max 2 1 80 but the manifest says 2 1 8" },
      { file: "run.sh", line: 7, field: "extra", message: "is declared in run.sh but not in the manifest" },
    ]);
  });
});
