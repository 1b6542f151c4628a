// The conductor's data, backed by @perflab/db; manifests from the curriculum the server
// loaded (content/scripts), the same ones the agents are built with.
import { findOpenRun, finishRun, markRunAnswered, readStoredSamples, recordRunEvent, requestScenarioRun, type Db } from "@perflab/db";
import type { TSample, TScenarioManifest } from "@perflab/protocol";
import type { TScenarioStore } from "./scenario-conductor";

export function createDatabaseScenarioStore(db: Db, manifests: () => readonly TScenarioManifest[]): TScenarioStore {
  return {
    request: (viewer, input) => requestScenarioRun(db, viewer, input),
    answered: (agentId, runId, answer) => markRunAnswered(db, agentId, runId, answer),
    recordEvent: (agentId, event) => recordRunEvent(db, agentId, event),
    finish: (agentId, runId, end) => finishRun(db, agentId, runId, end),
    openRun: (agentId, runId) => findOpenRun(db, agentId, runId),
    samples: async (agentId, range) => (await readStoredSamples(db, agentId, range)) as TSample[],
    manifest: (scenarioId) => manifests().find((manifest) => manifest.id === scenarioId),
  };
}
