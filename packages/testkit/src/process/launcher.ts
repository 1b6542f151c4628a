// Runs `npm start`'s launcher exactly as a person would, minus npm itself (npm would hide
// the launcher's own exit code behind its own).
import { REPO_ROOT } from "@perflab/db/admin";
import { join } from "node:path";
import { spawnWatched, type TWatchedProcess } from "./spawn-watched";

const TSX_CLI = join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs");

/** `env` is laid over a copy of this process's environment minus database variables. */
export function startLauncher(env: Record<string, string>): TWatchedProcess {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.TEST_DATABASE_URL;
  return spawnWatched(process.execPath, [TSX_CLI, join(REPO_ROOT, "packages/launcher/src/start.ts")], { cwd: REPO_ROOT, env: { ...base, ...env } });
}
