// A stand-in for an agent process that starts cpu-starvation's cgroup variant and prints
// the script's pid once it is running, so a test can kill both outright.
import { SCENARIO_CATALOGUE } from "../catalogue.generated";
import { ScenarioRunner } from "../scenario-runner";

const [scriptsDir, undoDir] = process.argv.slice(2);
const runner = new ScenarioRunner({
  catalogue: SCENARIO_CATALOGUE,
  scriptsDir: scriptsDir!,
  undoDir: undoDir!,
  emit: (event) => {
    if (event.kind === "phase" && event.phase === "running") console.log(`running ${pid}`);
  },
});
let pid = 0;
const answer = runner.start({ runId: "dies-with-agent", scenarioId: "cpu-starvation", durationSeconds: 120, parameters: { "quota-percent": 20 } });
if ("error" in answer) throw new Error(answer.error.message);
pid = runner.activePid()!;
