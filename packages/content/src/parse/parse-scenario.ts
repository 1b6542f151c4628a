// Pure parsing of a scenario: its manifest (`content/scripts/<id>/scenario.yaml`) with the
// full schema the agent and the server use, and the agreement between the manifest and
// its run.sh (id, duration limits, every parameter's default and bounds), so a script can
// never accept what the platform would refuse, or the other way round.
import { ZScenarioManifest, type TScenarioManifest } from "@perflab/protocol";
import type { TContentIssue } from "../issues";
import { parseYamlWithLines } from "./yaml-with-lines";

export function parseScenarioManifest(text: string, file: string, folder: string): { scenario: TScenarioManifest | null; issues: TContentIssue[] } {
  const issues: TContentIssue[] = [];
  const yaml = parseYamlWithLines(text, 1);
  if ("error" in yaml) return { scenario: null, issues: [{ file, line: yaml.line, field: null, message: `is not valid YAML: ${yaml.error}` }] };
  const parsed = ZScenarioManifest.safeParse(yaml.value);
  if (!parsed.success) {
    return { scenario: null, issues: parsed.error.issues.map((issue) => ({ file, line: yaml.lineOf(issue.path as (string | number)[]), field: issue.path.join(".") || null, message: issue.message })) };
  }
  if (parsed.data.id !== folder) issues.push({ file, line: yaml.lineOf(["id"]), field: "id", message: `is "${parsed.data.id}" but the folder is "${folder}"` });
  return { scenario: parsed.data, issues };
}

const shellAssignment = (script: string, name: string) => new RegExp(`^${name}=(\\S+)\\s*$`, "m").exec(script)?.[1] ?? null;

/** Issues where run.sh and its manifest disagree (the script is the one that runs). */
export function checkScenarioScript(manifest: TScenarioManifest, script: string, file: string): TContentIssue[] {
  const issues: TContentIssue[] = [];
  const lineOf = (needle: string) => Math.max(1, script.split("\n").findIndex((line) => line.includes(needle)) + 1);
  const expect = (name: string, wanted: string) => {
    const actual = shellAssignment(script, name);
    if (actual !== wanted) issues.push({ file, line: lineOf(`${name}=`), field: name, message: `is ${actual ?? "not set"} but the manifest says ${wanted}` });
  };
  expect("SCENARIO_ID", manifest.id);
  expect("DEFAULT_DURATION", String(manifest.duration.default));
  expect("MAX_DURATION", String(manifest.duration.max));
  if (!script.includes('source "$(dirname "$0")/../lib/scenario.sh"')) issues.push({ file, line: 1, field: null, message: "must source ../lib/scenario.sh (parameters, cleanup and progress lines come from it)" });
  const declared = new Map<string, string>();
  for (const match of script.matchAll(/^pl_param (\S+) (\d+) (\d+) (\d+) /gm)) declared.set(match[1]!, `${match[2]} ${match[3]} ${match[4]}`);
  for (const parameter of manifest.parameters) {
    const wanted = `${parameter.default} ${parameter.min} ${parameter.max}`;
    const actual = declared.get(parameter.name);
    if (actual !== wanted) issues.push({ file, line: lineOf(`pl_param ${parameter.name} `), field: parameter.name, message: actual ? `is declared with default/min/max ${actual} but the manifest says ${wanted}` : "is in the manifest but run.sh does not declare it with pl_param" });
    declared.delete(parameter.name);
  }
  for (const name of declared.keys()) issues.push({ file, line: lineOf(`pl_param ${name} `), field: name, message: "is declared in run.sh but not in the manifest" });
  return issues;
}
