// Checks that need the whole curriculum: unique topic ids, prerequisites that exist and
// do not loop, scenario ids that exist (or that the section lists as planned), and metric
// ids that the agent's catalogue knows.
import { METRIC_IDS } from "@perflab/protocol";
import type { TContentIssue } from "../issues";
import type { TSectionOverview } from "../parse/parse-section";
import type { TTopicDocument } from "../parse/parse-topic";
import type { TScenarioManifest } from "../schemas";

export interface TCrossReferenceInput {
  sections: TSectionOverview[];
  topics: TTopicDocument[];
  scenarios: TScenarioManifest[];
  knownMetricIds?: ReadonlySet<string>;
}

export function checkCrossReferences({ sections, topics, scenarios, knownMetricIds = METRIC_IDS }: TCrossReferenceInput): TContentIssue[] {
  const issues: TContentIssue[] = [];
  const topicsById = new Map<string, TTopicDocument>();
  for (const topic of topics) {
    const existing = topicsById.get(topic.id);
    if (existing) issues.push({ file: topic.file, line: topic.fieldLines.id ?? 1, field: "id", message: `"${topic.id}" is already the id of ${existing.file}` });
    else topicsById.set(topic.id, topic);
  }
  const sectionsByNumber = new Map(sections.map((section) => [section.section, section]));
  const scenarioIds = new Set(scenarios.map((scenario) => scenario.id));
  const scenariosById = new Map(scenarios.map((scenario) => [scenario.id, scenario]));

  for (const topic of topics) {
    const section = sectionsByNumber.get(topic.section);
    const lineOf = (key: string) => topic.fieldLines[key] ?? 1;
    if (!section) issues.push({ file: topic.file, line: lineOf("section"), field: "section", message: `section ${topic.section} has no index.md` });

    for (const prerequisite of topic.prerequisites) {
      if (prerequisite === topic.id) issues.push({ file: topic.file, line: lineOf("prerequisites"), field: "prerequisites", message: "a topic cannot be its own prerequisite" });
      else if (!topicsById.has(prerequisite)) issues.push({ file: topic.file, line: lineOf("prerequisites"), field: "prerequisites", message: `"${prerequisite}" is not a topic of the curriculum` });
    }

    const isKnownScenario = (id: string) => scenarioIds.has(id) || (section?.scenarios.includes(id) ?? false);
    for (const id of topic.scenarios) {
      if (!isKnownScenario(id)) issues.push({ file: topic.file, line: lineOf("scenarios"), field: "scenarios", message: `unknown scenario "${id}": no content/scripts/${id}/scenario.yaml, and the section's index.md does not list it as planned` });
    }
    for (const exercise of topic.exercises) {
      if (exercise.scenario && !topic.scenarios.includes(exercise.scenario)) {
        issues.push({ file: topic.file, line: exercise.scenarioLine, field: "exercise.scenario", message: `"${exercise.scenario}" is not in the front matter's scenarios` });
      }
      if (exercise.variant) {
        const manifest = exercise.scenario ? scenariosById.get(exercise.scenario) : undefined;
        if (!exercise.scenario) issues.push({ file: topic.file, line: exercise.scenarioLine, field: "exercise.variant", message: "a variant needs the exercise's scenario" });
        else if (manifest && !(manifest.variants ?? []).some((variant) => variant.name === exercise.variant)) {
          issues.push({ file: topic.file, line: exercise.scenarioLine, field: "exercise.variant", message: `"${exercise.variant}" is not a variant of ${exercise.scenario} (${(manifest.variants ?? []).map((variant) => variant.name).join(", ") || "it has none"})` });
        }
      }
      if (exercise.check && !knownMetricIds.has(exercise.check.metric)) {
        issues.push({ file: topic.file, line: exercise.metricLine, field: "exercise.check.metric", message: `unknown metric "${exercise.check.metric}" (see the metric catalogue in packages/protocol)` });
      }
    }
  }
  issues.push(...findPrerequisiteCycles(topics, topicsById));
  return issues;
}

function findPrerequisiteCycles(topics: TTopicDocument[], topicsById: Map<string, TTopicDocument>): TContentIssue[] {
  const issues: TContentIssue[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (topic: TTopicDocument, path: string[]) => {
    if (state.get(topic.id) === "done") return;
    if (state.get(topic.id) === "visiting") {
      issues.push({ file: topic.file, line: topic.fieldLines.prerequisites ?? 1, field: "prerequisites", message: `prerequisites form a cycle: ${[...path.slice(path.indexOf(topic.id)), topic.id].join(" → ")}` });
      return;
    }
    state.set(topic.id, "visiting");
    for (const id of topic.prerequisites) {
      const next = topicsById.get(id);
      if (next && id !== topic.id) visit(next, [...path, topic.id]);
    }
    state.set(topic.id, "done");
  };
  for (const topic of topics) visit(topic, []);
  return issues;
}
