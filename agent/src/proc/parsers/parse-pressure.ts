// Pressure stall information: /proc/pressure/{cpu,memory,io,irq} and a cgroup v2 group's
// {cpu,memory,io,irq}.pressure. Format: kernel/sched/psi.c (psi_show),
// Documentation/accounting/psi.rst:
//   some avg10=0.00 avg60=0.04 avg300=0.35 total=115504499
//   full avg10=0.00 avg60=0.00 avg300=0.06 total=35293113
// avg10/60/300 are the percentage of wall time in which some (or all non-idle) tasks were
// stalled on the resource, averaged over 10 s, 60 s and 300 s and recomputed only every 2 s;
// total is the cumulative stall time in microseconds, converted to seconds here. For
// sub-second resolution, rate the total rather than reading the averages.
//
// Which lines exist depends on the file and the kernel:
// - cpu: only "some" before 5.13. Since 5.13 a "full" line follows, but at system level
//   (/proc/pressure/cpu, which is also the root cgroup's cpu.pressure) CPU full "is
//   undefined" and always 0 (psi.c: "CPU FULL is undefined at the system level"); only a
//   non-root cgroup's cpu.pressure has a meaningful full line.
// - irq (6.1+, CONFIG_IRQ_TIME_ACCOUNTING): only "full".
// - memory, io: both lines.
// Hence both halves are optional, but a file with neither is an error.
import { ProcParseError } from "../parse-error";
import { splitFields } from "./fields";

export type TPressureLine = {
  /** Share of the last ~10 s that tasks were stalled, in percent (0-100). */
  avg10Percent: number;
  avg60Percent: number;
  avg300Percent: number;
  /** Cumulative stall time since boot (or since the cgroup was created), in seconds. */
  totalSeconds: number;
};

export type TPressure = {
  /** At least one non-idle task stalled on the resource. Absent in irq files. */
  some?: TPressureLine;
  /** All non-idle tasks stalled at once. Absent in cpu files before 5.13; 0 at system level for cpu. */
  full?: TPressureLine;
};

const MICROSECONDS_PER_SECOND = 1_000_000;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const UNSIGNED_INTEGER = /^\d+$/;

function readPressureLine(file: string, index: number, kind: string, fields: string[]): TPressureLine {
  const values = new Map<string, string>();
  for (const field of fields) {
    const equals = field.indexOf("=");
    if (equals <= 0) throw new ProcParseError(file, `${kind}: expected key=value, got "${field}"`, index + 1);
    values.set(field.slice(0, equals), field.slice(equals + 1));
  }
  const read = (key: string, pattern: RegExp): number => {
    const value = values.get(key);
    if (value === undefined) throw new ProcParseError(file, `${kind}: missing ${key}=`, index + 1);
    if (!pattern.test(value)) throw new ProcParseError(file, `${kind}: ${key} must be a number, got "${value}"`, index + 1);
    return Number(value);
  };
  return {
    avg10Percent: read("avg10", DECIMAL),
    avg60Percent: read("avg60", DECIMAL),
    avg300Percent: read("avg300", DECIMAL),
    totalSeconds: read("total", UNSIGNED_INTEGER) / MICROSECONDS_PER_SECOND,
  };
}

export function parsePressure(text: string, file = "/proc/pressure/cpu"): TPressure {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new ProcParseError(file, "empty file", 1);

  const pressure: TPressure = {};
  for (let index = 0; index < lines.length; index++) {
    const fields = splitFields(lines[index]!);
    const kind = fields[0];
    if (kind === "some" || kind === "full") pressure[kind] = readPressureLine(file, index, kind, fields.slice(1));
    // Other lines (none exist today) are a future kernel's business.
  }
  if (!pressure.some && !pressure.full) throw new ProcParseError(file, 'no "some" or "full" line', lines.length + 1);
  return pressure;
}
