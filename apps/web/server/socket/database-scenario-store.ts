// The conductor's data, backed by @perflab/db; manifests and exercise checks from the
// curriculum the server loaded (content/), the same scenarios the agents are built with.
// A run started for a curriculum exercise counts as that exercise done when the
// exercise's check holds on the run's samples (or, without a check, when it reproduced).
import { findOpenRun, finishRun, markLostRuns, markRunAnswered, readStoredSamples, recordRunEvent, recordScenarioRunEvidence, requestScenarioRun, type Db } from "@perflab/db";
import { evaluateExerciseCheck, type TSample, type TScenarioManifest, type TScenarioVerdict } from "@perflab/protocol";
import { countCpus, type TScenarioStore } from "./scenario-conductor";

export interface TScenarioCurriculum {
  manifests: () => readonly TScenarioManifest[];
  /** The check of exercise "topicId/exerciseId": undefined when there is no such exercise, null when it has no check. */
  exerciseCheck: (exerciseId: string) => { metric: string; condition: "increases" | "above" | "below"; threshold?: number } | null | undefined;
}

export function createDatabaseScenarioStore(db: Db, curriculum: TScenarioCurriculum, log: (message: string) => void = () => {}): TScenarioStore {
  async function recordExerciseEvidence(runId: string, verdict: TScenarioVerdict | null, samples: TSample[]): Promise<void> {
    const run = await db.scenarioRun.findUnique({ where: { id: runId }, select: { exerciseId: true } });
    if (!run?.exerciseId) return;
    const check = curriculum.exerciseCheck(run.exerciseId);
    if (check === undefined) return log(`scenario run ${runId}: exercise ${run.exerciseId} does not exist`);
    const outcome = check ? evaluateExerciseCheck(check, samples, countCpus(samples)) : { passed: verdict?.reproduced === true, summary: verdict?.summary ?? "no verdict" };
    await recordScenarioRunEvidence(db, runId, outcome);
  }

  return {
    request: (viewer, input) => requestScenarioRun(db, viewer, input),
    answered: (agentId, runId, answer) => markRunAnswered(db, agentId, runId, answer),
    recordEvent: (agentId, event) => recordRunEvent(db, agentId, event),
    finish: async (agentId, runId, end) => {
      await finishRun(db, agentId, runId, end);
      await recordExerciseEvidence(runId, end.verdict as TScenarioVerdict | null, end.samples as TSample[]);
    },
    openRun: (agentId, runId) => findOpenRun(db, agentId, runId),
    markLost: (agentId) => markLostRuns(db, agentId),
    samples: async (agentId, range) => (await readStoredSamples(db, agentId, range)) as TSample[],
    manifest: (scenarioId) => curriculum.manifests().find((manifest) => manifest.id === scenarioId),
  };
}
