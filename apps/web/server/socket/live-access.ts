// What /live needs from the data layer, on behalf of the signed-in viewer: whether they may
// watch a machine (owner or administrator; ForbiddenError otherwise) and its stored
// history. Backed by @perflab/db, whose functions do the authorization.
import { getLabMachine, readMachineHistory, type Db } from "@perflab/db";
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
}

export function createDatabaseLiveAccess(db: Db): TLiveAccess {
  return {
    async watch(viewer, machineId) {
      const machine = await getLabMachine(db, viewer, machineId);
      return machine ? { revoked: machine.revokedAt !== null, lastSeenMs: machine.lastSeenAt?.getTime() ?? null } : null;
    },
    // Stored samples were validated against the protocol when they arrived.
    history: async (viewer, machineId, range) => (await readMachineHistory(db, viewer, machineId, range)) as TSample[],
  };
}
