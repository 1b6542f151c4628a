// docker-compose.yml must stay valid for `docker compose config`, even though no Docker
// engine runs where the tests do. Uses the Compose v2 plugin or the Debian docker-compose.
import { REPO_ROOT } from "@perflab/db/admin";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";

function findComposeCommand(): string[] | null {
  if (spawnSync("docker", ["compose", "version"], { stdio: "ignore" }).status === 0) return ["docker", "compose"];
  if (spawnSync("docker-compose", ["version"], { stdio: "ignore" }).status === 0) return ["docker-compose"];
  return null;
}

const compose = findComposeCommand();

function runConfig(env: Record<string, string>) {
  const [command, ...args] = compose!;
  return spawnSync(command!, [...args, "-f", join(REPO_ROOT, "docker-compose.yml"), "--profile", "agent", "config"], { encoding: "utf8", env: { ...process.env, ...env } });
}

describe.skipIf(!compose)("docker-compose.yml", () => {
  it("is valid and defines PostgreSQL, the web app and an example agent", () => {
    const result = runConfig({ AUTH_SECRET: "s".repeat(32) });
    expect(result.status, result.stderr).toBe(0);
    const config = parseYaml(result.stdout) as { services: Record<string, { build?: { dockerfile: string }; environment?: Record<string, string> }> };
    expect(Object.keys(config.services).sort()).toEqual(["agent", "postgres", "web"]);
    expect(config.services.web!.environment!.DATABASE_URL).toBe("postgresql://perflab:perflab@postgres:5432/perflab");
    for (const service of ["web", "agent"]) expect(existsSync(join(REPO_ROOT, config.services[service]!.build!.dockerfile))).toBe(true);
  });

  it("refuses to start without AUTH_SECRET and says how to make one", () => {
    const result = runConfig({ AUTH_SECRET: "" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("set AUTH_SECRET to 32+ random characters");
  });
});

describe("Dockerfiles", () => {
  it("start what exists in the repository", () => {
    const web = readFileSync(join(REPO_ROOT, "apps/web/Dockerfile"), "utf8");
    const [, cmd] = web.match(/^CMD (\[.*\])$/m)!;
    for (const path of (JSON.parse(cmd!) as string[]).slice(1)) expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
    expect(readFileSync(join(REPO_ROOT, "agent/Dockerfile"), "utf8")).toContain("npm run build --workspace @perflab/agent");
  });
});
