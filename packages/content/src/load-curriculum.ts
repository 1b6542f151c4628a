// The only module of this package that touches the filesystem: reads content/docs and
// content/scripts, hands each file to its pure parser, then checks cross-references.
// Broken files are reported and left out; the rest of the curriculum still loads.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { compareIds, type TCurriculum } from "./curriculum";
import type { TContentIssue } from "./issues";
import { checkScenarioScript, parseScenarioManifest } from "./parse/parse-scenario";
import { parseSectionOverview, type TSectionOverview } from "./parse/parse-section";
import { parseTopicDocument, type TTopicDocument } from "./parse/parse-topic";
import type { TScenarioManifest } from "./schemas";
import { checkCrossReferences } from "./validate/cross-references";

export interface TLoadResult {
  curriculum: TCurriculum;
  issues: TContentIssue[];
}

function subdirectories(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function loadCurriculum(contentRoot: string): TLoadResult {
  const issues: TContentIssue[] = [];
  const sections: TSectionOverview[] = [];
  const topics: TTopicDocument[] = [];
  const scenarios: TScenarioManifest[] = [];
  const display = (path: string) => relative(process.cwd(), path) || path;

  const docsDir = join(contentRoot, "docs");
  for (const folder of subdirectories(docsDir)) {
    const folderPath = join(docsDir, folder);
    const indexPath = join(folderPath, "index.md");
    if (existsSync(indexPath)) {
      const result = parseSectionOverview(readFileSync(indexPath, "utf8"), display(indexPath), folder);
      issues.push(...result.issues);
      if (result.section) sections.push(result.section);
    } else {
      issues.push({ file: display(folderPath), line: 1, field: null, message: "a section folder needs an index.md" });
    }
    for (const name of readdirSync(folderPath).filter((file) => file.endsWith(".md") && file !== "index.md").sort()) {
      const path = join(folderPath, name);
      const result = parseTopicDocument(readFileSync(path, "utf8"), display(path), name.slice(0, -".md".length));
      issues.push(...result.issues);
      if (result.document) topics.push(result.document);
    }
  }

  const scriptsDir = join(contentRoot, "scripts");
  for (const folder of subdirectories(scriptsDir)) {
    const manifestPath = join(scriptsDir, folder, "scenario.yaml");
    if (!existsSync(manifestPath)) continue; // not a scenario (e.g. shared helpers)
    const result = parseScenarioManifest(readFileSync(manifestPath, "utf8"), display(manifestPath), folder);
    issues.push(...result.issues);
    if (!result.scenario) continue;
    const scriptPath = join(scriptsDir, folder, "run.sh");
    if (!existsSync(scriptPath)) {
      issues.push({ file: display(scriptPath), line: 1, field: null, message: "is missing: every scenario needs its run.sh" });
      continue;
    }
    if ((statSync(scriptPath).mode & 0o111) === 0) issues.push({ file: display(scriptPath), line: 1, field: null, message: "is not executable (chmod +x)" });
    issues.push(...checkScenarioScript(result.scenario, readFileSync(scriptPath, "utf8"), display(scriptPath)));
    scenarios.push(result.scenario);
  }

  topics.sort((a, b) => compareIds(a.id, b.id));
  issues.push(...checkCrossReferences({ sections, topics, scenarios }));
  return { curriculum: { sections: sections.sort((a, b) => a.section - b.section), topics, scenarios }, issues };
}
