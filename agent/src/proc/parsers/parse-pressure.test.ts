// parsePressure on /proc/pressure/* and cgroup *.pressure files from the trees, on every
// line-set variant (cpu before 5.13, irq, memory/io), and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parsePressure } from "./parse-pressure";

const readFixture = (tree: string, path: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/${path}`, import.meta.url), "utf8");


describe("parsePressure on captured and documented files", () => {
  it("reads the Firecracker 6.18 cpu file: some, and a system-level full line that is always 0", () => {
    expect(parsePressure(readFixture("linux-6.18-firecracker", "proc/pressure/cpu"))).toEqual({
      some: { avg10Percent: 28.66, avg60Percent: 28.48, avg300Percent: 43.93, totalSeconds: 1887.922695 },
      full: { avg10Percent: 0, avg60Percent: 0, avg300Percent: 0, totalSeconds: 0 },
    });
  });

  it("reads the Firecracker 6.18 io and memory files", () => {
    expect(parsePressure(readFixture("linux-6.18-firecracker", "proc/pressure/io"), "/proc/pressure/io")).toEqual({
      some: { avg10Percent: 0.94, avg60Percent: 0.25, avg300Percent: 0.38, totalSeconds: 115.681252 },
      full: { avg10Percent: 0.34, avg60Percent: 0.08, avg300Percent: 0.08, totalSeconds: 35.416041 },
    });
    expect(parsePressure(readFixture("linux-6.18-firecracker", "proc/pressure/memory"))).toMatchObject({ some: { totalSeconds: 0 }, full: { totalSeconds: 0 } });
  });

  it("reads the Firecracker root cgroup2 cpu.pressure (the system-wide group)", () => {
    expect(parsePressure(readFixture("linux-6.18-firecracker", "sys/fs/cgroup/unified/cpu.pressure"))).toMatchObject({ some: { avg10Percent: 28.66, totalSeconds: 1887.926932 }, full: { totalSeconds: 0 } });
  });

  it("reads 5.4's cpu files, which have no full line yet", () => {
    const system = parsePressure(readFixture("linux-5.4-ubuntu", "proc/pressure/cpu"));
    expect(system).toEqual({ some: { avg10Percent: 4.12, avg60Percent: 3.87, avg300Percent: 3.55, totalSeconds: 41203.384112 } });
    expect("full" in system).toBe(false);
    const group = parsePressure(readFixture("linux-5.4-ubuntu", "sys/fs/cgroup/system.slice/lab-worker.service/cpu.pressure"));
    expect(group).toEqual({ some: { avg10Percent: 12.41, avg60Percent: 10.08, avg300Percent: 9.77, totalSeconds: 14201.337456 } });
  });

  it("reads 5.4's io file with both lines", () => {
    expect(parsePressure(readFixture("linux-5.4-ubuntu", "proc/pressure/io"))).toMatchObject({ some: { avg60Percent: 1.02 }, full: { avg10Percent: 0.31, totalSeconds: 5203.117386 } });
  });

  it("reads an irq file, which has only a full line (6.1+)", () => {
    const irq = parsePressure("full avg10=1.09 avg60=1.08 avg300=1.46 total=80506377366\n", "/proc/pressure/irq");
    expect(irq).toEqual({ full: { avg10Percent: 1.09, avg60Percent: 1.08, avg300Percent: 1.46, totalSeconds: 80506.377366 } });
    expect("some" in irq).toBe(false);
  });

  it("tolerates unknown keys on a line and unknown lines", () => {
    expect(parsePressure("some avg10=1.00 avg60=2.00 avg300=3.00 total=4000000 avg1=9.99\nnone avg10=0.00\n")).toEqual({
      some: { avg10Percent: 1, avg60Percent: 2, avg300Percent: 3, totalSeconds: 4 },
    });
  });
});

describe("parsePressure on malformed input", () => {
  it("rejects an empty file", () => {
    expectParseError(() => parsePressure(""), "/proc/pressure/cpu", 1, /empty file/);
  });

  it("rejects a truncated line", () => {
    expectParseError(() => parsePressure("some avg10=0.00 avg60=0.04 avg300=0.35 total=1\nfull avg10=0.00 avg60=", "/proc/pressure/io"), "/proc/pressure/io", 2, /full: avg60 must be a number, got ""/);
    expectParseError(() => parsePressure("some avg10=0.00 avg60=0.04 avg300=0.35\n"), "/proc/pressure/cpu", 1, /some: missing total=/);
  });

  it("rejects a non-numeric field", () => {
    expectParseError(() => parsePressure("some avg10=high avg60=0.04 avg300=0.35 total=1\n", "/sys/fs/cgroup/a/cpu.pressure"), "/sys/fs/cgroup/a/cpu.pressure", 1, /some: avg10 must be a number, got "high"/);
    expectParseError(() => parsePressure("some avg10=0.00 avg60=0.04 avg300=0.35 total=1.5\n"), "/proc/pressure/cpu", 1, /total must be a number, got "1.5"/);
    expectParseError(() => parsePressure("some avg10 0.00\n"), "/proc/pressure/cpu", 1, /expected key=value, got "avg10"/);
  });

  it("rejects a file with neither a some nor a full line", () => {
    expectParseError(() => parsePressure("nothing here\n"), "/proc/pressure/cpu", 2, /no "some" or "full" line/);
  });
});
