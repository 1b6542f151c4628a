// parseLoadAvg on /proc/loadavg from the three trees and on malformed input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectParseError } from "./parse-error-assertion";
import { parseLoadAvg } from "./parse-loadavg";

const readFixture = (tree: string) => readFileSync(new URL(`../../../fixtures/proc-trees/${tree}/proc/loadavg`, import.meta.url), "utf8");


describe("parseLoadAvg", () => {
  it.each([
    ["linux-6.18-firecracker", { load1: 2.61, load5: 3.87, load15: 4.5, runnableTasks: 3, totalTasks: 157, lastPid: 28671 }],
    ["linux-5.4-ubuntu", { load1: 2.31, load5: 2.08, load15: 1.97, runnableTasks: 3, totalTasks: 1187, lastPid: 2381022 }],
    ["linux-4.14-centos", { load1: 1.83, load5: 1.91, load15: 1.88, runnableTasks: 2, totalTasks: 612, lastPid: 28113 }],
  ])("reads %s", (tree, expected) => {
    expect(parseLoadAvg(readFixture(tree))).toEqual(expected);
  });

  it("tolerates fields a future kernel might append", () => {
    expect(parseLoadAvg("0.00 0.01 0.05 1/80 123 extra 7\n")).toEqual({ load1: 0, load5: 0.01, load15: 0.05, runnableTasks: 1, totalTasks: 80, lastPid: 123 });
  });

  it("rejects an empty file", () => {
    expectParseError(() => parseLoadAvg(""), "/proc/loadavg", 1, /empty file/);
  });

  it("rejects a truncated line", () => {
    expectParseError(() => parseLoadAvg("0.52 0.58 0.59 2/4", "/host/proc/loadavg"), "/host/proc/loadavg", 1, /expected "load1 load5 load15 runnable\/total lastpid"/);
  });

  it("rejects a non-numeric field", () => {
    expectParseError(() => parseLoadAvg("0.52 n/a 0.59 2/403 12345\n"), "/proc/loadavg", 1, /got "0.52 n\/a 0.59 2\/403 12345"/);
  });
});
