// Child processes the lab specs start: the shown agent command, a CPU load, a burst.
// Each runs in its own process group so everything it started can be stopped at once.
import { spawn } from "node:child_process";

export interface TShell {
  output: () => string;
  exited: Promise<number | null>;
  stop: () => void;
}

export function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env): TShell {
  const child = spawn("sh", ["-c", command], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}
