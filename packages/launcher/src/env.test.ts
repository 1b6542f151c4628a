import { describe, expect, it } from "vitest";
import { ConfigError, parseLauncherEnv } from "./env";

describe("parseLauncherEnv", () => {
  it("defaults to the embedded database, port 3000 and .data", () => {
    const env = parseLauncherEnv({});
    expect(env).toMatchObject({ port: 3000, databaseUrl: null, publicUrl: "http://localhost:3000", authSecret: null, isLocalAgentEnabled: true });
    expect(env.dataDir).toMatch(/\/\.data$/);
  });

  it("treats empty variables as unset", () => {
    expect(parseLauncherEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: null, port: 3000 });
  });

  it("runs the local agent unless PERFLAB_LOCAL_AGENT=off, with an external database too", () => {
    expect(parseLauncherEnv({ PERFLAB_LOCAL_AGENT: "off" }).isLocalAgentEnabled).toBe(false);
    expect(parseLauncherEnv({ PERFLAB_LOCAL_AGENT: "on" }).isLocalAgentEnabled).toBe(true);
    expect(parseLauncherEnv({ DATABASE_URL: "postgresql://perflab@db:5432/perflab" }).isLocalAgentEnabled).toBe(true);
  });

  it.each([
    [{ PORT: "abc" }, "PORT must be a number"],
    [{ PORT: "0" }, "PORT must be 1-65535"],
    [{ DATABASE_URL: "localhost:5432" }, "DATABASE_URL must be a postgresql://"],
    [{ AUTH_SECRET: "tiny" }, "AUTH_SECRET must be at least 32 characters"],
    [{ PERFLAB_PUBLIC_URL: "/relative" }, "PERFLAB_PUBLIC_URL must be an absolute URL"],
    [{ PERFLAB_LOCAL_AGENT: "no" }, "PERFLAB_LOCAL_AGENT must be on or off"],
  ])("rejects %j naming the variable", (source, message) => {
    expect(() => parseLauncherEnv(source)).toThrow(ConfigError);
    expect(() => parseLauncherEnv(source)).toThrow(message);
  });
});
