// The opt-in Prometheus endpoint of a real agent process: it serves this machine's metrics
// even while the perflab server is unreachable, and only /metrics.
import { findFreePort } from "@perflab/db/admin";
import { spawnWatched } from "@perflab/testkit/process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

it("serves the latest sample in Prometheus text format", async () => {
  const port = await findFreePort();
  const agent = spawnWatched(process.execPath, ["--import", "tsx", "agent/src/main.ts", "run", "--server", "http://127.0.0.1:9", "--prometheus", `127.0.0.1:${port}`], {
    cwd: REPO_ROOT,
    env: { ...process.env, PERFLAB_AGENT_TOKEN: "pla_unused" },
  });
  try {
    await agent.waitFor(/prometheus endpoint on http:\/\/127\.0\.0\.1:\d+\/metrics/, 30_000);
    // Rates need two readings: wait for the second sample.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(), { timeout: 10_000, interval: 500 })
      .toMatch(/perflab_cpu_user_pct\{cpu="all"\} [\d.]+/);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toMatch(/^# TYPE perflab_sched_procs_running gauge$/m);
    expect(text).toMatch(/^perflab_mem_available_bytes \d+$/m);
    expect(text).toMatch(/^perflab_softnet_dropped\{cpu="\d+"\} [\d.e+-]+$/m);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  } finally {
    await agent.stop("SIGTERM");
  }
}, 60_000);
