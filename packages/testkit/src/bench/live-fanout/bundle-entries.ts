// The benchmark's child processes are bundled by esbuild and run with plain node, as the
// production server is (apps/web/scripts/build-server.ts): tsx's loader would add its own
// memory and start-up work to the figures of the process being measured. Our TypeScript
// (workspace packages, agent and server sources) is compiled in; node_modules stays
// external and is found through a link next to the bundles.
import { REPO_ROOT } from "@perflab/db/admin";
import { build, type Plugin } from "esbuild";
import { symlinkSync } from "node:fs";
import { join } from "node:path";

const ENTRIES = {
  perflabServer: "perflab-server",
  bareRelay: "bare-relay",
  agentWorker: "agent-worker",
  viewerWorker: "viewer-worker",
} as const;

export type TBundles = Record<keyof typeof ENTRIES, string>;

const externalizeNodeModules: Plugin = {
  name: "externalize-node-modules",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@perflab/") ? undefined : { path: args.path, external: true }));
  },
};

export async function bundleEntries(scratchDir: string): Promise<TBundles> {
  const sourceDir = join(REPO_ROOT, "packages/testkit/src/bench/live-fanout");
  const outDir = join(scratchDir, "bundles");
  await build({
    entryPoints: Object.values(ENTRIES).map((name) => join(sourceDir, `${name}.entry.ts`)),
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
  const bundles = {} as TBundles;
  for (const [key, name] of Object.entries(ENTRIES)) bundles[key as keyof TBundles] = join(outDir, `${name}.entry.mjs`);
  return bundles;
}
