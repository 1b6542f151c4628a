// parseStat on /proc/stat captured on the Firecracker VM and written for 5.4 and 4.14, on
// every column-count variant, and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseStat } from "./parse-stat";

const readFixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/stat`, import.meta.url), "utf8");


const TAIL = "intr 100 0 0\nctxt 200\nbtime 1700000000\nprocesses 300\nprocs_running 2\nprocs_blocked 1\n";

describe("parseStat on captured and documented files", () => {
  it("reads the Firecracker 6.18 capture: 10 columns, 2 CPUs, ticks as seconds", () => {
    const stat = parseStat(readFixture("linux-6.18-firecracker"));
    expect(stat.total).toEqual({
      userSeconds: 2998.92,
      niceSeconds: 79.35,
      systemSeconds: 2167.83,
      idleSeconds: 2324.1,
      iowaitSeconds: 59.82,
      irqSeconds: 0,
      softirqSeconds: 161.92,
      stealSeconds: 0,
      guestSeconds: 0,
      guestNiceSeconds: 0,
    });
    expect(stat.perCpu.map((cpu) => cpu.cpu)).toEqual([0, 1]);
    expect(stat.perCpu[0]).toMatchObject({ cpu: 0, userSeconds: 1481.49, idleSeconds: 1234.67, softirqSeconds: 50.56 });
    expect(stat.perCpu[1]).toMatchObject({ cpu: 1, systemSeconds: 1103.44, iowaitSeconds: 35.69 });
    expect(stat).toMatchObject({
      contextSwitches: 18409851,
      bootTimeEpochSeconds: 1795657496,
      forks: 93459,
      procsRunning: 3,
      procsBlocked: 0,
      interrupts: 8836835,
      softirqs: 20788247,
    });
  });

  it("reads the 5.4 file with CPU2 offline: no cpu2 line, but its past time stays in the total", () => {
    const stat = parseStat(readFixture("linux-5.4-ubuntu"));
    expect(stat.perCpu.map((cpu) => cpu.cpu)).toEqual([0, 1, 3]);
    const listedUser = stat.perCpu.reduce((sum, cpu) => sum + cpu.userSeconds, 0);
    expect(stat.total.userSeconds).toBeCloseTo(585691.98, 6);
    expect(stat.total.userSeconds - listedUser).toBeCloseTo(44120.93, 6);
    expect(stat.total.irqSeconds).toBeCloseTo(35836.57, 6);
    expect(stat).toMatchObject({ contextSwitches: 6803384112, bootTimeEpochSeconds: 1591002712, forks: 48201377, procsRunning: 3, procsBlocked: 1, interrupts: 1763853147, softirqs: 1314427219 });
  });

  it("reads the 4.14 file, whose interrupt total is beyond 32 bits", () => {
    const stat = parseStat(readFixture("linux-4.14-centos"));
    expect(stat.perCpu.map((cpu) => cpu.cpu)).toEqual([0, 1, 2, 3]);
    expect(stat.perCpu[2]).toMatchObject({ userSeconds: 581209.33, irqSeconds: 0, stealSeconds: 0 });
    expect(stat).toMatchObject({ contextSwitches: 11203384112, interrupts: 30453484001, softirqs: 31248958615, procsRunning: 2, procsBlocked: 0 });
  });
});

describe("parseStat column variants", () => {
  it.each([
    [4, "before 2.5.41", ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds"]],
    [5, "2.5.41: iowait", ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds", "iowaitSeconds"]],
    [7, "2.6.0: irq, softirq", ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds", "iowaitSeconds", "irqSeconds", "softirqSeconds"]],
    [8, "2.6.11: steal", ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds", "iowaitSeconds", "irqSeconds", "softirqSeconds", "stealSeconds"]],
    [9, "2.6.24: guest", ["userSeconds", "niceSeconds", "systemSeconds", "idleSeconds", "iowaitSeconds", "irqSeconds", "softirqSeconds", "stealSeconds", "guestSeconds"]],
  ])("%i columns (%s) leave the missing columns absent, not 0", (columns, _since, keys) => {
    const ticks = Array.from({ length: columns }, (_, i) => (i + 1) * 100).join(" ");
    const stat = parseStat(`cpu  ${ticks}\ncpu0 ${ticks}\n${TAIL}`);
    expect(Object.keys(stat.total)).toEqual(keys);
    expect(stat.total.userSeconds).toBe(1);
    expect(stat.total.idleSeconds).toBe(4);
    expect("guestNiceSeconds" in stat.total).toBe(false);
    expect(Object.keys(stat.perCpu[0]!)).toEqual(["cpu", ...keys]);
  });

  it("ignores columns a future kernel might append after guest_nice", () => {
    const stat = parseStat(`cpu  1 2 3 4 5 6 7 8 9 10 11 12\n${TAIL}`);
    expect(stat.total.guestNiceSeconds).toBe(0.1);
    expect(Object.keys(stat.total)).toHaveLength(10);
  });

  it("does not add guest time to user time (the kernel already did)", () => {
    const stat = parseStat(`cpu  1000 200 300 400 0 0 0 0 600 150\n${TAIL}`);
    expect(stat.total).toMatchObject({ userSeconds: 10, guestSeconds: 6, niceSeconds: 2, guestNiceSeconds: 1.5 });
  });

  it("converts with the USER_HZ it is given", () => {
    const stat = parseStat(`cpu  1024 0 512 2048\n${TAIL}`, "/proc/stat", 1024);
    expect(stat.total).toEqual({ userSeconds: 1, niceSeconds: 0, systemSeconds: 0.5, idleSeconds: 2 });
  });

  it("leaves softirqs absent on kernels without a softirq line (before 2.6.31)", () => {
    expect("softirqs" in parseStat(`cpu  1 2 3 4\n${TAIL}`)).toBe(false);
  });

  it("tolerates unknown lines, such as 2.4's page, swap and disk_io", () => {
    const stat = parseStat(`cpu  1 2 3 4\npage 5741 1808\nswap 1 0\ndisk_io: (2,0):(31,30,5764,1,2)\n${TAIL}something_new 1 2 3\n`);
    expect(stat.contextSwitches).toBe(200);
  });
});

describe("parseStat on malformed input", () => {
  it("rejects an empty file at line 1", () => {
    expectParseError(() => parseStat(""), "/proc/stat", 1, /empty file/);
  });

  it("rejects a truncated cpu line with its line number", () => {
    expectParseError(() => parseStat(`cpu  1 2 3 4\ncpu0 1 2 3\n${TAIL}`, "/host/proc/stat"), "/host/proc/stat", 2, /"cpu0" has 3 time columns/);
  });

  it("rejects a non-numeric field", () => {
    expectParseError(() => parseStat(`cpu  1 2 3 4\n${TAIL.replace("ctxt 200", "ctxt 2x0")}`), "/proc/stat", 3, /ctxt: expected an unsigned integer, got "2x0"/);
    expectParseError(() => parseStat(`cpu  1 -2 3 4\n${TAIL}`), "/proc/stat", 1, /cpu niceSeconds: expected an unsigned integer, got "-2"/);
  });

  it("rejects an intr line without its total", () => {
    expectParseError(() => parseStat(`cpu  1 2 3 4\nintr\n${TAIL.slice(TAIL.indexOf("ctxt"))}`), "/proc/stat", 2, /intr total: expected an unsigned integer, got nothing/);
  });

  it("rejects a file cut short, pointing at where it ends", () => {
    expectParseError(() => parseStat("cpu  1 2 3 4\ncpu0 1 2 3 4\nintr 5 0\nctxt 9\n"), "/proc/stat", 5, /no "btime" line/);
  });

  it("rejects a file without the cpu line", () => {
    expectParseError(() => parseStat(TAIL), "/proc/stat", 7, /no "cpu" line/);
  });
});
