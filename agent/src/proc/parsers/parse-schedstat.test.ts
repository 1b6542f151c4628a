// parseSchedstat on the 5.4 and 4.14 files (the Firecracker VM has no /proc/schedstat), on
// versions 15, 16 and 17, and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseSchedstat } from "./parse-schedstat";

const readFixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/schedstat`, import.meta.url), "utf8");


const CPU0 = "cpu0 5 0 100 40 90 30 2500000000 750000000 60";

describe("parseSchedstat on documented files", () => {
  it("reads the 5.4 file: online CPUs only, nanoseconds as seconds, domain lines skipped", () => {
    const schedstat = parseSchedstat(readFixture("linux-5.4-ubuntu"));
    expect(schedstat.version).toBe(15);
    expect(schedstat.timestampJiffies).toBe(4554092296);
    expect(schedstat.cpus.map((cpu) => cpu.cpu)).toEqual([0, 1, 3]);
    expect(schedstat.cpus[0]).toEqual({
      cpu: 0,
      yieldCalls: 1203,
      scheduleCalls: 2409338112,
      scheduleIdleCalls: 1120933841,
      wakeups: 1903384112,
      localWakeups: 1020933384,
      runSeconds: 301228.334112093,
      runqueueWaitSeconds: 41209.338112004,
      timeslices: 1288404271,
    });
  });

  it("reads the 4.14 file", () => {
    const schedstat = parseSchedstat(readFixture("linux-4.14-centos"));
    expect(schedstat.cpus).toHaveLength(4);
    expect(schedstat.cpus[3]).toMatchObject({ cpu: 3, runSeconds: 862093.384112093, runqueueWaitSeconds: 118093.384112093, timeslices: 1700245028 });
  });
});

describe("parseSchedstat versions", () => {
  it.each([
    [15, "domain0 3 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36"],
    [16, "domain0 3 9 8 7 6 5 4 3 2 1 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36"],
    [17, "domain0 MC 3 " + Array.from({ length: 45 }, (_, i) => i).join(" ")],
  ])("version %i: the cpu line reads the same, domain lines are ignored", (version, domainLine) => {
    const schedstat = parseSchedstat(`version ${version}\ntimestamp 4294892296\n${CPU0}\n${domainLine}\n`);
    expect(schedstat).toEqual({
      version,
      timestampJiffies: 4294892296,
      cpus: [{ cpu: 0, yieldCalls: 5, scheduleCalls: 100, scheduleIdleCalls: 40, wakeups: 90, localWakeups: 30, runSeconds: 2.5, runqueueWaitSeconds: 0.75, timeslices: 60 }],
    });
  });

  it("ignores numbers a patched kernel appends to the cpu line", () => {
    expect(parseSchedstat(`version 15\n${CPU0} 1 2 3 4\n`).cpus[0]?.timeslices).toBe(60);
  });

  it("refuses versions before 15, whose cpu line had 12 numbers", () => {
    expectParseError(() => parseSchedstat("version 14\ntimestamp 1\ncpu0 0 0 0 1 2 3 4 5 6 7 8 9\n"), "/proc/schedstat", 1, /version 14 is not supported/);
  });
});

describe("parseSchedstat on malformed input", () => {
  it("rejects an empty file", () => {
    expectParseError(() => parseSchedstat(""), "/proc/schedstat", 1, /empty file/);
  });

  it("rejects a file without the version line", () => {
    expectParseError(() => parseSchedstat(`timestamp 1\n${CPU0}\n`, "/host/proc/schedstat"), "/host/proc/schedstat", 1, /expected "version N" as the first line/);
    expectParseError(() => parseSchedstat("version\n"), "/proc/schedstat", 1, /"version" has 0 numbers, 1 expected/);
  });

  it("rejects a truncated cpu line", () => {
    expectParseError(() => parseSchedstat("version 15\ntimestamp 1\ncpu0 5 0 100 40 90 30 2500000000\n"), "/proc/schedstat", 3, /"cpu0" has 7 numbers, 9 expected/);
  });

  it("rejects a non-numeric field", () => {
    expectParseError(() => parseSchedstat("version 15\ntimestamp 1\ncpu0 5 0 100 40 90 30 2500000000 x 60\n"), "/proc/schedstat", 3, /"cpu0" field 8: expected an unsigned integer, got "x"/);
    expectParseError(() => parseSchedstat("version fifteen\n"), "/proc/schedstat", 1, /"version" field 1: expected an unsigned integer/);
  });
});
