// `npm run bench:agent`: what the lab agent costs on the machine it watches, next to
// Debian's prometheus-node-exporter limited to the same files, measured in the same run.
// Targets (issue 5): ≤ 0.3 % of a core at 1 Hz with streaming, ≤ 1 ms CPU per full
// snapshot, RSS ≤ 60 MB, ≤ 4 % of a core at 100 Hz high resolution.
//
// The agent runs as it is installed: the bundled agent.mjs copied alone into a scratch
// directory (install.sh puts it in /opt/perflab-agent), started with plain `node`.
// BENCH_AGENT_SECONDS sets the length of each measuring window (default 20).
import { REPO_ROOT } from "@perflab/db/admin";
import { AGENT_EVENTS } from "@perflab/protocol";
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnWatched, type TWatchedProcess } from "../process/spawn-watched";
import { startAckingServer } from "./agent-cost/acking-server";
import { benchNodeExporter } from "./agent-cost/node-exporter";
import { coreShare, rssMegabytes } from "./agent-cost/process-cost";

const STEADY_SECONDS = Number(process.env.BENCH_AGENT_SECONDS ?? 20);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Bundles snapshot-cost.entry.ts like the agent and runs it with plain node. */
async function snapshotCost(scratch: string): Promise<{ warmMs: number; coldMs: number }> {
  const script = join(scratch, "snapshot-cost.mjs");
  await build({ entryPoints: [join(REPO_ROOT, "packages/testkit/src/bench/agent-cost/snapshot-cost.entry.ts")], outfile: script, bundle: true, minify: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" });
  return JSON.parse(execFileSync(process.execPath, [script, String(Math.min(STEADY_SECONDS, 10))], { encoding: "utf8" })) as { warmMs: number; coldMs: number };
}

export async function benchAgentCost(): Promise<void> {
  execFileSync("npm", ["run", "build", "-w", "@perflab/agent"], { cwd: REPO_ROOT, stdio: "ignore" });
  const scratch = mkdtempSync(join(tmpdir(), "perflab-agent-bench-"));
  copyFileSync(join(REPO_ROOT, "agent/dist/agent.mjs"), join(scratch, "agent.mjs"));
  const server = await startAckingServer();
  let agent: TWatchedProcess | null = null;
  try {
    agent = spawnWatched(process.execPath, [join(scratch, "agent.mjs"), "run", "--server", server.url], { cwd: scratch, env: { ...process.env, PERFLAB_AGENT_TOKEN: "pla_bench" } });
    await agent.waitFor(/connected to/, 30_000);
    await sleep(3000); // past start-up (module loading, JIT warm-up)
    const pid = agent.child.pid!;
    const batchesBefore = server.batches();
    const steadyShare = await coreShare(pid, STEADY_SECONDS);
    const batchesStreamed = server.batches() - batchesBefore;
    const rss = rssMegabytes(pid);
    await server.agentSocket()!.timeout(5000).emitWithAck(AGENT_EVENTS.setSampling, { mode: "high-res", intervalMs: 10, durationMs: 60_000 });
    await sleep(1000);
    const highResBatchesBefore = server.batches();
    const highResSeconds = Math.min(STEADY_SECONDS, 15);
    const highResShare = await coreShare(pid, highResSeconds);
    const highResBatches = server.batches() - highResBatchesBefore;
    const highResRss = rssMegabytes(pid);
    await agent.stop("SIGTERM");
    agent = null;

    const snapshot = await snapshotCost(scratch);
    const exporter = await benchNodeExporter(STEADY_SECONDS);
    const versus = (value: number, baseline: number | undefined, what: string) => (baseline ? `${(value / baseline).toFixed(2)}× node_exporter ${what}` : "node_exporter not installed (apt-get install prometheus-node-exporter)");

    const rows: [string, string, string][] = [
      ["agent at 1 Hz, streaming (% of one core)", steadyShare.toFixed(3), versus(steadyShare, exporter?.idleShare, `scraped at 1 Hz (${exporter?.idleShare.toFixed(3)} %)`)],
      ["CPU per full snapshot, back to back (ms)", snapshot.warmMs.toFixed(3), versus(snapshot.warmMs, exporter?.scrapeMs, `per scrape (${exporter?.scrapeMs.toFixed(2)} ms)`)],
      ["CPU per full snapshot, once a second (ms)", snapshot.coldMs.toFixed(3), "caches cold between rounds, as in the running agent"],
      ["agent RSS at 1 Hz (MB)", rss.toFixed(1), exporter ? `node_exporter ${exporter.rssMb.toFixed(1)} MB; high-res: ${highResRss.toFixed(1)} MB` : `high-res: ${highResRss.toFixed(1)} MB`],
      ["agent at 100 Hz high-res (% of one core)", highResShare.toFixed(3), `${(highResShare / Math.max(steadyShare, 0.01)).toFixed(1)}× its 1 Hz cost`],
      ["batches acknowledged", String(batchesStreamed), `${STEADY_SECONDS} s at 1 Hz; ${highResBatches} in ${highResSeconds} s at 100 Hz`],
    ];
    console.log(`\nagent cost on this machine (${STEADY_SECONDS} s windows; targets: ≤ 0.3 %, ≤ 1 ms, ≤ 60 MB, ≤ 4 % at 100 Hz)`);
    for (const [label, value, note] of rows) console.log(`  ${label.padEnd(44)} ${value.padStart(8)}   ${note}`);
  } finally {
    await agent?.stop("SIGTERM");
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAgentCost();
