// `npm run db:* -- [args]`: the Prisma CLI with the schema engine this machine can use.
// Interactive commands (migrate dev asking for a name) get this terminal directly.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { REPO_ROOT } from "./run-prisma-cli.ts";
import { schemaEngineEnv } from "./schema-engine-path.ts";

const prismaCliEntry = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCliEntry, ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  stdio: "inherit",
  env: { ...process.env, ...schemaEngineEnv(), PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
