// Run by the benchmark as plain Node (bundled by esbuild, as the agent is; tsx's loader
// would inflate the figures): the CPU one full snapshot of every collector costs, warmed up
// as the agent warms itself up at start. Prints one line of JSON.
//   warmMs: back to back, the way node_exporter's per-scrape figure is measured;
//   coldMs: once a second, the agent's real rhythm (caches cold between rounds).
import { sampleCollectors } from "../../../../../agent/src/collect/collector";
import { createCollectors } from "../../../../../agent/src/collect/registry";
import { warmUpCollectors } from "../../../../../agent/src/collect/warm-up";
import { createProcReader } from "../../../../../agent/src/proc/proc-reader";

const COLD_ROUNDS = Number(process.argv[2] ?? 10);
const WARM_ROUNDS = 500;
const reader = createProcReader();
const now = () => performance.timeOrigin + performance.now();
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

warmUpCollectors(reader); // as the agent does at start

const collectors = createCollectors();
const warmStart = process.cpuUsage();
for (let round = 0; round < WARM_ROUNDS; round++) sampleCollectors(collectors, reader, "all", now());
const warmMs = cpuMs(warmStart) / WARM_ROUNDS;

let coldTotalMs = 0;
for (let round = 0; round < COLD_ROUNDS; round++) {
  await new Promise((done) => setTimeout(done, 1000));
  const start = process.cpuUsage();
  sampleCollectors(collectors, reader, "all", now());
  coldTotalMs += cpuMs(start);
}
console.log(JSON.stringify({ warmMs, coldMs: coldTotalMs / COLD_ROUNDS }));
