// `prisma migrate deploy` against a database, through the same CLI developers use, so the
// launcher, the tests and a human all apply migrations the one way Prisma records them.
import { runPrismaCli } from "../cli/run-prisma-cli";
import { safeLocation } from "./database-admin";

export async function applyMigrations(databaseUrl: string): Promise<void> {
  const result = await runPrismaCli(["migrate", "deploy"], { databaseUrl });
  if (result.exitCode !== 0) {
    throw new Error(`Applying migrations to ${safeLocation(databaseUrl)} failed:\n${result.output.trim()}`);
  }
}
