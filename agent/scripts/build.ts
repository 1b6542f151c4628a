// Bundles the agent into one file, dist/agent.js, dependencies included, so installing it
// on a lab machine is copying one file next to Node 20+.
import { build } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const agentDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [resolve(agentDir, "src/main.ts")],
  outfile: resolve(agentDir, "dist/agent.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // CommonJS dependencies (ws, engine.io-client) call require(); give the ESM bundle one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __perflabCreateRequire } from 'node:module';\nconst require = __perflabCreateRequire(import.meta.url);" },
  external: ["bufferutil", "utf-8-validate"], // optional native speed-ups of ws
  logLevel: "warning",
});
console.log("built dist/agent.js");
