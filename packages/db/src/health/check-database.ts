// Database reachability for /api/health: a round trip with a deadline, so a hung
// connection reports "unreachable" instead of hanging the health check.
import type { Db } from "../client";

export const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export type TDatabaseHealth = { isReachable: true; latencyMs: number } | { isReachable: false; error: string };

export async function checkDatabase(db: Db, timeoutMs = DATABASE_CHECK_TIMEOUT_MS): Promise<TDatabaseHealth> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, deadline]);
    return { isReachable: true, latencyMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  } catch (error) {
    return { isReachable: false, error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
