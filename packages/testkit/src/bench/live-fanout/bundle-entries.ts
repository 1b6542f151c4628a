// The benchmark's child processes are bundled by esbuild and run with plain node, as the
// production server is (apps/web/scripts/build-server.ts): tsx's loader would add its own
// memory and start-up work to the figures of the process being measured. Our TypeScript
// (workspace packages, agent and server sources) is compiled in; node_modules stays
// external and is found through a link next to the bundles.
import { REPO_ROOT } from "@perflab/db/admin";
import { build, type Plugin } from "esbuild";
import { symlinkSync } from "node:fs";
import { join } from "node:path";

const LIVE_FANOUT_DIR = "packages/testkit/src/bench/live-fanout";
const ENTRIES = {
  perflabServer: `${LIVE_FANOUT_DIR}/perflab-server.entry.ts`,
  bareRelay: `${LIVE_FANOUT_DIR}/bare-relay.entry.ts`,
  agentWorker: `${LIVE_FANOUT_DIR}/agent-worker.entry.ts`,
  viewerWorker: `${LIVE_FANOUT_DIR}/viewer-worker.entry.ts`,
} as const;

export type TBundles = Record<keyof typeof ENTRIES, string>;

const externalizeNodeModules: Plugin = {
  name: "externalize-node-modules",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@perflab/") ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Bundles entry files (paths from the repository root) into `<scratchDir>/bundles`, one
 * `.mjs` per key, so other benchmarks (workshop.bench.ts) bundle their own entries the
 * same way. Returns each key's bundle path.
 */
export async function bundleScripts<K extends string>(scratchDir: string, entries: Record<K, string>): Promise<Record<K, string>> {
  const outDir = join(scratchDir, "bundles");
  const keys = Object.keys(entries) as K[];
  await build({
    entryPoints: keys.map((key) => ({ in: join(REPO_ROOT, entries[key]), out: key })),
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    plugins: [externalizeNodeModules],
    logLevel: "warning",
  });
  symlinkSync(join(REPO_ROOT, "node_modules"), join(scratchDir, "node_modules"));
  return Object.fromEntries(keys.map((key) => [key, join(outDir, `${key}.mjs`)])) as Record<K, string>;
}

/** The live fan-out benchmark's entries; workshop.bench.ts adds its own to these. */
export const LIVE_FANOUT_ENTRIES: Record<keyof TBundles, string> = ENTRIES;

export function bundleEntries(scratchDir: string): Promise<TBundles> {
  return bundleScripts(scratchDir, ENTRIES);
}
