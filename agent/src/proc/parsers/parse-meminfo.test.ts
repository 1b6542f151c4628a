// parseMeminfo on /proc/meminfo from the three trees (each kernel prints a different set of
// keys), on unitless and parenthesised keys, and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseMeminfo } from "./parse-meminfo";

const readFixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/meminfo`, import.meta.url), "utf8");
const KIB = 1024;


describe("parseMeminfo on captured and documented files", () => {
  it("reads the Firecracker 6.18 capture: every key, kB as bytes, HugePages_* as counts", () => {
    const meminfo = parseMeminfo(readFixture("linux-6.18-firecracker"));
    expect(Object.keys(meminfo)).toHaveLength(53);
    expect(meminfo).toMatchObject({
      MemTotal: 24683620 * KIB,
      MemAvailable: 23840460 * KIB,
      "Active(anon)": 90076 * KIB,
      KReclaimable: 234464 * KIB,
      Percpu: 960 * KIB,
      FileHugePages: 24576 * KIB,
      VmallocTotal: 34359738367 * KIB,
      HugePages_Total: 0,
      Hugepagesize: 2048 * KIB,
    });
    expect(Object.keys(meminfo)).toEqual(expect.arrayContaining(["Zswap", "SecPageTables", "Balloon", "DirectMap2M"]));
  });

  it("keeps only the keys asked for, still checking every line", () => {
    expect(parseMeminfo(readFixture("linux-6.18-firecracker"), "/proc/meminfo", new Set(["MemAvailable", "SwapFree"]))).toEqual({ MemAvailable: 23840460 * KIB, SwapFree: 0 });
    expectParseError(() => parseMeminfo("MemTotal: 1 kB\nBad Key: 2 kB\n", "/proc/meminfo", new Set(["MemTotal"])), "/proc/meminfo", 2, /expected "Key: value \[kB\]"/);
  });

  it("reads the 5.4 file: KReclaimable, Percpu, FileHugePages and Hugetlb present", () => {
    const meminfo = parseMeminfo(readFixture("linux-5.4-ubuntu"));
    expect(Object.keys(meminfo)).toHaveLength(53);
    expect(meminfo).toMatchObject({ MemTotal: 16319380 * KIB, KReclaimable: 712904 * KIB, Percpu: 4736 * KIB, FileHugePages: 0, Hugetlb: 0, DirectMap1G: 7340032 * KIB });
    expect(meminfo["Active(anon)"]! + meminfo["Active(file)"]!).toBe(meminfo.Active);
  });

  it("reads the 4.14 file: none of the keys added since", () => {
    const meminfo = parseMeminfo(readFixture("linux-4.14-centos"));
    expect(Object.keys(meminfo)).toHaveLength(46);
    expect(meminfo).toMatchObject({ MemTotal: 32765612 * KIB, MemAvailable: 24120996 * KIB, VmallocUsed: 0, HardwareCorrupted: 0, DirectMap1G: 17825792 * KIB });
    for (const later of ["KReclaimable", "Percpu", "FileHugePages", "Hugetlb"]) expect(meminfo).not.toHaveProperty(later);
  });

  it("keeps unknown keys, in any order, and a key named __proto__ as a plain key", () => {
    const meminfo = parseMeminfo("NewThing(x):   7 kB\nMemTotal: 100 kB\n__proto__: 1\n");
    expect(meminfo).toEqual({ "NewThing(x)": 7 * KIB, MemTotal: 100 * KIB, ["__proto__"]: 1 });
    expect(Object.getPrototypeOf(meminfo)).toBe(Object.prototype);
  });
});

describe("parseMeminfo on malformed input", () => {
  it("rejects an empty file", () => {
    expectParseError(() => parseMeminfo(""), "/proc/meminfo", 1, /empty file/);
  });

  it("rejects a truncated line", () => {
    expectParseError(() => parseMeminfo("MemTotal:       24683620 kB\nMemFree:\n", "/host/proc/meminfo"), "/host/proc/meminfo", 2, /expected "Key: value \[kB\]", got "MemFree:"/);
  });

  it("rejects a non-numeric value", () => {
    expectParseError(() => parseMeminfo("MemTotal:       24683620 kB\nMemFree:        lots kB\n"), "/proc/meminfo", 2, /got "MemFree: {8}lots kB"/);
  });

  it("rejects a unit other than kB rather than guess its size", () => {
    expectParseError(() => parseMeminfo("MemTotal:       24683620 kB\nMemFree:        3 MB\n"), "/proc/meminfo", 2, /MemFree: unknown unit "MB"/);
  });

  it("rejects a file without MemTotal, pointing past its end", () => {
    expectParseError(() => parseMeminfo("MemFree:        3 kB\nBuffers:        4 kB\n"), "/proc/meminfo", 3, /no "MemTotal" line/);
  });
});
