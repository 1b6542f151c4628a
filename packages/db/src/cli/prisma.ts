// `npm run db:* -- [args]`: the Prisma CLI with the schema engine this machine can use.
// Interactive commands (migrate dev asking for a name) get this terminal directly.
import { spawnSync } from "node:child_process";
import { PRISMA_CLI_ENTRY, REPO_ROOT, prismaCliEnv } from "./run-prisma-cli";

const result = spawnSync(process.execPath, [PRISMA_CLI_ENTRY, ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  stdio: "inherit",
  env: prismaCliEnv(),
});
process.exit(result.status ?? 1);
