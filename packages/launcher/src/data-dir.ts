// The launcher's own state under PERFLAB_DATA_DIR: a lock against a second launcher on
// the same data, and the generated session secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isProcessAlive } from "./processes";

export class DataDirError extends Error {
  override name = "DataDirError";
}

export function ensureWritableDataDir(dataDir: string): void {
  const probe = join(dataDir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DataDirError(`The data directory ${dataDir} is not writable (${reason}). Fix its permissions or choose another with PERFLAB_DATA_DIR.`);
  }
}

/** Refuses to run twice on one data directory; a lock left by a crashed launcher is taken over. */
export function acquireLauncherLock(dataDir: string): () => void {
  const lockFile = join(dataDir, "launcher.pid");
  if (existsSync(lockFile)) {
    const holder = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isSafeInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new DataDirError(`perflab is already running on ${dataDir} (launcher pid ${holder}). Stop it first, or use another PERFLAB_DATA_DIR.`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** The session-signing secret: AUTH_SECRET if set, else one generated once and kept (0600). */
export function loadOrCreateAuthSecret(dataDir: string, configured: string | null): string {
  if (configured) return configured;
  const secretFile = join(dataDir, "auth-secret");
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretFile, secret, { mode: 0o600 });
  return secret;
}
