// What /live needs from the data layer, on behalf of the signed-in viewer: whether they may
// watch a machine (owner, their workshop instructor or an administrator; ForbiddenError
// otherwise), its stored history, whether they run a workshop, and which open workshops a
// learner is in (to announce their progress). Backed by @perflab/db, whose functions do
// the authorization.
import {
  canManageWorkshop, getLabMachine, isWorkshopMember, openWorkshopsOf, readMachineHistory, recordWorkshopRunProblem, scheduleWorkshopRun, workshopMachines, type Db, type TScheduledWorkshopRun,
  type TScheduleWorkshopRunInput,
} from "@perflab/db";
import type { TSample } from "@perflab/protocol";
import type { TLiveUser } from "./live-auth";

export interface TWatchedMachine {
  revoked: boolean;
  lastSeenMs: number | null;
}

export interface TLiveAccess {
  /** The machine if the viewer may watch it; null when it does not exist; throws ForbiddenError. */
  watch: (viewer: TLiveUser, machineId: string) => Promise<TWatchedMachine | null>;
  history: (viewer: TLiveUser, machineId: string, range: { fromMs: number; toMs?: number }) => Promise<TSample[]>;
  manageWorkshop: (viewer: TLiveUser, workshopId: string) => Promise<boolean>;
  isWorkshopMember: (viewer: TLiveUser, workshopId: string) => Promise<boolean>;
  workshopsOfLearner: (userId: string) => Promise<string[]>;
  /** Members' attached machines of an open workshop (read for a viewer already checked). */
  workshopMachines: (workshopId: string) => Promise<{ userId: string; machineId: string }[]>;
  /** Throws ForbiddenError unless the viewer runs the open workshop. */
  scheduleWorkshopRun: (viewer: TLiveUser, input: TScheduleWorkshopRunInput) => Promise<TScheduledWorkshopRun>;
  recordWorkshopRunProblem: (workshopRunId: string, machineId: string, startedById: string, problem: string) => Promise<void>;
}

export function createDatabaseLiveAccess(db: Db): TLiveAccess {
  return {
    async watch(viewer, machineId) {
      const machine = await getLabMachine(db, viewer, machineId);
      return machine ? { revoked: machine.revokedAt !== null, lastSeenMs: machine.lastSeenAt?.getTime() ?? null } : null;
    },
    // Stored samples were validated against the protocol when they arrived.
    history: async (viewer, machineId, range) => (await readMachineHistory(db, viewer, machineId, range)) as TSample[],
    manageWorkshop: (viewer, workshopId) => canManageWorkshop(db, viewer, workshopId),
    isWorkshopMember: (viewer, workshopId) => isWorkshopMember(db, viewer.id, workshopId),
    workshopsOfLearner: (userId) => openWorkshopsOf(db, userId),
    workshopMachines: (workshopId) => workshopMachines(db, workshopId),
    scheduleWorkshopRun: (viewer, input) => scheduleWorkshopRun(db, viewer, input),
    recordWorkshopRunProblem: (workshopRunId, machineId, startedById, problem) => recordWorkshopRunProblem(db, workshopRunId, machineId, startedById, problem),
  };
}
