// `prisma migrate deploy` against a database, through the same CLI developers use, so the
// launcher, the tests and a human all apply migrations the one way Prisma records them.
// The CLI costs ~2 s (it compiles a 5 MB wasm engine), so a warm start first asks the
// database itself whether anything is pending and skips the CLI when nothing is.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { REPO_ROOT, runPrismaCli } from "../cli/run-prisma-cli";
import { safeLocation } from "./database-admin";

const MIGRATIONS_DIR = join(REPO_ROOT, "prisma/migrations");
const MIGRATION_DIR_NAME = /^\d{14}_/;

export function listCommittedMigrations(directory = MIGRATIONS_DIR): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && MIGRATION_DIR_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** True unless every committed migration is recorded as applied (and none as failed). */
export async function hasPendingMigrations(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS name");
    if (!table.rows[0]?.name) return true;
    const rows = await client.query("SELECT migration_name, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL");
    if (rows.rows.some((row: { finished_at: Date | null }) => row.finished_at === null)) return true; // let the CLI report it
    const applied = new Set(rows.rows.map((row: { migration_name: string }) => row.migration_name));
    return listCommittedMigrations().some((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; returns whether the CLI had to run. */
export async function applyMigrations(databaseUrl: string): Promise<boolean> {
  if (!(await hasPendingMigrations(databaseUrl))) return false;
  const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl });
  if (result.exitCode !== 0) {
    throw new Error(`Applying migrations to ${safeLocation(databaseUrl)} failed:\n${result.output.trim()}`);
  }
  return true;
}
