// Why a /proc or cgroup file could not be parsed, with the file and (when known) the
// 1-based line, so a report reads "/proc/net/softnet_stat:3: expected hex counters".
// Parsers throw it only when no sensible result exists; unknown extra fields and lines
// are tolerated, because kernels keep adding them.
export class ProcParseError extends Error {
  override name = "ProcParseError";

  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${detail}`);
  }
}
