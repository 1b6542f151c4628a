// A child process whose combined output tests can wait on ("wait until it prints the
// setup link"), with a clean way to stop it. Used for the launcher, the built web server
// and the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";

export interface TWatchedProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  /** Resolves with the exit code (128+n for a signal). */
  exited: Promise<number>;
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number>;
}

/** `ipc` opens Node's message channel to the child (child.send / process.on("message")), for benchmark workers. */
export function spawnWatched(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; ipc?: boolean }): TWatchedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 15))));

  function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        cleanup();
        resolve(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern}. Output so far:\n${output}`));
      }, timeoutMs);
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`Process exited (${code}) before printing ${pattern}. Output:\n${output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => listeners.has(check) && (check(), listeners.has(check) && onExit(code)));
      check();
    });
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<number> {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  return { child, output: () => output, waitFor, exited, stop };
}
