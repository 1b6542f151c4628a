// Connection-level operations on a PostgreSQL server: reachability with a clear reason,
// creating and dropping databases. Used by the launcher and the test harness.
import pg from "pg";

const CONNECT_TIMEOUT_MS = 5_000;
const RETRY_INTERVAL_MS = 100;

/** A one-line, human explanation of why a connection failed. */
export function describeConnectionError(error: unknown, url: string): string {
  const where = safeLocation(url);
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return `nothing accepts connections at ${where} (is PostgreSQL running?)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host in ${where} cannot be resolved`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} rejected the user name or password`;
    case "3D000":
      return `the database in ${where} does not exist`;
    default:
      return `cannot connect to ${where}: ${(error as Error)?.message ?? String(error)}`;
  }
}

/** host:port/database of a URL, without credentials, for messages. */
export function safeLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {}); // a server shutting down mid-query must not crash the process
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Resolves when the server answers; rejects with a readable message after the deadline. */
export async function waitForPostgres(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await withClient(url, (client) => client.query("SELECT 1"));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS));
    }
  }
  throw new Error(describeConnectionError(lastError, url));
}

/** Throws an Error whose message explains the failure in one line. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    throw new Error(describeConnectionError(error, url));
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A URL identical to `url` but naming another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(withDatabase(serverUrl, "postgres"), (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(withDatabase(serverUrl, "postgres"), async (client) => {
    // Terminate leftovers (a pool that was not closed) so the drop cannot hang.
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
  });
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(withDatabase(serverUrl, "postgres"), async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (result.rowCount ?? 0) > 0;
  });
}
