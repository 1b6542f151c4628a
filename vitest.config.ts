// Three projects, run by `npm test` in this order (see packages/testkit/src/run-all-suites.ts):
//  unit        *.test.ts beside the code: pure logic, no I/O beyond temp files
//  integration *.int.test.ts: a real PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or an
//              embedded one), real Socket.IO servers on random ports
//  system      *.sys.test.ts: the real launcher and built server as child processes
import { defineConfig } from "vitest/config";

const ignored = ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/.data/**"];

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["**/*.test.ts"], exclude: [...ignored, "**/*.int.test.ts", "**/*.sys.test.ts"], testTimeout: 20_000 } },
      {
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ignored,
          globalSetup: ["packages/testkit/src/database/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false, // 2 cores: the CLI-driven migration tests are CPU-heavy
        },
      },
      {
        test: {
          name: "system",
          include: ["**/*.sys.test.ts"],
          exclude: ignored,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
