// How the live fan-out benchmark drives its child processes (servers, agent and viewer
// workers): requests over Node's IPC channel, each answered once. The measured processes
// must not share an event loop with the conductor, so their CPU and memory can be read
// from /proc on their own; this is the smallest way to tell them "start", "reset", "report".
import { spawnWatched, type TWatchedProcess } from "../../process/spawn-watched";

interface TRequest {
  id: number;
  command: string;
  payload: unknown;
}

type TAnswer = { id: number; result: unknown } | { id: number; error: string };

/** Child side: answers each request with its handler's result (or its error message). */
export function serveCommands(handlers: Record<string, (payload: never) => unknown>): void {
  process.on("message", (message: TRequest) => {
    const handler = handlers[message.command] as ((payload: unknown) => unknown) | undefined;
    const answer = (reply: TAnswer) => process.send!(reply);
    if (!handler) return answer({ id: message.id, error: `unknown command ${message.command}` });
    Promise.resolve()
      .then(() => handler(message.payload))
      .then(
        (result) => answer({ id: message.id, result: result ?? null }),
        (error: Error) => answer({ id: message.id, error: error.stack ?? error.message }),
      );
  });
}

export interface TCommandedProcess {
  name: string;
  pid: number;
  ask: <T>(command: string, payload?: unknown, timeoutMs?: number) => Promise<T>;
  stop: () => Promise<void>;
  output: () => string;
}

/** Parent side: starts a bundled entry with plain node and an IPC channel. */
export function startCommandedProcess(name: string, script: string, cwd: string, env: NodeJS.ProcessEnv = process.env): TCommandedProcess {
  const watched: TWatchedProcess = spawnWatched(process.execPath, [script], { cwd, env, ipc: true });
  const waiting = new Map<number, (answer: TAnswer) => void>();
  let nextId = 1;
  watched.child.on("message", (answer: TAnswer) => waiting.get(answer.id)?.(answer));
  void watched.exited.then((code) => {
    for (const settle of waiting.values()) settle({ id: 0, error: `${name} exited (${code}) before answering. Output:\n${watched.output().slice(-2000)}` });
  });

  function ask<T>(command: string, payload: unknown = null, timeoutMs = 60_000): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => settle({ id, error: `${name} did not answer ${command} within ${timeoutMs} ms` }), timeoutMs);
      const settle = (answer: TAnswer) => {
        clearTimeout(timer);
        waiting.delete(id);
        if ("error" in answer) reject(new Error(`${name}: ${answer.error}`));
        else resolve(answer.result as T);
      };
      waiting.set(id, settle);
      watched.child.send({ id, command, payload } satisfies TRequest, (error) => error && settle({ id, error: error.message }));
    });
  }

  return { name, pid: watched.child.pid!, ask, stop: async () => void (await watched.stop("SIGTERM", 10_000)), output: watched.output };
}

/**
 * Runs one measurement with the processes it starts (it pushes them onto `children`, the
 * server first), its first error line instead of a throw, and every process stopped in the
 * reverse order whatever happens: agents first, so the server sees them leave.
 */
export async function measureWithChildren<R>(measure: (children: TCommandedProcess[]) => Promise<R>): Promise<{ data: R } | { error: string }> {
  const children: TCommandedProcess[] = [];
  try {
    return { data: await measure(children) };
  } catch (error) {
    return { error: (error as Error).message.split("\n")[0]! };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}
