// Debian's prometheus-node-exporter limited to the files the agent reads, scraped once a
// second like the agent samples: the baseline the agent's figures are divided by.
import { findFreePort, REPO_ROOT } from "@perflab/db/admin";
import { spawnSync } from "node:child_process";
import { spawnWatched } from "../../process/spawn-watched";
import { coreShare, cpuSeconds, rssMegabytes } from "./process-cost";

const NODE_EXPORTER_COLLECTORS = ["cpu", "stat", "loadavg", "meminfo", "vmstat", "pressure", "netdev", "netstat", "softnet", "interrupts", "diskstats"];
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** null when node_exporter is not installed. */
export async function benchNodeExporter(seconds: number): Promise<{ idleShare: number; scrapeMs: number; rssMb: number } | null> {
  const binary = spawnSync("sh", ["-c", "command -v prometheus-node-exporter || command -v node_exporter"], { encoding: "utf8" }).stdout.trim();
  if (!binary) return null;
  const port = await findFreePort();
  const exporter = spawnWatched(binary, ["--collector.disable-defaults", ...NODE_EXPORTER_COLLECTORS.map((name) => `--collector.${name}`), `--web.listen-address=127.0.0.1:${port}`], { cwd: REPO_ROOT, env: process.env });
  try {
    await exporter.waitFor(/Listening on|listening/i, 15_000);
    const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    await scrape();
    const pid = exporter.child.pid!;
    const idleShare = await coreShare(pid, seconds, async () => {
      for (let i = 0; i < seconds; i++) {
        await scrape();
        await sleep(1000);
      }
    });
    const rssMb = rssMegabytes(pid);
    const runs = 100;
    const before = cpuSeconds(pid);
    for (let i = 0; i < runs; i++) await scrape();
    return { idleShare, scrapeMs: ((cpuSeconds(pid) - before) * 1000) / runs, rssMb };
  } finally {
    await exporter.stop("SIGTERM");
  }
}
