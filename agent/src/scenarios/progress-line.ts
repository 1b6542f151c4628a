// Reads one line a scenario script printed: a progress line (`PERFLAB {json}`, format in
// content/scripts/README.md) becomes an event; anything else is output for the learner.
// A script is ours, but its output passes through tools (iperf3, fio), so nothing here
// trusts a line: unknown or malformed progress lines are passed on as plain output.
import { SCENARIO_PHASES, type TScenarioEventBody } from "@perflab/protocol";

const PREFIX = "PERFLAB ";
const MAX_LINE = 2000;

export function readProgressLine(line: string, stream: "stdout" | "stderr"): TScenarioEventBody {
  const output: TScenarioEventBody = { kind: "output", stream, line: line.slice(0, MAX_LINE) };
  if (stream !== "stdout" || !line.startsWith(PREFIX)) return output;
  let body: unknown;
  try {
    body = JSON.parse(line.slice(PREFIX.length));
  } catch {
    return output;
  }
  if (typeof body !== "object" || body === null) return output;
  const fields = body as Record<string, unknown>;
  const text = (name: string, limit: number) => (typeof fields[name] === "string" ? (fields[name] as string).slice(0, limit) : null);
  switch (fields.event) {
    case "phase": {
      const phase = SCENARIO_PHASES.find((known) => known === fields.phase);
      return phase ? { kind: "phase", phase } : output;
    }
    case "missing": {
      const requirement = text("requirement", 200);
      return requirement ? { kind: "missing", requirement, hint: text("hint", 500) ?? "" } : output;
    }
    case "note": {
      const message = text("message", MAX_LINE);
      return message !== null ? { kind: "note", message } : output;
    }
    case "error": {
      const message = text("message", MAX_LINE);
      return message !== null ? { kind: "error", message } : output;
    }
    default:
      return output;
  }
}
