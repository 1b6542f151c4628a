// Which PostgreSQL server the tests use: TEST_DATABASE_URL, else DATABASE_URL, else an
// embedded one started for this run (in a temp directory the `postgres` user can enter
// when tests run as root). Every test database is created and dropped by the tests.
import { EmbeddedPostgres } from "@perflab/db/admin";
import { mkdtempSync, chmodSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TTestServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startTestServer(): Promise<TTestServer> {
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) return { url: configured, stop: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), "perflab-test-pg-"));
  chmodSync(dataDir, 0o755);
  const server = new EmbeddedPostgres({ dataDir });
  await server.start();
  return {
    url: server.url(),
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
