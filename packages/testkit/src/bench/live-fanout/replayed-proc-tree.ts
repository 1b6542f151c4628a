// The captured snapshots (capture-proc-tree.ts) as the agent's own TProcReader, one per
// snapshot, handed out round after round so each simulated agent sees its counters move.
// Going from the last snapshot back to the first makes counters go backwards once per
// cycle: the agent treats that as a counter reset (its real code path) and leaves those
// rates out of that one sample.
//
// The readers are shared by every agent of a worker process: reading is synchronous, so
// sharing changes nothing but the number of open descriptors (the kernel work per read,
// a positioned read of a kept-open file, is the same as with one reader per agent).
import { join } from "node:path";
import { createProcReader, type TProcReader } from "../../../../../agent/src/proc/proc-reader";

export interface TReplayedProcTree {
  /** The snapshot for an agent's `round`-th sample. */
  at: (round: number) => TProcReader;
}

export function openReplayedProcTree(snapshotDirs: readonly string[]): TReplayedProcTree {
  if (snapshotDirs.length === 0) throw new Error("no captured snapshot to replay");
  const readers = snapshotDirs.map((dir) => createProcReader(join(dir, "proc"), join(dir, "cgroup")));
  return { at: (round) => readers[round % readers.length]! };
}
