import { describe, expect, it } from "vitest";
import { ConfigError, parseServerEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@db:5432/perflab", AUTH_SECRET: "s".repeat(32) };

describe("parseServerEnv", () => {
  it("applies defaults", () => {
    expect(parseServerEnv(valid)).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", PERFLAB_PUBLIC_URL: "http://localhost:3000", PERFLAB_CONTENT_DIR: "content" });
  });

  it("accepts a complete OIDC provider and the proxy switch", () => {
    expect(parseServerEnv({ ...valid, OIDC_ISSUER: "https://sso.example.com/realms/main", OIDC_CLIENT_ID: "perflab", OIDC_CLIENT_SECRET: "s3cret", PERFLAB_TRUST_PROXY: "1" })).toMatchObject({
      OIDC_ISSUER: "https://sso.example.com/realms/main",
      OIDC_DISPLAY_NAME: "Single sign-on",
      PERFLAB_TRUST_PROXY: true,
    });
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
    [{ ...valid, OIDC_ISSUER: "https://sso.example.com" }, "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together"],
    [{ ...valid, OIDC_ISSUER: "sso", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }, "OIDC_ISSUER must be the issuer URL"],
    [{ ...valid, PERFLAB_TRUST_PROXY: "yes" }, 'PERFLAB_TRUST_PROXY must be "1" or "0"'],
  ])("names the bad variable in %j", (source, message) => {
    expect(() => parseServerEnv(source)).toThrow(ConfigError);
    expect(() => parseServerEnv(source)).toThrow(message);
  });
});
