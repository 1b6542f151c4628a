// Runs scenarios from the agent's own catalogue, one at a time: the request names a
// scenario id and parameters, both checked against the manifest here (whatever the
// server already checked); the script runs in its own process group with a hard deadline
// of its duration plus a grace period; its progress lines and output become events; stop
// sends SIGTERM so the script's trap cleans up. At start, the agent replays the undo log
// of any run that died with it (cleanupLeftovers), and announces which scenarios this
// machine can run (each script's --check-only).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { ackData, ackError, resolveScenarioArguments, SCENARIO_ERRORS, scenarioCommandLine, ZScenarioStart, type TAck, type TScenarioAvailability, type TScenarioEvent, type TScenarioEventBody, type TScenarioExitStatus } from "@perflab/protocol";
import type { TCatalogueEntry } from "./catalogue.generated";
import { scriptPath } from "./materialize-scripts";
import { readProgressLine } from "./progress-line";

/** Beyond its duration a script gets this long for setup and cleanup before it is stopped. */
const DEFAULT_GRACE_SECONDS = 60;
/** After SIGTERM, how long cleanup may take before SIGKILL. */
const KILL_AFTER_MS = 15_000;
/** Output lines sent per run; tools can be chatty and the server stores events. */
const MAX_OUTPUT_EVENTS = 2000;

export interface TScenarioRunnerOptions {
  catalogue: readonly TCatalogueEntry[];
  /** Where materializeScripts wrote the scripts. */
  scriptsDir: string;
  /** Where scripts keep their undo logs (PERFLAB_SCENARIO_STATE_DIR). */
  undoDir: string;
  emit: (event: TScenarioEvent) => void;
  graceSeconds?: number;
  now?: () => number;
}

interface TActiveRun {
  runId: string;
  scenarioId: string;
  child: ChildProcess;
  stopRequested: boolean;
  timedOut: boolean;
  outputEvents: number;
  finished: Promise<TScenarioExitStatus>;
}

function exitStatus(code: number | null, run: TActiveRun): TScenarioExitStatus {
  if (run.timedOut) return "timed-out";
  if (run.stopRequested) return "stopped";
  if (code === 0) return "done";
  if (code === 2) return "bad-parameters";
  if (code === 3) return "requirements-missing";
  return "failed";
}

export class ScenarioRunner {
  private active: TActiveRun | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TScenarioRunnerOptions) {
    this.now = options.now ?? Date.now;
  }

  private find(scenarioId: string): TCatalogueEntry | undefined {
    return this.options.catalogue.find((entry) => entry.manifest.id === scenarioId);
  }

  private run(scenarioId: string, args: string[]): ChildProcess {
    return spawn("bash", [scriptPath(this.options.scriptsDir, scenarioId), ...args], {
      detached: true, // its own process group: stop and the deadline reach everything it started
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PERFLAB_SCENARIO_STATE_DIR: this.options.undoDir },
    });
  }

  current(): { runId: string; scenarioId: string } | null {
    return this.active ? { runId: this.active.runId, scenarioId: this.active.scenarioId } : null;
  }

  /** The running script's pid (its process group id), for diagnostics and tests. */
  activePid(): number | null {
    return this.active?.child.pid ?? null;
  }

  /** Starts a run if the request is valid and nothing else runs; the answer says why not otherwise. */
  start(request: unknown): TAck<{ runId: string }> {
    const parsed = ZScenarioStart.safeParse(request);
    if (!parsed.success) return ackError(SCENARIO_ERRORS.invalidRequest, "a start request needs runId and scenarioId, and optional durationSeconds and parameters");
    const { runId, scenarioId } = parsed.data;
    const entry = this.find(scenarioId);
    if (!entry) return ackError(SCENARIO_ERRORS.unknownScenario, `this agent has no scenario "${scenarioId}"`);
    const resolved = resolveScenarioArguments(entry.manifest, { durationSeconds: parsed.data.durationSeconds, parameters: parsed.data.parameters });
    if ("error" in resolved) return ackError(SCENARIO_ERRORS.invalidParameters, resolved.error);
    if (this.active) return ackError(SCENARIO_ERRORS.busy, `scenario ${this.active.scenarioId} is running (run ${this.active.runId}); stop it first`);

    const child = this.run(scenarioId, scenarioCommandLine(resolved.data));
    const emit = (event: TScenarioEventBody) => this.options.emit({ ...event, runId, t: this.now() } as TScenarioEvent);
    const finished = new Promise<TScenarioExitStatus>((resolve) => {
      child.once("close", (code) => {
        clearTimeout(deadline);
        const status = exitStatus(code, run);
        emit({ kind: "exit", status, exitCode: code });
        this.active = null;
        resolve(status);
      });
      child.once("error", (error) => emit({ kind: "error", message: `could not start the script: ${error.message}` }));
    });
    const run: TActiveRun = { runId, scenarioId, child, stopRequested: false, timedOut: false, outputEvents: 0, finished };
    this.active = run;
    for (const [stream, source] of [["stdout", child.stdout!], ["stderr", child.stderr!]] as const) {
      createInterface({ input: source }).on("line", (line) => {
        const event = readProgressLine(line, stream);
        if (event.kind === "output") {
          run.outputEvents += 1;
          if (run.outputEvents === MAX_OUTPUT_EVENTS) emit({ kind: "note", message: `output truncated after ${MAX_OUTPUT_EVENTS} lines` });
          if (run.outputEvents >= MAX_OUTPUT_EVENTS) return;
        }
        emit(event);
      });
    }
    const graceSeconds = this.options.graceSeconds ?? DEFAULT_GRACE_SECONDS;
    const deadline = setTimeout(() => {
      run.timedOut = true;
      this.signal(run, "SIGTERM");
    }, (resolved.data.durationSeconds + graceSeconds) * 1000);
    deadline.unref();
    return ackData({ runId });
  }

  stop(request: unknown): TAck<{ stopping: true }> {
    const runId = (request as { runId?: unknown } | null)?.runId;
    const run = this.active;
    if (!run || run.runId !== runId) return ackError(SCENARIO_ERRORS.notRunning, "no such run is in progress");
    run.stopRequested = true;
    this.signal(run, "SIGTERM");
    return ackData({ stopping: true });
  }

  /** Resolves when the current run (if any) has exited, with its status. */
  async idle(): Promise<TScenarioExitStatus | null> {
    return this.active ? this.active.finished : null;
  }

  /** SIGTERM to the script's process group (its trap cleans up), SIGKILL if cleanup hangs. */
  private signal(run: TActiveRun, signal: NodeJS.Signals): void {
    const pid = run.child.pid;
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      return; // already gone
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // exited in time
      }
    }, KILL_AFTER_MS);
    killer.unref();
    void run.finished.then(() => clearTimeout(killer));
  }

  /** Undo logs left by runs that died with a previous agent process: replayed by each script's --cleanup-only. */
  async cleanupLeftovers(): Promise<string[]> {
    if (!existsSync(this.options.undoDir)) return [];
    const leftovers = readdirSync(this.options.undoDir)
      .filter((file) => file.endsWith(".undo"))
      .map((file) => file.slice(0, -".undo".length))
      .filter((id) => this.find(id));
    for (const id of leftovers) await this.settle(this.run(id, ["--cleanup-only"]));
    return leftovers;
  }

  /** Which scenarios this machine can run: each script's --check-only, with what is missing. */
  async availability(): Promise<TScenarioAvailability[]> {
    const results: TScenarioAvailability[] = [];
    for (const entry of this.options.catalogue) {
      const child = this.run(entry.manifest.id, ["--check-only"]);
      const missing: TScenarioAvailability["missing"] = [];
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const event = readProgressLine(line, "stdout");
        if (event.kind === "missing" && missing.length < 20) missing.push({ requirement: event.requirement, hint: event.hint });
      });
      const code = await this.settle(child);
      results.push({ id: entry.manifest.id, available: code === 0, missing });
    }
    return results;
  }

  private settle(child: ChildProcess): Promise<number | null> {
    child.stderr?.resume();
    return new Promise((resolve) => {
      child.once("close", resolve);
      child.once("error", () => resolve(null));
    });
  }
}
