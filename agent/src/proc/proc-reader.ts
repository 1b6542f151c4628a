// The only module that touches the files: /proc (or --proc-root, as node_exporter's
// --path.procfs) and the cgroup filesystem (or --cgroup-root). A missing file is null,
// not an error: kernels without PSI or schedstat simply do not have them.
import { closeSync, openSync, readdirSync, readSync } from "node:fs";
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

const ABSENT_CODES = new Set(["ENOENT", "ENOTDIR", "EOPNOTSUPP", "ENOTSUP"]); // EOPNOTSUPP: PSI built in but disabled (psi=0)

/**
 * Reads whole pseudo-files through descriptors kept open, with positioned reads into one
 * reused buffer: reopening on every read costs about 40 % more (FIELD-NOTES 15), and a
 * read at offset 0 makes the kernel regenerate the file's contents.
 */
class KeptOpenFiles {
  private readonly descriptors = new Map<string, number>();
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(path: string): string | null {
    let fd = this.descriptors.get(path);
    try {
      if (fd === undefined) {
        fd = openSync(path, "r");
        this.descriptors.set(path, fd);
      }
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) this.buffer = Buffer.concat([this.buffer, Buffer.allocUnsafe(this.buffer.length)]);
        const count = readSync(fd, this.buffer, length, this.buffer.length - length, length);
        if (count === 0) break;
        length += count;
      }
      return this.buffer.toString("utf8", 0, length);
    } catch (error) {
      // A file that went away (a deleted cgroup) is reopened, or found absent, next time.
      if (fd !== undefined) this.forget(path, fd);
      if (ABSENT_CODES.has((error as NodeJS.ErrnoException).code ?? "")) return null;
      throw error;
    }
  }

  private forget(path: string, fd: number): void {
    this.descriptors.delete(path);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}

export function createProcReader(procRoot = "/proc", cgroupRoot = "/sys/fs/cgroup"): TProcReader {
  const files = new KeptOpenFiles();
  const readIfPresent = (path: string) => files.read(path);
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
