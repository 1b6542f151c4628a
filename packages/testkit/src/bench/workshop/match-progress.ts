// Follows each progress write to what the instructor saw of it: the live:workshop-progress
// event for that learner that came after the write was sent, then the first matrix refetch
// that started after that event (the one whose rows include the write). Pure, so it is
// tested on its own (match-progress.test.ts).
import type { TMatrixFetch } from "./instructor-view.entry";
import type { TProgressWrite } from "./learner-worker.entry";

export interface TProgressTimeline {
  /** Writes sent in the window that the server accepted. */
  writes: number;
  failedWrites: number;
  /** Accepted writes never announced to the instructor. */
  unannounced: number;
  /** Write sent → its event at the instructor; write sent → the refetched matrix ready. */
  toEventMs: number[];
  toMatrixMs: number[];
  /** Refetched matrices that did not yet show the write (lastActivityAt older than the write). */
  staleMatrices: number;
}

export function matchProgress(writes: readonly TProgressWrite[], events: readonly { userId: string; receivedMs: number }[], fetches: readonly TMatrixFetch[]): TProgressTimeline {
  const timeline: TProgressTimeline = { writes: 0, failedWrites: 0, unannounced: 0, toEventMs: [], toMatrixMs: [], staleMatrices: 0 };
  const eventsByUser = new Map<string, number[]>();
  for (const event of [...events].sort((a, b) => a.receivedMs - b.receivedMs)) eventsByUser.set(event.userId, [...(eventsByUser.get(event.userId) ?? []), event.receivedMs]);
  const okFetches = fetches.filter((fetched) => fetched.isOk).sort((a, b) => a.startedMs - b.startedMs);

  for (const write of [...writes].sort((a, b) => a.sentMs - b.sentMs)) {
    if (write.status !== 200) {
      timeline.failedWrites += 1;
      continue;
    }
    timeline.writes += 1;
    // Each event answers one write: a learner's writes are seconds apart, in order.
    const userEvents = eventsByUser.get(write.userId) ?? [];
    const index = userEvents.findIndex((receivedMs) => receivedMs >= write.sentMs);
    if (index < 0) {
      timeline.unannounced += 1;
      continue;
    }
    const receivedMs = userEvents.splice(index, 1)[0]!;
    timeline.toEventMs.push(receivedMs - write.sentMs);
    const refetch = okFetches.find((fetched) => fetched.startedMs >= receivedMs);
    if (!refetch) continue;
    timeline.toMatrixMs.push(refetch.readyMs - write.sentMs);
    if ((refetch.lastActivityMs[write.userId] ?? Number.NEGATIVE_INFINITY) < write.sentWallMs) timeline.staleMatrices += 1;
  }
  return timeline;
}
