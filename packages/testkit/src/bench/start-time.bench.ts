// `npm run bench:start`: how long `npm start` takes until /api/health first answers 200,
// cold (empty data directory: initdb, migrations, seed) and warm (existing data), as
// ratios against a baseline measured in the same run on the same machine: a bare Node
// process serving 200 (process start-up + listen + first request).
import { findFreePort } from "@perflab/db/admin";
import { buildIfNeeded } from "@perflab/launcher";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnWatched } from "../process/spawn-watched";
import { startLauncher } from "../process/launcher";
import { waitForHttpOk } from "../process/http";

const WARM_RUNS = 3;
const BASELINE_RUNS = 5;
const START_TIMEOUT_MS = 180_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeBaseline(): Promise<number> {
  const port = await findFreePort();
  const startedAt = performance.now();
  const server = spawnWatched(process.execPath, ["-e", `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`], { cwd: tmpdir(), env: process.env });
  await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, 10_000, 5);
  const elapsed = performance.now() - startedAt;
  await server.stop();
  return elapsed;
}

async function timeLauncher(dataDir: string): Promise<number> {
  const port = await findFreePort();
  const startedAt = performance.now();
  const launcher = startLauncher({ PERFLAB_DATA_DIR: dataDir, PORT: String(port) });
  await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, START_TIMEOUT_MS, 20);
  const elapsed = performance.now() - startedAt;
  const exitCode = await launcher.stop("SIGINT");
  if (exitCode !== 0) throw new Error(`launcher exited with ${exitCode}:\n${launcher.output()}`);
  return elapsed;
}

export async function benchStartTime(): Promise<void> {
  await buildIfNeeded((message) => console.log(`[bench] ${message}`)); // builds are not start-up
  const baselines: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) baselines.push(await timeBaseline());
  const baseline = median(baselines);

  const dataDir = mkdtempSync(join(tmpdir(), "perflab-bench-"));
  chmodSync(dataDir, 0o755);
  try {
    const cold = await timeLauncher(dataDir);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timeLauncher(dataDir));
    const rows = [
      ["baseline: bare node HTTP 200", baseline, `median of ${BASELINE_RUNS}`],
      ["cold start (empty data dir)", cold, "1 run"],
      ["warm start (existing data)", median(warm), `median of ${WARM_RUNS}: ${warm.map((ms) => ms.toFixed(0)).join(", ")} ms`],
    ] as const;
    console.log("\nstart-up to the first 200 from /api/health (embedded PostgreSQL, build excluded)");
    for (const [label, ms, note] of rows) console.log(`${label.padEnd(32)} ${ms.toFixed(0).padStart(7)} ms  ${(ms / baseline).toFixed(1).padStart(6)}× baseline  (${note})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartTime();
