// The workshop side of /live. Instructors' views (room workshop:<id>) receive learners'
// progress, each member machine's thumbnail digest (volatile, at most once a second per
// machine), machine state changes, and every machine's part of a run for everyone or a drill.
// Learners' views (room workshop-learners:<id>) receive only announcements: a run or drill
// was scheduled, a drill revealed; never another learner's data. Who is in which room is
// checked against the data layer on every subscribe; runs are scheduled through the data
// layer (the instructor's right, the members' own machines) and started by the scenario
// conductor when the countdown ends, each machine's start checked again there.
import {
  ackData, ackError, expectedDrillMechanism, LIVE_EVENTS, resolveScenarioArguments, type TAck, type TLiveWorkshopAnnouncement, type TLiveWorkshopMachine, type TLiveWorkshopRunScheduled,
  type TLiveWorkshopRunStart, type TLiveWorkshopRunUpdate, type TSample,
} from "@perflab/protocol";
import type { Namespace } from "socket.io";
import type { TLiveAccess } from "./live-access";
import type { TLiveUser } from "./live-auth";
import type { ScenarioConductor, TWorkshopRunChange } from "./scenario-conductor";
import { digestSamples } from "./workshop-digest";

/** The Socket.IO room of one workshop's instructor views. */
export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;
/** The Socket.IO room of one workshop's learners (announcements only). */
export const workshopLearnersRoom = (workshopId: string) => `workshop-learners:${workshopId}`;

/**
 * Thumbnails are seconds-scale: at most one digest per machine in this long. Under a second,
 * so that a 1 Hz agent's batches, which arrive a few ms early as often as late, each get
 * theirs (at 1000 ms, bench:workshop saw one in four dropped); a machine sending more often
 * (10 ms sampling, a backlog flushed after a reconnect) still sends about one a second.
 */
const DIGEST_MIN_GAP_MS = 800;
/** Followed workshops' machine lists are re-read this often (a learner attaching a machine also refreshes). */
const REFRESH_INTERVAL_MS = 30_000;

interface TFollowedMachine {
  workshopId: string;
  userId: string;
}

export class WorkshopHub {
  /** machine id → the followed workshops it is attached in, with its owner. */
  private readonly machines = new Map<string, TFollowedMachine[]>();
  private readonly followed = new Set<string>();
  private readonly lastDigestMs = new Map<string, number>();
  private readonly countdowns = new Set<NodeJS.Timeout>();
  private readonly refreshTimer: NodeJS.Timeout;

  constructor(
    private readonly live: Namespace,
    private readonly access: TLiveAccess,
    private readonly conductor: ScenarioConductor | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.refreshTimer = setInterval(() => void this.refreshAll(), REFRESH_INTERVAL_MS).unref();
    if (conductor) conductor.onWorkshopRunChange = (change) => this.onRunChange(change);
  }

  close(): void {
    clearInterval(this.refreshTimer);
    for (const timer of this.countdowns) clearTimeout(timer);
  }

  private hasViewers(workshopId: string): boolean {
    return (this.live.adapter.rooms.get(workshopRoom(workshopId))?.size ?? 0) > 0;
  }

  /** Starts (or refreshes) following a workshop's machines: an instructor view subscribed. */
  async follow(workshopId: string): Promise<void> {
    const members = await this.access.workshopMachines(workshopId);
    this.unfollow(workshopId);
    for (const { userId, machineId } of members) this.machines.set(machineId, [...(this.machines.get(machineId) ?? []), { workshopId, userId }]);
    this.followed.add(workshopId);
  }

  private unfollow(workshopId: string): void {
    this.followed.delete(workshopId);
    for (const [machineId, entries] of this.machines) {
      const others = entries.filter((entry) => entry.workshopId !== workshopId);
      if (others.length > 0) this.machines.set(machineId, others);
      else this.machines.delete(machineId);
    }
  }

  /** Workshops nobody watches any more are dropped; the others re-read (a closed workshop lists no machines). */
  private async refreshAll(): Promise<void> {
    for (const workshopId of [...this.followed]) {
      if (!this.hasViewers(workshopId)) this.unfollow(workshopId);
      else await this.follow(workshopId).catch((error: Error) => this.log(`could not refresh workshop ${workshopId}: ${error.message}`));
    }
  }

  /** Every valid batch: the thumbnail digest for the workshops following the machine. */
  onBatch(machineId: string, samples: readonly TSample[], nowMs = Date.now()): void {
    const entries = this.machines.get(machineId);
    if (!entries) return;
    if (nowMs - (this.lastDigestMs.get(machineId) ?? 0) < DIGEST_MIN_GAP_MS) return;
    const digest = digestSamples(samples);
    if (!digest) return;
    this.lastDigestMs.set(machineId, nowMs);
    for (const { workshopId } of entries) {
      const message: TLiveWorkshopMachine = { workshopId, machineId, ...digest };
      this.live.to(workshopRoom(workshopId)).volatile.emit(LIVE_EVENTS.workshopMachine, message);
    }
  }

  /** A machine came online or went away: its row's state changes. */
  onMachineState(machineId: string): void {
    for (const { workshopId, userId } of this.machines.get(machineId) ?? []) this.live.to(workshopRoom(workshopId)).emit(LIVE_EVENTS.workshopProgress, { workshopId, userId });
  }

  /** A learner progressed: their open workshops' instructor views refetch. */
  learnerProgressed(userId: string): void {
    this.announceLearner(userId, false);
  }

  /** A learner attached (or detached) a machine: the followed workshops re-read their machines, then refetch. */
  machineAttached(userId: string): void {
    this.announceLearner(userId, true);
  }

  // Progress is frequent (every heartbeat), attaching rare: only the latter re-reads machine lists.
  private announceLearner(userId: string, refreshMachines: boolean): void {
    this.access.workshopsOfLearner(userId).then(
      async (workshopIds) => {
        for (const workshopId of workshopIds) {
          if (refreshMachines && this.followed.has(workshopId)) await this.follow(workshopId);
          this.live.to(workshopRoom(workshopId)).emit(LIVE_EVENTS.workshopProgress, { workshopId, userId });
        }
      },
      (error: Error) => this.log(`could not announce ${userId}'s progress: ${error.message}`),
    );
  }

  /** To the learners and the instructor views: a run or drill was scheduled, a drill revealed. */
  announce(announcement: TLiveWorkshopAnnouncement): void {
    this.live.to([workshopLearnersRoom(announcement.workshopId), workshopRoom(announcement.workshopId)]).emit(LIVE_EVENTS.workshopAnnouncement, announcement);
  }

  private emitUpdate(update: TLiveWorkshopRunUpdate): void {
    this.live.to(workshopRoom(update.workshopId)).emit(LIVE_EVENTS.workshopRunUpdate, update);
  }

  private onRunChange(change: TWorkshopRunChange): void {
    for (const { workshopId, userId } of this.machines.get(change.machineId) ?? []) {
      this.emitUpdate({ workshopId, workshopRunId: change.workshopRunId, userId, machineId: change.machineId, runId: change.runId, status: change.status, problem: change.problem, reproduced: change.reproduced, final: change.final });
    }
  }

  /** The instructor's "run for everyone" or drill: checked, recorded, announced, started after the countdown. */
  async scheduleRun(viewer: TLiveUser, request: TLiveWorkshopRunStart): Promise<TAck<TLiveWorkshopRunScheduled>> {
    if (!this.conductor) return ackError("unavailable", "This server does not run scenarios");
    const manifest = this.conductor.manifest(request.scenarioId);
    if (!manifest) return ackError("unknown-scenario", `There is no scenario "${request.scenarioId}"`);
    const variant = request.variant ? manifest.variants?.find((candidate) => candidate.name === request.variant) : undefined;
    if (request.variant && !variant) return ackError("invalid-parameters", `"${request.variant}" is not a variant of ${manifest.id}`);
    const resolved = resolveScenarioArguments(manifest, { durationSeconds: request.durationSeconds, parameters: { ...variant?.parameters, ...request.parameters } });
    if ("error" in resolved) return ackError("invalid-parameters", resolved.error);
    if (request.isDrill && !expectedDrillMechanism(manifest.id, variant?.name ?? null)) return ackError("invalid-parameters", `${manifest.id} has no answer in the drill key`);
    const scheduled = await this.access.scheduleWorkshopRun(viewer, {
      workshopId: request.workshopId, scenarioId: manifest.id, variant: variant?.name ?? null, ...resolved.data, learnerIds: request.learnerIds ?? null, countdownSeconds: request.countdownSeconds, isDrill: request.isDrill,
    });
    if (scheduled.targets.length === 0) return ackError("no-machines", "None of the chosen learners has a lab machine attached");
    await this.follow(request.workshopId);
    const startsAtMs = scheduled.startsAt.getTime();
    this.announce({ workshopId: request.workshopId, kind: "run-scheduled", workshopRunId: scheduled.id, isDrill: request.isDrill, startsAtMs });
    const timer = setTimeout(() => {
      this.countdowns.delete(timer);
      void this.startTargets(viewer, request, scheduled.id, manifest.id, resolved.data, scheduled.targets);
    }, Math.max(0, startsAtMs - Date.now()));
    this.countdowns.add(timer);
    this.log(`workshop ${request.workshopId}: ${request.isDrill ? "drill" : "run"} ${manifest.id} on ${scheduled.targets.length} machine(s) in ${request.countdownSeconds} s (by ${viewer.id})`);
    return ackData({ workshopRunId: scheduled.id, startsAtMs, targets: scheduled.targets, skipped: scheduled.skipped });
  }

  private async startTargets(
    viewer: TLiveUser,
    request: TLiveWorkshopRunStart,
    workshopRunId: string,
    scenarioId: string,
    resolved: { durationSeconds: number; parameters: Record<string, number> },
    targets: { userId: string; machineId: string }[],
  ): Promise<void> {
    await Promise.all(
      targets.map(async ({ userId, machineId }) => {
        let answer: TAck<{ runId: string }>;
        try {
          answer = await this.conductor!.start(viewer, { machineId, scenarioId, ...resolved }, { workshopRunId, isHidden: request.isDrill });
        } catch (error) {
          answer = ackError("failed", (error as Error).name === "ForbiddenError" ? (error as Error).message : "The server could not start it");
          if ((error as Error).name !== "ForbiddenError") this.log(`workshop run ${workshopRunId} on ${machineId}: ${(error as Error).message}`);
        }
        // Started or refused by the agent: the conductor recorded it and reports through onRunChange.
        if ("data" in answer || answer.error.code === "agent-refused") return;
        // Not even asked (offline, busy, forbidden): recorded here so the report shows why.
        await this.access.recordWorkshopRunProblem(workshopRunId, machineId, viewer.id, answer.error.message).catch(() => undefined);
        this.emitUpdate({ workshopId: request.workshopId, workshopRunId, userId, machineId, runId: null, status: "not-started", problem: answer.error.message, reproduced: null, final: true });
      }),
    );
  }
}
