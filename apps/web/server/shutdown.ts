// Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests
// finish, close sockets and the database pool, then exit. A second signal or the deadline
// forces the exit so an orchestrator never waits forever.
export const SHUTDOWN_DEADLINE_MS = 10_000;

export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>, log: (message: string) => void): void {
  let isShuttingDown = false;
  const handle = (signal: NodeJS.Signals) => {
    if (isShuttingDown) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    isShuttingDown = true;
    log(`${signal} received: shutting down`);
    setTimeout(() => {
      log(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
