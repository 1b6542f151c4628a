// `npm start` builds what is not built yet: the web app (Next + custom server) and the lab
// agent's bundle (served to lab machines) when missing or older than any of their sources,
// and the Prisma client when missing.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@perflab/db/admin";
import { runVisible } from "./processes";

const WEB_DIR = join(REPO_ROOT, "apps/web");
export const WEB_SERVER_ENTRY = join(WEB_DIR, "dist/server.js");
const BUILD_STAMP = join(WEB_DIR, "dist/.build-stamp"); // written by scripts/build-server.ts
const PRISMA_CLIENT = join(REPO_ROOT, "packages/db/src/generated/prisma/client.ts");
export const AGENT_BUNDLE = join(REPO_ROOT, "agent/dist/agent.mjs");
const AGENT_SOURCES = ["agent/src", "agent/scripts", "packages/protocol/src", "package-lock.json"];

// Everything the web build compiles. Generated and output folders are skipped.
const SOURCE_ROOTS = ["apps/web/src", "apps/web/server", "apps/web/next.config.ts", "apps/web/postcss.config.mjs", "packages", "prisma/schema.prisma", "package-lock.json"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", "dist", ".next"]);

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry.name)));
  }
  return newest;
}

export function isWebBuildCurrent(): boolean {
  if (!existsSync(BUILD_STAMP) || !existsSync(WEB_SERVER_ENTRY) || !existsSync(join(WEB_DIR, ".next/BUILD_ID"))) return false;
  const builtAt = statSync(BUILD_STAMP).mtimeMs;
  return SOURCE_ROOTS.every((root) => newestMtimeMs(join(REPO_ROOT, root)) <= builtAt);
}

function isAgentBuildCurrent(): boolean {
  if (!existsSync(AGENT_BUNDLE)) return false;
  const builtAt = statSync(AGENT_BUNDLE).mtimeMs;
  return AGENT_SOURCES.every((root) => newestMtimeMs(join(REPO_ROOT, root)) <= builtAt);
}

export async function buildIfNeeded(log: (message: string) => void): Promise<void> {
  if (!existsSync(PRISMA_CLIENT)) {
    log("generating the Prisma client");
    await runVisible("npm", ["run", "db:generate"], { cwd: REPO_ROOT });
  }
  if (!isAgentBuildCurrent()) {
    log("bundling the lab agent");
    await runVisible("npm", ["run", "build", "--workspace", "@perflab/agent"], { cwd: REPO_ROOT });
  }
  if (isWebBuildCurrent()) return;
  log("building the web app (first start or changed sources; about a minute on 2 cores)");
  const startedAt = Date.now();
  await runVisible("npm", ["run", "build", "--workspace", "@perflab/web"], { cwd: REPO_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  log(`web app built in ${Math.round((Date.now() - startedAt) / 1000)} s`);
}
