// Route handlers that record a learner's progress call this so the instructor views of the
// learner's open workshops update at once (through the Socket.IO server in this process).
import { realtimeControl } from "../../../server/socket/realtime-control";

export function announceProgress(userId: string): void {
  realtimeControl()?.notifyLearnerProgress(userId);
}
