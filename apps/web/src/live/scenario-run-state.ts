// What the lab page shows of the scenario run on its machine: the run, its progress events
// (bounded: the newest output lines, every phase), its live and final verdict. Pure, so
// the order messages arrive in (event, verdict, a late event of an older run) is tested.
import type { TLiveScenarioEvent, TLiveScenarioVerdict, TScenarioEvent, TScenarioVerdict } from "@perflab/protocol";

const MAX_LINES = 200;

export interface TScenarioRunView {
  runId: string;
  scenarioId: string;
  phase: string;
  /** Set when the agent reported the end. */
  exitStatus: string | null;
  lines: { t: number; text: string; tone: "output" | "note" | "error" | "missing" }[];
  verdict: TScenarioVerdict | null;
  verdictIsFinal: boolean;
}

export function startedRun(runId: string, scenarioId: string): TScenarioRunView {
  return { runId, scenarioId, phase: "requested", exitStatus: null, lines: [], verdict: null, verdictIsFinal: false };
}

function describe(event: TScenarioEvent): TScenarioRunView["lines"][number] | null {
  switch (event.kind) {
    case "output":
      return { t: event.t, text: event.line, tone: "output" };
    case "note":
      return { t: event.t, text: event.message, tone: "note" };
    case "error":
      return { t: event.t, text: event.message, tone: "error" };
    case "missing":
      return { t: event.t, text: `missing: ${event.requirement} (${event.hint})`, tone: "missing" };
    default:
      return null;
  }
}

export function applyScenarioEvent(view: TScenarioRunView | null, message: TLiveScenarioEvent): TScenarioRunView | null {
  const { event } = message;
  if (!view || view.runId !== event.runId) return view; // another run (an instructor's, an old one): not this view's
  const line = describe(event);
  return {
    ...view,
    phase: event.kind === "phase" ? event.phase : view.phase,
    exitStatus: event.kind === "exit" ? event.status : view.exitStatus,
    lines: line ? [...view.lines, line].slice(-MAX_LINES) : view.lines,
  };
}

export function applyScenarioVerdict(view: TScenarioRunView | null, message: TLiveScenarioVerdict): TScenarioRunView | null {
  // A run started elsewhere (another tab, an instructor) becomes this page's view too.
  const base = view && view.runId === message.runId ? view : startedRun(message.runId, message.scenarioId);
  if (base.verdictIsFinal && !message.final) return base;
  return { ...base, verdict: message.verdict, verdictIsFinal: message.final, exitStatus: message.final ? message.status : base.exitStatus };
}
