// @perflab/testkit: what tests share: databases, real processes, and `npm test` itself
// (run-all-suites.ts).
export { createTestDatabase, type TTestDatabase } from "./database/test-database";
export { startTestServer, type TTestServer } from "./database/test-server";
export { waitForHttpOk } from "./process/http";
export { startLauncher } from "./process/launcher";
export { spawnWatched, type TWatchedProcess } from "./process/spawn-watched";
