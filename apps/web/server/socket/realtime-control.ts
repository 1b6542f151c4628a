// How request handlers (server actions, route handlers) reach the Socket.IO server that
// the custom server started: revoking a machine or rotating its token must drop its agent
// connection at once. Next compiles the app separately from server.ts, so a module-level
// variable would exist twice; a global keyed by a registered symbol exists once per
// process. (One web process is the deployment model; several would need a shared bus.)
import type { TLiveWorkshopAnnouncement } from "@perflab/protocol";

export interface TRealtimeControl {
  disconnectMachine: (machineId: string, reason: "rotated" | "revoked") => void;
  /** True while the machine's agent is connected to this server. */
  isMachineOnline: (machineId: string) => boolean;
  /** A learner progressed (read, quiz, exercise): tells the instructor views of their open workshops. */
  notifyLearnerProgress: (userId: string) => void;
  /** A learner attached or detached a lab machine: the instructor views follow the new one. */
  notifyMachineAttached: (userId: string) => void;
  /** To a workshop's learners and instructor views: a drill was revealed. */
  announceWorkshop: (announcement: TLiveWorkshopAnnouncement) => void;
}

const CONTROL = Symbol.for("perflab.realtime-control");
type TGlobalWithControl = typeof globalThis & { [CONTROL]?: TRealtimeControl };

export function registerRealtimeControl(control: TRealtimeControl): void {
  (globalThis as TGlobalWithControl)[CONTROL] = control;
}

/** null outside the custom server (e.g. `next dev` without it): nothing is connected to drop. */
export function realtimeControl(): TRealtimeControl | null {
  return (globalThis as TGlobalWithControl)[CONTROL] ?? null;
}
