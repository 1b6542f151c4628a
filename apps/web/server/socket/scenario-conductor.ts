// Scenario runs between browsers and agents. A viewer who may control the machine asks to
// start a scenario: checked against the manifest the server knows, recorded, then sent to
// the machine's agent by id (the agent checks again and runs only its own catalogue). The
// agent's progress events are stored and passed to the machine's viewers; while the run
// lasts, each batch updates a live verdict; when it ends, the final verdict is
// computed from the stored samples of the run's window (so a server restart mid-run loses
// nothing) and kept with those samples as the run's recording.
import {
  ackData, ackError, evaluateScenario, LIVE_EVENTS, resolveScenarioArguments, SCENARIO_EVENTS, ZScenarioEvent, type TAck, type TLiveScenarioEvent, type TLiveScenarioStart, type TLiveScenarioVerdict,
  type TSample, type TScenarioEvent, type TScenarioManifest, type TScenarioVerdict,
} from "@perflab/protocol";
import type { Namespace, Socket } from "socket.io";
import type { TLiveUser } from "./live-auth";
import type { MachinePresence } from "./machine-presence";

export interface TRunRecord {
  id: string;
  workshopRunId: string | null;
  scenarioId: string;
  parameters: Record<string, number>;
  startedAt: Date | null;
  requestedAt: Date;
}

/** What the conductor needs from the data layer (authorization for people happens there). */
export interface TScenarioStore {
  request: (viewer: TLiveUser, input: { agentId: string; scenarioId: string; durationSeconds: number; parameters: Record<string, number>; exerciseId?: string | null; workshopRunId?: string | null }) => Promise<TRunRecord>;
  answered: (agentId: string, runId: string, answer: { started: true; at: Date } | { started: false; problem: string }) => Promise<void>;
  recordEvent: (agentId: string, event: { runId: string; t: number; kind: string; body: object }) => Promise<boolean>;
  finish: (agentId: string, runId: string, end: { status: Extract<TScenarioEvent, { kind: "exit" }>["status"]; at: Date; verdict: unknown; samples: unknown[] }) => Promise<void>;
  /** Runs of this agent past their deadline without an end: marked lost (the agent died with them). */
  markLost: (agentId: string) => Promise<number>;
  /** A run of this agent not yet over (after a server restart, the conductor knows it only from here). */
  openRun: (agentId: string, runId: string) => Promise<TRunRecord | null>;
  samples: (agentId: string, range: { fromMs: number; toMs: number }) => Promise<TSample[]>;
  manifest: (scenarioId: string) => TScenarioManifest | undefined;
}

interface TActiveRun {
  runId: string;
  workshopRunId: string | null;
  /** A drill's run: nothing about it goes to the machine's viewers (the drilled learner among them). */
  isHidden: boolean;
  manifest: TScenarioManifest;
  parameters: Record<string, number>;
  startedMs: number;
  samples: TSample[];
  status: string;
}

/** Live verdicts evaluate at most this many samples (5 min of 10 ms samples). */
const MAX_LIVE_SAMPLES = 30_000;
/** After the agent reports the end, the run's last batch may still be on its way. */
const LAST_BATCH_WAIT_MS = 1500;
const AGENT_ANSWER_TIMEOUT_MS = 10_000;

/** CPUs of the machine, from its per-CPU rows (the verdict's per-CPU thresholds need them). */
export function countCpus(samples: readonly TSample[]): number {
  const cpus = new Set<string>();
  for (const sample of samples) for (const point of sample.points) if (point[0] === "cpu.idle_pct" && point[2]?.cpu && point[2].cpu !== "all") cpus.add(point[2].cpu);
  return Math.max(1, cpus.size);
}

/** A run that is part of a workshop run changed: the workshop's instructor view shows it. */
export interface TWorkshopRunChange {
  machineId: string;
  workshopRunId: string;
  runId: string;
  status: string;
  problem: string | null;
  reproduced: boolean | null;
  final: boolean;
}

/** How a workshop run starts one machine's part. */
export interface TStartOptions {
  workshopRunId?: string;
  isHidden?: boolean;
}

export class ScenarioConductor {
  private readonly active = new Map<string, TActiveRun>();
  /** Set by the workshop hub. */
  onWorkshopRunChange: (change: TWorkshopRunChange) => void = () => {};

  constructor(
    private readonly store: TScenarioStore,
    private readonly presence: MachinePresence,
    private readonly live: Namespace,
    private readonly room: (machineId: string) => string,
    private readonly log: (message: string) => void,
  ) {}

  /** A viewer's start request; the viewer's right to control the machine is checked by store.request. */
  manifest(scenarioId: string): TScenarioManifest | undefined {
    return this.store.manifest(scenarioId);
  }

  async start(viewer: TLiveUser, request: TLiveScenarioStart, options: TStartOptions = {}): Promise<TAck<{ runId: string }>> {
    const manifest = this.store.manifest(request.scenarioId);
    if (!manifest) return ackError("unknown-scenario", `There is no scenario "${request.scenarioId}"`);
    const resolved = resolveScenarioArguments(manifest, { durationSeconds: request.durationSeconds, parameters: request.parameters });
    if ("error" in resolved) return ackError("invalid-parameters", resolved.error);
    const agentSocket = this.presence.agentSocket(request.machineId);
    if (!agentSocket) return ackError("offline", "The machine's agent is not connected");
    if (this.active.has(request.machineId)) return ackError("busy", "A scenario is already running on this machine");

    const workshopRunId = options.workshopRunId ?? null;
    const run = await this.store.request(viewer, { agentId: request.machineId, scenarioId: manifest.id, ...resolved.data, exerciseId: request.exerciseId ?? null, workshopRunId });
    let answer: TAck<unknown>;
    try {
      answer = (await agentSocket.timeout(AGENT_ANSWER_TIMEOUT_MS).emitWithAck(SCENARIO_EVENTS.start, { runId: run.id, scenarioId: manifest.id, ...resolved.data })) as TAck<unknown>;
    } catch {
      answer = ackError("offline", "The machine's agent did not answer");
    }
    if (!answer || typeof answer !== "object" || "error" in answer) {
      const problem = (answer as { error?: { message?: string } } | null)?.error?.message ?? "The agent answered something unexpected";
      await this.store.answered(request.machineId, run.id, { started: false, problem });
      if (workshopRunId) this.onWorkshopRunChange({ machineId: request.machineId, workshopRunId, runId: run.id, status: "refused", problem, reproduced: null, final: true });
      return ackError("agent-refused", problem);
    }
    await this.store.answered(request.machineId, run.id, { started: true, at: new Date() });
    this.active.set(request.machineId, { runId: run.id, workshopRunId, isHidden: options.isHidden === true, manifest, parameters: resolved.data.parameters, startedMs: Date.now(), samples: [], status: "running" });
    if (workshopRunId) this.onWorkshopRunChange({ machineId: request.machineId, workshopRunId, runId: run.id, status: "running", problem: null, reproduced: null, final: false });
    this.log(`scenario ${manifest.id} started on ${request.machineId} (run ${run.id}) by ${viewer.id}`);
    return ackData({ runId: run.id });
  }

  async stop(machineId: string, runId: string): Promise<TAck<{ stopping: true }>> {
    const agentSocket = this.presence.agentSocket(machineId);
    if (!agentSocket) return ackError("offline", "The machine's agent is not connected");
    try {
      return (await agentSocket.timeout(AGENT_ANSWER_TIMEOUT_MS).emitWithAck(SCENARIO_EVENTS.stop, { runId })) as TAck<{ stopping: true }>;
    } catch {
      return ackError("offline", "The machine's agent did not answer");
    }
  }

  /** The agent's side: progress events of its runs. Malformed ones are counted as refused and dropped. */
  attachAgent(socket: Socket, agentId: string, onMalformed: () => void): void {
    this.store.markLost(agentId).then(
      (count) => count > 0 && this.log(`${count} scenario run(s) of ${agentId} ended without a report: marked lost`),
      (error: Error) => this.log(`could not check ${agentId}'s unfinished runs: ${error.message}`),
    );
    socket.on(SCENARIO_EVENTS.event, (payload: unknown) => {
      const parsed = ZScenarioEvent.safeParse(payload);
      if (!parsed.success) return onMalformed();
      this.onAgentEvent(agentId, parsed.data).catch((error: Error) => this.log(`scenario event from ${agentId}: ${error.message}`));
    });
    // The run may go on without the server watching; its end is matched from the database.
    socket.on("disconnect", () => this.active.delete(agentId));
  }

  /** Every valid batch of a machine: feeds the live verdict of its run, if one is going. */
  onSamples(agentId: string, samples: readonly TSample[]): void {
    const run = this.active.get(agentId);
    if (!run) return;
    for (const sample of samples) if (sample.t >= run.startedMs && run.samples.length < MAX_LIVE_SAMPLES) run.samples.push(sample);
    this.announceVerdict(agentId, run, evaluateScenario(run.manifest, run.parameters, run.samples, countCpus(run.samples)), false);
  }

  private announceVerdict(agentId: string, run: TActiveRun, verdict: TScenarioVerdict, final: boolean): void {
    if (run.workshopRunId) this.onWorkshopRunChange({ machineId: agentId, workshopRunId: run.workshopRunId, runId: run.runId, status: run.status, problem: null, reproduced: verdict.reproduced, final });
    if (run.isHidden) return;
    const message: TLiveScenarioVerdict = { machineId: agentId, runId: run.runId, scenarioId: run.manifest.id, status: run.status, verdict, final };
    this.live.to(this.room(agentId)).emit(LIVE_EVENTS.scenarioVerdict, message);
  }

  private async onAgentEvent(agentId: string, event: TScenarioEvent): Promise<void> {
    const { runId, t, kind, ...body } = event;
    if (!(await this.store.recordEvent(agentId, { runId, t, kind, body }))) return; // not this agent's run, or over
    const current = this.active.get(agentId);
    if (!(current?.runId === runId && current.isHidden)) {
      const message: TLiveScenarioEvent = { machineId: agentId, event };
      this.live.to(this.room(agentId)).emit(LIVE_EVENTS.scenarioEvent, message);
    }
    if (event.kind === "exit") await this.finish(agentId, event);
  }

  private async finish(agentId: string, exit: Extract<TScenarioEvent, { kind: "exit" }>): Promise<void> {
    let run = this.active.get(agentId);
    if (run?.runId === exit.runId) this.active.delete(agentId);
    else {
      // The server restarted during the run: what it was comes from the database.
      const record = await this.store.openRun(agentId, exit.runId);
      const manifest = record ? this.store.manifest(record.scenarioId) : undefined;
      if (!record || !manifest) return;
      // Whether it was a drill is not known here: a workshop run stays quiet on the machine's page.
      run = { runId: record.id, workshopRunId: record.workshopRunId, isHidden: record.workshopRunId !== null, manifest, parameters: record.parameters, startedMs: (record.startedAt ?? record.requestedAt).getTime(), samples: [], status: "running" };
    }
    await new Promise((resolve) => setTimeout(resolve, LAST_BATCH_WAIT_MS));
    const samples = await this.store.samples(agentId, { fromMs: run.startedMs, toMs: exit.t });
    const verdict = evaluateScenario(run.manifest, run.parameters, samples, countCpus(samples));
    await this.store.finish(agentId, exit.runId, { status: exit.status, at: new Date(exit.t), verdict, samples });
    run.status = exit.status;
    this.announceVerdict(agentId, run, verdict, true);
    this.log(`scenario run ${exit.runId} on ${agentId}: ${exit.status}, ${verdict.reproduced ? "reproduced" : "not reproduced"}`);
  }
}
