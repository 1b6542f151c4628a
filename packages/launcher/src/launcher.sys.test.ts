// `npm start` end to end: the real launcher, an embedded PostgreSQL, the built server.
// Also the promise that bad configuration ends with one clear line, not a stack trace.
import { findFreePort } from "@perflab/db/admin";
import { startLauncher, waitForHttpOk } from "@perflab/testkit/process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const dataDirs: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "perflab-launcher-"));
  chmodSync(dir, 0o755); // the embedded server's "postgres" user must enter it when run as root
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function expectCleanFailure(env: Record<string, string>, message: string | RegExp): Promise<void> {
  const launcher = startLauncher({ PERFLAB_DATA_DIR: newDataDir(), ...env });
  const code = await launcher.exited;
  expect(code, launcher.output()).toBe(1);
  expect(launcher.output()).toMatch(message);
  expect(launcher.output(), "a stack trace instead of a message").not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe("npm start with bad configuration", () => {
  it("names an invalid variable", async () => {
    await expectCleanFailure({ PORT: "eighty" }, "[perflab] error: Invalid configuration: PORT must be a number");
  });

  it("explains an unreachable DATABASE_URL", async () => {
    const port = await findFreePort();
    await expectCleanFailure({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/perflab`, PORT: String(await findFreePort()) }, `nothing accepts connections at 127.0.0.1:${port}/perflab`);
  });

  it("explains an occupied port", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expectCleanFailure({ PORT: String(port) }, `Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("explains an unwritable data directory", async () => {
    const notADirectory = join(newDataDir(), "file");
    writeFileSync(notADirectory, "");
    await expectCleanFailure({ PERFLAB_DATA_DIR: notADirectory, PORT: String(await findFreePort()) }, /The data directory .*file is not writable \((ENOTDIR|EEXIST)\)/);
  });
});

describe("npm start with the embedded PostgreSQL", () => {
  it("serves the app, stops cleanly on Ctrl-C, and reuses its data on the next start", async () => {
    const dataDir = newDataDir();
    const port = String(await findFreePort());

    const first = startLauncher({ PERFLAB_DATA_DIR: dataDir, PORT: port });
    await first.waitFor(/\/setup\?token=[\w-]+/, 170_000);
    expect(first.output()).toContain("creating the embedded PostgreSQL");
    const health = await (await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 10_000)).json();
    expect(health).toMatchObject({ status: "ok", database: { isReachable: true } });

    // Give the instance an admin directly in its database, to see it again after a restart.
    const dbPort = first.output().match(/embedded PostgreSQL on 127\.0\.0\.1:(\d+)/)![1];
    const credentials = JSON.parse(readFileSync(join(dataDir, "postgres-credentials.json"), "utf8")) as { user: string; password: string };
    const client = new pg.Client({ host: "127.0.0.1", port: Number(dbPort), user: credentials.user, password: credentials.password, database: "perflab" });
    await client.connect();
    await client.query(`INSERT INTO users (id, email, name, role, updated_at) VALUES ('kept', 'kept@example.com', 'Kept', 'ADMIN', now())`);
    await client.end();

    expect(await first.stop("SIGINT")).toBe(0);
    expect(first.output()).toContain("[perflab] stopped");
    expect(existsSync(join(dataDir, "postgres/postmaster.pid")), "PostgreSQL still running or not shut down cleanly").toBe(false);
    expect(existsSync(join(dataDir, "launcher.pid"))).toBe(false);

    const second = startLauncher({ PERFLAB_DATA_DIR: dataDir, PORT: port });
    await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 60_000);
    await second.waitFor(/\[web\] listening/, 5_000);
    expect(second.output()).toContain("starting the embedded PostgreSQL");
    expect(second.output(), "the admin from the first run was lost").not.toContain("/setup?token=");
    expect(await second.stop("SIGTERM")).toBe(0);
    expect(existsSync(join(dataDir, "postgres/postmaster.pid"))).toBe(false);
  });
});
