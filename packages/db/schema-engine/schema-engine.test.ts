import { describe, expect, it } from "vitest";
import { toPrismaErrorCode } from "./cli-commands.mjs";
import { toClientConfig } from "./pg-adapter.mjs";

describe("schema engine stand-in", () => {
  it("splits a URL into the discrete fields the shadow database needs", () => {
    expect(toClientConfig("postgresql://app:s%40cret@db.internal:6543/perflab?schema=public")).toMatchObject({
      host: "db.internal",
      port: 6543,
      user: "app",
      password: "s@cret",
      database: "perflab",
    });
  });

  it.each([
    [{ code: "3D000" }, "P1003"],
    [{ code: "28P01" }, "P1000"],
    [{ code: "ECONNREFUSED" }, "P1001"],
    [{ code: "42P04" }, "P1009"],
    [new Error("other"), "P1000"],
  ])("maps %j to the Prisma error code %s", (error, code) => {
    expect(toPrismaErrorCode(error)).toBe(code);
  });
});
