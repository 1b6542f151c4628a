// The only module that touches the files: /proc (or --proc-root, as node_exporter's
// --path.procfs) and the cgroup filesystem (or --cgroup-root). A missing file is null,
// not an error: kernels without PSI or schedstat simply do not have them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface TProcReader {
  /** A file under the proc root, e.g. "net/softnet_stat"; null when it does not exist. */
  proc: (relativePath: string) => string | null;
  /** A file under the cgroup root, e.g. "cpu.stat" or "system.slice/cpu.stat". */
  cgroup: (relativePath: string) => string | null;
  /** Sub-directories of a cgroup directory ("" for the root). */
  cgroupChildren: (relativePath: string) => string[];
  procRoot: string;
  cgroupRoot: string;
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    // EOPNOTSUPP: PSI compiled in but disabled (psi=0) reads as an error; treat as absent.
    if (code === "EOPNOTSUPP" || code === "ENOTSUP") return null;
    throw error;
  }
}

export function createProcReader(procRoot = "/proc", cgroupRoot = "/sys/fs/cgroup"): TProcReader {
  return {
    procRoot,
    cgroupRoot,
    proc: (relativePath) => readIfPresent(join(procRoot, relativePath)),
    cgroup: (relativePath) => readIfPresent(join(cgroupRoot, relativePath)),
    cgroupChildren: (relativePath) => {
      try {
        return readdirSync(join(cgroupRoot, relativePath), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort();
      } catch {
        return [];
      }
    },
  };
}

/** For collectors: the text of a file that must exist for the collector to work. */
export function requireProcFile(reader: TProcReader, relativePath: string): string {
  const text = reader.proc(relativePath);
  if (text === null) throw new Error(`${join(reader.procRoot, relativePath)} does not exist`);
  return text;
}
