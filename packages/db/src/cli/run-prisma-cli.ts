// Runs the Prisma CLI as a child process with the schema engine this machine can use.
// Used by the npm scripts (db:*), the launcher (migrate deploy) and the migration tests.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { schemaEngineEnv } from "./schema-engine-path";

/** The repository root, where prisma.config.ts lives. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export const PRISMA_CLI_ENTRY = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** The environment the Prisma CLI needs here: a usable schema engine, no network calls. */
export function prismaCliEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...schemaEngineEnv(),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no telemetry calls from an offline machine
  };
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;
  return env;
}

export interface PrismaCliResult {
  exitCode: number;
  output: string;
}

export interface RunPrismaCliOptions {
  databaseUrl?: string;
  /** Stream the CLI's output to this process's stdout/stderr as well as capturing it. */
  isVerbose?: boolean;
}

export function runPrismaCli(args: string[], options: RunPrismaCliOptions = {}): Promise<PrismaCliResult> {
  const env = prismaCliEnv(options.databaseUrl);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI_ENTRY, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (options.isVerbose) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (options.isVerbose) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ exitCode: code ?? 1, output }));
  });
}
