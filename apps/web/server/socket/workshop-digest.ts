// A machine's latest second reduced to what the instructor's thumbnails draw: CPU busy
// (iowait counted as idle, as on the lab page) and the three PSI "some" averages. Pure, so
// it is tested on real samples; the hub sends it at most once a second per machine.
import type { TSample } from "@perflab/protocol";

export interface TMachineDigest {
  t: number;
  cpuBusyPct: number | null;
  psiCpuPct: number | null;
  psiMemoryPct: number | null;
  psiIoPct: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The newest value of each field in the batch. CPU shares are only in samples that span at
 * least half a second (the agent's rule), and PSI averages at most twice a second, so in
 * 10 ms sampling the newest sample often lacks them: each field looks back on its own.
 */
export function digestSamples(samples: readonly TSample[]): TMachineDigest | null {
  const last = samples.at(-1);
  if (!last) return null;
  let idle: number | null = null;
  let iowait: number | null = null;
  let psiCpu: number | null = null;
  let psiMemory: number | null = null;
  let psiIo: number | null = null;
  for (let index = samples.length - 1; index >= 0 && (idle === null || psiCpu === null || psiMemory === null || psiIo === null); index--) {
    let sampleIdle: number | null = null;
    let sampleIowait: number | null = null;
    for (const [metric, value, labels] of samples[index]!.points) {
      if (metric === "cpu.idle_pct" && labels?.cpu === "all") sampleIdle = value;
      else if (metric === "cpu.iowait_pct" && labels?.cpu === "all") sampleIowait = value;
      else if (metric === "psi.cpu.some_avg10") psiCpu ??= value;
      else if (metric === "psi.memory.some_avg10") psiMemory ??= value;
      else if (metric === "psi.io.some_avg10") psiIo ??= value;
    }
    if (idle === null && sampleIdle !== null) {
      idle = sampleIdle;
      iowait = sampleIowait;
    }
  }
  return {
    t: last.t,
    cpuBusyPct: idle === null ? null : round1(Math.min(100, Math.max(0, 100 - idle - (iowait ?? 0)))),
    psiCpuPct: psiCpu === null ? null : round1(psiCpu),
    psiMemoryPct: psiMemory === null ? null : round1(psiMemory),
    psiIoPct: psiIo === null ? null : round1(psiIo),
  };
}
