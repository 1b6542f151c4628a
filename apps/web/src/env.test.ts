import { describe, expect, it } from "vitest";
import { ConfigError, parseServerEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@db:5432/perflab", AUTH_SECRET: "s".repeat(32) };

describe("parseServerEnv", () => {
  it("applies defaults", () => {
    expect(parseServerEnv(valid)).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", PERFLAB_PUBLIC_URL: "http://localhost:3000", PERFLAB_CONTENT_DIR: "content" });
  });

  it("strips a trailing slash from the public URL", () => {
    expect(parseServerEnv({ ...valid, PERFLAB_PUBLIC_URL: "https://lab.example.com/" }).PERFLAB_PUBLIC_URL).toBe("https://lab.example.com");
  });

  it.each([
    [{ ...valid, DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a postgresql:// URL"],
    [{ AUTH_SECRET: valid.AUTH_SECRET }, "DATABASE_URL is required"],
    [{ ...valid, AUTH_SECRET: "short" }, "AUTH_SECRET must be at least 32 characters"],
    [{ ...valid, PORT: "http" }, "PORT must be a number"],
    [{ ...valid, PORT: "70000" }, "PORT"],
    [{ ...valid, PERFLAB_PUBLIC_URL: "lab.example.com" }, "PERFLAB_PUBLIC_URL must be an absolute URL"],
  ])("names the bad variable in %j", (source, message) => {
    expect(() => parseServerEnv(source)).toThrow(ConfigError);
    expect(() => parseServerEnv(source)).toThrow(message);
  });
});
