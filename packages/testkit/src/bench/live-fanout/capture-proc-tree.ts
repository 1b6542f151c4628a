// Captures what the real agent reads on this machine, as trees its --proc-root and
// --cgroup-root options accept: <dir>/<n>/proc/… and <dir>/<n>/cgroup/…, one per snapshot.
// The list of files is not written down here: a reader wrapped around the agent's own
// records every file a full round of the real collectors (and the hello) asks for, so the
// capture follows the agent when collectors change. Files the machine lacks stay absent,
// as the agent would find them. Several snapshots a moment apart give the replay counters
// that move, so rates and batch contents look like a live machine's.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sampleCollectors } from "../../../../../agent/src/collect/collector";
import { createCollectors } from "../../../../../agent/src/collect/registry";
import { describeHost, detectCapabilities } from "../../../../../agent/src/host/describe-host";
import { createProcReader, type TProcReader } from "../../../../../agent/src/proc/proc-reader";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A reader over the live machine that remembers every file read and every cgroup directory listed. */
function recordingReader(live: TProcReader): { reader: TProcReader; files: Map<string, string>; directories: Set<string> } {
  const files = new Map<string, string>();
  const directories = new Set<string>();
  const remember = (path: string, text: string | null) => {
    if (text !== null) files.set(path, text);
    return text;
  };
  const reader: TProcReader = {
    procRoot: live.procRoot,
    cgroupRoot: live.cgroupRoot,
    proc: (relativePath) => remember(join("proc", relativePath), live.proc(relativePath)),
    cgroup: (relativePath) => remember(join("cgroup", relativePath), live.cgroup(relativePath)),
    cgroupChildren: (relativePath) => {
      const children = live.cgroupChildren(relativePath);
      for (const child of children) directories.add(join("cgroup", relativePath, child));
      return children;
    },
  };
  return { reader, files, directories };
}

/** Writes `count` snapshots `intervalMs` apart under `targetDir`; returns their directories. */
export async function captureProcTrees(targetDir: string, count: number, intervalMs: number): Promise<string[]> {
  const snapshots: string[] = [];
  for (let index = 0; index < count; index++) {
    if (index > 0) await sleep(intervalMs);
    const { reader, files, directories } = recordingReader(createProcReader());
    describeHost(reader);
    detectCapabilities(reader);
    sampleCollectors(createCollectors(), reader, "all", Date.now());
    const snapshot = join(targetDir, String(index));
    for (const directory of directories) mkdirSync(join(snapshot, directory), { recursive: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(snapshot, path)), { recursive: true });
      writeFileSync(join(snapshot, path), text);
    }
    mkdirSync(join(snapshot, "cgroup"), { recursive: true }); // a machine without cgroups still has the root
    snapshots.push(snapshot);
  }
  return snapshots;
}
