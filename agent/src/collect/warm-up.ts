// At 1 Hz the parsing code would run for many minutes in V8's slower tiers before being
// optimized; a few hundred throwaway rounds at start (about half a second of CPU, once)
// get it compiled, which cuts the steady cost severalfold (0.7 % → 0.27 % of a core at
// 1 Hz, for about 4 MB of resident memory; measured by bench:agent).
import type { TProcReader } from "../proc/proc-reader";
import { sampleCollectors } from "./collector";
import { createCollectors } from "./registry";

const WARM_UP_ROUNDS = 300;

export function warmUpCollectors(reader: TProcReader): void {
  const throwaway = createCollectors();
  for (let round = 0; round < WARM_UP_ROUNDS; round++) sampleCollectors(throwaway, reader, "all", round * 1000);
}
