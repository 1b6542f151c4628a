// PostgreSQL refuses to run as root. When perflab is started as root (containers, CI,
// lab VMs) the embedded server runs as the unprivileged `postgres` user, created if needed.
import { execFileSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";

export const POSTGRES_SYSTEM_USER = "postgres";

export interface TRunAs {
  uid: number;
  gid: number;
}

function lookUpIds(user: string): TRunAs | null {
  try {
    const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** null when not root: the server then runs as the current user. */
export function ensurePostgresRunAs(): TRunAs | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const existing = lookUpIds(POSTGRES_SYSTEM_USER);
  if (existing) return existing;
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_SYSTEM_USER], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`Running as root, the embedded PostgreSQL needs a "${POSTGRES_SYSTEM_USER}" user and creating it failed (${(error as Error).message.split("\n")[0]}). Create it, run perflab as a normal user, or set DATABASE_URL.`);
  }
  const created = lookUpIds(POSTGRES_SYSTEM_USER);
  if (!created) throw new Error(`Created the "${POSTGRES_SYSTEM_USER}" user but cannot look it up.`);
  return created;
}

/**
 * The unprivileged user must be able to reach the data directory: every ancestor needs
 * the search (x) bit for "others" (e.g. a clone under a 0700 mktemp directory fails).
 */
export function findUntraversableAncestor(directory: string): string | null {
  let current = dirname(directory);
  while (true) {
    try {
      accessSync(current, constants.F_OK);
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return current;
    } catch {
      /* a missing ancestor is created later with default modes */
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
