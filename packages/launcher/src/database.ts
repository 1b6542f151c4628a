// Where perflab's data lives: the server named by DATABASE_URL, or a PostgreSQL embedded
// under the data directory. Either way the result is a URL with migrations applied and
// the seed in place.
import { createDb, seedDatabase } from "@perflab/db";
import { applyMigrations, assertDatabaseReachable, createDatabase, databaseExists, EmbeddedPostgres, safeLocation } from "@perflab/db/admin";

const EMBEDDED_DATABASE_NAME = "perflab";

export interface TDatabaseHandle {
  url: string;
  description: string;
  /** Stops what this launcher started (the embedded server); a no-op for external ones. */
  stop: () => Promise<void>;
}

export async function openDatabase(databaseUrl: string | null, dataDir: string, log: (message: string) => void): Promise<TDatabaseHandle> {
  if (databaseUrl) {
    await assertDatabaseReachable(databaseUrl);
    return { url: databaseUrl, description: safeLocation(databaseUrl), stop: async () => {} };
  }
  const server = new EmbeddedPostgres({ dataDir, onLog: (line) => (line.includes("ERROR") || line.includes("FATAL") ? log(`postgres: ${line}`) : undefined) });
  log(server.isInitialised ? `starting the embedded PostgreSQL (${server.clusterDir})` : `creating the embedded PostgreSQL in ${server.clusterDir}`);
  await server.start();
  try {
    if (!(await databaseExists(server.url(), EMBEDDED_DATABASE_NAME))) await createDatabase(server.url(), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.url(EMBEDDED_DATABASE_NAME),
    description: `embedded PostgreSQL on 127.0.0.1:${server.port}`,
    stop: () => server.stop(),
  };
}

/** Returns whether migrations had to be applied. */
export async function prepareSchema(databaseUrl: string): Promise<boolean> {
  const hasMigrated = await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }
  return hasMigrated;
}
