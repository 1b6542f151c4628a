// `npm start` end to end: the real launcher, an embedded PostgreSQL, the built server and
// the local agent. Also the promise that bad configuration ends with one clear line, not a
// stack trace.
import { findFreePort } from "@perflab/db/admin";
import { startLauncher, waitForHttpOk, type TWatchedProcess } from "@perflab/testkit/process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isProcessAlive } from "./processes";

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

/** The launcher's embedded PostgreSQL, reached from the test as the launcher itself does. */
async function connectToEmbeddedDatabase(dataDir: string, launcherOutput: string): Promise<pg.Client> {
  const dbPort = launcherOutput.match(/embedded PostgreSQL on 127\.0\.0\.1:(\d+)/)![1];
  const credentials = JSON.parse(readFileSync(join(dataDir, "postgres-credentials.json"), "utf8")) as { user: string; password: string };
  const client = new pg.Client({ host: "127.0.0.1", port: Number(dbPort), user: credentials.user, password: credentials.password, database: "perflab" });
  await client.connect();
  return client;
}

/** Waits until the agent's hello reached the database: it is online and described its host. */
async function waitForAgentOnline(client: pg.Client, agentId: string, since: Date, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ last_seen_at: Date | null; has_host_facts: boolean }>(`SELECT last_seen_at, host_facts IS NOT NULL AS has_host_facts FROM agents WHERE id = $1`, [agentId]);
    if (rows[0]?.has_host_facts && rows[0].last_seen_at && rows[0].last_seen_at >= since) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the local agent ${agentId} did not come online within ${timeoutMs} ms`);
}

async function waitForAgentPid(launcher: TWatchedProcess, timeoutMs: number): Promise<number> {
  const [, pid] = await launcher.waitFor(/local agent: started \(pid (\d+)\)/, timeoutMs);
  return Number(pid);
}

describe("npm start with the embedded PostgreSQL", () => {
  it("serves the app, runs a local agent for the first admin, stops cleanly on Ctrl-C, and reuses its data on the next start", { timeout: 300_000 }, async () => {
    const dataDir = newDataDir();
    const port = String(await findFreePort());

    const first = startLauncher({ PERFLAB_DATA_DIR: dataDir, PORT: port });
    await first.waitFor(/\/setup\?token=[\w-]+/, 170_000);
    expect(first.output()).toContain("creating the embedded PostgreSQL");
    const health = await (await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 10_000)).json();
    expect(health).toMatchObject({ status: "ok", database: { isReachable: true } });
    await first.waitFor(/local agent: no active administrator yet/, 10_000);

    // The first admin, directly in the instance's database (as /setup would): the launcher
    // notices, enrols this machine for them and starts the agent, which comes online.
    let client = await connectToEmbeddedDatabase(dataDir, first.output());
    const adminCreatedAt = new Date();
    await client.query(`INSERT INTO users (id, email, name, role, updated_at) VALUES ('kept', 'kept@example.com', 'Kept', 'ADMIN', now())`);
    await first.waitFor(/local agent: enrolled this machine as ".+" for kept@example\.com/, 10_000);
    const firstAgentPid = await waitForAgentPid(first, 5_000);
    const { agentId } = JSON.parse(readFileSync(join(dataDir, "local-agent.json"), "utf8")) as { agentId: string };
    expect(statSync(join(dataDir, "local-agent.json")).mode & 0o777).toBe(0o600);
    await waitForAgentOnline(client, agentId, adminCreatedAt, 20_000);
    await client.end();

    expect(await first.stop("SIGINT")).toBe(0);
    expect(first.output()).toContain("[perflab] stopped");
    expect(isProcessAlive(firstAgentPid), "the local agent outlived the launcher").toBe(false);
    expect(first.output().indexOf("[agent] SIGTERM: stopping"), "the agent is stopped before the web server").toBeLessThan(first.output().indexOf("[web] SIGTERM received"));
    expect(existsSync(join(dataDir, "postgres/postmaster.pid")), "PostgreSQL still running or not shut down cleanly").toBe(false);
    expect(existsSync(join(dataDir, "launcher.pid"))).toBe(false);

    const second = startLauncher({ PERFLAB_DATA_DIR: dataDir, PORT: port });
    await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 60_000);
    await second.waitFor(/\[web\] listening/, 5_000);
    expect(second.output()).toContain("starting the embedded PostgreSQL");
    expect(second.output(), "the admin from the first run was lost").not.toContain("/setup?token=");
    await second.waitFor(/local agent: this machine is enrolled for kept@example\.com/, 10_000);
    const restartedAt = new Date();
    const secondAgentPid = await waitForAgentPid(second, 5_000);
    client = await connectToEmbeddedDatabase(dataDir, second.output());
    await waitForAgentOnline(client, agentId, restartedAt, 20_000);
    expect((await client.query(`SELECT count(*)::int AS count FROM agents`)).rows[0]).toEqual({ count: 1 });

    // Revoked while its agent runs (in the database, so nothing disconnects it), then the
    // agent crashes: it is restarted, refused, and the launcher leaves it off; the web
    // server is not disturbed.
    await client.query(`UPDATE agents SET revoked_at = now() WHERE id = $1`, [agentId]);
    await client.end();
    process.kill(secondAgentPid, "SIGKILL");
    await second.waitFor(/local agent: exited unexpectedly \(killed by SIGKILL\); restarting in 1 s/, 5_000);
    await second.waitFor(/local agent: the local lab machine was revoked .+ delete .+local-agent\.json and restart/, 20_000);
    expect(second.output().match(/local agent: started/g)).toHaveLength(2);
    await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 5_000);

    expect(await second.stop("SIGTERM")).toBe(0);
    expect(existsSync(join(dataDir, "postgres/postmaster.pid"))).toBe(false);
  });
});
