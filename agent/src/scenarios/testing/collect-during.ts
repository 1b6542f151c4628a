// The agent's own collectors sampling this machine once a second, in-process: what the
// platform would see during a run, for tests that check a scenario's signals.
import type { TSample } from "@perflab/protocol";
import { sampleCollectors } from "../../collect/collector";
import { createCollectors } from "../../collect/registry";
import { createProcReader } from "../../proc/proc-reader";

export function startSampling(intervalMs = 1000): { stop: () => TSample[] } {
  const reader = createProcReader();
  const collectors = createCollectors();
  const samples: TSample[] = [];
  const take = () => {
    const now = Date.now();
    samples.push({ t: now, points: sampleCollectors(collectors, reader, "all", now).points });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
