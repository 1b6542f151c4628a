import { createTestDatabase } from "@perflab/testkit";
import { describe, expect, it } from "vitest";
import { createDb } from "../client";
import { checkDatabase } from "./check-database";

describe("checkDatabase", () => {
  it("reports a reachable database with its latency", async () => {
    const testDb = await createTestDatabase();
    try {
      expect(await checkDatabase(testDb.db)).toEqual({ isReachable: true, latencyMs: expect.any(Number) });
    } finally {
      await testDb.drop();
    }
  });

  it("reports an unreachable one without throwing", async () => {
    const db = createDb("postgresql://postgres@127.0.0.1:1/nothing");
    try {
      const health = await checkDatabase(db, 1_000);
      expect(health.isReachable).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
