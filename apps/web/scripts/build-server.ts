// Bundles server.ts into dist/server.js. Workspace packages (@perflab/*, TypeScript
// source) are compiled in; everything from node_modules stays external and is required
// at run time, as Next itself is.
import { build, type Plugin } from "esbuild";
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const externalizeNodeModules: Plugin = {
  name: "externalize-node-modules",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@perflab/") || args.path.startsWith("@/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [resolve(appDir, "server.ts")],
  outfile: resolve(appDir, "dist/server.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  tsconfig: resolve(appDir, "tsconfig.json"),
  plugins: [externalizeNodeModules],
  logLevel: "warning",
});
// The launcher compares this stamp with its sources to decide whether to build again.
writeFileSync(resolve(appDir, "dist/.build-stamp"), new Date().toISOString());
console.log("built dist/server.js");
