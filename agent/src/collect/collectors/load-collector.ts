// The 1-minute load average: a lagging saturation signal (runnable plus D-state tasks).
import { parseLoadAvg } from "../../proc/parsers/parse-loadavg";
import { requireProcFile } from "../../proc/proc-reader";
import type { TCollector } from "../collector";

export function createLoadCollector(): TCollector {
  return {
    name: "loadavg",
    isHighRes: false,
    collect: (reader) => [["load.avg1", parseLoadAvg(requireProcFile(reader, "loadavg"), `${reader.procRoot}/loadavg`).load1]],
  };
}
