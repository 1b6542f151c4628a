// @perflab/testkit: what tests share: databases, the real server as a process, Chromium,
// and `npm test` itself (run-all-suites.ts).
export { createTestDatabase, type TTestDatabase } from "./database/test-database";
export { startTestServer, type TTestServer } from "./database/test-server";
