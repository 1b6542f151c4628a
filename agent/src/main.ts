// perflab-agent: the command-line entry point (bundled to dist/agent.mjs).
import { parseCommandLine, USAGE } from "./cli/parse-command-line";
import { createProcReader } from "./proc/proc-reader";
import { runAgent } from "./run-agent";
import { takeSnapshot } from "./snapshot/take-snapshot";
import { AGENT_VERSION } from "./version";

const log = (message: string) => console.log(`[agent] ${message}`);

function main(): void {
  const command = parseCommandLine(process.argv.slice(2), process.env);
  switch (command.kind) {
    case "help":
      process.stdout.write(USAGE);
      return;
    case "version":
      process.stdout.write(`${AGENT_VERSION}\n`);
      return;
    case "error":
      process.stderr.write(`perflab-agent: ${command.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    case "snapshot":
      try {
        process.stdout.write(`${JSON.stringify(takeSnapshot(createProcReader(command.procRoot, command.cgroupRoot)), null, 2)}\n`);
      } catch (error) {
        process.stderr.write(`perflab-agent: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
      return;
    case "run": {
      const starting = runAgent(command.options, log);
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          log(`${signal}: stopping`);
          void starting.then((agent) => agent.stop()).then(() => process.exit(process.exitCode ?? 0));
        });
      }
      starting.catch((error: Error) => {
        log(`could not start: ${error.message}`);
        process.exit(1);
      });
    }
  }
}

main();
