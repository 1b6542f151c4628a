// Pure parsing of a scenario manifest (`content/scripts/<id>/scenario.yaml`). Only what
// the curriculum needs is checked here; the scenario runner validates the rest.
import type { TContentIssue } from "../issues";
import { ZScenarioManifest, type TScenarioManifest } from "../schemas";
import { parseYamlWithLines } from "./yaml-with-lines";

export function parseScenarioManifest(text: string, file: string, folder: string): { scenario: TScenarioManifest | null; issues: TContentIssue[] } {
  const issues: TContentIssue[] = [];
  const yaml = parseYamlWithLines(text, 1);
  if ("error" in yaml) return { scenario: null, issues: [{ file, line: yaml.line, field: null, message: `is not valid YAML: ${yaml.error}` }] };
  const parsed = ZScenarioManifest.safeParse(yaml.value);
  if (!parsed.success) {
    return { scenario: null, issues: parsed.error.issues.map((issue) => ({ file, line: yaml.lineOf(issue.path), field: issue.path.join(".") || null, message: issue.message })) };
  }
  if (parsed.data.id !== folder) issues.push({ file, line: yaml.lineOf(["id"]), field: "id", message: `is "${parsed.data.id}" but the folder is "${folder}"` });
  return { scenario: parsed.data, issues };
}
