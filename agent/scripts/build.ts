// Bundles the agent into one file, dist/agent.mjs, dependencies included, so installing it
// on a lab machine is copying one file next to Node 20+.
//
// Three choices here are about the agent's memory on the machine it watches (measured by
// `npm run bench:agent`):
// - `.mjs`, not `.js`: installed alone in /opt/perflab-agent there is no package.json saying
//   "type": "module", and Node 20.19+ would first compile an ESM `.js` file as CommonJS, fail,
//   and compile it again as ESM (syntax detection), keeping about 20 MB more resident.
// - minified: V8 keeps the source text of every loaded script.
// - zod's translated error messages (`z.locales`, two thirds of zod's size) are left out: the
//   agent only ever reports errors in English, which zod loads separately.
import { build, type Plugin } from "esbuild";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const agentDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const withoutZodLocales: Plugin = {
  name: "without-zod-locales",
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes("/zod/") ? { path: "zod-locales", namespace: "empty-module" } : undefined));
    builder.onLoad({ filter: /.*/, namespace: "empty-module" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

await build({
  entryPoints: [resolve(agentDir, "src/main.ts")],
  outfile: resolve(agentDir, "dist/agent.mjs"),
  bundle: true,
  minify: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // CommonJS dependencies (ws, engine.io-client) call require(); give the ESM bundle one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __perflabCreateRequire } from 'node:module';\nconst require = __perflabCreateRequire(import.meta.url);" },
  external: ["bufferutil", "utf-8-validate"], // optional native speed-ups of ws
  plugins: [withoutZodLocales],
  logLevel: "warning",
});
console.log("built dist/agent.mjs");
