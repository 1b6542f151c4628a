// `npm run bench:agent`: what the lab agent costs on the machine it watches, next to
// Debian's prometheus-node-exporter limited to the same files, measured in the same run.
// Targets (issue 5): ≤ 0.3 % of a core at 1 Hz with streaming, ≤ 1 ms CPU per full
// snapshot, RSS ≤ 60 MB, ≤ 4 % of a core at 100 Hz high resolution.
import { findFreePort, REPO_ROOT } from "@perflab/db/admin";
import { AGENT_EVENTS, EVENTS, NAMESPACES, PROTOCOL_VERSION } from "@perflab/protocol";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { Server, type Socket } from "socket.io";
import { sampleCollectors } from "../../../../agent/src/collect/collector";
import { createCollectors } from "../../../../agent/src/collect/registry";
import { createProcReader } from "../../../../agent/src/proc/proc-reader";
import { spawnWatched, type TWatchedProcess } from "../process/spawn-watched";

const CLOCK_TICKS_PER_SECOND = 100;
const STEADY_SECONDS = Number(process.env.BENCH_AGENT_SECONDS ?? 20);
const NODE_EXPORTER_COLLECTORS = ["cpu", "stat", "loadavg", "meminfo", "vmstat", "pressure", "netdev", "netstat", "softnet", "interrupts", "diskstats"];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * CPU seconds a process has used, summed over its threads from /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds). /proc/<pid>/stat counts in 10 ms clock ticks: at 0.3 % of a core a 20 s
 * window is six ticks, too coarse to compare two light processes. Falls back to the ticks
 * where schedstat is missing (kernels without CONFIG_SCHEDSTATS).
 */
function cpuSeconds(pid: number): number {
  try {
    let nanoseconds = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    return nanoseconds / 1e9;
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }
}

function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function coreShare(pid: number, seconds: number, during?: () => Promise<void>): Promise<number> {
  const cpuBefore = cpuSeconds(pid);
  const startedAt = performance.now();
  await Promise.all([sleep(seconds * 1000), during?.()]);
  return ((cpuSeconds(pid) - cpuBefore) / ((performance.now() - startedAt) / 1000)) * 100;
}

/** A stand-in perflab server for the agent to stream to: accepts, acknowledges, counts. */
async function startAckingServer(): Promise<{ url: string; batches: () => number; agentSocket: () => Socket | null; close: () => Promise<void> }> {
  const httpServer = createServer();
  const io = new Server(httpServer, { maxHttpBufferSize: 4 * 1024 * 1024 });
  let batches = 0;
  let agentSocket: Socket | null = null;
  io.of(NAMESPACES.agent).on("connection", (socket) => {
    agentSocket = socket;
    socket.on(AGENT_EVENTS.hello, (_hello: unknown, ack: (answer: unknown) => void) => ack({ data: { agentId: "bench", lastStoredSeq: 0 } }));
    // Agents send each batch as its JSON bytes (AGENT_EVENTS.batch).
    socket.on(AGENT_EVENTS.batch, (payload: Buffer, ack: (answer: unknown) => void) => {
      batches += 1;
      ack({ data: { seq: (JSON.parse(payload.toString("utf8")) as { seq: number }).seq, stored: true } });
    });
    socket.emit(EVENTS.sessionReady, { protocolVersion: PROTOCOL_VERSION, subject: { kind: "agent", id: "bench" } });
  });
  const port = await findFreePort();
  await new Promise<void>((done) => httpServer.listen(port, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${port}`, batches: () => batches, agentSocket: () => agentSocket, close: () => new Promise((done) => void io.close(() => done())) };
}

function snapshotCpuMs(): number {
  const reader = createProcReader();
  const collectors = createCollectors();
  for (let i = 0; i < 20; i++) sampleCollectors(collectors, reader, "all", performance.timeOrigin + performance.now());
  const runs = 500;
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) sampleCollectors(collectors, reader, "all", performance.timeOrigin + performance.now());
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / runs;
}

async function benchNodeExporter(): Promise<{ idleShare: number; scrapeMs: number } | null> {
  const binary = spawnSync("sh", ["-c", "command -v prometheus-node-exporter || command -v node_exporter"], { encoding: "utf8" }).stdout.trim();
  if (!binary) return null;
  const port = await findFreePort();
  const exporter = spawnWatched(binary, ["--collector.disable-defaults", ...NODE_EXPORTER_COLLECTORS.map((name) => `--collector.${name}`), `--web.listen-address=127.0.0.1:${port}`], { cwd: REPO_ROOT, env: process.env });
  try {
    await exporter.waitFor(/Listening on|listening/i, 15_000);
    const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    await scrape();
    const pid = exporter.child.pid!;
    // Scraped once a second, like the agent's sampling.
    const idleShare = await coreShare(pid, STEADY_SECONDS, async () => {
      for (let i = 0; i < STEADY_SECONDS; i++) {
        await scrape();
        await sleep(1000);
      }
    });
    const runs = 100;
    const before = cpuSeconds(pid);
    for (let i = 0; i < runs; i++) await scrape();
    return { idleShare, scrapeMs: ((cpuSeconds(pid) - before) * 1000) / runs };
  } finally {
    await exporter.stop("SIGTERM");
  }
}

export async function benchAgentCost(): Promise<void> {
  execFileSync("npm", ["run", "build", "-w", "@perflab/agent"], { cwd: REPO_ROOT, stdio: "ignore" });
  const server = await startAckingServer();
  let agent: TWatchedProcess | null = null;
  try {
    agent = spawnWatched(process.execPath, [...(process.env.BENCH_AGENT_NODE_ARGS ?? "").split(" ").filter(Boolean), (process.env.BENCH_AGENT_FILE ?? join(REPO_ROOT, "agent/dist/agent.mjs")), "run", "--server", server.url], { cwd: REPO_ROOT, env: { ...process.env, PERFLAB_AGENT_TOKEN: "pla_bench" } });
    await agent.waitFor(/connected to/, 30_000);
    await sleep(3000); // past start-up (module loading, JIT warm-up)
    const pid = agent.child.pid!;
    const batchesBefore = server.batches();
    const steadyShare = await coreShare(pid, STEADY_SECONDS);
    const batchesStreamed = server.batches() - batchesBefore;
    const rss = rssMegabytes(pid);
    await server.agentSocket()!.timeout(5000).emitWithAck(AGENT_EVENTS.setSampling, { mode: "high-res", intervalMs: 10, durationMs: 60_000 });
    await sleep(1000);
    const highResShare = await coreShare(pid, Math.min(STEADY_SECONDS, 15));
    const highResRss = rssMegabytes(pid);
    const perSnapshotMs = snapshotCpuMs();
    const exporter = await benchNodeExporter();

    const rows: [string, string, string][] = [
      ["agent at 1 Hz, streaming (% of one core)", steadyShare.toFixed(2), exporter ? `${(steadyShare / exporter.idleShare).toFixed(2)}× node_exporter scraped at 1 Hz (${exporter.idleShare.toFixed(2)} %)` : "node_exporter not installed (apt-get install prometheus-node-exporter)"],
      ["CPU per full snapshot (ms)", perSnapshotMs.toFixed(3), exporter ? `${(perSnapshotMs / exporter.scrapeMs).toFixed(2)}× node_exporter per scrape (${exporter.scrapeMs.toFixed(2)} ms)` : "-"],
      ["agent RSS (MB)", rss.toFixed(1), `high-res: ${highResRss.toFixed(1)} MB`],
      ["agent at 100 Hz high-res (% of one core)", highResShare.toFixed(2), `${(highResShare / Math.max(steadyShare, 0.01)).toFixed(1)}× its 1 Hz cost`],
      ["batches acknowledged in the 1 Hz window", String(batchesStreamed), `${STEADY_SECONDS} s`],
    ];
    console.log(`\nagent cost on this machine (${STEADY_SECONDS} s windows; targets: ≤ 0.3 %, ≤ 1 ms, ≤ 60 MB, ≤ 4 % at 100 Hz)`);
    for (const [label, value, note] of rows) console.log(`  ${label.padEnd(44)} ${value.padStart(8)}   ${note}`);
  } finally {
    await agent?.stop("SIGTERM");
    if (process.env.BENCH_AGENT_DEBUG) console.log(agent?.output());
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAgentCost();
