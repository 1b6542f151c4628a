// @perflab/db/admin: operating a PostgreSQL server (embedded or external) and its schema.
// Used by the launcher, scripts and tests; never by request handlers.
export { applyMigrations, hasPendingMigrations, listCommittedMigrations } from "./apply-migrations";
export {
  assertDatabaseReachable,
  createDatabase,
  databaseExists,
  describeConnectionError,
  dropDatabase,
  safeLocation,
  waitForPostgres,
  withDatabase,
} from "./database-admin";
export { EmbeddedPostgres, type TEmbeddedPostgresOptions } from "./embedded-postgres";
export { findFreePort, isPortInUse } from "./free-port";
export { runPrismaCli, REPO_ROOT } from "../cli/run-prisma-cli";
