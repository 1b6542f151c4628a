// Axis and tooltip numbers in the unit a chart declares: bytes in binary multiples (as
// free(1) and /proc/meminfo think), everything else with k/M/G so 1234567 reads 1.23M.
const BINARY = ["B", "KiB", "MiB", "GiB", "TiB"];
const DECIMAL = ["", "k", "M", "G", "T"];

function scaled(value: number, base: number, prefixes: readonly string[]): { value: number; prefix: string } {
  let index = 0;
  let scaledValue = Math.abs(value);
  while (scaledValue >= base && index < prefixes.length - 1) {
    scaledValue /= base;
    index += 1;
  }
  return { value: Math.sign(value) * scaledValue, prefix: prefixes[index]! };
}

function digits(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return "0";
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1).replace(/\.0$/, "");
  if (magnitude >= 0.01) return value.toFixed(2).replace(/\.?0+$/, "");
  return value.toExponential(1);
}

export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (unit === "bytes" || unit === "bytes/s") {
    const { value: number, prefix } = scaled(value, 1024, BINARY);
    return `${digits(number)} ${prefix}${unit === "bytes/s" ? "/s" : ""}`;
  }
  if (unit === "%") return `${digits(value)} %`;
  if (unit === "ms") return `${digits(value)} ms`;
  const { value: number, prefix } = scaled(value, 1000, DECIMAL);
  return `${digits(number)}${prefix}`;
}

/** Clock time of a chart row: seconds for 1 s slots, milliseconds for the microburst view. */
export function formatClock(timeMs: number, withMilliseconds = false): string {
  const date = new Date(timeMs);
  const clock = date.toLocaleTimeString("en-GB", { hour12: false });
  return withMilliseconds ? `${clock}.${String(date.getMilliseconds()).padStart(3, "0")}` : clock;
}
